/// Counts — a number with its measure word: `650家`, `3个`, `14项`, `300万千瓦`, `8—10个`.
///
/// Measure words come from the `measure_words` lexicon (longest first); a 万 or 亿 between number and
/// measure word scales it (`1.5万家`). Produces value, unit, base unit and scale, and the qualifier.
/// A number followed by 个百分点 is a percentage change, and one after 第 is an ordinal: neither is a count.
package struct CountMatcher: Matcher {
    package static let id = "count"
    /// Starts from a digit; a number is followed by a measure word, 万 or 亿, or a range separator.
    package static let scan = ScanDeclaration(kind: .digit, starts: { CharClass.isDigit($0) }, numberFollowers: { lexicons in
        ScalarSet(lexicons.measureWords.compactMap(\.word.first) + [NumberMark.tenThousand, NumberMark.hundredMillion]
                  + ((try? NumberWords.of(lexicons))?.rangeSeparatorCharacters ?? []))
    })
    package init() {}

    /// Reads the `number_words` lexicon (range separators, 个百分点) once.
    package static func prepare(_ lexicons: Lexicons) throws { _ = try NumberWords.of(lexicons) }


    func measure(_ ctx: MatchContext, at k: Int) -> (Lexicons.MeasureWord, multiplier: Int64, end: Int)? {
        let chars = ctx.chars
        var multiplier: Int64 = 1
        var start = k
        let words = ctx.lexicons.measureWords
        let byFirst = ctx.lexicons.scan.measureWords
        if k < chars.count, let candidates = byFirst.positions(startingWith: chars[k]) {
            for i in candidates where ctx.has(words[i].word, at: k) { return (words[i], 1, k + words[i].word.count) }
        }
        if k + 1 < chars.count, chars[k] == NumberMark.tenThousand, chars[k + 1] == NumberMark.hundredMillion { multiplier = 1_000_000_000_000; start = k + 2 }  // 万亿
        else if k < chars.count, chars[k] == NumberMark.tenThousand { multiplier = 10_000; start = k + 1 }       // 万
        else if k < chars.count, chars[k] == NumberMark.hundredMillion { multiplier = 100_000_000; start = k + 1 }  // 亿
        else { return nil }
        if start < chars.count, let candidates = byFirst.positions(startingWith: chars[start]) {
            for i in candidates where words[i].scale == 1 && ctx.has(words[i].word, at: start) {
                return (words[i], multiplier, start + words[i].word.count)
            }
        }
        return nil
    }

    package func find(in ctx: MatchContext) -> [Mention] {
        let chars = ctx.chars
        var result: [Mention] = []
        result.reserveCapacity(MatchContext.mentionRoom(ctx.chars.count))
        let followers = ctx.followers(of: Self.self)
        let numberWords = ctx.numberWords
        var i = 0
        while i < chars.count {
            i = ctx.next(.digit, from: i, to: chars.count)
            // An integer followed by no measure word, 万, 亿 or range separator is no count: passed over without
            // being read.
            if let d = ctx.integerRuledOut(at: i, followers: followers) {
                i = d
                continue
            }
            guard ctx.startsNumber(i), let (a, aEnd) = ctx.arabicNumber(at: i) else { i += 1; continue }
            if i > 0, chars[i - 1] == NumberMark.ordinal { i = aEnd; continue }
            var valueMax: ExactDecimal? = nil
            var k = aEnd
            if let (b, bEnd) = ctx.rangeEnd(at: k, fits: { b, bEnd in b > a && measure(ctx, at: bEnd) != nil }) {
                valueMax = b
                k = bEnd
            }
            if ctx.has(numberWords.percentagePoints, at: k) { i = k; continue }
            guard let (m, multiplier, end) = measure(ctx, at: k) else { i = aEnd; continue }
            let unit = (multiplier == 10_000 ? "万" : multiplier == 100_000_000 ? "亿" : multiplier == 1_000_000_000_000 ? "万亿" : "") + m.text
            let q = ctx.qualifier(before: i, after: end)
            let count = CountValue(value: a, valueMax: valueMax, unit: unit, baseUnit: m.baseUnit, scale: m.scale * multiplier, qualifier: q)
            result.append(Mention(range: i..<end, value: .count(count)))
            i = end
        }
        return result
    }

    package static let examples: [MatcherExample] = [
        .init("到2023年,规模以上企业达到650家", ["650家 => 650家 reach"]),
        .init("打造动力装备、高端铝业、智能家电等3个超过5000亿元的产业集群", ["3个 => 3个 none"]),
        .init("全国已有28个千亿元级先进制造业集群", ["28个 => 28个 none"]),
        .init("实施14项重点工程", ["14项 => 14项 none"]),
        .init("可再生能源发电装机规模达到300万千瓦", ["300万千瓦 => 300万千瓦 reach"]),
        .init("济南市拥有1 782家,青岛市拥有3 412家", ["1 782家 => 1782家 none", "3 412家 => 3412家 none"]),
        .init("山东规模以上工业企业数量为33 222家", ["33 222家 => 33222家 none"]),
        .init("独角兽企业15家左右", ["15家 => 15家 about"]),
        .init("培育8—10个产业集群", ["8—10个 => 8-10个 none"]),
        .init("新增企业1.5万家", ["1.5万家 => 1.5万家 none"]),
        .init("粮食产量1.4万亿斤左右", ["1.4万亿斤 => 1.4万亿斤 about"]),
        // must not match
        .init("高于全部规上工业12.2个百分点", []),
        .init("入围数量位居全国第5位", []),
        .init("到2025年,基本实现", []),
        .init("投资30亿元", []),
    ]
}
