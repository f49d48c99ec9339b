import Testing
@testable import PolicyExtract

/// Sentences of a paragraph: ICU's boundaries, plus a split after a semicolon, spaces trimmed (in normalized
/// text: full-width ！？； read as ASCII).
@Suite struct SegmentTests {
    static func sentences(_ text: String) -> [String] {
        let r = DocumentExtractor().extract(text: text)
        return r.structure.units.filter { $0.kind == .sentence }.map { r.text.text($0.range) }
    }

    @Test(arguments: [
        ("前言\n\n第一句。第二句！第三句？甲；乙;丙", ["第一句。", "第二句!", "第三句?", "甲;", "乙;", "丙"]),
        ("前言\n\n𠀀字达到5家。后句；末句", ["𠀀字达到5家。", "后句;", "末句"]),
        ("前言\n\n“引号里。”引号后。", ["“引号里。”", "引号后。"]),
        ("前言\n\n没有句末标点的一段话", ["没有句末标点的一段话"]),
        ("前言\n\n到2025年,营业收入达到1200亿元;利润达到100亿元。", ["到2025年,营业收入达到1200亿元;", "利润达到100亿元。"]),
    ])
    func paragraphSentences(_ text: String, _ expected: [String]) {
        #expect(Self.sentences(text) == expected)
    }
}
