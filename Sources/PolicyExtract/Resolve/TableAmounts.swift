/// Amounts in table cells — numbers in a table whose caption or column header gives a money unit.
///
/// The unit comes from the column header (`本金(元)`, `金额/万元`) or else from a caption line just
/// above the table (`单位：人民币元`, `单位:亿元`). Columns whose header names an identifier or position
/// (`序号`, `编号`, `年份`, the `table_index_headers` lexicon) are skipped. Produces amount items marked
/// `table: true` with qualifier `none`, each carrying its table, row, column and header.
enum TableAmounts {
    static func find(in ctx: MatchContext, structure: DocumentStructure) -> [Item] {
        var items: [Item] = []
        let text = ctx.text
        for table in structure.tables where table.rows.count > 1 {
            let captionUnit = table.captionRanges.lazy.compactMap { unitAfterLabel(ctx, $0) }.first
            let header = table.rows[0]
            let columnUnits = header.map { unitInHeader(ctx, $0) }
            if captionUnit == nil && columnUnits.allSatisfy({ $0 == nil }) { continue }
            let headerTexts = header.map { text.text($0) }
            let skipped = headerTexts.map { h in ctx.lexicons.tableIndexHeaders.contains { h.includes($0) } }
            for (r, row) in table.rows.enumerated() where r > 0 {
                for (c, cell) in row.enumerated() {
                    let headerText = c < header.count ? headerTexts[c] : ""
                    if c < header.count, skipped[c] { continue }
                    let columnUnit = c < header.count ? columnUnits[c] : nil
                    guard let unit = columnUnit ?? captionUnit, !cell.isEmpty else { continue }
                    let negative = ctx.chars[cell.lowerBound] == UInt32(char: "-") && cell.count > 1
                    let numberStart = negative ? cell.lowerBound + 1 : cell.lowerBound
                    guard let (magnitude, end) = ctx.arabicNumber(at: numberStart), end == cell.upperBound else { continue }
                    let value = negative ? ExactDecimal(significand: -magnitude.significand, exponent: magnitude.exponent) : magnitude
                    guard let yuan = value.multiplied(by: unit.multiplier) else { continue }
                    let amount = AmountValue(value: value, valueMax: nil, unit: unit.text, yuan: yuan, yuanMax: nil,
                                             qualifier: .none, chineseNumeral: false, table: true)
                    let mention = Mention(range: cell, value: .amount(amount))
                    let span = text.span(cell)
                    let rowUnit = structure.unit(at: cell.lowerBound)
                    items.append(Item(mention: mention, span: span, text: makeString(text.original[span.start..<span.end]),
                                      section: table.section, sentenceRange: rowUnit?.range, article: structure.article(at: cell.lowerBound),
                                      tableCell: TableCell(table: table.index, row: r, column: c, header: headerText)))
                }
            }
        }
        return items
    }

    /// `单位：人民币元` → 元; `单位:亿元` → 亿元: the label and the currency's name come from `table_unit_words`.
    static func unitAfterLabel(_ ctx: MatchContext, _ r: Range<Int>) -> Lexicons.MoneyUnit? {
        let words = ctx.lexicons.tableUnitWords
        for label in words[.unitLabel] {
            var k = r.lowerBound
            while k + label.count <= r.upperBound, !ctx.has(label, at: k) { k += 1 }
            guard k + label.count <= r.upperBound else { continue }
            var s = k + label.count
            // Punctuation and spaces, then the currency's name (人民币), stand before the unit.
            while s < r.upperBound, !CharClass.isHan(ctx.chars[s]) { s += 1 }
            if let currency = words[.currencyName].first(where: { ctx.has($0, at: s) }) { s += currency.count }
            while s < r.upperBound, !CharClass.isHan(ctx.chars[s]) { s += 1 }
            for u in ctx.lexicons.moneyUnits where !u.bare && ctx.has(u.word, at: s) { return u }
            return nil
        }
        return nil
    }

    /// A money unit in a column header: `本金(元)`, `金额/万元`, `投资（亿元）`.
    static func unitInHeader(_ ctx: MatchContext, _ r: Range<Int>) -> Lexicons.MoneyUnit? {
        var k = r.lowerBound
        while k < r.upperBound {
            let c = ctx.chars[k]
            if c == UInt32(char: "(") || c == UInt32(char: "/") {
                for u in ctx.lexicons.moneyUnits where !u.bare && ctx.has(u.word, at: k + 1) {
                    let end = k + 1 + u.word.count
                    if end == r.upperBound || ctx.chars[end] == UInt32(char: ")") { return u }
                }
            }
            k += 1
        }
        return nil
    }
}
