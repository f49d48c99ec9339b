import Testing
@testable import PolicyExtract

/// The amounts of running text and of table cells merged in one pass give what a filter of every amount
/// against every cell followed by a stable sort gives, on random spans (cells apart, amounts in or out of
/// cells, equal spans on both sides).
@Suite struct TableCellMergeTests {
    static func item(_ start: Int, _ end: Int, cell: Bool) -> Item {
        Item(mention: Mention(range: start..<end, value: .year(2025, .deadline)),
             span: Span(start: start, end: end, line: 1), text: "", section: 0, sentenceRange: nil, article: 0,
             tableCell: cell ? TableCell(table: 0, row: 1, column: 0, header: "") : nil)
    }

    @Test func mergeEqualsFilterAndStableSort() {
        var rng = SplitMix(state: 1016)
        for _ in 0..<2_000 {
            var cells: [Item] = []
            var at = Int.random(in: 0...5, using: &rng)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let length = Int.random(in: 1...5, using: &rng)
                cells.append(Self.item(at, at + length, cell: true))
                at += length + Int.random(in: 0...4, using: &rng)
            }
            var amounts = (0..<Int.random(in: 0...10, using: &rng)).map { _ -> Item in
                let s = Int.random(in: 0...at, using: &rng)
                return Self.item(s, s + Int.random(in: 1...4, using: &rng), cell: false)
            }
            if Bool.random(using: &rng) { amounts.append(cells.randomElement(using: &rng).map { Self.item($0.span.start, $0.span.end, cell: false) }!) }
            amounts.sort { $0.span < $1.span }
            var expected = amounts.filter { i in !cells.contains { $0.span.start <= i.span.start && i.span.end <= $0.span.end } }
            expected += cells
            expected.sort { $0.span < $1.span }
            let merged = DocumentExtractor.withTableCells(amounts, cells)
            let key = { (i: Item) in "\(i.span.start)-\(i.span.end)-\(i.tableCell != nil)" }
            #expect(merged.map(key) == expected.map(key), "\(amounts.map(key)) \(cells.map(key))")
        }
    }
}
