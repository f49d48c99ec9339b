/// Emit — the JSON object for one document (see `schema/document.schema.json`).
///
/// Keys appear in a fixed order so that output is byte-stable. Spans count Unicode code points of the
/// original decoded text, end exclusive; lines are 1-based.
public enum DocumentJSON {
    public static func object(_ r: DocumentResult) -> JSONValue {
        $cache.withValue(Cache()) { build(r) }
    }

    static func build(_ r: DocumentResult) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("schema", .string(schemaVersion)),
            ("document", document(r)),
            ("sections", .array(r.structure.sections.map { section($0, r) })),
        ]
        let order: [(String, String)] = [
            ("amounts", AmountMatcher.id), ("years", YearMatcher.id), ("periods", PeriodMatcher.id), ("dates", DateMatcher.id),
            ("percents", PercentMatcher.id), ("counts", CountMatcher.id), ("doc_numbers", DocNumberMatcher.id),
        ]
        for (key, matcher) in order {
            pairs.append((key, .array(r.items(matcher).map { item($0, r) })))
        }
        pairs.append(("tables", .array(r.structure.tables.map { table($0, r) })))
        pairs.append(("targets", .array(r.targets.map { target($0, r) })))
        pairs.append(("clusters", .array(r.clusters.map { cluster($0, r) })))
        pairs.append(("departments", .array(r.departments.map { department($0, r) })))
        pairs.append(("labels", labels(r)))
        pairs.append(("findings", .array(r.findings.map { finding($0) })))
        return .object(pairs)
    }

    static func labels(_ r: DocumentResult) -> JSONValue {
        .array(ClaimExtractor.labels(r).map { l in
            let s = r.text.span(l.range)
            return .object([("label", .string(l.label)), ("text", .string(makeString(r.text.original[s.start..<s.end]))), ("span", span(s))])
        })
    }

    static func document(_ r: DocumentResult) -> JSONValue {
        let i = r.info
        return .object([
            ("id", .string(i.id)),
            ("source", .string(i.source)),
            ("sha256", .string(i.sha256)),
            ("encoding", .string(i.encoding)),
            ("title", .optional(i.title)),
            ("doc_number", .optional(i.docNumber)),
            ("date", .optional(i.date)),
            ("characters", .int(i.characters)),
            ("traditional_converted", .bool(i.convertedTraditional)),
            ("place", .optional(ClaimExtractor.place(r, article: 0))),
            ("articles", .array(r.structure.articles.map { a in
                .object([("index", .int(a.index)), ("title", .string(a.title)), ("place", .optional(ClaimExtractor.place(r, article: a.index))),
                         ("span", span(r.text.span(a.range.isEmpty ? a.range.lowerBound..<min(a.range.lowerBound + 1, r.text.count) : a.range)))])
            })),
        ])
    }

    static func span(_ s: Span) -> JSONValue {
        .object([("start", .int(s.start)), ("end", .int(s.end)), ("line", .int(s.line))])
    }

    /// Section paths and sentences repeat across a document's items; each is built once per document.
    final class Cache {
        var paths: [Int: JSONValue] = [:]
        var sentences: [Int: JSONValue] = [:]
    }
    @TaskLocal static var cache: Cache? = nil

    static func path(_ section: Int, _ r: DocumentResult) -> JSONValue {
        if let c = cache, let hit = c.paths[section] { return hit }
        let value = JSONValue.strings(section < r.structure.sections.count ? r.structure.sections[section].path : [])
        cache?.paths[section] = value
        return value
    }

    static func section(_ s: Section, _ r: DocumentResult) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("index", .int(s.index)), ("kind", .string(s.kind.rawValue)), ("path", .strings(s.path)), ("article", .int(s.article)),
        ]
        if let h = s.headingRange, !h.isEmpty { pairs.append(("span", span(r.text.span(h)))) }
        return .object(pairs)
    }

    static func sentence(_ range: Range<Int>?, _ r: DocumentResult) -> JSONValue {
        guard let range else { return .null }
        if let c = cache, let hit = c.sentences[range.lowerBound] { return hit }
        let value = JSONValue.string(r.text.text(range))
        cache?.sentences[range.lowerBound] = value
        return value
    }

    static func provenance(_ text: String, _ s: Span, section: Int, sentence range: Range<Int>?, article: Int, _ r: DocumentResult) -> [(String, JSONValue)] {
        [("text", .string(text)), ("span", span(s)), ("section", path(section, r)), ("sentence", sentence(range, r)), ("article", .int(article))]
    }

    static func item(_ it: Item, _ r: DocumentResult) -> JSONValue {
        var pairs = provenance(it.text, it.span, section: it.section, sentence: it.sentenceRange, article: it.article, r)
        switch it.mention.value {
        case .amount(let a):
            pairs += [
                ("value", .string(a.value.description)), ("value_max", a.valueMax.map { .string($0.description) } ?? .null),
                ("unit", .string(a.unit)), ("yuan", .string(a.yuan.description)),
                ("yi_yuan", .decimal(a.yiYuan)), ("yi_yuan_max", a.yiYuanMax.map { .decimal($0) } ?? .null),
                ("qualifier", .string(a.qualifier.rawValue)), ("table", .bool(a.table)), ("chinese_numeral", .bool(a.chineseNumeral)),
            ]
        case .year(let y, let kind):
            pairs += [("value", .int(y)), ("kind", .string(kind.rawValue))]
        case .period(let s, let e, let unit):
            pairs += [("start", .int(s)), ("end", .int(e)), ("unit", .string(unit))]
        case .date(let y, let m, let d):
            pairs += [("date", .string(isoDate(y, m, d))), ("kind", .string(DateMatcher.kind(r.text, it.mention.range)))]
        case .percent(let p):
            pairs += [("value", .decimal(p.value)), ("value_max", p.valueMax.map { .decimal($0) } ?? .null),
                      ("unit", .string(p.unit)), ("points", .bool(p.isPoints)), ("qualifier", .string(p.qualifier.rawValue))]
        case .count(let c):
            pairs += [("value", .decimal(c.value)), ("value_max", c.valueMax.map { .decimal($0) } ?? .null),
                      ("unit", .string(c.unit)), ("base_unit", .string(c.baseUnit)),
                      ("base_value", c.value.multiplied(by: c.scale).map { .decimal($0) } ?? .null),
                      ("qualifier", .string(c.qualifier.rawValue))]
        case .docNumber(let issuer, let year, let serial, _):
            pairs += [("number", .string(r.text.text(it.mention.range))), ("issuer_code", .string(issuer)), ("year", .int(year)), ("serial", .int(serial))]
        }
        if let cell = it.tableCell {
            pairs.append(("cell", .object([("table", .int(cell.table)), ("row", .int(cell.row)), ("column", .int(cell.column)), ("header", .string(cell.header))])))
        }
        return .object(pairs)
    }

    static func table(_ t: Table, _ r: DocumentResult) -> JSONValue {
        .object([
            ("index", .int(t.index)), ("section", path(t.section, r)), ("span", span(r.text.span(t.range))),
            ("caption", .strings(t.captionRanges.map { r.text.text($0) })),
            ("rows", .array(t.rows.map { row in .array(row.map { .string(r.text.originalText($0)) }) })),
        ])
    }

    static func target(_ t: Target, _ r: DocumentResult) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("year", .int(t.year)), ("subject", .string(t.subject)), ("metric", .string(t.metric)),
            ("comparator", .string(t.comparator.rawValue)), ("value", .decimal(t.value)),
            ("value_max", t.valueMax.map { .decimal($0) } ?? .null), ("unit", .string(t.unit)),
        ]
        if let th = t.threshold {
            pairs.append(("threshold", .object([("yi_yuan", .decimal(th.yiYuan)), ("comparator", .string(th.comparator.rawValue))])))
        } else {
            pairs.append(("threshold", .null))
        }
        pairs += [("members", .strings(t.members)), ("lead", .strings(t.lead)), ("responsible", .strings(t.responsible)),
                  ("text", .string(t.text)), ("span", span(t.span)), ("value_span", span(t.valueSpan)), ("year_span", span(t.yearSpan)),
                  ("section", path(t.section, r)), ("sentence", .string(t.sentence)), ("article", .int(t.article)),
                  ("restated", .array(t.restated.map { span($0) }))]
        return .object(pairs)
    }

    static func cluster(_ c: Cluster, _ r: DocumentResult) -> JSONValue {
        .object([
            ("name", .string(c.name)), ("place", .optional(c.place)), ("industry", .string(c.industry)), ("tier", .optional(c.tier)),
            ("status", .string(c.status)), ("text", .string(c.text)), ("span", span(c.span)), ("section", path(c.section, r)),
            ("sentence", .string(c.sentence)), ("article", .int(c.article)),
        ])
    }

    static func department(_ d: Department, _ r: DocumentResult) -> JSONValue {
        .object([
            ("name", .string(d.name)), ("role", .string(d.role.rawValue)), ("level", .optional(d.level)), ("collective", .bool(d.collective)),
            ("text", .string(d.text)), ("span", span(d.span)), ("section", path(d.section, r)), ("sentence", .string(d.sentence)),
            ("article", .int(d.article)),
        ])
    }

    public static func finding(_ f: Finding) -> JSONValue {
        .object([
            ("check", .string(f.check)), ("severity", .string(f.severity.rawValue)), ("claim", .string(f.claim)),
            ("stated", .string(f.stated)), ("computed", .string(f.computed)), ("tolerance", .string(f.tolerance)),
            ("detail", .string(f.detail)),
            ("evidence", .array(f.evidence.map { e in .object([("document", .string(e.document)), ("span", span(e.span)), ("text", .string(e.text))]) })),
        ])
    }
}
