/// A stated growth rate against the figures of a table —
/// `2017—2022 年山东…指数增长 22.99%，同期浙江、福建…分别增长 40.02%、36.84%…` against a table whose
/// columns are years and whose rows are 山东, 浙江, 福建 ….
///
/// In a sentence that states growth (增长, 增速, 下降) over a period, each percentage is paired with a row
/// of a table in the same document that has both years as columns: with the names listed before 分别
/// (in order), else with the row name that comes last before it. The growth is recomputed as
/// end / start − 1; the tolerance follows the decimals shown. The finding names the cells used.
package struct GrowthCheck: DocumentCheck {
    package static let id = "stated_growth"
    package init() {}

    /// Words that state growth (`growth` of the `check_words` lexicon), and those that make it negative (`decline`).
    static let growthWords = Lexicons.CheckWords.builtIn[.growth]
    static let declineWords = Lexicons.CheckWords.builtIn[.decline]
    /// 分别 ("respectively"), which pairs the row names before it with the percentages after it.
    static let respectively = ClaimExtractor.respectively

    struct YearTable { var table: Table; var columns: [Int: Int]; var rows: [(label: String, cells: [Range<Int>])] }

    func yearTables(_ r: DocumentResult) -> [YearTable] {
        var result: [YearTable] = []
        for table in r.structure.tables {
            for header in table.rows.prefix(3) {
                var columns: [Int: Int] = [:]
                for (c, cell) in header.enumerated() {
                    if let y = Self.yearHeader(r.text.chars, cell) { columns[y] = c }
                }
                if columns.count >= 2 {
                    let rows = table.rows.compactMap { row -> (String, [Range<Int>])? in
                        guard let first = row.first, !first.isEmpty else { return nil }
                        return (r.text.text(first), row)
                    }
                    result.append(YearTable(table: table, columns: columns, rows: rows))
                    break
                }
            }
        }
        return result
    }

    /// The year of a header cell that reads `2023年` (spaces aside; 1900–2099), read on the characters.
    /// 年, which follows the four digits of a year column's header (`year` of the `claim_words` lexicon).
    static let yearMarks = ClaimExtractor.yearMarks

    static func yearHeader(_ chars: [UInt32], _ cell: Range<Int>) -> Int? {
        var year = 0, n = 0
        for k in cell where chars[k] != 0x20 {
            let c = chars[k]
            if n < 4 {
                guard c &- 0x30 < 10 else { return nil }
                year = year * 10 + Int(c - 0x30)
            } else if n > 4 || !Self.yearMarks.contains(c) {
                return nil
            }
            n += 1
        }
        return n == 5 && year >= 1900 && year <= 2099 ? year : nil
    }

    func value(_ r: DocumentResult, _ cell: Range<Int>) -> Double? {
        let t = r.text.text(cell, without: { $0 == 0x20 || $0 == 0x2C })
        return Double(t)
    }

    package func run(_ r: DocumentResult) -> [Finding] {
        let tables = yearTables(r)
        if tables.isEmpty { return [] }
        var findings: [Finding] = []
        let text = r.text
        let periods = r.items(PeriodMatcher.id)
        let percents = r.items(PercentMatcher.id)
        // Items are in text order: the first at or after `position`, by halves.
        func firstItem(_ items: [Item], from position: Int) -> Int { items.firstIndex(atOrAfter: position) { $0.mention.range.lowerBound } }
        // Every table's row names (two characters or more) by length, then by their characters, so that a
        // sentence is read once for the names of all tables (reading it once per table for every growth
        // sentence grew with the square of a long bulletin; names sharing their first characters, 地区1,
        // 地区2 …, would make an index by first character no better). A slice of the text is looked up as it is.
        let labels: [[[UInt32]]] = tables.map { $0.rows.map { $0.label.count >= 2 ? scalars($0.label) : [] } }
        var byLength: [Int: [ArraySlice<UInt32>: [(table: Int, row: Int)]]] = [:]
        for (t, rows) in labels.enumerated() {
            for (i, label) in rows.enumerated() where !label.isEmpty { byLength[label.count, default: [:]][label[...], default: []].append((t, i)) }
        }
        let lengths = byLength.keys.sorted()
        // The first characters of the names: a position where none begins is passed over without a lookup
        // (each hashed a slice of the text).
        // A bitmap for the plane (the project's `ScalarSet`), the rare name beginning beyond it in a `Set`.
        let firstChars = labels.joined().compactMap(\.first)
        let firsts = ScalarSet(firstChars), widerFirsts = Set(firstChars.filter { $0 >= 0x10000 })
        for unit in r.structure.units where unit.kind == .sentence {
            let s = unit.range
            let pi = firstItem(periods, from: s.lowerBound)
            guard pi < periods.count, s.contains(periods[pi].mention.range.lowerBound) else { continue }
            let period = periods[pi]
            guard case .period(let startYear, let endYear, "年") = period.mention.value else { continue }
            guard Self.growthWords.contains(where: { text.contains($0, in: s) }) else { continue }
            var qi = firstItem(percents, from: s.lowerBound)
            var ps: [Item] = []
            while qi < percents.count, percents[qi].mention.range.lowerBound < s.upperBound {
                if percents[qi].mention.range.lowerBound > period.mention.range.upperBound { ps.append(percents[qi]) }
                qi += 1
            }
            // Row names in the sentence, in order of appearance (each name's occurrences left to right, none
            // overlapping another of the same name), per table; the table whose rows the sentence names most.
            var namesByTable: [Int: [(position: Int, row: Int)]] = [:]
            var nextFree: [Int: Int] = [:]  // per table and row (t << 32 | i): where its next name may begin
            if !lengths.isEmpty {
                for k in s where text.chars[k] < 0x10000 ? firsts.contains(text.chars[k]) : widerFirsts.contains(text.chars[k]) {
                    for length in lengths where k + length <= s.upperBound {
                        guard let rows = byLength[length]![text.chars[k..<(k + length)]] else { continue }
                        for (t, i) in rows where k >= nextFree[t << 32 | i, default: s.lowerBound] {
                            namesByTable[t, default: []].append((k, i))
                            nextFree[t << 32 | i] = k + length
                        }
                    }
                }
            }
            // The first table (in order) with both years as columns that the sentence names most rows of; a
            // table it names no row of is never chosen.
            var best: (table: Int, names: [(position: Int, row: Int)])? = nil
            for t in namesByTable.keys.sorted() where tables[t].columns[startYear] != nil && tables[t].columns[endYear] != nil {
                let names = namesByTable[t]!
                if best == nil || names.count > best!.names.count { best = (t, names) }
            }
            guard let chosen = best else { continue }
            let yt = tables[chosen.table]
            let names = chosen.names.sorted { ($0.position, $0.row) < ($1.position, $1.row) }
            let respectivelyAt = (s.lowerBound..<s.upperBound).first { text.has(Self.respectively, at: $0) }
            var listed: [Int] = []
            if let f = respectivelyAt {
                let before = names.filter { $0.position < f }
                let afterPercents = ps.filter { $0.mention.range.lowerBound > f }
                listed = before.suffix(afterPercents.count).map(\.row)
            }
            for p in ps {
                guard case .percent(let pv) = p.mention.value, !pv.isPoints else { continue }
                var rowIndex: Int? = nil
                if let f = respectivelyAt, p.mention.range.lowerBound > f, let k = ps.filter({ $0.mention.range.lowerBound > f }).firstIndex(where: { $0.mention.range == p.mention.range }),
                   k < listed.count {
                    rowIndex = listed[k]
                } else {
                    rowIndex = names.last(where: { $0.position < p.mention.range.lowerBound && (respectivelyAt == nil || $0.position < respectivelyAt! || p.mention.range.lowerBound < respectivelyAt!) })?.row
                }
                guard let ri = rowIndex else { continue }
                let row = yt.rows[ri]
                guard let c0 = yt.columns[startYear], let c1 = yt.columns[endYear], c0 < row.cells.count, c1 < row.cells.count,
                      let v0 = value(r, row.cells[c0]), let v1 = value(r, row.cells[c1]), v0 != 0 else { continue }
                var growth = (v1 / v0 - 1) * 100
                let declining = Self.declineWords.contains { text.has($0, endingAt: p.mention.range.lowerBound) }
                if declining { growth = -growth }
                let decimals = max(0, -pv.value.exponent)
                var tolerance = 0.5
                for _ in 0..<decimals { tolerance /= 10 }
                let ok = abs(growth - pv.value.doubleValue) <= tolerance + 1e-9
                let cellA = text.originalText(row.cells[c0]), cellB = text.originalText(row.cells[c1])
                findings.append(Finding(
                    check: Self.id, severity: ok ? .consistent : .conflict,
                    claim: "\(row.label) growth \(startYear)–\(endYear)",
                    stated: "\(pv.value)%",
                    computed: "\(decimalText(growth, decimals + 2))% (\(cellB) / \(cellA) − 1, table \(yt.table.index + 1))",
                    tolerance: "±\(decimalText(tolerance, decimals + 1)) percentage points",
                    evidence: [Validator.evidence(r, p.span, p.text),
                               Validator.evidence(r, text.span(row.cells[c0]), cellA), Validator.evidence(r, text.span(row.cells[c1]), cellB)],
                    detail: ok ? "the stated growth matches the table" : "the stated growth differs from the table",
                    reason: "\(row.label): \(cellB) / \(cellA) − 1 = \(decimalText(growth, decimals + 2))% from table \(yt.table.index + 1), stated \(pv.value)%"))
            }
        }
        return findings
    }

    package static let examples: [CheckExample] = [
        .init(["""
        省份\t2017 年\t2022 年
        山东\t22 042\t27 110
        浙江\t21 160\t29 628

        从增长率看，2017—2022 年山东出口复杂度指数增长 22.99%，同期浙江增长 40.02%。
        """], ["consistent", "consistent"]),
        .init(["""
        省份\t2017 年\t2022 年
        山东\t22 042\t27 110
        浙江\t21 160\t29 628

        2017—2022 年，浙江、山东分别增长 40.02%、25.00%。
        """], ["consistent", "conflict"]),
        .init(["2017—2022 年山东出口复杂度指数增长 22.99%。"], []),
    ]
}
