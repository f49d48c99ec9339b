/// Amounts of money — 元, 万元, 亿元, 万亿元, and 亿/万亿 used as money.
///
/// Matches Arabic and Chinese numerals before a money unit from the `money_units` lexicon
/// (`1200亿元`, `三千亿元`, `超1000亿`), tiers (`千亿级`, `2000亿级`, `千亿元级` → qualifier `level`) and
/// ranges (`30亿至50亿元`, `30-50亿元`). Produces the value in its unit, the exact amount in 元 and the
/// qualifier: a marker after the number (左右, 以上, 级) wins over a verb before it (达到, 超过, 约); an
/// item of an enumeration (`分别达到1200亿元、1600亿元`) takes the verb of the first.
package struct AmountMatcher: Matcher {
    package static let id = "amount"
    /// Starts from a digit or a Chinese numeral; a number is followed by a money unit or a range separator.
    package static let scan = ScanDeclaration(kind: .numberStart, starts: { CharClass.isDigit($0) || CharClass.isChineseNumeral($0) },
                                             numberFollowers: { ScalarSet($0.moneyUnits.compactMap(\.word.first) + ((try? NumberWords.of($0))?.rangeSeparatorCharacters ?? [])) })
    package init() {}

    /// Reads the `number_words` lexicon (range separators, vague prefixes, enumeration joiners) once.
    package static func prepare(_ lexicons: Lexicons) throws { _ = try NumberWords.of(lexicons) }

    package func find(in ctx: MatchContext) -> [Mention] {
        let chars = ctx.chars
        let n = chars.count
        var found: [Mention] = []
        found.reserveCapacity(MatchContext.mentionRoom(ctx.chars.count))
        var i = 0
        var lastEnd = -1
        var lastVerb: Qualifier? = nil
        let followers = ctx.followers(of: Self.self)
        let words = ctx.numberWords
        while i < n {
            i = ctx.next(.numberStart, from: i, to: n)
            if i >= n { break }
            let c = chars[i]
            var match: (Mention, end: Int, verb: Qualifier?)? = nil
            if CharClass.isDigit(c) {
                // An integer followed by neither a money unit nor a range separator begins no amount (`amount`
                // would find none): passed over without being read.
                if let d = ctx.integerRuledOut(at: i, followers: followers) {
                    i = d
                    continue
                }
                if ctx.startsNumber(i), let (number, numberEnd) = ctx.arabicNumber(at: i) {
                    match = amount(ctx, words, start: i, number: number, numberEnd: numberEnd, chinese: false, lastEnd: lastEnd, lastVerb: lastVerb)
                    if match == nil { i = numberEnd; continue }
                }
            } else if CharClass.isChineseNumeral(c), i == 0 || !CharClass.isChineseNumeral(chars[i - 1]) {
                // A run of numerals (一 of 进一步, 十 of 十四五 …) that neither ends in 万/亿 nor is followed by a
                // money unit is no amount (`chineseAmount` would find none): passed over at once.
                var runEnd = i + 1
                while runEnd < n, CharClass.isChineseNumeral(chars[runEnd]) { runEnd += 1 }
                let last = chars[runEnd - 1]
                if last != NumberMark.tenThousand, last != NumberMark.hundredMillion, runEnd >= n || !ctx.lexicons.scan.moneyUnitFirsts.contains(chars[runEnd]) {
                    i = runEnd
                    continue
                }
                match = chineseAmount(ctx, words, start: i, runEnd: runEnd, lastEnd: lastEnd, lastVerb: lastVerb)
                if match == nil {
                    i = runEnd
                    continue
                }
            }
            if let m = match {
                found.append(m.0)
                lastEnd = m.end
                lastVerb = m.verb
                i = max(m.0.range.upperBound, i + 1)
                continue
            }
            i += 1
        }
        return found
    }

    /// The money unit at `i`, if any, refusing a bare 亿 followed by a non-money word (亿人, 亿美元).
    func moneyUnit(_ ctx: MatchContext, at i: Int) -> Lexicons.MoneyUnit? {
        guard i < ctx.chars.count, ctx.lexicons.scan.moneyUnitFirsts.contains(ctx.chars[i]) else { return nil }
        for u in ctx.lexicons.moneyUnits where ctx.has(u.word, at: i) {
            if u.bare {
                let after = i + u.word.count
                for w in ctx.lexicons.notMoneyAfterYi where ctx.has(w, at: after) { return nil }
                if after < ctx.chars.count, CharClass.isDigit(ctx.chars[after]) { return nil }
                // A bare 亿 is money in a tier (千亿级) or after a money word in its clause (销售收入超1000亿).
                if !(after < ctx.chars.count && ctx.chars[after] == NumberMark.tier) && !moneyWordBefore(ctx, i) { return nil }
            }
            return u
        }
        return nil
    }

    /// True when a `money_context` word stands in the clause before `i` (at most 24 characters back).
    func moneyWordBefore(_ ctx: MatchContext, _ i: Int) -> Bool {
        var s = i
        while s > 0, i - s < 24, !CharClass.isClauseBreak(ctx.chars[s - 1]) { s -= 1 }
        return ctx.lexicons.moneyContext.contains { ctx.contains($0, in: s..<i) }
    }

    func amount(_ ctx: MatchContext, _ words: NumberWords, start: Int, number: ExactDecimal, numberEnd: Int, chinese: Bool,
                lastEnd: Int, lastVerb: Qualifier?) -> (Mention, end: Int, verb: Qualifier?)? {
        let chars = ctx.chars
        var value = number
        var valueMax: ExactDecimal? = nil
        var unit = moneyUnit(ctx, at: numberEnd)
        var end: Int
        if let u = unit {
            end = numberEnd + u.word.count
            // A range: 30亿至50亿元, 30亿元-50亿元; with two different units both ends are given in 元.
            if end < chars.count, words.rangeSeparators.contains(chars[end]), ctx.startsNumber(end + 1),
               let (second, secondEnd) = ctx.arabicNumber(at: end + 1), let u2 = moneyUnit(ctx, at: secondEnd) {
                if u2.multiplier == u.multiplier {
                    valueMax = second
                    unit = u2
                } else {
                    guard let a = value.multiplied(by: u.multiplier), let b = second.multiplied(by: u2.multiplier) else { return nil }
                    value = a
                    valueMax = b
                    unit = Lexicons.MoneyUnit(word: [], text: "元", multiplier: 1, bare: false)
                }
                end = secondEnd + u2.word.count
            }
        } else {
            // 30-50亿元, 30至50亿元: the unit is written once, after the second number.
            guard numberEnd < chars.count, words.rangeSeparators.contains(chars[numberEnd]), ctx.startsNumber(numberEnd + 1),
                  let (second, secondEnd) = ctx.arabicNumber(at: numberEnd + 1), let u2 = moneyUnit(ctx, at: secondEnd),
                  second > number else { return nil }
            unit = u2
            valueMax = second
            end = secondEnd + u2.word.count
        }
        guard let u = unit else { return nil }
        return finish(ctx, words, start: start, end: end, value: value, valueMax: valueMax, unit: u, chinese: chinese,
                      lastEnd: lastEnd, lastVerb: lastVerb)
    }

    func finish(_ ctx: MatchContext, _ words: NumberWords, start: Int, end unitEnd: Int, value: ExactDecimal, valueMax: ExactDecimal?,
                unit: Lexicons.MoneyUnit, chinese: Bool, lastEnd: Int, lastVerb: Qualifier?) -> (Mention, end: Int, verb: Qualifier?)? {
        let chars = ctx.chars
        var end = unitEnd
        var qualifier = Qualifier.none
        var verb: Qualifier? = nil
        var markerEnd = end
        if end < chars.count, chars[end] == NumberMark.tier {
            qualifier = .level
            end += 1
            markerEnd = end
        } else if let (q, length) = ctx.qualifierAfter(end) {
            qualifier = q
            markerEnd = end + length
        }
        if let v = ctx.qualifierBefore(start) {
            verb = v
            if qualifier == .none { qualifier = v }
        } else if start > 0, words.enumerationJoiners.contains(chars[start - 1]), lastEnd == start - 1, let inherited = lastVerb {
            verb = inherited
            if qualifier == .none { qualifier = inherited }
        }
        guard let yuan = value.multiplied(by: unit.multiplier) else { return nil }
        let yuanMax = valueMax.flatMap { $0.multiplied(by: unit.multiplier) }
        let amount = AmountValue(value: value, valueMax: valueMax, unit: unit.text, yuan: yuan, yuanMax: yuanMax,
                                 qualifier: qualifier, chineseNumeral: chinese, table: false)
        return (Mention(range: start..<end, value: .amount(amount)), markerEnd, verb)
    }

    /// 三千亿元, 五千亿, 千亿级, 一千二百万元, 百亿级: the numeral run's trailing 万/亿 belongs to the unit.
    /// `runEnd`: the end of the run of numerals that begins at `start`.
    func chineseAmount(_ ctx: MatchContext, _ words: NumberWords, start: Int, runEnd: Int, lastEnd: Int, lastVerb: Qualifier?) -> (Mention, end: Int, verb: Qualifier?)? {
        let chars = ctx.chars
        if start > 0, words.vagueBeforeNumeral.contains(chars[start - 1]) { return nil }
        // Try splitting the run at each trailing 万/亿 so that the unit lexicon sees 亿元, 万亿, 万元.
        var split = runEnd
        while split > start {
            let prev = chars[split - 1]
            if prev == NumberMark.tenThousand || prev == NumberMark.hundredMillion { split -= 1 } else { break }
        }
        for numeralEnd in stride(from: split, through: runEnd, by: 1) where numeralEnd > start {
            guard let unit = moneyUnit(ctx, at: numeralEnd) else { continue }
            let unitEnd = numeralEnd + unit.word.count
            if unitEnd < runEnd { continue }
            let numeral = chars[start..<numeralEnd]
            // 万千亿级: a tier spanning two sizes (千亿级 to 万亿级).
            if numeral.count == 2, let hi = CharClass.chinesePlace(numeral.first!), let lo = CharClass.chinesePlace(numeral.last!), hi > lo,
               unit.multiplier == 100_000_000, unitEnd < chars.count, chars[unitEnd] == NumberMark.tier {
                return finish(ctx, words, start: start, end: unitEnd, value: ExactDecimal(lo), valueMax: ExactDecimal(hi), unit: unit, chinese: true,
                              lastEnd: lastEnd, lastVerb: lastVerb)
            }
            // A numeral must hold a digit or 十/百/千: 亿元 alone (单位:亿元) is no amount.
            // (万亿级 is a tier of its own.)
            let tier = unitEnd < chars.count && chars[unitEnd] == NumberMark.tier
            if !tier, !numeral.contains(where: { CharClass.chineseDigit($0) != nil || $0 == NumberMark.ten || $0 == NumberMark.hundred || $0 == NumberMark.thousand }) { continue }
            // A bare 元 after a small Chinese numeral is usually a word (二元酸, 一元化): require a place value.
            if unit.multiplier == 1, !numeral.contains(where: { CharClass.chinesePlace($0) != nil }) { return nil }
            if unit.bare, !numeral.contains(where: { CharClass.chinesePlace($0) != nil }) && unitEnd < chars.count && chars[unitEnd] != NumberMark.tier { return nil }
            guard let v = ctx.numerals.value(numeral), v > 0 else { return nil }
            return finish(ctx, words, start: start, end: unitEnd, value: ExactDecimal(v), valueMax: nil, unit: unit, chinese: true,
                          lastEnd: lastEnd, lastVerb: lastVerb)
        }
        return nil
    }

    package static let examples: [MatcherExample] = [
        // 004 济发〔2020〕16号
        .init("规模以上企业达到650家,营业收入达到1200亿元;", ["1200亿元 => 1200亿元 reach"]),
        .init("营业收入超过4300亿元", ["4300亿元 => 4300亿元 exceed"]),
        .init("营业收入分别达到1200 亿元、1600 亿元", ["1200 亿元 => 1200亿元 reach", "1600 亿元 => 1600亿元 reach"]),
        .init("年营业收入30 亿元以上、50 亿元以上", ["30 亿元 => 30亿元 at_least", "50 亿元 => 50亿元 at_least"]),
        .init("培育形成千亿级产业集群2个(高端装备、高端化工)、300亿级4个", ["千亿级 => 1000亿元 level", "300亿级 => 300亿元 level"]),
        .init("每年安排2亿元专项资金", ["2亿元 => 2亿元 none"]),
        // many spellings, one value
        .init("总投资1200亿元", ["1200亿元 => 1200亿元 none"]),
        .init("总投资1 200亿元", ["1 200亿元 => 1200亿元 none"]),
        .init("总投资一千二百亿元", ["一千二百亿元 => 1200亿元 none"]),
        .init("总投资１２００亿元", ["１２００亿元 => 1200亿元 none"]),
        .init("总投资1,200亿元", ["1,200亿元 => 1200亿元 none"]),
        .init("总投资0.12万亿元", ["0.12万亿元 => 1200亿元 none"]),
        // 003 鲁商发〔2016〕3号
        .init("培育 10 个销售收入超 1000 亿的产业集群", ["1000 亿 => 1000亿元 exceed"]),
        .init("烟台开发区通信设备 2000 亿级产业集群", ["2000 亿级 => 2000亿元 level"]),
        .init("积极培育发展壮大一批百亿级和千亿级产业集群", ["百亿级 => 100亿元 level", "千亿级 => 1000亿元 level"]),
        // 002: digit groups
        .init("利润总额为3 929.90亿元", ["3 929.90亿元 => 3929.9亿元 none"]),
        // 001
        .init("打造动力装备、高端铝业、智能家电等3个超过5000亿元的产业集群", ["5000亿元 => 5000亿元 exceed"]),
        .init("全国已有28个千亿元级先进制造业集群", ["千亿元级 => 1000亿元 level"]),
        .init("规模达到千亿元级的产业集群", ["千亿元级 => 1000亿元 level"]),
        .init("实现营业收入22258亿元,同比增长2.8%", ["22258亿元 => 22258亿元 none"]),
        // Chinese numerals and small units
        .init("力争达到三千亿元", ["三千亿元 => 3000亿元 reach"]),
        .init("产值突破五千亿", ["五千亿 => 5000亿元 exceed"]),
        .init("奖励一千二百万元", ["一千二百万元 => 0.12亿元 none"]),
        .init("补助50万元", ["50万元 => 0.005亿元 none"]),
        .init("给予最高500元补贴", ["500元 => 0.000005亿元 none"]),
        .init("投资约30亿元", ["30亿元 => 30亿元 about"]),
        .init("投资30亿元左右", ["30亿元 => 30亿元 about"]),
        // 约 with a copula (约为) or a conversion (约合人民币) before the number is still 约: 国办函〔2004〕71号
        // (Fixtures 237); an NDRC approval of two expressways reported in Traditional script
        // (http://lakalal8.com/news/content/7794705015487.html, pages corpus); two news items converting dollars,
        // kept in public repositories (find_string ids 63040011339 and 47244236214).
        .init("进一步研究论证后，总投资相应调整约为8.5亿元，国家有关部门已承诺负担原估算投资5亿元的2/3",
              ["8.5亿元 => 8.5亿元 about", "5亿元 => 5亿元 none"]),
        .init("項目估算總投資約為223.5億元(靜態投資209.3億元)", ["223.5億元 => 223.5亿元 about", "209.3億元 => 209.3亿元 none"]),
        .init("英伟达正洽谈向软银旗下 SB Energy 投资最多 30 亿美元，约合人民币 202 亿元", ["202 亿元 => 202亿元 about"]),
        .init("支付15.6亿美元（约合人民币110亿元）赔偿", ["110亿元 => 110亿元 about"]),
        .init("规模不低于20亿元", ["20亿元 => 20亿元 at_least"]),
        .init("控制在5亿元以内", ["5亿元 => 5亿元 at_most"]),
        .init("投资近百亿元", ["百亿元 => 100亿元 about"]),
        .init("营收超千亿", ["千亿 => 1000亿元 exceed"]),
        .init("产值突破1.5万亿元", ["1.5万亿元 => 15000亿元 exceed"]),
        .init("累计投资逾300亿元", ["300亿元 => 300亿元 exceed"]),
        .init("每年安排不少于2亿元", ["2亿元 => 2亿元 at_least"]),
        .init("总投资约120亿美元的项目,以及价值3000万港元的设备", []),
        // ranges
        .init("单个项目投资30亿至50亿元", ["30亿至50亿元 => 30-50亿元 none"]),
        .init("单个项目投资30-50亿元", ["30-50亿元 => 30-50亿元 none"]),
        .init("投资3000万元至1亿元", ["3000万元至1亿元 => 0.3-1亿元 none"]),
        // must not match
        .init("己二酸、二元酸等化工产品", []),
        .init("推动产业多元化发展,坚持一元化管理", []),
        .init("全省人口超1亿人", []),
        .init("活跃用户数达到4.6亿。", []),
        .init("单位:亿元", []),
        .init("打造3个万千亿级产业集群", ["万千亿级 => 1000-10000亿元 level"]),
        .init("数字产业等3个万亿级产业集群", ["万亿级 => 10000亿元 level"]),
        .init("出口额达50亿美元", []),
        .init("新增企业2000家", []),
        .init("数十亿元的投资", []),
        .init("2017—2022年", []),
    ]
}
