/// The records of a document as the review page lists them: legend kind, span, text and the fields shown when the
/// record is hovered or clicked.
package struct ReviewRecord: Sendable, Equatable, Encodable {
    /// The legend kind (`amount`, `target`, `dept-lead` …).
    package var kind: String
    package var span: Span
    package var text: String
    /// Label and value pairs, in the order shown.
    package var fields: [[String]]

    enum CodingKeys: String, CodingKey { case kind = "k", text = "t", fields = "f" }

    /// Every record of `record` that has a span, in the order of the record's lists.
    package static func all(_ record: DocumentRecord) -> [ReviewRecord] {
        var out: [ReviewRecord] = []
        func section(_ p: Provenance) -> [String] {
            let path = record.sectionPath(p.section)
            return ["section", path.isEmpty ? "(top)" : path.joined(separator: " › ")]
        }
        func add<F>(_ kind: String, _ list: [Located<F>], _ fields: (F) -> [[String]]) {
            for it in list {
                var f = fields(it.fields)
                if let c = it.cell { f.append(["table cell", "table \(c.table), row \(c.row), column \(c.column) (\(c.header))"]) }
                f.append(section(it.provenance))
                out.append(ReviewRecord(kind: kind, span: it.provenance.span, text: it.provenance.text, fields: f))
            }
        }
        func range(_ v: ExactDecimal, _ max: ExactDecimal?) -> String { max.map { "\(v)–\($0)" } ?? "\(v)" }
        add("amount", record.amounts) { a in
            [["value", range(a.value, a.valueMax) + " " + a.unit], ["in 亿元", range(a.yiYuan, a.yiYuanMax)], ["qualifier", a.qualifier.rawValue]]
                + (a.table ? [["table", "yes"]] : []) + (a.chineseNumeral ? [["Chinese numerals", "yes"]] : [])
        }
        add("year", record.years) { [["value", "\($0.value)"], ["kind", $0.kind.rawValue]] }
        add("period", record.periods) { [["value", "\($0.start)–\($0.end)"], ["unit", $0.unit]] }
        add("date", record.dates) { [["value", $0.date], ["kind", $0.kind.rawValue]] }
        add("percent", record.percents) { p in
            [["value", range(p.value, p.valueMax) + " " + p.unit], ["qualifier", p.qualifier.rawValue]]
        }
        add("count", record.counts) { c in
            [["value", range(c.value, c.valueMax) + " " + c.unit], ["in base unit", (c.baseValue.map { "\($0)" } ?? "—") + " " + c.baseUnit],
             ["qualifier", c.qualifier.rawValue]]
        }
        add("doc_number", record.docNumbers) { d in
            [["number", d.number], ["issuer code", d.issuerCode], ["year", "\(d.year)"], ["serial", "\(d.serial)"]]
        }
        for (matcher, output) in MatcherRegistry.declaredOutputs {
            add(matcher, record.declared[output.key] ?? []) { f in output.fields.map { [$0.name, f[$0.name]?.display ?? "—"] } }
        }
        for t in record.targets {
            var f: [[String]] = [["year", "\(t.year)"], ["subject", t.subject], ["metric", t.metric], ["comparator", t.comparator.rawValue],
                                 ["value", range(t.value, t.valueMax) + " " + t.unit]]
            if let th = t.threshold { f.append(["threshold", "\(th.comparator.rawValue) \(th.yiYuan) 亿元"]) }
            if !t.members.isEmpty { f.append(["members", t.members.joined(separator: "、")]) }
            f.append(["lead", t.lead.isEmpty ? "—" : t.lead.joined(separator: "、")])
            f.append(["responsible", t.responsible.isEmpty ? "—" : t.responsible.joined(separator: "、")])
            if !t.restated.isEmpty { f.append(["restated", t.restated.map { "line \($0.line)" }.joined(separator: ", ")]) }
            f.append(section(t.provenance))
            out.append(ReviewRecord(kind: "target", span: t.provenance.span, text: t.provenance.text, fields: f))
        }
        for c in record.clusters {
            let f: [[String]] = [["name", c.name], ["place", c.place ?? "—"], ["industry", c.industry], ["tier", c.tier ?? "—"],
                                 ["status", c.status.rawValue], section(c.provenance)]
            out.append(ReviewRecord(kind: "cluster", span: c.provenance.span, text: c.provenance.text, fields: f))
        }
        for d in record.departments {
            var f: [[String]] = [["canonical name", d.name], ["role", d.role.rawValue], ["level", d.level ?? "—"]]
            if d.collective { f.append(["collective", "yes"]) }
            f.append(section(d.provenance))
            out.append(ReviewRecord(kind: "dept-" + d.role.rawValue, span: d.provenance.span, text: d.provenance.text, fields: f))
        }
        return out
    }

    /// The number of records of each kind the index shows, in `countKinds` order.
    package static func counts(_ r: DocumentRecord) -> [Int] {
        [r.amounts.count, r.years.count, r.periods.count, r.dates.count, r.percents.count, r.counts.count, r.docNumbers.count]
            + MatcherRegistry.declaredOutputs.map { r.declared[$0.output.key]?.count ?? 0 }
            + [r.targets.count, r.clusters.count, r.departments.count]
    }
    /// The index's column names: the built-in kinds, then each declared output (`areas`) before the resolved ones.
    package static let countKinds = ["amounts", "years", "periods", "dates", "percents", "counts", "doc nos"]
        + MatcherRegistry.declaredOutputs.map(\.output.key) + ["targets", "clusters", "depts"]
}
