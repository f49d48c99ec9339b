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

    /// A paragraph without any sentence end (lines of figures joined as running text) is cut into sentences
    /// of at most `Segmenter.maxSentence` characters, after a clause break where there is one, covering the
    /// paragraph in order: each record repeats its sentence, so the output grows with the records, not with
    /// the records times the paragraph.
    @Test func overlongSentencesAreCutAtClauseBreaks() {
        let lines = (0..<2_000).map { "到\(2020 + $0 % 10)年，营业收入达到\($0)亿元" }.joined(separator: "\n")
        let r = DocumentExtractor().extract(text: "前言\n\n" + lines)
        let sentences = r.structure.units.filter { $0.kind == .sentence }.map(\.range)
        #expect(sentences.count > 30)
        #expect(sentences.allSatisfy { $0.count <= Segmenter.maxSentence })
        // In order, without gaps other than spaces and line breaks; each cut right after a clause break.
        for (a, b) in zip(sentences, sentences.dropFirst()) {
            #expect(a.upperBound <= b.lowerBound)
            #expect(r.text.chars[a.upperBound..<b.lowerBound].allSatisfy { $0 == 0x20 || $0 == 0x0A })
            let last = r.text.chars[a.upperBound - 1]
            #expect(CharClass.isClauseBreak(last) || last == 0x3001 || r.text.chars[a.upperBound] == 0x0A, "\(r.text.text(a).suffix(12))")
        }
        #expect(r.amounts().count == 2_000)
        // A paragraph without a single break is cut at the limit.
        let plain = String(repeating: "产业集群高质量发展", count: 300)
        let p = DocumentExtractor().extract(text: "前言\n\n" + plain)
        #expect(p.structure.units.filter { $0.kind == .sentence }.map(\.range.count) == [1_000, 1_000, 700])
        // The fixtures' longest sentence (426 characters) stays whole: nothing below the limit changes.
        #expect(Self.sentences("前言\n\n" + String(repeating: "甲，", count: 499) + "乙。") .count == 1)
    }

    /// Sentences of every paragraph the way the segmenter finds them (a run that begins with an ideograph or
    /// another OLetter given to ICU as its first character) and with every character given to ICU: the same
    /// ranges, on every fixture and on text that mixes ideographs with the cases where the sentence rules
    /// look ahead or back (a full stop between upper- or lower-case letters, quotes, brackets and spaces
    /// after a terminator, digits after a full stop, kana, Hangul).
    @Test func collapsedIdeographsBreakAsTheWholeText() throws {
        var texts: [NormalizedText] = []
        for name in Repo.fixtureNames { texts.append(try extract(Repo.docs.appendingPathComponent(name)).text) }
        let mixed = """
            前言

            他说。“好的。”然后走了. 美国经济 grew. e.g. 中国 economy 增长3.5%.然后 abc 中文. def 中文。。！？再说 U.S. 美元 rate
            数字1.5亿元。甲乙丙丁 戊己. 庚辛 (壬癸.) 子丑 寅卯… 辰巳?! 午未 Mr. 王 said. 申酉戌亥、甲乙。丙丁

            中文A.B测试。中文a.B测试。中文a.b测试。数据3.5亿,比例12%.下一句。中文(注).Next 句子。他说“好.”然后。
            中文,English. next 中文:A. B 中文、1. 2 中文(A.B) 日本語です。次の文。한국어 문장. 다음 문장. 中文“A.”B 末尾A.

            标题没有句号
            他说:“好的。”
            到2025年,营业收入超过3.5亿元。
            结束了!?”)
            第一句\u{2029}第二句。
            第一句\u{2029}
            甲。乙
            “引用。”后文
            """
        texts.append(DocumentExtractor().extract(text: mixed).text)
        var compared = 0
        for text in texts {
            let paragraphs = Segmenter().segment(text).paragraphs
            let collapsed = Segmenter(), whole = Segmenter()
            whole.collapsesIdeographs = false
            for p in paragraphs {
                var a: [Range<Int>] = [], b: [Range<Int>] = []
                collapsed.sentences(text, p) { a.append($0) }
                whole.sentences(text, p) { b.append($0) }
                #expect(a == b, "\(text.text(p))")
                compared += b.count
            }
        }
        #expect(compared > 500)
    }
}
