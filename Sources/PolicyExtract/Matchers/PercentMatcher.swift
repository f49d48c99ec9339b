/// Percentages and percentage points — `7.7%`, `百分之十五`, `1.5个百分点`, `10%-15%`.
///
/// Produces the value, its unit (`%` or `个百分点`), an upper end for ranges, and the qualifier
/// (达到 → reach, 以上 → at_least …). In `高于全部规上工业0.6和12.2个百分点` both numbers are points.
package struct PercentMatcher: Matcher {
    package static let id = "percent"
    /// Starts from a digit or 百 (百分之); a number is followed by %, a range separator, the first character of
    /// 个百分点 or 百分点, or a joiner.
    package static let scan = ScanDeclaration(kind: .percentStart, starts: { CharClass.isDigit($0) || $0 == NumberMark.hundred }, numberFollowers: { lexicons in
        let words = (try? NumberWords.of(lexicons)) ?? NumberWords()
        return ScalarSet([percentSign] + words.percentagePoints.prefix(1) + words.percentagePointsShort.prefix(1)
                         + words.rangeSeparatorCharacters + words.percentJoinerCharacters)
    })
    package init() {}

    static let percentSign = UInt32(char: "%")
    /// Reads the `number_words` lexicon (个百分点, 百分点, 百分之, joiners, range separators) once.
    package static func prepare(_ lexicons: Lexicons) throws { _ = try NumberWords.of(lexicons) }

    package func find(in ctx: MatchContext) -> [Mention] {
        let chars = ctx.chars
        var result: [Mention] = []
        result.reserveCapacity(MatchContext.mentionRoom(ctx.chars.count))
        let followers = ctx.followers(of: Self.self)
        let words = ctx.numberWords
        let joiners = words.percentJoiners
        var pending: [(ExactDecimal, Range<Int>)] = []  // bare numbers waiting for a unit: 0.6和12.2个百分点
        var i = 0
        while i < chars.count {
            // Skip to the next digit or 百; bare numbers waiting for a unit are dropped when anything but a
            // joiner stands between (as the character-by-character path below does).
            let next = ctx.next(.percentStart, from: i, to: chars.count)
            if next > i {
                if !pending.isEmpty, (i..<next).contains(where: { !joiners.contains(chars[$0]) }) { pending.removeAll() }
                i = next
                if i >= chars.count { break }
            }
            if chars[i] == NumberMark.hundred, ctx.has(words.spelledPercent, at: i) {
                var k = i + words.spelledPercent.count
                let s = k
                while k < chars.count, CharClass.isChineseNumeral(chars[k]) || chars[k] == NumberMark.decimalPoint { k += 1 }
                if k > s, let v = chineseValue(ctx, s..<k) {
                    result.append(mention(ctx, i..<k, v, nil, "%", markerAt: k))
                    i = k
                    continue
                }
            }
            // An integer followed by none of %, a range separator, 个百分点, 百分点 or a joiner is neither a
            // percentage nor a number waiting for one: passed over without being read (the waiting ones dropped).
            if let d = ctx.integerRuledOut(at: i, followers: followers) {
                pending.removeAll()
                i = d
                continue
            }
            guard ctx.startsNumber(i), let (a, aEnd) = ctx.arabicNumber(at: i) else {
                if !pending.isEmpty, !joiners.contains(chars[i]) { pending.removeAll() }
                i += 1
                continue
            }
            var negative = false
            if i > 0, chars[i - 1] == UInt32(char: "-"), i < 2 || !CharClass.isDigit(chars[i - 2]) { negative = true }
            let value = negative ? ExactDecimal(significand: -a.significand, exponent: a.exponent) : a
            var k = aEnd
            if k < chars.count, chars[k] == Self.percentSign {
                k += 1
                var maxValue: ExactDecimal? = nil
                var end = k
                // 10%-15%
                if let (b, bEnd) = ctx.rangeEnd(at: k, fits: { _, bEnd in bEnd < chars.count && chars[bEnd] == Self.percentSign }) {
                    maxValue = b; end = bEnd + 1
                }
                let start = negative ? i - 1 : i
                result.append(mention(ctx, start..<end, value, maxValue, "%", markerAt: end))
                pending.removeAll()
                i = end
                continue
            }
            // 10-15%
            if let (b, bEnd) = ctx.rangeEnd(at: k, fits: { b, bEnd in bEnd < chars.count && chars[bEnd] == Self.percentSign && b > a }) {
                result.append(mention(ctx, i..<(bEnd + 1), value, b, "%", markerAt: bEnd + 1))
                i = bEnd + 1
                continue
            }
            if ctx.has(words.percentagePoints, at: k) || ctx.has(words.percentagePointsShort, at: k) {
                let end = k + (ctx.has(words.percentagePoints, at: k) ? words.percentagePoints.count : words.percentagePointsShort.count)
                for (pv, pr) in pending { result.append(mention(ctx, pr, pv, nil, words.percentagePointsText, markerAt: pr.upperBound)) }
                pending.removeAll()
                result.append(mention(ctx, i..<end, value, nil, words.percentagePointsText, markerAt: end))
                i = end
                continue
            }
            if k < chars.count, joiners.contains(chars[k]) { pending.append((value, i..<aEnd)) } else { pending.removeAll() }
            i = aEnd
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    func chineseValue(_ ctx: MatchContext, _ r: Range<Int>) -> ExactDecimal? {
        let chars = ctx.chars
        if let dot = r.first(where: { chars[$0] == NumberMark.decimalPoint }) {
            guard let whole = ctx.numerals.value(chars[r.lowerBound..<dot]) else { return nil }
            // Digits after 点 join the whole part's; more than 64 bits hold is no value (not a crash).
            var significand = whole
            var places = 0
            for k in (dot + 1)..<r.upperBound {
                guard let d = CharClass.chineseDigit(chars[k]) else { return nil }
                guard let a = significand.appendingDigit(Int64(d)) else { return nil }
                significand = a; places += 1
            }
            return ExactDecimal(significand: significand, exponent: -places)
        }
        return ctx.numerals.value(chars[r]).map { ExactDecimal($0) }
    }

    func mention(_ ctx: MatchContext, _ r: Range<Int>, _ v: ExactDecimal, _ max: ExactDecimal?, _ unit: String, markerAt: Int) -> Mention {
        let q = ctx.qualifier(before: r.lowerBound, after: markerAt)
        return Mention(range: r, value: .percent(PercentValue(value: v, valueMax: max, unit: unit, qualifier: q)))
    }

    package static let examples: [MatcherExample] = [
        .init("增加值分别增长7.7%、9.3%", ["7.7% => 7.7% none", "9.3% => 9.3% none"]),
        .init("高于全部规上工业0.6和12.2个百分点", ["0.6 => 0.6个百分点 none", "12.2个百分点 => 12.2个百分点 none"]),
        .init("增速比上半年提高7.3个百分点", ["7.3个百分点 => 7.3个百分点 none"]),
        .init("高新技术产品占比达45%", ["45% => 45% reach"]),
        .init("本地配套率提升到50%以上", ["50% => 50% at_least"]),
        .init("占全省比例分别为12.3%和23.6%", ["12.3% => 12.3% none", "23.6% => 23.6% none"]),
        .init("降低百分之十五", ["百分之十五 => 15% none"]),
        .init("增长10%-15%", ["10%-15% => 10-15% none"]),
        .init("占比２２％", ["２２％ => 22% none"]),
        // must not match
        .init("新增企业2000家", []),
        .init("支撑引领作用^[1-3]", []),
    ]
}
