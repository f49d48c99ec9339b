import Foundation

/// The typed record of one document: what `extract` prints and every line of `documents.jsonl`, as Swift values.
///
/// Every consumer after the pipeline — the batch's sinks (`documents.jsonl`, SQLite, CSV, the claim index), `--resume`
/// and the readers of earlier outputs — takes this one type. `DocumentJSON` writes the same object directly from the
/// pipeline's result for speed; a test decodes that output into `DocumentRecord` and checks it equals the record made
/// from the result, so the two cannot drift. Keys are snake_case; spans count Unicode code points of the original text.
public struct DocumentRecord: Codable, Sendable, Equatable {
    public var schema: String
    /// What made the record: `policy-extract X.Y.Z`.
    public var generator: String?
    public var document: DocumentHeader
    public var sections: [SectionRecord]
    /// The sentences (or heading lines, table rows) that records were read from, once each, in document order; a
    /// record's `sentence` is an index into this list.
    public var sentences: [SentenceRecord]
    public var amounts: [Located<AmountFields>]
    public var years: [Located<YearFields>]
    public var periods: [Located<PeriodFields>]
    public var dates: [Located<DateFields>]
    public var percents: [Located<PercentFields>]
    public var counts: [Located<CountFields>]
    public var docNumbers: [Located<DocNumberFields>]
    /// The records of the matchers that declare their output (`RecordOutput`), by its key (`areas`).
    public var declared: [String: [Located<DeclaredFields>]]
    public var tables: [TableRecord]
    public var targets: [TargetRecord]
    public var clusters: [ClusterRecord]
    public var departments: [DepartmentRecord]
    public var labels: [LabelRecord]
    public var findings: [Finding]

    enum CodingKeys: String, CodingKey {
        case schema, generator, document, sections, sentences, amounts, years, periods, dates, percents, counts
        case docNumbers = "doc_numbers", tables, targets, clusters, departments, labels, findings
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        generator = try c.decodeIfPresent(String.self, forKey: .generator)
        document = try c.decode(DocumentHeader.self, forKey: .document)
        sections = try c.decode([SectionRecord].self, forKey: .sections)
        sentences = try c.decode([SentenceRecord].self, forKey: .sentences)
        amounts = try c.decode([Located<AmountFields>].self, forKey: .amounts)
        years = try c.decode([Located<YearFields>].self, forKey: .years)
        periods = try c.decode([Located<PeriodFields>].self, forKey: .periods)
        dates = try c.decode([Located<DateFields>].self, forKey: .dates)
        percents = try c.decode([Located<PercentFields>].self, forKey: .percents)
        counts = try c.decode([Located<CountFields>].self, forKey: .counts)
        docNumbers = try c.decode([Located<DocNumberFields>].self, forKey: .docNumbers)
        tables = try c.decode([TableRecord].self, forKey: .tables)
        targets = try c.decode([TargetRecord].self, forKey: .targets)
        clusters = try c.decode([ClusterRecord].self, forKey: .clusters)
        departments = try c.decode([DepartmentRecord].self, forKey: .departments)
        labels = try c.decode([LabelRecord].self, forKey: .labels)
        findings = try c.decode([Finding].self, forKey: .findings)
        // A declared key missing from an older output reads as no records.
        let more = try decoder.container(keyedBy: DynamicKey.self)
        declared = [:]
        for (_, output) in MatcherRegistry.declaredOutputs {
            declared[output.key] = try more.decodeIfPresent([Located<DeclaredFields>].self, forKey: DynamicKey(output.key)) ?? []
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encodeIfPresent(generator, forKey: .generator)
        try c.encode(document, forKey: .document)
        try c.encode(sections, forKey: .sections)
        try c.encode(sentences, forKey: .sentences)
        try c.encode(amounts, forKey: .amounts)
        try c.encode(years, forKey: .years)
        try c.encode(periods, forKey: .periods)
        try c.encode(dates, forKey: .dates)
        try c.encode(percents, forKey: .percents)
        try c.encode(counts, forKey: .counts)
        try c.encode(docNumbers, forKey: .docNumbers)
        var more = encoder.container(keyedBy: DynamicKey.self)
        for (key, records) in declared.sorted(by: { $0.key < $1.key }) { try more.encode(records, forKey: DynamicKey(key)) }
        try c.encode(tables, forKey: .tables)
        try c.encode(targets, forKey: .targets)
        try c.encode(clusters, forKey: .clusters)
        try c.encode(departments, forKey: .departments)
        try c.encode(labels, forKey: .labels)
        try c.encode(findings, forKey: .findings)
    }
}

/// A JSON key known only at run time.
struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The fields of a declared record (`RecordOutput`), by name; in JSON they stand beside the provenance keys.
public struct DeclaredFields: Codable, Sendable, Equatable {
    public var values: [String: FieldValue]

    public init(_ values: [String: FieldValue]) { self.values = values }

    /// The keys that are not the record's own: provenance and table cell.
    static let otherKeys: Set<String> = ["text", "span", "section", "sentence", "article", "cell"]

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: DynamicKey.self)
        var v: [String: FieldValue] = [:]
        for k in c.allKeys where !Self.otherKeys.contains(k.stringValue) { v[k.stringValue] = try c.decode(FieldValue.self, forKey: k) }
        values = v
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DynamicKey.self)
        for (k, v) in values.sorted(by: { $0.key < $1.key }) { try c.encode(v, forKey: DynamicKey(k)) }
    }

    public subscript(_ name: String) -> FieldValue? { values[name] }
}

/// What is known of the document itself.
public struct DocumentHeader: Codable, Sendable, Equatable {
    public var id: String
    public var source: String
    public var sha256: String
    public var encoding: String
    public var title: String?
    public var docNumber: String?
    public var date: String?
    public var characters: Int
    public var traditionalConverted: Bool
    /// The place the document is about, from the `places` lexicon.
    public var place: String?
    public var articles: [ArticleRecord]

    enum CodingKeys: String, CodingKey {
        case id, source, sha256, encoding, title, docNumber = "doc_number", date, characters
        case traditionalConverted = "traditional_converted", place, articles
    }
}

public struct ArticleRecord: Codable, Sendable, Equatable {
    public var index: Int
    public var title: String
    public var place: String?
    public var span: Span
}

public struct SectionRecord: Codable, Sendable, Equatable {
    public var index: Int
    public var kind: Section.Kind
    public var path: [String]
    public var article: Int
    /// The heading line, when the section has one.
    public var span: Span?
}

/// A sentence that records refer to: its normalized text and where it stands in the original.
public struct SentenceRecord: Codable, Sendable, Equatable {
    public var text: String
    public var span: Span
}

/// Where a value was read: the original text at `span`, the section (an index into the document's `sections`, whose
/// `path` names its headings), the sentence (an index into the document's `sentences`), the article. In JSON its keys
/// stand beside the value's own.
public struct Provenance: Codable, Sendable, Equatable {
    public var text: String
    public var span: Span
    public var section: Int
    public var sentence: Int?
    public var article: Int
}

/// A value found by a matcher, with its provenance (and its table cell), flattened into one JSON object.
public struct Located<Fields: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var provenance: Provenance
    public var fields: Fields
    public var cell: TableCell?

    enum CodingKeys: String, CodingKey { case cell }

    public init(provenance: Provenance, fields: Fields, cell: TableCell?) {
        self.provenance = provenance
        self.fields = fields
        self.cell = cell
    }

    public init(from decoder: Decoder) throws {
        provenance = try Provenance(from: decoder)
        fields = try Fields(from: decoder)
        cell = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(TableCell.self, forKey: .cell)
    }

    public func encode(to encoder: Encoder) throws {
        try provenance.encode(to: encoder)
        try fields.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(cell, forKey: .cell)
    }
}

/// An amount of money: `value` in `unit` as written, and in 元 and 亿元.
public struct AmountFields: Codable, Sendable, Equatable {
    public var value: ExactDecimal
    public var valueMax: ExactDecimal?
    public var unit: String
    public var yuan: ExactDecimal
    public var yiYuan: ExactDecimal
    public var yiYuanMax: ExactDecimal?
    public var qualifier: Qualifier
    public var table: Bool
    public var chineseNumeral: Bool

    enum CodingKeys: String, CodingKey {
        case value, valueMax = "value_max", unit, yuan, yiYuan = "yi_yuan", yiYuanMax = "yi_yuan_max", qualifier, table
        case chineseNumeral = "chinese_numeral"
    }

    public init(value: ExactDecimal, valueMax: ExactDecimal?, unit: String, yuan: ExactDecimal, yiYuan: ExactDecimal,
                yiYuanMax: ExactDecimal?, qualifier: Qualifier, table: Bool, chineseNumeral: Bool) {
        (self.value, self.valueMax, self.unit, self.yuan, self.yiYuan, self.yiYuanMax) = (value, valueMax, unit, yuan, yiYuan, yiYuanMax)
        (self.qualifier, self.table, self.chineseNumeral) = (qualifier, table, chineseNumeral)
    }

    // `value`, `value_max` and `yuan` are decimal strings in JSON (exact for any size); `yi_yuan` a number.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        value = try ExactDecimal.decodeText(c, .value)
        valueMax = try c.decodeNil(forKey: .valueMax) ? nil : ExactDecimal.decodeText(c, .valueMax)
        unit = try c.decode(String.self, forKey: .unit)
        yuan = try ExactDecimal.decodeText(c, .yuan)
        yiYuan = try c.decode(ExactDecimal.self, forKey: .yiYuan)
        yiYuanMax = try c.decodeIfPresent(ExactDecimal.self, forKey: .yiYuanMax)
        qualifier = try c.decode(Qualifier.self, forKey: .qualifier)
        table = try c.decode(Bool.self, forKey: .table)
        chineseNumeral = try c.decode(Bool.self, forKey: .chineseNumeral)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value.description, forKey: .value)
        try c.encode(valueMax?.description, forKey: .valueMax)
        try c.encode(unit, forKey: .unit)
        try c.encode(yuan.description, forKey: .yuan)
        try c.encode(yiYuan, forKey: .yiYuan)
        try c.encode(yiYuanMax, forKey: .yiYuanMax)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(table, forKey: .table)
        try c.encode(chineseNumeral, forKey: .chineseNumeral)
    }
}

public struct YearFields: Codable, Sendable, Equatable {
    public var value: Int
    public var kind: YearKind
}

public struct PeriodFields: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var unit: String
}

public struct DateFields: Codable, Sendable, Equatable {
    /// ISO `YYYY-MM-DD`.
    public var date: String
    public var kind: DateKind
}

/// What a full date is: a date of issue, publication and the like, a statistic's cut-off (`截至…`), a deadline (`…前`),
/// or the first day of a span of days (`2003年10月24日至26日`: a visit or a meeting, not a date of issue).
public enum DateKind: String, Codable, Sendable, CaseIterable {
    case date, cutoff, deadline, span
}

/// Whether a named cluster is one that exists or one to be built.
public enum ClusterStatus: String, Codable, Sendable, CaseIterable {
    case existing, goal
}

public struct PercentFields: Codable, Sendable, Equatable {
    public var value: ExactDecimal
    public var valueMax: ExactDecimal?
    /// `%` or `个百分点`.
    public var unit: String
    public var points: Bool
    public var qualifier: Qualifier

    enum CodingKeys: String, CodingKey { case value, valueMax = "value_max", unit, points, qualifier }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(valueMax, forKey: .valueMax)
        try c.encode(unit, forKey: .unit)
        try c.encode(points, forKey: .points)
        try c.encode(qualifier, forKey: .qualifier)
    }
}

public struct CountFields: Codable, Sendable, Equatable {
    public var value: ExactDecimal
    public var valueMax: ExactDecimal?
    /// The measure word as written, with any multiplier (`万家`).
    public var unit: String
    public var baseUnit: String
    /// The count in `base_unit`; nil when it does not fit in 64 bits.
    public var baseValue: ExactDecimal?
    public var qualifier: Qualifier

    enum CodingKeys: String, CodingKey { case value, valueMax = "value_max", unit, baseUnit = "base_unit", baseValue = "base_value", qualifier }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(valueMax, forKey: .valueMax)
        try c.encode(unit, forKey: .unit)
        try c.encode(baseUnit, forKey: .baseUnit)
        try c.encode(baseValue, forKey: .baseValue)
        try c.encode(qualifier, forKey: .qualifier)
    }
}

/// A 发文字号: `鲁商发〔2016〕3号`.
public struct DocNumberFields: Codable, Sendable, Equatable {
    public var number: String
    public var issuerCode: String
    public var year: Int
    public var serial: Int

    enum CodingKeys: String, CodingKey { case number, issuerCode = "issuer_code", year, serial }
}

public struct TableRecord: Codable, Sendable, Equatable {
    public var index: Int
    /// An index into the document's `sections`.
    public var section: Int
    public var span: Span
    public var caption: [String]
    public var rows: [[String]]
}

/// A quantified goal bound to a deadline year (see `Target`).
public struct TargetRecord: Codable, Sendable, Equatable {
    public var year: Int
    public var subject: String
    public var metric: String
    public var comparator: Qualifier
    public var value: ExactDecimal
    public var valueMax: ExactDecimal?
    public var unit: String
    public var threshold: ThresholdRecord?
    public var members: [String]
    public var lead: [String]
    public var responsible: [String]
    public var provenance: Provenance
    public var valueSpan: Span
    public var yearSpan: Span
    public var restated: [Span]

    enum CodingKeys: String, CodingKey {
        case year, subject, metric, comparator, value, valueMax = "value_max", unit, threshold, members, lead, responsible
        case valueSpan = "value_span", yearSpan = "year_span", restated
    }

    public init(year: Int, subject: String, metric: String, comparator: Qualifier, value: ExactDecimal, valueMax: ExactDecimal?,
                unit: String, threshold: ThresholdRecord?, members: [String], lead: [String], responsible: [String],
                provenance: Provenance, valueSpan: Span, yearSpan: Span, restated: [Span]) {
        (self.year, self.subject, self.metric, self.comparator, self.value, self.valueMax) = (year, subject, metric, comparator, value, valueMax)
        (self.unit, self.threshold, self.members, self.lead, self.responsible) = (unit, threshold, members, lead, responsible)
        (self.provenance, self.valueSpan, self.yearSpan, self.restated) = (provenance, valueSpan, yearSpan, restated)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        year = try c.decode(Int.self, forKey: .year)
        subject = try c.decode(String.self, forKey: .subject)
        metric = try c.decode(String.self, forKey: .metric)
        comparator = try c.decode(Qualifier.self, forKey: .comparator)
        value = try c.decode(ExactDecimal.self, forKey: .value)
        valueMax = try c.decodeIfPresent(ExactDecimal.self, forKey: .valueMax)
        unit = try c.decode(String.self, forKey: .unit)
        threshold = try c.decodeIfPresent(ThresholdRecord.self, forKey: .threshold)
        members = try c.decode([String].self, forKey: .members)
        lead = try c.decode([String].self, forKey: .lead)
        responsible = try c.decode([String].self, forKey: .responsible)
        valueSpan = try c.decode(Span.self, forKey: .valueSpan)
        yearSpan = try c.decode(Span.self, forKey: .yearSpan)
        restated = try c.decode([Span].self, forKey: .restated)
        provenance = try Provenance(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(subject, forKey: .subject)
        try c.encode(metric, forKey: .metric)
        try c.encode(comparator, forKey: .comparator)
        try c.encode(value, forKey: .value)
        try c.encode(valueMax, forKey: .valueMax)
        try c.encode(unit, forKey: .unit)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(members, forKey: .members)
        try c.encode(lead, forKey: .lead)
        try c.encode(responsible, forKey: .responsible)
        try c.encode(valueSpan, forKey: .valueSpan)
        try c.encode(yearSpan, forKey: .yearSpan)
        try c.encode(restated, forKey: .restated)
        try provenance.encode(to: encoder)
    }
}

public struct ThresholdRecord: Codable, Sendable, Equatable {
    public var yiYuan: ExactDecimal
    public var comparator: Qualifier
    enum CodingKeys: String, CodingKey { case yiYuan = "yi_yuan", comparator }
}

/// A named industrial cluster.
public struct ClusterRecord: Codable, Sendable, Equatable {
    public var name: String
    /// Places in full and 产业集群 (`青岛智能家电集群` → `青岛市智能家电产业集群`).
    public var canonical: String
    public var place: String?
    public var industry: String
    public var tier: String?
    public var status: ClusterStatus
    public var provenance: Provenance

    enum CodingKeys: String, CodingKey { case name, canonical, place, industry, tier, status }

    public init(name: String, canonical: String, place: String?, industry: String, tier: String?, status: ClusterStatus, provenance: Provenance) {
        (self.name, self.canonical, self.place, self.industry, self.tier, self.status) = (name, canonical, place, industry, tier, status)
        self.provenance = provenance
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        canonical = try c.decode(String.self, forKey: .canonical)
        place = try c.decodeIfPresent(String.self, forKey: .place)
        industry = try c.decode(String.self, forKey: .industry)
        tier = try c.decodeIfPresent(String.self, forKey: .tier)
        status = try c.decode(ClusterStatus.self, forKey: .status)
        provenance = try Provenance(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(canonical, forKey: .canonical)
        try c.encode(place, forKey: .place)
        try c.encode(industry, forKey: .industry)
        try c.encode(tier, forKey: .tier)
        try c.encode(status, forKey: .status)
        try provenance.encode(to: encoder)
    }
}

/// A government or Party body named in a document, with its role.
public struct DepartmentRecord: Codable, Sendable, Equatable {
    public var name: String
    /// The full official name, with the document's place resolved (`省发展改革委` → `山东省发展和改革委员会`).
    public var canonical: String
    public var role: DepartmentRole
    public var level: String?
    public var collective: Bool
    public var provenance: Provenance

    enum CodingKeys: String, CodingKey { case name, canonical, role, level, collective }

    public init(name: String, canonical: String, role: DepartmentRole, level: String?, collective: Bool, provenance: Provenance) {
        (self.name, self.canonical, self.role, self.level, self.collective, self.provenance) = (name, canonical, role, level, collective, provenance)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        canonical = try c.decode(String.self, forKey: .canonical)
        role = try c.decode(DepartmentRole.self, forKey: .role)
        level = try c.decodeIfPresent(String.self, forKey: .level)
        collective = try c.decode(Bool.self, forKey: .collective)
        provenance = try Provenance(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(canonical, forKey: .canonical)
        try c.encode(role, forKey: .role)
        try c.encode(level, forKey: .level)
        try c.encode(collective, forKey: .collective)
        try provenance.encode(to: encoder)
    }
}

/// A quoted programme or campaign label (`“强基韧链”`).
public struct LabelRecord: Codable, Sendable, Equatable {
    public var label: String
    public var text: String
    public var span: Span
}

// MARK: - Codable conformances of the pipeline's small value types

extension Span: Codable {
    enum CodingKeys: String, CodingKey { case start, end, line }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end), line: try c.decode(Int.self, forKey: .line))
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(line, forKey: .line)
    }
}

extension ExactDecimal: Codable {
    /// A JSON number, read from its digits (never through a binary floating-point value).
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int64.self) { self.init(i); return }
        let d = try c.decode(Decimal.self)
        guard let exact = ExactDecimal(d.description) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "\(d) is not a decimal that fits in 64 bits")
        }
        self = exact
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        guard let d = Decimal(string: description) else { throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath, debugDescription: "not a decimal")) }
        try c.encode(d)
    }

    /// A decimal written as a JSON string (`"3929.9"`).
    static func decodeText<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> ExactDecimal {
        let text = try c.decode(String.self, forKey: key)
        guard let d = ExactDecimal(text) else { throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(text) is not a decimal") }
        return d
    }
}

// MARK: - From the pipeline's result

extension DocumentRecord {
    /// Decodes a document's JSON (what `extract` prints).
    public static func decode(_ data: Data) throws -> DocumentRecord {
        try JSONDecoder().decode(DocumentRecord.self, from: data)
    }

    /// The record of a pipeline result: the same values `DocumentJSON` writes.
    package init(_ r: DocumentResult) {
        self.init(r, values: ItemRecords(r))
    }

    /// The record of a pipeline result without the matchers' lists (`amounts`, `years` … and the declared ones, left
    /// empty), and the maker of those records from the result's items, one at a time: what a batch writes a document's
    /// database rows from, so that a dense document's million amounts are never all held as records at once (nor twice,
    /// as items and as records). Every other list is the one `init(_:)` makes.
    package static func withoutMatcherLists(_ r: DocumentResult) -> (record: DocumentRecord, values: ItemRecords) {
        let values = ItemRecords(r)
        return (DocumentRecord(r, values: values, matcherLists: false), values)
    }

    private init(_ r: DocumentResult, values: ItemRecords, matcherLists: Bool = true) {
        let sentenceIndex = values.sentenceIndex
        let provenance = values.provenance
        let i = r.info
        document = DocumentHeader(
            id: i.id, source: i.source, sha256: i.sha256, encoding: i.encoding, title: i.title, docNumber: i.docNumber, date: i.date,
            characters: i.characters, traditionalConverted: i.convertedTraditional, place: ClaimExtractor.place(r, article: 0),
            articles: r.structure.articles.map { a in
                ArticleRecord(index: a.index, title: a.title, place: ClaimExtractor.place(r, article: a.index),
                              span: r.text.span(a.range.isEmpty ? a.range.lowerBound..<min(a.range.lowerBound + 1, r.text.count) : a.range))
            })
        schema = schemaVersion
        generator = generatorName
        sections = r.structure.sections.map { s in
            SectionRecord(index: s.index, kind: s.kind, path: s.path, article: s.article,
                          span: s.headingRange.flatMap { $0.isEmpty ? nil : r.text.span($0) })
        }
        sentences = sentenceIndex.ranges.map { SentenceRecord(text: r.text.text($0), span: r.text.span($0)) }
        if matcherLists {
            amounts = r.items(AmountMatcher.id).map(values.amount)
            years = r.items(YearMatcher.id).map(values.year)
            periods = r.items(PeriodMatcher.id).map(values.period)
            dates = r.items(DateMatcher.id).map(values.date)
            percents = r.items(PercentMatcher.id).map(values.percent)
            counts = r.items(CountMatcher.id).map(values.count)
            docNumbers = r.items(DocNumberMatcher.id).map(values.docNumber)
            var declared: [String: [Located<DeclaredFields>]] = [:]
            for (matcher, output) in MatcherRegistry.declaredOutputs {
                declared[output.key] = r.items(matcher).map { values.declared($0, output) }
            }
            self.declared = declared
        } else {
            (amounts, years, periods, dates, percents, counts, docNumbers, declared) = ([], [], [], [], [], [], [], [:])
        }
        tables = r.structure.tables.map { t in
            TableRecord(index: t.index, section: t.section, span: r.text.span(t.range), caption: t.captionRanges.map { r.text.text($0) },
                        rows: t.rows.map { row in row.map { makeString(r.text.original[r.text.originalRange($0)]) } })
        }
        targets = r.targets.map { t in
            TargetRecord(year: t.year, subject: t.subject, metric: t.metric, comparator: t.comparator, value: t.value, valueMax: t.valueMax,
                         unit: t.unit, threshold: t.threshold.map { ThresholdRecord(yiYuan: $0.yiYuan, comparator: $0.comparator) },
                         members: t.members, lead: t.lead, responsible: t.responsible,
                         provenance: provenance(t.text, t.span, t.section, t.sentenceRange, t.article),
                         valueSpan: t.valueSpan, yearSpan: t.yearSpan, restated: t.restated)
        }
        clusters = r.clusters.map { c in
            ClusterRecord(name: c.name, canonical: c.canonical, place: c.place, industry: c.industry, tier: c.tier, status: c.status == ClusterStatus.goal.rawValue ? .goal : .existing,
                          provenance: provenance(c.text, c.span, c.section, c.sentenceRange, c.article))
        }
        departments = r.departments.map { d in
            DepartmentRecord(name: d.name, canonical: d.canonical, role: d.role, level: d.level, collective: d.collective,
                             provenance: provenance(d.text, d.span, d.section, d.sentenceRange, d.article))
        }
        labels = ClaimExtractor.labels(r).map { l in
            let sp = r.text.span(l.range)
            return LabelRecord(label: l.label, text: makeString(r.text.original[sp.start..<sp.end]), span: sp)
        }
        findings = r.findings
    }

    /// Makes the records of a pipeline result's items (`amounts`, `years` … and the declared outputs), each from its item
    /// alone: the record's lists are these functions mapped over the result's items.
    package struct ItemRecords {
        /// The result whose items these are (its text gives a document number's text).
        package let result: DocumentResult
        /// The sentences records refer to, by index.
        let sentenceIndex: DocumentJSON.SentenceIndex

        init(_ r: DocumentResult) {
            result = r
            sentenceIndex = DocumentJSON.SentenceIndex(r)
        }

        func provenance(_ text: String, _ span: Span, _ section: Int, _ sentence: Range<Int>?, _ article: Int) -> Provenance {
            Provenance(text: text, span: span, section: section, sentence: sentence.flatMap { sentenceIndex[$0] }, article: article)
        }

        func located<F>(_ it: Item, _ fields: F) -> Located<F> {
            Located(provenance: provenance(it.text, it.span, it.section, it.sentenceRange, it.article), fields: fields, cell: it.tableCell)
        }

        func amount(_ it: Item) -> Located<AmountFields> {
            guard case .amount(let a) = it.mention.value else { preconditionFailure("an amount matcher's item holds an amount") }
            return located(it, AmountFields(value: a.value, valueMax: a.valueMax, unit: a.unit, yuan: a.yuan, yiYuan: a.yiYuan, yiYuanMax: a.yiYuanMax,
                                            qualifier: a.qualifier, table: a.table, chineseNumeral: a.chineseNumeral))
        }

        func year(_ it: Item) -> Located<YearFields> {
            guard case .year(let y, let kind) = it.mention.value else { preconditionFailure("a year matcher's item holds a year") }
            return located(it, YearFields(value: y, kind: kind))
        }

        func period(_ it: Item) -> Located<PeriodFields> {
            guard case .period(let start, let end, let unit) = it.mention.value else { preconditionFailure("a period matcher's item holds a period") }
            return located(it, PeriodFields(start: start, end: end, unit: unit))
        }

        func date(_ it: Item) -> Located<DateFields> {
            guard case .date(let y, let m, let d, let kind) = it.mention.value else { preconditionFailure("a date matcher's item holds a date") }
            return located(it, DateFields(date: isoDate(y, m, d), kind: kind))
        }

        func percent(_ it: Item) -> Located<PercentFields> {
            guard case .percent(let p) = it.mention.value else { preconditionFailure("a percent matcher's item holds a percentage") }
            return located(it, PercentFields(value: p.value, valueMax: p.valueMax, unit: p.unit, points: p.isPoints, qualifier: p.qualifier))
        }

        func count(_ it: Item) -> Located<CountFields> {
            guard case .count(let c) = it.mention.value else { preconditionFailure("a count matcher's item holds a count") }
            return located(it, CountFields(value: c.value, valueMax: c.valueMax, unit: c.unit, baseUnit: c.baseUnit,
                                           baseValue: c.value.multiplied(by: c.scale), qualifier: c.qualifier))
        }

        func docNumber(_ it: Item) -> Located<DocNumberFields> {
            guard case .docNumber(let issuer, let year, let serial, _) = it.mention.value else { preconditionFailure("a doc-number matcher's item holds a number") }
            return located(it, DocNumberFields(number: result.text.text(it.mention.range), issuerCode: issuer, year: year, serial: serial))
        }

        func declared(_ it: Item, _ output: RecordOutput) -> Located<DeclaredFields> {
            guard case .record(let v) = it.mention.value else { preconditionFailure("a declared matcher's item holds a record value") }
            return located(it, DeclaredFields(Dictionary(zip(output.fields.map(\.name), v.fields), uniquingKeysWith: { a, _ in a })))
        }
    }
}

extension DocumentRecord {
    /// The heading path of section `i` (empty for an index out of range).
    public func sectionPath(_ i: Int) -> [String] { sections.indices.contains(i) ? sections[i].path : [] }
}
