import Foundation

/// Compares two outputs record by record: what was added, removed or changed, per document and kind.
///
/// A record is keyed by its document, its kind and its span (`start-end`; a second record of the same kind at the
/// same span is `start-end#2`); findings by check, claim and evidence. Two records with one key are `changed` when
/// any field differs, and the change names the fields (`qualifier: about → none`). The document's own facts (title,
/// doc number, date, place) are the kind `document`. Formatting (pretty or compact JSON, key order) never counts.
package struct RecordDiff: Sendable {
    /// One record as compared: its key, where it stands and its fields as text.
    package struct Fact: Sendable, Equatable {
        package var key: String
        package var text: String
        package var line: Int?
        package var fields: [(String, String)]
        package static func == (a: Fact, b: Fact) -> Bool {
            a.key == b.key && a.text == b.text && a.line == b.line && a.fields.elementsEqual(b.fields, by: { $0 == $1 })
        }
    }

    package struct Change: Sendable {
        package var old: Fact
        package var new: Fact
        /// The fields that differ: name, old value, new value (`text` and `line` included when they do).
        package var fields: [(String, String, String)]
    }

    /// The differences of one kind in one document.
    package struct KindDiff: Sendable {
        package var kind: String
        package var added: [Fact] = []
        package var removed: [Fact] = []
        package var changed: [Change] = []
        package var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    package enum Status: String, Sendable { case added, removed, changed }

    package struct DocumentDiff: Sendable {
        package var id: String
        package var status: Status
        package var kinds: [KindDiff]
    }

    package var documents: [DocumentDiff] = []
    /// Documents present on both sides with no difference.
    package var unchanged = 0
    /// Findings over the whole batch that name more than one document.
    package var crossDocument = KindDiff(kind: "cross-document findings")

    package var isEmpty: Bool { documents.isEmpty && crossDocument.isEmpty }

    /// The kinds compared, in the order they are reported.
    package static let kinds = ["document", "amounts", "years", "periods", "dates", "percents", "counts", "doc_numbers"]
        + MatcherRegistry.declaredOutputs.map(\.output.key) + ["targets", "clusters", "departments", "labels", "findings"]

    // MARK: - Facts of a record

    /// Every record of `r` as facts, by kind.
    package static func facts(_ r: DocumentRecord) -> [String: [Fact]] {
        var out: [String: [Fact]] = [:]
        func v(_ d: ExactDecimal?) -> String { d.map { "\($0)" } ?? "—" }
        func add(_ kind: String, _ span: Span, _ text: String, _ fields: [(String, String)]) {
            out[kind, default: []].append(Fact(key: "\(span.start)-\(span.end)", text: text, line: span.line, fields: fields))
        }
        func section(_ p: Provenance) -> (String, String) { ("section", r.sectionPath(p.section).joined(separator: " › ")) }
        let d = r.document
        out["document"] = [("title", d.title), ("doc_number", d.docNumber), ("date", d.date), ("place", d.place),
                           ("encoding", d.encoding), ("sha256", d.sha256)].map { Fact(key: $0.0, text: $0.1 ?? "—", line: nil, fields: []) }
        for a in r.amounts {
            let f = a.fields
            add("amounts", a.provenance.span, a.provenance.text, [("value", v(f.value)), ("value_max", v(f.valueMax)), ("unit", f.unit),
                ("yi_yuan", v(f.yiYuan)), ("qualifier", f.qualifier.rawValue), ("table", "\(f.table)"), section(a.provenance)])
        }
        for y in r.years { add("years", y.provenance.span, y.provenance.text, [("value", "\(y.fields.value)"), ("kind", y.fields.kind.rawValue), section(y.provenance)]) }
        for p in r.periods {
            add("periods", p.provenance.span, p.provenance.text, [("start", "\(p.fields.start)"), ("end", "\(p.fields.end)"), ("unit", p.fields.unit)])
        }
        for x in r.dates { add("dates", x.provenance.span, x.provenance.text, [("date", x.fields.date), ("kind", x.fields.kind.rawValue)]) }
        for p in r.percents {
            add("percents", p.provenance.span, p.provenance.text, [("value", v(p.fields.value)), ("value_max", v(p.fields.valueMax)),
                ("unit", p.fields.unit), ("qualifier", p.fields.qualifier.rawValue), section(p.provenance)])
        }
        for c in r.counts {
            add("counts", c.provenance.span, c.provenance.text, [("value", v(c.fields.value)), ("value_max", v(c.fields.valueMax)),
                ("unit", c.fields.unit), ("base_value", v(c.fields.baseValue)), ("qualifier", c.fields.qualifier.rawValue)])
        }
        for n in r.docNumbers { add("doc_numbers", n.provenance.span, n.provenance.text, [("number", n.fields.number)]) }
        for (_, output) in MatcherRegistry.declaredOutputs {
            for x in r.declared[output.key] ?? [] {
                add(output.key, x.provenance.span, x.provenance.text, output.fields.map { ($0.name, x.fields[$0.name]?.display ?? "—") })
            }
        }
        for t in r.targets {
            add("targets", t.provenance.span, t.provenance.text, [("year", "\(t.year)"), ("subject", t.subject), ("metric", t.metric),
                ("comparator", t.comparator.rawValue), ("value", v(t.value)), ("value_max", v(t.valueMax)), ("unit", t.unit),
                ("members", t.members.joined(separator: "、")), ("lead", t.lead.joined(separator: "、")),
                ("responsible", t.responsible.joined(separator: "、")), ("restated", "\(t.restated.count)")])
        }
        for c in r.clusters {
            add("clusters", c.provenance.span, c.provenance.text, [("name", c.name), ("place", c.place ?? "—"), ("industry", c.industry),
                ("tier", c.tier ?? "—"), ("status", c.status.rawValue)])
        }
        for x in r.departments {
            add("departments", x.provenance.span, x.provenance.text, [("name", x.name), ("role", x.role.rawValue), ("level", x.level ?? "—"),
                ("collective", "\(x.collective)")])
        }
        for l in r.labels { add("labels", l.span, l.text, [("label", l.label)]) }
        out["findings"] = r.findings.map(findingFact)
        for (kind, list) in out { out[kind] = numbered(list) }
        return out
    }

    /// A finding keyed by check, claim and evidence (document and span).
    static func findingFact(_ f: Finding) -> Fact {
        let evidence = f.evidence.map { "\($0.document)@\($0.span.start)-\($0.span.end)" }.joined(separator: " ")
        return Fact(key: "\(f.check) | \(f.claim) | \(evidence)", text: f.claim, line: f.evidence.first?.span.line,
                    fields: [("severity", f.severity.rawValue), ("stated", f.stated), ("computed", f.computed), ("detail", f.detail)])
    }

    /// Keys made unique: the second record of a key is `key#2`, and so on.
    static func numbered(_ list: [Fact]) -> [Fact] {
        var seen: [String: Int] = [:]
        return list.map { f in
            var f = f
            let n = seen[f.key, default: 0] + 1
            seen[f.key] = n
            if n > 1 { f.key += "#\(n)" }
            return f
        }
    }

    // MARK: - Comparing

    /// The differences of one kind: keys on one side only are added or removed, keys on both with other fields changed.
    static func compare(_ kind: String, _ old: [Fact], _ new: [Fact]) -> KindDiff {
        var d = KindDiff(kind: kind)
        let oldByKey = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let newByKey = Dictionary(new.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for o in old where newByKey[o.key] == nil { d.removed.append(o) }
        for n in new {
            guard let o = oldByKey[n.key] else { d.added.append(n); continue }
            if o == n { continue }
            var fields: [(String, String, String)] = []
            if o.text != n.text { fields.append(("text", o.text, n.text)) }
            if o.line != n.line { fields.append(("line", o.line.map(String.init) ?? "—", n.line.map(String.init) ?? "—")) }
            let oldFields = Dictionary(o.fields, uniquingKeysWith: { a, _ in a })
            for (name, value) in n.fields where oldFields[name] != value { fields.append((name, oldFields[name] ?? "—", value)) }
            let newNames = Set(n.fields.map(\.0))
            for (name, value) in o.fields where !newNames.contains(name) { fields.append((name, value, "—")) }
            d.changed.append(Change(old: o, new: n, fields: fields))
        }
        return d
    }

    /// The differences between two records of one document (either side may be missing); nil when there are none.
    package static func compare(old: DocumentRecord?, new: DocumentRecord?) -> DocumentDiff? {
        guard let id = new?.document.id ?? old?.document.id else { return nil }
        let a = old.map(facts) ?? [:], b = new.map(facts) ?? [:]
        let kinds = kinds.map { compare($0, a[$0] ?? [], b[$0] ?? []) }.filter { !$0.isEmpty }
        if kinds.isEmpty { return nil }
        return DocumentDiff(id: id, status: old == nil ? .added : new == nil ? .removed : .changed, kinds: kinds)
    }

    /// The report of one document's two records (`report(limit:)`), or nil when no record differs.
    package static func explain(old: DocumentRecord, new: DocumentRecord, limit: Int = 12) -> String? {
        guard let d = compare(old: old, new: new) else { return nil }
        var diff = RecordDiff()
        diff.documents = [d]
        return diff.report(limit: limit)
    }

    /// Compares two outputs: batch folders (`docs/*.json`, else `documents.jsonl`, and `findings.json`), JSONL files or
    /// single documents' JSON. Documents are matched by id; a batch folder's documents are read two at a time.
    package static func compare(old: String, new: String) throws -> RecordDiff {
        let a = try Output(old), b = try Output(new)
        var diff = RecordDiff()
        var ids = a.ids
        let known = Set(ids)
        ids += b.ids.filter { !known.contains($0) }
        for id in ids {
            if let d = compare(old: try a.record(id), new: try b.record(id)) { diff.documents.append(d) } else { diff.unchanged += 1 }
        }
        if let fa = a.findings, let fb = b.findings {
            func cross(_ list: [Finding]) -> [Fact] { numbered(list.filter { Set($0.evidence.map(\.document)).count > 1 }.map(findingFact)) }
            diff.crossDocument = compare("cross-document findings", cross(fa), cross(fb))
        }
        return diff
    }

    /// One side of a comparison.
    struct Output {
        var ids: [String] = []
        var folder: String?
        var loaded: [String: DocumentRecord] = [:]
        var findings: [Finding]?

        init(_ path: String) throws {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw PipelineError("\(path): no such file or folder") }
            if isDirectory.boolValue {
                findings = try ReviewInput.batchFindings(path)
                let docs = (path as NSString).appendingPathComponent("docs")
                if let names = try? FileManager.default.contentsOfDirectory(atPath: docs) {
                    folder = docs
                    ids = names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
                    return
                }
                guard ReviewInput.isBatchFolder(path) else { throw PipelineError("\(path): not a batch output folder (no docs/ or documents.jsonl)") }
                try ReviewInput.forEachBatchRecord(path) { add($0) }
                return
            }
            if path.hasSuffix(".jsonl") {
                try ReviewInput.forEachLine(path) { line, number in
                    do { add(try DocumentRecord.decode(line)) } catch { throw PipelineError("\(path) line \(number): not a document record (\(error))") }
                }
                return
            }
            guard let data = FileManager.default.contents(atPath: path) else { throw PipelineError("\(path): cannot be read") }
            do { add(try DocumentRecord.decode(data)) } catch { throw PipelineError("\(path): not a document record (\(error))") }
        }

        mutating func add(_ r: DocumentRecord) {
            if loaded[r.document.id] == nil { ids.append(r.document.id) }
            loaded[r.document.id] = r
        }

        func record(_ id: String) throws -> DocumentRecord? {
            if let folder {
                let path = (folder as NSString).appendingPathComponent(id + ".json")
                guard let data = FileManager.default.contents(atPath: path) else { return nil }
                do { return try DocumentRecord.decode(data) } catch { throw PipelineError("\(path): not a document record (\(error))") }
            }
            return loaded[id]
        }
    }

    // MARK: - Reports

    /// Added, removed and changed records over all documents, per kind.
    package var totals: [(kind: String, added: Int, removed: Int, changed: Int)] {
        var t: [String: (Int, Int, Int)] = [:]
        for d in documents { for k in d.kinds { let x = t[k.kind] ?? (0, 0, 0); t[k.kind] = (x.0 + k.added.count, x.1 + k.removed.count, x.2 + k.changed.count) } }
        return Self.kinds.compactMap { k in t[k].map { (k, $0.0, $0.1, $0.2) } }
    }

    static func counts(_ added: Int, _ removed: Int, _ changed: Int) -> String {
        [added > 0 ? "+\(added)" : nil, removed > 0 ? "-\(removed)" : nil, changed > 0 ? "~\(changed)" : nil].compactMap { $0 }.joined(separator: " ")
    }

    static func describe(_ f: Fact) -> String {
        let at = f.line.map { " line \($0)" } ?? ""
        let fields = f.fields.filter { $0.1 != "—" && !$0.1.isEmpty && $0.0 != "section" }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        return "\(f.key)\(at) «\(f.text)»" + (fields.isEmpty ? "" : ": " + fields)
    }

    /// The report for people: per document and kind, the counts and then each record (at most `limit` per kind; 0:
    /// all), and a summary line.
    package func report(limit: Int = 8) -> String {
        var lines: [String] = []
        func list(_ k: KindDiff, indent: String) {
            lines.append("\(indent)\(k.kind)  \(Self.counts(k.added.count, k.removed.count, k.changed.count))")
            var entries: [String] = []
            entries += k.removed.map { "- " + Self.describe($0) }
            entries += k.added.map { "+ " + Self.describe($0) }
            entries += k.changed.map { c in
                "~ \(c.new.key)\(c.new.line.map { " line \($0)" } ?? "") «\(c.new.text)»: " + c.fields.map { "\($0.0) \($0.1) → \($0.2)" }.joined(separator: ", ")
            }
            let shown = limit > 0 ? Array(entries.prefix(limit)) : entries
            lines += shown.map { indent + "  " + $0 }
            if shown.count < entries.count { lines.append("\(indent)  … \(entries.count - shown.count) more (--limit 0 shows all)") }
        }
        for d in documents {
            let total = d.kinds.reduce(0) { $0 + $1.added.count + $1.removed.count + $1.changed.count }
            switch d.status {
            case .added: lines.append("\(d.id): new document (\(total) records)")
            case .removed: lines.append("\(d.id): document removed (\(total) records)")
            case .changed:
                lines.append("\(d.id)")
                for k in d.kinds { list(k, indent: "  ") }
            }
        }
        if !crossDocument.isEmpty { list(crossDocument, indent: "") }
        let changedDocs = documents.count
        var summary = "\(changedDocs) of \(changedDocs + unchanged) documents differ"
        let t = totals
        if !t.isEmpty { summary += "; " + t.map { "\($0.kind) \(Self.counts($0.added, $0.removed, $0.changed))" }.joined(separator: ", ") }
        if !crossDocument.isEmpty { summary += "; cross-document findings \(Self.counts(crossDocument.added.count, crossDocument.removed.count, crossDocument.changed.count))" }
        if isEmpty { summary = "no difference (\(unchanged) documents)" }
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    /// The report for machines.
    package func json() -> JSONValue {
        func fact(_ f: Fact) -> JSONValue {
            .object([("key", .string(f.key)), ("text", .string(f.text)), ("line", f.line.map { .int($0) } ?? .null),
                     ("fields", .object(f.fields.map { ($0.0, .string($0.1)) }))])
        }
        func kind(_ k: KindDiff) -> JSONValue {
            .object([("kind", .string(k.kind)), ("added", .array(k.added.map(fact))), ("removed", .array(k.removed.map(fact))),
                     ("changed", .array(k.changed.map { c in
                        .object([("key", .string(c.new.key)), ("text", .string(c.new.text)), ("line", c.new.line.map { .int($0) } ?? .null),
                                 ("fields", .array(c.fields.map { .object([("field", .string($0.0)), ("old", .string($0.1)), ("new", .string($0.2))]) }))])
                     }))])
        }
        return .object([
            ("differs", .bool(!isEmpty)),
            ("documents_changed", .int(documents.count)), ("documents_unchanged", .int(unchanged)),
            ("totals", .array(totals.map { .object([("kind", .string($0.kind)), ("added", .int($0.added)), ("removed", .int($0.removed)), ("changed", .int($0.changed))]) })),
            ("documents", .array(documents.map { d in .object([("id", .string(d.id)), ("status", .string(d.status.rawValue)), ("kinds", .array(d.kinds.map(kind)))]) })),
            ("cross_document_findings", kind(crossDocument)),
        ])
    }
}
