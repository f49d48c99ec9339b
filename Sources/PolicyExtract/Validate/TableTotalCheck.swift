/// A table's stated total against the rows it sums — `经常性收入合计 7154.36` against the four rows under it,
/// `总计 59080` against the `其中：…` rows, `全国 563 354` against the provinces listed — in the table's own unit
/// (`单位：亿元`, `金额（亿元）`).
///
/// A total row is one whose first cell names a total (合计, 总计, 全国, 全省, 全市). Each column of figures
/// (not a rate: no %, 增长, 比重, 占 in its header) is checked: the run of adjacent rows, after the total down to
/// the next total or heading row, or before it up to the previous one, whose sum equals the total (within the
/// rounding of the decimals shown) makes it `consistent`; rows under `其中` or a 全国/全省 row over places listed
/// are a part of the total, checked as a sum at most the total. A plain table (one total, no headings, no
/// 其中) whose rows do not add up is a `conflict`; a nested table where no run adds up is `info` (its structure
/// is not known well enough to say which rows the total sums).
package struct TableTotalCheck: DocumentCheck {
    package static let id = "table_total"
    package init() {}

    /// Words of a total row's label (`table_total` of the `check_words` lexicon); of one over the places listed, a
    /// part of the total (`table_part_total`); of a rate column's header (`rate_header`).
    static let totalWords = Lexicons.CheckWords.builtIn.strings(.tableTotal)
    static let partialWords = Lexicons.CheckWords.builtIn.strings(.tablePartTotal)
    static let rateWords = Lexicons.CheckWords.builtIn.strings(.rateHeader)
    /// Words a part row's label opens with (其中: the rows under it are a part of the total; `part_row`).
    static let partRowWords = Lexicons.CheckWords.builtIn.strings(.partRow)
    /// What introduces a table's unit in its caption (`单位:`; `unit_caption`).
    static let unitCaptions = Lexicons.CheckWords.builtIn.strings(.unitCaption)

    /// A number in a cell (`37 249`, `-129.24`, `1,020`), with the decimals it shows; nil for `—` or text.
    static func number(_ text: String) -> (value: Double, decimals: Int)? {
        let t = text.filter { $0 != " " && $0 != "," }
        guard !t.isEmpty, let v = Double(t), t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        let decimals = t.firstIndex(of: ".").map { t.distance(from: $0, to: t.endIndex) - 1 } ?? 0
        return (v, decimals)
    }

    /// The unit of column `c`: from its header (`金额（亿元）`, `企业数量/家`), else from the caption (`单位：亿元`).
    static func unit(header: String, caption: [String]) -> String {
        let h = header.replacingOccurrences(of: " ", with: "")
        if let open = h.lastIndex(where: { $0 == "(" || $0 == "（" }) {
            let inner = h[h.index(after: open)...].dropLast(h.hasSuffix(")") || h.hasSuffix("）") ? 1 : 0)
            if !inner.isEmpty, inner.count <= 4 { return String(inner) }
        }
        if let slash = h.lastIndex(of: "/"), h.distance(from: slash, to: h.endIndex) <= 4 { return String(h[h.index(after: slash)...]) }
        for line in caption {
            let l = line.replacingOccurrences(of: " ", with: "")
            if let r = Self.unitCaptions.lazy.compactMap({ l.range(of: $0) }).first { return String(l[r.upperBound...].prefix(while: { !$0.isWhitespace })) }
        }
        return ""
    }

    package func run(_ r: DocumentResult) -> [Finding] {
        var findings: [Finding] = []
        for table in r.structure.tables where table.rows.count >= 3 {
            let labels = table.rows.map { row in row.first.map { r.text.text($0, without: { $0 == 0x20 }) } ?? "" }
            let isTotal = labels.map { l in Self.totalWords.contains { l.hasPrefix($0) || l.hasSuffix($0) } }
            guard isTotal.contains(true) else { continue }
            let cells: [[String]] = table.rows.map { $0.map { r.text.text($0) } }
            let header = cells[0]
            let caption = table.captionRanges.map { r.text.text($0) }
            let columns = header.indices.dropFirst().filter { c in !Self.rateWords.contains { header[c].contains($0) } }
            // Every cell's figure, read once.
            let figures = cells.map { row in row.map(Self.number) }
            // A heading row: a label without any figure (`建设性收支项目`).
            let isHeading = figures.map { row in row.dropFirst().allSatisfy { $0 == nil } }
            let plain = isTotal.filter { $0 }.count == 1 && !isHeading.dropFirst().contains(true) && !labels.contains { l in Self.partRowWords.contains { l.hasPrefix($0) } }
            for t in table.rows.indices where isTotal[t] && t > 0 {
                for c in columns {
                    guard c < cells[t].count, let total = figures[t][c] else { continue }
                    let unit = Self.unit(header: header[c], caption: caption)
                    func value(_ row: Int) -> (value: Double, decimals: Int)? { c < figures[row].count ? figures[row][c] : nil }
                    // The rows after the total down to the next total or heading, and before it up to the previous one.
                    var after: [Int] = [], before: [Int] = []
                    var k = t + 1
                    while k < cells.count, !isTotal[k], !isHeading[k] { after.append(k); k += 1 }
                    k = t - 1
                    while k > 0, !isTotal[k], !isHeading[k] { before.insert(k, at: 0); k -= 1 }
                    let partial = Self.partialWords.contains { labels[t].hasPrefix($0) } || after.first.map { a in Self.partRowWords.contains { labels[a].hasPrefix($0) } } == true
                    // A run sums exactly: a prefix of the rows after, or a suffix of the rows before.
                    var match: [Int]? = nil
                    let runs = (after.count >= 2 ? (2...after.count).map { Array(after.prefix($0)) } : [])
                        + (before.count >= 2 ? (2...before.count).map { Array(before.suffix($0)) } : [])
                    for run in runs {
                        let values = run.compactMap(value)
                        guard values.count == run.count else { continue }
                        let decimals = max(total.decimals, values.map(\.decimals).max() ?? 0)
                        if abs(values.reduce(0) { $0 + $1.value } - total.value) <= Self.tolerance(decimals, values.count) { match = run; break }
                    }
                    // A grand total of the table's other totals of the same kind (支出总计 = 经常性支出合计 + 建设性支出合计).
                    if match == nil {
                        var stem = labels[t]
                        for w in Self.totalWords { stem = stem.replacingOccurrences(of: w, with: "") }
                        if let open = stem.firstIndex(where: { $0 == "(" || $0 == "（" }) { stem = String(stem[..<open]) }
                        let subtotals = labels.indices.filter { $0 != t && $0 > 0 && isTotal[$0] && stem.count >= 2 && labels[$0].contains(stem) }
                        let values = subtotals.compactMap(value)
                        if subtotals.count >= 2, values.count == subtotals.count,
                           abs(values.reduce(0) { $0 + $1.value } - total.value) <= Self.tolerance(max(total.decimals, values.map(\.decimals).max() ?? 0), values.count) {
                            match = subtotals
                        }
                    }
                    // Rows named like the total (货物进出口总额 = 货物出口额 + 货物进口额): two of them, or all, adding up.
                    if match == nil {
                        let head = String(labels[t].prefix(2))
                        let kin = labels.indices.filter { $0 > 0 && $0 != t && !isTotal[$0] && head.count == 2 && labels[$0].hasPrefix(head) && value($0) != nil }
                        let decimals = max(total.decimals, kin.compactMap { value($0)?.decimals }.max() ?? 0)
                        outer: for i in kin.indices {
                            for j in kin.indices where j > i {
                                if abs(value(kin[i])!.value + value(kin[j])!.value - total.value) <= Self.tolerance(decimals, 2) { match = [kin[i], kin[j]]; break outer }
                            }
                        }
                        if match == nil, kin.count >= 3, abs(kin.reduce(0) { $0 + value($1)!.value } - total.value) <= Self.tolerance(decimals, kin.count) { match = kin }
                    }
                    let evidenceRows = match ?? (partial ? after.isEmpty ? before : after : after.isEmpty ? before : after)
                    let values = evidenceRows.compactMap(value)
                    guard values.count >= 2, values.count == evidenceRows.count else { continue }
                    let sum = values.reduce(0) { $0 + $1.value }
                    let decimals = max(total.decimals, values.map(\.decimals).max() ?? 0)
                    let shown = decimalText(sum, decimals)
                    let severity: Finding.Severity
                    let reason: String
                    if match != nil {
                        severity = .consistent
                        reason = "\(evidenceRows.count) rows (\(evidenceRows.prefix(3).map { labels[$0] }.joined(separator: ", "))…) add up to \(labels[t]) \(cells[t][c]) \(unit), column \(header[c])"
                    } else if partial {
                        severity = sum <= total.value + Self.tolerance(decimals, values.count) ? .consistent : .warning
                        reason = severity == .consistent ? "the \(values.count) rows listed (part of \(labels[t])) add up to \(shown) \(unit), within the total \(cells[t][c])"
                            : "the \(values.count) rows listed as part of \(labels[t]) add up to \(shown) \(unit), more than the total \(cells[t][c])"
                    } else if plain {
                        severity = .conflict
                        reason = "a plain table: its \(values.count) rows add up to \(shown) \(unit), not to \(labels[t]) \(cells[t][c])"
                    } else {
                        severity = .info
                        reason = "no run of adjacent rows adds up to \(labels[t]) \(cells[t][c]) \(unit); the table is nested, so the rows it sums are not known"
                    }
                    let evidence = [Validator.evidence(r, r.text.span(table.rows[t][c]), r.text.originalText(table.rows[t][c]))]
                        + evidenceRows.prefix(12).map { Validator.evidence(r, r.text.span(table.rows[$0][c]), r.text.originalText(table.rows[$0][c])) }
                    findings.append(Finding(check: Self.id, severity: severity,
                                            claim: "table \(table.index + 1) \(labels[t]) (\(header[c])) against its rows",
                                            stated: "\(cells[t][c]) \(unit)",
                                            computed: severity == .info ? "no run of rows adds up (the \(values.count) nearest: \(shown) \(unit))" : "\(shown) \(unit) (\(values.count) rows)",
                                            tolerance: "±\(decimalText(Self.tolerance(decimals, values.count), decimals + 1))",
                                            evidence: evidence, detail: evidenceRows.map { labels[$0] }.prefix(6).joined(separator: ", "),
                                            reason: reason))
                }
            }
        }
        return findings
    }

    /// Rounding of `count` figures shown with `decimals` decimals: half a unit of the last place each.
    static func tolerance(_ decimals: Int, _ count: Int) -> Double {
        var unit = 1.0
        for _ in 0..<decimals { unit /= 10 }
        return unit / 2 * Double(max(1, count)) + 1e-9
    }

    package static let examples: [CheckExample] = [
        // 国家财政收支平衡表 (1996), rows as published: each 合计 is the run of rows under or above it.
        .init(["""
        单位:亿元
        项 目\t1996
        经常性收入合计\t7154.36
        各项税收\t6571.41
        非生产性企业亏损补贴\t-129.24
        国家预算调节基金收入\t11.09
        其他经常性收入\t701.1
        """], ["consistent"]),
        // The same with one figure edited: a plain table whose rows do not add up.
        .init(["""
        单位:亿元
        项 目\t1996
        经常性收入合计\t7154.36
        各项税收\t6571.41
        非生产性企业亏损补贴\t-129.24
        国家预算调节基金收入\t11.09
        其他经常性收入\t801.1
        """], ["conflict"]),
        // 其中 rows are a part of the total (统计公报 2024, 表15): at most the total.
        .init(["""
        行业\t金额 （亿美元）\t比上年增长 （%）
        总计\t1438\t10.5
        其中：农、林、牧、渔业\t14\t72.0
        采矿业\t125\t80.1
        制造业\t296\t6.2
        """], ["consistent"]),
        // A 全国 row over the provinces listed (a part of it), and a table without a total.
        .init(["""
        省份\t科技型中小企业/家\t专精特新中小企业/家
        浙江\t37 249\t4 166
        江苏\t94 277\t362
        全国\t563 354\t197 566
        """], ["consistent", "consistent"]),
        .init(["""
        省份\t2017 年\t2022 年
        山东\t22 042\t27 110
        浙江\t21 160\t29 628
        """], []),
    ]
}
