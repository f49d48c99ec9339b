import Dispatch
import ICUBridge

/// Runs the pipeline over one document: decode → normalize → segment → extract → resolve → validate.
///
/// Holds ICU handles (sentence breaker, numeral reader), so one extractor serves one task at a time;
/// a batch makes one per worker and reuses it across documents.
package final class DocumentExtractor {
    package let pipeline: PipelineDefinition
    private let segmenter = Segmenter()
    private let numerals = ChineseNumeralReader()
    private let charsets = CharsetWorkbench()
    private let matchers: [any Matcher]

    package init(pipeline: PipelineDefinition = .builtIn) {
        self.pipeline = pipeline
        matchers = pipeline.spec.matchers.compactMap { MatcherRegistry.matcher($0) }
    }

    /// Extracts from bytes read from `path`; `id` names the document in the output.
    package func extract(bytes: [UInt8], path: String, id: String) throws -> DocumentResult {
        var clock = DispatchTime.now().uptimeNanoseconds
        let decoded = try TextDecoder.decode(bytes, path: path, workbench: charsets)
        lap(.decode, &clock)
        let hash = SHA256.hex(bytes)
        lap(.hash, &clock)
        let lower = path.lowercased()
        let html = lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml")
        return extract(decoded: decoded, sha256: hash, path: path, id: id, html: html)
    }

    /// Extracts from text that is already decoded (the tests and `Matcher` examples use this).
    package func extract(text: String, id: String = "text") -> DocumentResult {
        let decoded = DecodedText(scalars: scalars(text), encoding: "UTF-8")
        return extract(decoded: decoded, sha256: SHA256.hex(Array(text.utf8)), path: id, id: id)
    }

    /// The stages timed, in the order they run.
    enum Stage: Int, CaseIterable { case decode, hash, normalize, segment, extract, resolve, validate }
    /// The names `stageSeconds` uses, in the order the stages run.
    package static let stageNames = Stage.allCases.map { "\($0)" }

    /// Seconds spent per stage, summed over the documents this extractor has processed.
    package var stageSeconds: [String: Double] {
        var seconds: [String: Double] = [:]
        for stage in Stage.allCases where nanoseconds[stage.rawValue] > 0 { seconds["\(stage)"] = Double(nanoseconds[stage.rawValue]) / 1e9 }
        return seconds
    }
    /// Per stage, by its position (a dictionary keyed by the stage's name hashed the name at every lap).
    private var nanoseconds = [UInt64](repeating: 0, count: Stage.allCases.count)
    @inline(__always) func lap(_ stage: Stage, _ start: inout UInt64) {
        let now = DispatchTime.now().uptimeNanoseconds
        nanoseconds[stage.rawValue] &+= now &- start
        start = now
    }

    func extract(decoded: DecodedText, sha256: String, path: String, id: String, html: Bool = false) -> DocumentResult {
        var clock = DispatchTime.now().uptimeNanoseconds
        var text = TextNormalizer.normalize(decoded.scalars, html: html)
        text.candidates = CandidateIndex(text.chars, table: pipeline.lexicons.scan.candidates)
        lap(.normalize, &clock)
        let structure = segmenter.segment(text)
        lap(.segment, &clock)
        let context = MatchContext(text: text, lexicons: pipeline.lexicons, numerals: numerals)
        // Room for every matcher's list at once (grown one key at a time, the table was rehashed twice).
        var items = [String: [Item]](minimumCapacity: matchers.count + 1)
        let large = text.count >= FreedMemory.largeText
        for matcher in matchers {
            let id = type(of: matcher).id
            let mentions = matcher.find(in: context)
            // A matcher's list of a million mentions grew through buffers that the allocator keeps once freed; they go back
            // before the items are made beside the list (on a dense document the two lists at once are the peak).
            if large { FreedMemory.release() }
            items[id] = mentions.map { item(for: $0, text: text, structure: structure) }
        }
        lap(.extract, &clock)
        if pipeline.enables(AmountMatcher.id) {
            let cells = TableAmounts.find(in: context, structure: structure)
            if !cells.isEmpty {
                items[AmountMatcher.id] = Self.withTableCells(items[AmountMatcher.id] ?? [], cells)
            }
        }
        let info = DocumentInfo(id: id, source: path, sha256: sha256, encoding: decoded.encoding,
                                title: structure.title, docNumber: nil, date: nil,
                                characters: decoded.scalars.count, convertedTraditional: text.convertedTraditional)
        var result = DocumentResult(info: info, text: text, structure: structure, items: items)
        result.places = ClaimExtractor.places(text: text, structure: structure, title: structure.title, lexicons: pipeline.lexicons)
        result.info.docNumber = DocumentFacts.docNumber(result)
        result.info.date = DocumentFacts.issueDate(result)
        lap(.extract, &clock)
        if pipeline.runs("resolve") {
            Resolver(lexicons: pipeline.lexicons).resolve(&result)
        }
        lap(.resolve, &clock)
        if pipeline.runs("validate") {
            result.findings = Validator.runDocumentChecks(result)
        }
        lap(.validate, &clock)
        return result
    }

    /// The amounts found in running text, less those inside a table cell, and the cells' amounts, in span
    /// order (ties: running text first). Both lists come in order and the cells do not overlap, so one merge
    /// does it; a filter of every amount against every cell and a sort grew with the size of a bulletin's
    /// tables. Lists not in that order take the filter and the stable sort, which give the same.
    static func withTableCells(_ amounts: [Item], _ cells: [Item]) -> [Item] {
        func ordered(_ a: [Item]) -> Bool { a.indices.dropFirst().allSatisfy { !(a[$0].span < a[$0 - 1].span) } }
        let cellsApart = cells.indices.dropFirst().allSatisfy { cells[$0 - 1].span.end <= cells[$0].span.start }
        guard ordered(amounts), ordered(cells), cellsApart else {
            var all = amounts.filter { i in !cells.contains { $0.span.start <= i.span.start && i.span.end <= $0.span.end } }
            all += cells
            all.sort { $0.span < $1.span }
            return all
        }
        var merged: [Item] = []
        merged.reserveCapacity(amounts.count + cells.count)
        var c = 0  // the first cell not yet merged
        var k = 0  // the last cell that starts at or before the amount looked at
        for a in amounts {
            // Inside a cell: the cell that starts last at or before it (the cells are apart) must hold it.
            while k + 1 < cells.count, cells[k + 1].span.start <= a.span.start { k += 1 }
            if cells[k].span.start <= a.span.start && a.span.end <= cells[k].span.end { continue }
            while c < cells.count, cells[c].span < a.span { merged.append(cells[c]); c += 1 }
            merged.append(a)
        }
        while c < cells.count { merged.append(cells[c]); c += 1 }
        return merged
    }

    func item(for mention: Mention, text: NormalizedText, structure: DocumentStructure) -> Item {
        let span = text.span(mention.range)
        let unit = structure.unit(at: mention.range.lowerBound)
        return Item(mention: mention, span: span, text: makeString(text.original[span.start..<span.end]),
                    section: unit?.section ?? 0, sentenceRange: unit?.range,
                    article: structure.article(at: mention.range.lowerBound), tableCell: nil)
    }
}

/// Document-level facts: its own document number and its date of issue.
enum DocumentFacts {
    static let yinfa = scalars("印发")

    /// The document number in the header block, else one on a line of its own near the top.
    static func docNumber(_ r: DocumentResult) -> String? {
        let numbers = r.items(DocNumberMatcher.id)
        if let header = r.structure.header, let n = numbers.first(where: { header.range.contains($0.mention.range.lowerBound) }) {
            return r.text.text(n.mention.range)
        }
        return nil
    }

    /// The date followed by 印发/发布, else a date standing alone on its line (often in parentheses).
    static func issueDate(_ r: DocumentResult) -> String? {
        let dates = r.items(DateMatcher.id)
        func iso(_ i: Item) -> String? { if case .date(let y, let m, let d, _) = i.mention.value { return isoDate(y, m, d) }; return nil }
        if let d = dates.first(where: { r.text.has(yinfa, at: $0.mention.range.upperBound) }) { return iso(d) }
        for d in dates {
            guard let unit = r.structure.unit(at: d.mention.range.lowerBound) else { continue }
            let rest = unit.range.count - d.mention.range.count
            if rest <= 2 { return iso(d) }
        }
        return nil
    }
}
