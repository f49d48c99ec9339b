/// Emit — the JSON object for one document (see `schema/document.schema.json`).
///
/// Keys appear in a fixed order so that output is byte-stable. Spans count Unicode code points of the
/// original decoded text, end exclusive; lines are 1-based. The document is described once, against a
/// `JSONSink`: `bytes` writes it straight to UTF-8, `object` builds the same as a `JSONValue`.
package enum DocumentJSON {
    /// The document's JSON text: compact (one line) or indented with two spaces.
    package static func bytes(_ r: DocumentResult, pretty: Bool = false) -> [UInt8] {
        withBytes(r, pretty: pretty) { Array($0) }
    }

    /// Lends the document's JSON text (and a final line feed when `newline`) to `body` without copying it.
    package static func withBytes<T>(_ r: DocumentResult, pretty: Bool = false, newline: Bool = false,
                                    _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        // Room for the JSON of a dense document at once (the fixtures' densest: 26 bytes a character compact,
        // 36 indented; 16 let a fifth of them grow and copy the buffer). Pages not written are never touched.
        var w = JSONBytesWriter(pretty: pretty, capacity: r.text.original.count * (pretty ? 48 : 32) + 4096)
        write(r, into: &w)
        if newline { w.buffer.append(0x0A) }
        return try body(UnsafeRawBufferPointer(start: w.buffer.base, count: w.buffer.count))
    }

    /// Writes the document's JSON (and a final line feed when `newline`) to `emit` in pieces of about `chunk` bytes,
    /// cut between records: memory stays bounded for a document of any number of records.
    package static func stream(_ r: DocumentResult, pretty: Bool = false, newline: Bool = false, chunk: Int = 1 << 20,
                              _ emit: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            var w = JSONBytesWriter(pretty: pretty, capacity: min(chunk, r.text.original.count * (pretty ? 48 : 32)) + 4096)
            w.flushAt = chunk
            w.flush = emit
            write(r, into: &w)
            if newline { w.buffer.append(0x0A) }
            if w.buffer.count > 0 { emit(UnsafeRawBufferPointer(start: w.buffer.base, count: w.buffer.count)) }
        }
    }

    package static func object(_ r: DocumentResult) -> JSONValue {
        JSONTreeBuilder.build { write(r, into: &$0) }
    }

    static let itemKeys: [(StaticString, String)] = [
        ("amounts", AmountMatcher.id), ("years", YearMatcher.id), ("periods", PeriodMatcher.id), ("dates", DateMatcher.id),
        ("percents", PercentMatcher.id), ("counts", CountMatcher.id), ("doc_numbers", DocNumberMatcher.id),
    ]

    static func write<S: JSONSink>(_ r: DocumentResult, into s: inout S) {
        let si = SentenceIndex(r)
        s.beginObject()
        s.key("schema"); s.string(schemaVersion)
        s.key("generator"); s.string(generatorName)
        s.key("document"); document(r, into: &s)
        s.key("sections"); s.beginArray(inline: false)
        for section in r.structure.sections { self.section(section, r, into: &s); s.checkpoint() }
        s.endArray()
        s.key("sentences"); s.beginArray(inline: false)
        for range in si.ranges {
            s.beginObject()
            s.key("text"); s.scalars(r.text.chars[range])
            s.key("span"); s.span(r.text.span(range))
            s.endObject()
            s.checkpoint()
        }
        s.endArray()
        for (key, matcher) in itemKeys {
            s.key(key); s.beginArray(inline: false)
            for it in r.items(matcher) { item(it, r, si, into: &s); s.checkpoint() }
            s.endArray()
        }
        // Then the records of the matchers that declare their output, in registry order.
        for (matcher, output) in MatcherRegistry.declaredOutputs {
            s.key(named: output.key); s.beginArray(inline: false)
            for it in r.items(matcher) { item(it, r, si, output: output, into: &s); s.checkpoint() }
            s.endArray()
        }
        s.key("tables"); s.beginArray(inline: false)
        for t in r.structure.tables { table(t, r, into: &s); s.checkpoint() }
        s.endArray()
        s.key("targets"); s.beginArray(inline: false)
        for t in r.targets { target(t, r, si, into: &s); s.checkpoint() }
        s.endArray()
        s.key("clusters"); s.beginArray(inline: false)
        for c in r.clusters { cluster(c, r, si, into: &s); s.checkpoint() }
        s.endArray()
        s.key("departments"); s.beginArray(inline: false)
        for d in r.departments { department(d, r, si, into: &s); s.checkpoint() }
        s.endArray()
        s.key("labels"); labels(r, into: &s)
        s.key("findings"); s.beginArray(inline: false)
        for f in r.findings { finding(f, into: &s); s.checkpoint() }
        s.endArray()
        s.endObject()
    }

    // MARK: - Sentences

    /// The sentences records were read from, once each in document order: a record's `sentence` is its index here.
    struct SentenceIndex {
        /// Normalized ranges, sorted by start, distinct.
        let ranges: [Range<Int>]

        init(_ r: DocumentResult) {
            var all: [Range<Int>] = []
            for list in r.items.values { for it in list { if let s = it.sentenceRange { all.append(s) } } }
            for t in r.targets { if let s = t.sentenceRange { all.append(s) } }
            for c in r.clusters { if let s = c.sentenceRange { all.append(s) } }
            for d in r.departments { if let s = d.sentenceRange { all.append(s) } }
            all.sort { $0.lowerBound < $1.lowerBound || ($0.lowerBound == $1.lowerBound && $0.upperBound < $1.upperBound) }
            var distinct: [Range<Int>] = []
            distinct.reserveCapacity(all.count)
            for s in all where distinct.last != s { distinct.append(s) }
            ranges = distinct
        }

        /// The index of sentence `range` (binary search).
        subscript(range: Range<Int>) -> Int? {
            var lo = 0, hi = ranges.count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                let m = ranges[mid]
                if m == range { return mid }
                if m.lowerBound < range.lowerBound || (m.lowerBound == range.lowerBound && m.upperBound < range.upperBound) { lo = mid + 1 } else { hi = mid - 1 }
            }
            return nil
        }
    }

    package static func finding(_ f: Finding) -> JSONValue { JSONTreeBuilder.build { finding(f, into: &$0) } }

    // MARK: - Writers

    static func labels<S: JSONSink>(_ r: DocumentResult, into s: inout S) {
        s.beginArray(inline: false)
        for l in ClaimExtractor.labels(r) {
            let sp = r.text.span(l.range)
            s.beginObject()
            s.key("label"); s.string(l.label)
            s.key("text"); s.scalars(r.text.original[sp.start..<sp.end])
            s.key("span"); s.span(sp)
            s.endObject()
            s.checkpoint()
        }
        s.endArray()
    }

    static func document<S: JSONSink>(_ r: DocumentResult, into s: inout S) {
        let i = r.info
        s.beginObject()
        s.key("id"); s.string(i.id)
        s.key("source"); s.string(i.source)
        s.key("sha256"); s.string(i.sha256)
        s.key("encoding"); s.string(i.encoding)
        s.key("title"); s.optional(i.title)
        s.key("doc_number"); s.optional(i.docNumber)
        s.key("date"); s.optional(i.date)
        s.key("characters"); s.int(i.characters)
        s.key("traditional_converted"); s.bool(i.convertedTraditional)
        s.key("place"); s.optional(ClaimExtractor.place(r, article: 0))
        s.key("articles"); s.beginArray(inline: false)
        for a in r.structure.articles {
            s.beginObject()
            s.key("index"); s.int(a.index)
            s.key("title"); s.string(a.title)
            s.key("place"); s.optional(ClaimExtractor.place(r, article: a.index))
            s.key("span"); s.span(r.text.span(a.range.isEmpty ? a.range.lowerBound..<min(a.range.lowerBound + 1, r.text.count) : a.range))
            s.endObject()
        }
        s.endArray()
        s.endObject()
    }

    static func section<S: JSONSink>(_ sec: Section, _ r: DocumentResult, into s: inout S) {
        s.beginObject()
        s.key("index"); s.int(sec.index)
        s.key("kind"); s.string(sec.kind.rawValue)
        s.key("path"); s.strings(sec.path)
        s.key("article"); s.int(sec.article)
        if let h = sec.headingRange, !h.isEmpty { s.key("span"); s.span(r.text.span(h)) }
        s.endObject()
    }

    /// The provenance keys every record carries: text, span, section (an index into `sections`), sentence (an index
    /// into `sentences`, or null), article.
    static func provenance<S: JSONSink>(_ text: String, _ sp: Span, section: Int, sentence range: Range<Int>?, article: Int,
                                        _ r: DocumentResult, _ si: SentenceIndex, into s: inout S) {
        s.key("text"); s.string(text)
        s.key("span"); s.span(sp)
        s.key("section"); s.int(section)
        s.key("sentence")
        if let range, let k = si[range] { s.int(k) } else { s.null() }
        s.key("article"); s.int(article)
    }

    /// A matcher's record: provenance, the value's fields (`output`'s, for a matcher that declares one), table cell.
    static func item<S: JSONSink>(_ it: Item, _ r: DocumentResult, _ si: SentenceIndex, output: RecordOutput? = nil, into s: inout S) {
        s.beginObject()
        provenance(it.text, it.span, section: it.section, sentence: it.sentenceRange, article: it.article, r, si, into: &s)
        switch it.mention.value {
        case .amount(let a):
            s.key("value"); s.decimalString(a.value)
            s.key("value_max"); s.optionalDecimalString(a.valueMax)
            s.key("unit"); s.string(a.unit)
            s.key("yuan"); s.decimalString(a.yuan)
            s.key("yi_yuan"); s.decimal(a.yiYuan)
            s.key("yi_yuan_max"); s.optionalDecimal(a.yiYuanMax)
            s.key("qualifier"); s.string(a.qualifier.rawValue)
            s.key("table"); s.bool(a.table)
            s.key("chinese_numeral"); s.bool(a.chineseNumeral)
        case .year(let y, let kind):
            s.key("value"); s.int(y)
            s.key("kind"); s.string(kind.rawValue)
        case .period(let start, let end, let unit):
            s.key("start"); s.int(start)
            s.key("end"); s.int(end)
            s.key("unit"); s.string(unit)
        case .date(let y, let m, let d, let kind):
            s.key("date"); s.string(isoDate(y, m, d))
            s.key("kind"); s.string(kind.rawValue)
        case .percent(let p):
            s.key("value"); s.decimal(p.value)
            s.key("value_max"); s.optionalDecimal(p.valueMax)
            s.key("unit"); s.string(p.unit)
            s.key("points"); s.bool(p.isPoints)
            s.key("qualifier"); s.string(p.qualifier.rawValue)
        case .count(let c):
            s.key("value"); s.decimal(c.value)
            s.key("value_max"); s.optionalDecimal(c.valueMax)
            s.key("unit"); s.string(c.unit)
            s.key("base_unit"); s.string(c.baseUnit)
            s.key("base_value"); s.optionalDecimal(c.value.multiplied(by: c.scale))
            s.key("qualifier"); s.string(c.qualifier.rawValue)
        case .docNumber(let issuer, let year, let serial, _):
            s.key("number"); s.scalars(r.text.chars[it.mention.range])
            s.key("issuer_code"); s.string(issuer)
            s.key("year"); s.int(year)
            s.key("serial"); s.int(serial)
        case .record(let v):
            for (field, value) in zip(output?.fields ?? [], v.fields) { s.key(named: field.name); s.field(value) }
        }
        if let cell = it.tableCell {
            s.key("cell")
            s.beginObject()
            s.key("table"); s.int(cell.table)
            s.key("row"); s.int(cell.row)
            s.key("column"); s.int(cell.column)
            s.key("header"); s.string(cell.header)
            s.endObject()
        }
        s.endObject()
    }

    static func table<S: JSONSink>(_ t: Table, _ r: DocumentResult, into s: inout S) {
        s.beginObject()
        s.key("index"); s.int(t.index)
        s.key("section"); s.int(t.section)
        s.key("span"); s.span(r.text.span(t.range))
        s.key("caption")
        s.beginArray(inline: t.captionRanges.count <= 8)
        for c in t.captionRanges { s.scalars(r.text.chars[c]) }
        s.endArray()
        s.key("rows")
        s.beginArray(inline: false)
        for row in t.rows {
            s.beginArray(inline: row.count <= 8)
            for cell in row { s.scalars(r.text.original[r.text.originalRange(cell)]) }
            s.endArray()
        }
        s.endArray()
        s.endObject()
    }

    static func target<S: JSONSink>(_ t: Target, _ r: DocumentResult, _ si: SentenceIndex, into s: inout S) {
        s.beginObject()
        s.key("year"); s.int(t.year)
        s.key("subject"); s.string(t.subject)
        s.key("metric"); s.string(t.metric)
        s.key("comparator"); s.string(t.comparator.rawValue)
        s.key("value"); s.decimal(t.value)
        s.key("value_max"); s.optionalDecimal(t.valueMax)
        s.key("unit"); s.string(t.unit)
        s.key("threshold")
        if let th = t.threshold {
            s.beginObject()
            s.key("yi_yuan"); s.decimal(th.yiYuan)
            s.key("comparator"); s.string(th.comparator.rawValue)
            s.endObject()
        } else {
            s.null()
        }
        s.key("members"); s.strings(t.members)
        s.key("lead"); s.strings(t.lead)
        s.key("responsible"); s.strings(t.responsible)
        s.key("text"); s.string(t.text)
        s.key("span"); s.span(t.span)
        s.key("value_span"); s.span(t.valueSpan)
        s.key("year_span"); s.span(t.yearSpan)
        s.key("section"); s.int(t.section)
        s.key("sentence")
        if let range = t.sentenceRange, let k = si[range] { s.int(k) } else { s.null() }
        s.key("article"); s.int(t.article)
        s.key("restated")
        s.beginArray(inline: false)
        for sp in t.restated { s.span(sp) }
        s.endArray()
        s.endObject()
    }

    static func cluster<S: JSONSink>(_ c: Cluster, _ r: DocumentResult, _ si: SentenceIndex, into s: inout S) {
        s.beginObject()
        s.key("name"); s.string(c.name)
        s.key("canonical"); s.string(c.canonical)
        s.key("place"); s.optional(c.place)
        s.key("industry"); s.string(c.industry)
        s.key("tier"); s.optional(c.tier)
        s.key("status"); s.string(c.status)
        provenance(c.text, c.span, section: c.section, sentence: c.sentenceRange, article: c.article, r, si, into: &s)
        s.endObject()
    }

    static func department<S: JSONSink>(_ d: Department, _ r: DocumentResult, _ si: SentenceIndex, into s: inout S) {
        s.beginObject()
        s.key("name"); s.string(d.name)
        s.key("canonical"); s.string(d.canonical)
        s.key("role"); s.string(d.role.rawValue)
        s.key("level"); s.optional(d.level)
        s.key("collective"); s.bool(d.collective)
        provenance(d.text, d.span, section: d.section, sentence: d.sentenceRange, article: d.article, r, si, into: &s)
        s.endObject()
    }

    static func finding<S: JSONSink>(_ f: Finding, into s: inout S) {
        s.beginObject()
        s.key("check"); s.string(f.check)
        s.key("severity"); s.string(f.severity.rawValue)
        s.key("claim"); s.string(f.claim)
        s.key("stated"); s.string(f.stated)
        s.key("computed"); s.string(f.computed)
        s.key("tolerance"); s.string(f.tolerance)
        s.key("detail"); s.string(f.detail)
        s.key("reason"); s.string(f.reason)
        s.key("evidence")
        s.beginArray(inline: false)
        for e in f.evidence {
            s.beginObject()
            s.key("document"); s.string(e.document)
            s.key("span"); s.span(e.span)
            s.key("text"); s.string(e.text)
            s.endObject()
        }
        s.endArray()
        s.endObject()
    }
}

extension JSONSink {
    /// A declared record's field.
    mutating func field(_ v: FieldValue) {
        switch v {
        case .string(let x): string(x)
        case .number(let d): decimal(d)
        case .bool(let b): bool(b)
        case .null: null()
        }
    }

    /// An amount's upper value as a JSON string (amounts give `value` and `value_max` as decimal strings).
    mutating func optionalDecimalString(_ d: ExactDecimal?) { if let d { decimalString(d) } else { null() } }
}
