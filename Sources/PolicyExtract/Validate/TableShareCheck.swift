/// Shares stated in prose recomputed from a table of the same document whose rows and columns the sentence
/// names — `山东拥有的国家级专精特新“小巨人”企业、专精特新中小企业、科技型中小企业数量在全国占比分别为8.1%、9.3%、2.7%`
/// against a table of provinces (rows, with a 全国 row) by kinds of enterprise (columns).
///
/// In a sentence that states a share (占, 比重, 占比), the table's row names and column names (a header without its
/// unit, `国家专精特新“小巨人”企业/家`, found by its longest part that no other column shares) are read in the order the
/// sentence gives them, whatever the table's order: each run of percentages after a row name is paired, in order,
/// with the columns named (one per percentage), and recomputed as the row's cell over the total row's cell (全国,
/// 全省, 合计 …; the one the sentence names when there are several). A share that matches its cell is `consistent`;
/// one that matches another column of the row is a `warning` that says so ("matches 科技型中小企业, not 小巨人");
/// one that matches no cell is a `warning` too (the pairing is read from the words, not certain).
package struct TableShareCheck: DocumentCheck {
    package static let id = "table_share"
    package init() {}

    /// Words that name a share (`table_share` of the `check_words` lexicon).
    static let shareWords = Lexicons.CheckWords.builtIn.strings(.tableShare)

    /// A column's name without its unit: `国家专精特新“小巨人”企业/家` → `国家专精特新“小巨人”企业`.
    static func core(_ header: String) -> String {
        var h = header.replacingOccurrences(of: " ", with: "")
        if let slash = h.lastIndex(of: "/") { h = String(h[..<slash]) }
        if let open = h.lastIndex(where: { $0 == "(" || $0 == "（" }) { h = String(h[..<open]) }
        return h
    }

    /// The parts (three characters or more) of a column's name that no other column's name holds, longest first:
    /// where one of them is in a sentence, the sentence names the column.
    static func distinctiveParts(_ name: [Character], others: [[Character]]) -> [String] {
        guard name.count >= 3 else { return [] }
        var parts: [String] = []
        for length in stride(from: name.count, through: 3, by: -1) {
            for start in 0...(name.count - length) {
                let part = String(name[start..<(start + length)])
                if !others.contains(where: { String($0).contains(part) }) { parts.append(part) }
            }
        }
        return parts
    }

    static let shareScalars = shareWords.map(scalars)
    static let totalScalars = TableTotalCheck.totalWords.map(scalars)

    package func run(_ r: DocumentResult) -> [Finding] {
        // No table, nothing to recompute from (and no copy of the percentages: a document dense with them, and without a
        // table, had its largest allocation here).
        guard !r.structure.tables.isEmpty else { return [] }
        let percents = r.items(PercentMatcher.id).filter {
            if case .percent(let p) = $0.mention.value { return !p.isPoints && p.valueMax == nil }
            return false
        }
        guard !percents.isEmpty, !r.structure.tables.isEmpty else { return [] }
        var findings: [Finding] = []
        let text = r.text
        // The sentences that state shares (a percentage and 占比, 比重 …), found once for all tables.
        lazy var shareSentences: [(s: Range<Int>, ps: ArraySlice<Item>)] = r.structure.units.compactMap { unit in
            guard unit.kind == .sentence else { return nil }
            let s = unit.range
            // The sentence's percentages, found by halves (items are in text order).
            let lo = percents.firstIndex(atOrAfter: s.lowerBound) { $0.mention.range.lowerBound }
            var hi = lo
            while hi < percents.count, percents[hi].mention.range.lowerBound < s.upperBound { hi += 1 }
            guard hi > lo, Self.shareScalars.contains(where: { text.contains($0, in: s) }) else { return nil }
            return (s, percents[lo..<hi])
        }
        /// Where `word` occurs in `chars[range]`, left to right, none overlapping.
        func occurrences(_ word: [UInt32], in range: Range<Int>) -> [Int] {
            var found: [Int] = []
            var k = range.lowerBound
            while let at = ClaimExtractor.firstIndex(of: word, in: text.chars[k..<range.upperBound]) { found.append(at); k = at + word.count }
            return found
        }
        for table in r.structure.tables where table.rows.count >= 3 {
            let firstCells: [[UInt32]] = table.rows.map { row in row.first.map { cell in text.chars[cell].filter { $0 != 0x20 } } ?? [] }
            let totals = firstCells.indices.filter { i in i > 0 && Self.totalScalars.contains { firstCells[i].starts(with: $0) } }
            guard !totals.isEmpty, !shareSentences.isEmpty else { continue }
            let cells: [[String]] = table.rows.map { $0.map { text.text($0) } }
            let labels = firstCells.map { makeString($0[...]) }
            let header = cells[0]
            let columns = header.indices.dropFirst().filter { c in !TableTotalCheck.rateWords.contains { header[c].contains($0) } }
            let names = columns.map { Array(Self.core(header[$0])) }
            let parts = names.indices.map { i in Self.distinctiveParts(names[i], others: names.indices.filter { $0 != i }.map { names[$0] }).map(scalars) }
            let rowLabels = (1..<cells.count).filter { !totals.contains($0) && firstCells[$0].count >= 2 }
            for (s, ps) in shareSentences {
                // Row names in the sentence, by position.
                var rowsAt: [(row: Int, at: Int)] = []
                for row in rowLabels { rowsAt += occurrences(firstCells[row], in: s).map { (row, $0) } }
                guard !rowsAt.isEmpty else { continue }
                // Columns named, in the sentence's order: the first distinctive part of each found.
                let named = columns.indices.compactMap { i -> (column: Int, at: Int)? in
                    for part in parts[i] { if let at = ClaimExtractor.firstIndex(of: part, in: text.chars[s]) { return (columns[i], at) } }
                    return nil
                }.sorted { $0.at < $1.at }.map(\.column)
                guard !named.isEmpty else { continue }
                rowsAt.sort { $0.at < $1.at }
                let totalRow = totals.first { ClaimExtractor.firstIndex(of: firstCells[$0], in: text.chars[s]) != nil } ?? totals[0]
                // Runs of percentages that follow the same row name.
                var groups: [(row: Int, items: [Item])] = []
                for p in ps {
                    guard let row = rowsAt.last(where: { $0.at < p.mention.range.lowerBound })?.row else { continue }
                    let lastRowAt = rowsAt.last(where: { $0.at < p.mention.range.lowerBound })!.at
                    if let g = groups.last, g.row == row, g.items.last!.mention.range.lowerBound > lastRowAt { groups[groups.count - 1].items.append(p) } else { groups.append((row, [p])) }
                }
                for group in groups where group.items.count == named.count {
                    for (p, column) in zip(group.items, named) {
                        // A ragged table (a row shorter than its header) has no cell there to check.
                        guard column < cells[group.row].count, column < cells[totalRow].count,
                              case .percent(let pv) = p.mention.value,
                              let part = TableTotalCheck.number(cells[group.row][column]), let whole = TableTotalCheck.number(cells[totalRow][column]), whole.value != 0
                        else { continue }
                        let decimals = max(0, -pv.value.exponent)
                        var tolerance = 0.5
                        for _ in 0..<decimals { tolerance /= 10 }
                        func share(_ c: Int) -> Double? {
                            guard c < cells[group.row].count, c < cells[totalRow].count,
                                  let a = TableTotalCheck.number(cells[group.row][c]), let b = TableTotalCheck.number(cells[totalRow][c]), b.value != 0 else { return nil }
                            return a.value / b.value * 100
                        }
                        let computed = part.value / whole.value * 100
                        let ok = abs(computed - pv.value.doubleValue) <= tolerance + 1e-9
                        let other = ok ? nil : columns.first { $0 != column && share($0).map { abs($0 - pv.value.doubleValue) <= tolerance + 1e-9 } == true }
                        let name = Self.core(header[column])
                        let reason: String
                        if ok {
                            reason = "\(labels[group.row]) \(cells[group.row][column]) / \(labels[totalRow]) \(cells[totalRow][column]) = \(decimalText(computed, decimals + 2))%, stated \(pv.value)%"
                        } else if let other {
                            reason = "\(pv.value)% matches \(Self.core(header[other])) (\(decimalText(share(other)!, decimals + 2))%), not \(name) (\(decimalText(computed, decimals + 2))%)"
                        } else {
                            reason = "\(pv.value)% matches no column of \(labels[group.row]); \(name) gives \(decimalText(computed, decimals + 2))%"
                        }
                        findings.append(Finding(
                            check: Self.id, severity: ok ? .consistent : .warning,
                            claim: "\(labels[group.row]) share of \(labels[totalRow]) in \(name) (table \(table.index + 1))",
                            stated: "\(pv.value)%", computed: "\(decimalText(computed, decimals + 2))% (\(cells[group.row][column]) / \(cells[totalRow][column]))",
                            tolerance: "±\(decimalText(tolerance, decimals + 1)) percentage points",
                            evidence: [Validator.evidence(r, p.span, p.text),
                                       Validator.evidence(r, r.text.span(table.rows[group.row][column]), r.text.originalText(table.rows[group.row][column])),
                                       Validator.evidence(r, r.text.span(table.rows[totalRow][column]), r.text.originalText(table.rows[totalRow][column]))],
                            detail: ok ? "the stated share matches the table" : other.map { "matches \(Self.core(header[$0])), not \(name)" } ?? "the stated share matches no cell of the row",
                            reason: reason))
                    }
                }
            }
        }
        return findings
    }

    static let provinces = """
    省份\t科技型中小企业/家\t专精特新中小企业/家\t国家专精特新“小巨人”企业/家
    浙江\t37 249\t4 166\t1 869
    广东\t76 726\t19 030\t1 539
    山东\t45 895\t18 279\t1 070
    全国\t563 354\t197 566\t39 152
    """

    package static let examples: [CheckExample] = [
        // The order of the table (科技型, 专精特新, 小巨人) and of the sentence need not agree.
        .init([provinces + "\n\n山东拥有的国家级专精特新“小巨人”企业、专精特新中小企业、科技型中小企业数量在全国占比分别为2.7%、9.3%、8.1%。"],
              ["consistent", "consistent", "consistent"]),
        .init([provinces + "\n\n山东拥有的科技型中小企业、专精特新中小企业数量在全国占比分别为8.1%、9.3%。"], ["consistent", "consistent"]),
        // As the source states it (先进制造业集群韧性, 表2): 8.1% is 科技型's share, not 小巨人's.
        .init([provinces + "\n\n山东拥有的国家级专精特新“小巨人”企业、专精特新中小企业、科技型中小企业数量在全国占比分别为8.1%、9.3%、2.7%。"],
              ["consistent", "warning", "warning"]),
        // A growth rate is no share; a sentence naming no column is not read.
        .init([provinces + "\n\n山东科技型中小企业数量增长8.1%。"], []),
        .init([provinces + "\n\n山东在全国占比为8.1%。"], []),
        // A row shorter than the header: the column it lacks is not checked, the others are.
        .init([provinces.replacingOccurrences(of: "18 279\t1 070", with: "18 279")
               + "\n\n山东拥有的国家级专精特新“小巨人”企业、科技型中小企业数量在全国占比分别为2.7%、8.1%。"], ["consistent"]),
    ]
}
