/// Periods — `2017—2022年`, `2015-2020年`, `2021年至2025年`, `1—10月`.
///
/// Matches two years (or two months) joined by a range separator (— – - ~ 至 到) and closed by 年
/// (or 月). Produces one period with its start, end and unit; never two deadlines.
package struct PeriodMatcher: Matcher {
    package static let id = "period"
    /// Starts from a digit; a number is followed by a range separator, or by 年 and then one.
    package static let scan = ScanDeclaration(kind: .digit, starts: { CharClass.isDigit($0) },
                                             numberFollowers: { ScalarSet(((try? NumberWords.of($0))?.rangeSeparatorCharacters ?? []) + [NumberMark.year]) })
    package init() {}

    /// Reads the `number_words` lexicon (range separators) once.
    package static func prepare(_ lexicons: Lexicons) throws { _ = try NumberWords.of(lexicons) }

    package func find(in ctx: MatchContext) -> [Mention] { ctx.periodMentions }

    static func scanText(_ ctx: MatchContext) -> [Mention] {
        let chars = ctx.chars
        let followers = ctx.followers(of: Self.self)
        let words = ctx.numberWords
        var result: [Mention] = []
        result.reserveCapacity(8)  // few per document
        var i = 0
        while i < chars.count {
            i = ctx.next(.digit, from: i, to: chars.count)
            guard ctx.startsNumber(i) else { i += 1; continue }
            // Most numbers are followed by neither a range separator nor 年: passed over without being read (no
            // number starts inside a run of digits). A decimal point goes the full way.
            if let d = ctx.integerRuledOut(at: i, followers: followers) { i = d; continue }
            guard let (a, aEnd) = ctx.arabicNumber(at: i), a.isInteger else { i += 1; continue }
            var k = aEnd
            var firstHasNian = false
            if k < chars.count, chars[k] == NumberMark.year { firstHasNian = true; k += 1 }
            guard k < chars.count, words.rangeSeparators.contains(chars[k]), ctx.startsNumber(k + 1) || (k + 1 < chars.count && CharClass.isDigit(chars[k + 1])),
                  let (b, bEnd) = ctx.arabicNumber(at: k + 1), b.isInteger, bEnd < chars.count else { i = aEnd; continue }
            let av = Int(a.description) ?? 0, bv = Int(b.description) ?? 0
            let unit = chars[bEnd]
            if unit == NumberMark.year, aEnd - i == 4, bEnd - (k + 1) == 4, av >= 1900, bv <= 2099, av < bv {
                result.append(Mention(range: i..<(bEnd + 1), value: .period(start: av, end: bv, unit: "年")))
                i = bEnd + 1
                continue
            }
            if unit == NumberMark.month, !firstHasNian, av >= 1, bv <= 12, av < bv, aEnd - i <= 2 {
                result.append(Mention(range: i..<(bEnd + 1), value: .period(start: av, end: bv, unit: "月")))
                i = bEnd + 1
                continue
            }
            i = aEnd
        }
        return result
    }

    package static let examples: [MatcherExample] = [
        .init("《山东省推进工业转型升级行动计划(2015-2020年)》", ["2015-2020年 => 2015-2020年"]),
        .init("相较于2017—2022年的发展", ["2017—2022年 => 2017-2022年"]),
        .init("2021年至2025年,全省", ["2021年至2025年 => 2021-2025年"]),
        .init("1—10月,北京市规模以上工业企业实现营业收入", ["1—10月 => 1-10月"]),
        // must not match
        .init("到2025年,集群内高新技术企业达5000家", []),
        .init("支撑引领作用^[1-3]", []),
        .init("30-50亿元", []),
    ]
}
