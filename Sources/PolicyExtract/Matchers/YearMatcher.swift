/// Years — `2025年`, `二〇二五年`, with their kind.
///
/// Matches a four-digit year (1900–2099, Arabic or Chinese digits) followed by 年. A year after 到 or
/// 至, or followed by 前/以前/之前 (not 前三季度), is a `deadline`; after 截至/截止 it is a `cutoff`;
/// a year that closes a span from now (从现在到2009年, 从现在起到2035年) is `other`, as is any year not
/// marked. The end of a five-year plan after 到 or 至 (到“十四五”末) is a `deadline` in the plan's last year,
/// its span on the plan's name and 末. Years inside a full date or a period are left to those matchers.
package struct YearMatcher: Matcher {
    package static let id = "year"
    /// Starts from 年, the character after a year's digits.
    package static let scan = ScanDeclaration(kind: .yearSuffix, starts: { $0 == NumberMark.year })
    package init() {}

    /// The words that give a year or a date its kind, from the `year_kind_words` lexicon.
    struct KindWords: Sendable {
        var deadlineBefore: [[UInt32]] = []
        var cutoffBefore: [[UInt32]] = []
        /// In the lexicon's order: the first written wins.
        var deadlineAfter: [[UInt32]] = []
        /// After a one-character `deadlineAfter` word (年前), these begin a span of the year (前三季度), not a deadline.
        var notDeadlineAfterSingle = ScalarSet([])
        /// Before a `deadlineBefore` word, these open a span from now (从现在到2009年): the year ends a period.
        var spanFromBefore: [[UInt32]] = []
        /// After a full date, these join it to the last day of a span (2003年10月24日至26日).
        var spanAfter: [[UInt32]] = []
        /// The character that closes a five-year plan's ordinal (十四五), the quotes around the name, the words
        /// after it that make it the plan's end (末, 期末), and the last year of the third plan (1970; the n-th
        /// ends 5 × (n − 3) years later).
        var planSuffix: UInt32? = nil
        var planQuotes = ScalarSet([])
        var planEndAfter: [[UInt32]] = []
        var thirdPlanEnd: Int? = nil

        init() {}

        init(_ rows: [[String]], origin: String) throws {
            var single: [UInt32] = []
            var quotes: [UInt32] = []
            for r in rows {
                guard r.count >= 2, !r[1].isEmpty else { throw PipelineError("\(origin): \(YearMatcher.kindWordsLexicon) row \(r) needs a role and a word") }
                let w = scalars(r[1])
                switch r[0] {
                case "deadline_before": deadlineBefore.append(w)
                case "cutoff_before": cutoffBefore.append(w)
                case "deadline_after": deadlineAfter.append(w)
                case "not_deadline_after_single": single += w
                case "span_from_before": spanFromBefore.append(w)
                case "span_after": spanAfter.append(w)
                case "plan_suffix":
                    guard w.count == 1 else { throw PipelineError("\(origin): \(YearMatcher.kindWordsLexicon) row \(r): plan_suffix is one character") }
                    planSuffix = w[0]
                case "plan_quote": quotes += w
                case "plan_end_after": planEndAfter.append(w)
                case "third_plan_end":
                    guard let y = Int(r[1]) else { throw PipelineError("\(origin): \(YearMatcher.kindWordsLexicon) row \(r): third_plan_end is a year") }
                    thirdPlanEnd = y
                default: throw PipelineError("\(origin): \(YearMatcher.kindWordsLexicon) row \(r): unknown role \(r[0])")
                }
            }
            notDeadlineAfterSingle = ScalarSet(single)
            planQuotes = ScalarSet(quotes)
            planEndAfter.sort { $0.count > $1.count }
        }

        /// Whether a `deadlineBefore` word ends at `i` (到2025年), and no `spanFromBefore` word ends where it
        /// begins (从现在到2009年 is a span from now, not a deadline); `has(word, end)` reads the text.
        func deadlineBefore(endingAt i: Int, _ has: ([UInt32], Int) -> Bool) -> Bool {
            guard let w = deadlineBefore.first(where: { has($0, i) }) else { return false }
            return !spanFromBefore.contains { has($0, i - w.count) }
        }
    }

    static let kindWordsLexicon = "year_kind_words"

    /// The pipeline's kind words, read from its lexicon once (none when the pipeline names no such lexicon).
    static func kindWords(_ lexicons: Lexicons) throws -> KindWords {
        try lexicons.prepared.value(kindWordsLexicon) { try KindWords(lexicons.rows(of: kindWordsLexicon), origin: lexicons.origin) }
    }

    package static func prepare(_ lexicons: Lexicons) throws { _ = try kindWords(lexicons) }

    /// Each year phrase in the text: (range of the digits and 年, year), computed once per document.
    static func years(_ ctx: MatchContext) -> [(Range<Int>, Int)] { ctx.yearPhrases }

    static func scanYears(_ ctx: MatchContext) -> [(Range<Int>, Int)] {
        let chars = ctx.chars
        var result: [(Range<Int>, Int)] = []
        var i = 0
        while i < chars.count {
            i = ctx.next(.yearSuffix, from: i, to: chars.count)
            if i >= chars.count { break }
            if chars[i] == NumberMark.year, i >= 4 {
                let s = i - 4
                var value: Int? = nil
                if (s..<i).allSatisfy({ CharClass.isDigit(chars[$0]) }), s == 0 || !CharClass.isDigit(chars[s - 1]) {
                    value = (s..<i).reduce(0) { $0 * 10 + Int(chars[$1] - 0x30) }
                    if s > 0, chars[s - 1] == UInt32(char: ".") || CharClass.isASCIILetter(chars[s - 1]) { value = nil }
                } else if (s..<i).allSatisfy({ CharClass.chineseDigit(chars[$0]) != nil }),
                          s == 0 || !CharClass.isChineseNumeral(chars[s - 1]) {
                    value = (s..<i).reduce(0) { $0 * 10 + CharClass.chineseDigit(chars[$1])! }
                }
                if let v = value, v >= 1900, v <= 2099 { result.append((s..<(i + 1), v)) }
            }
            i += 1
        }
        return result
    }

    package func find(in ctx: MatchContext) -> [Mention] {
        let chars = ctx.chars
        let words = ctx.words.yearKindWords
        // Years that belong to a date or a period are reported there.
        let dates = ctx.dateMentions
        // The ranges taken, in order of their starts; a year overlaps one of them when one that starts before
        // the year ends reaches past the year's start (a cursor and the furthest end so far: a search of all of
        // them for each year grew with years × periods, 80 000 tables of growth rates took 19 s).
        let taken = (dates.map(\.range) + ctx.periodMentions.map(\.range)).sorted { $0.lowerBound < $1.lowerBound }
        var takenCursor = 0, takenReach = Int.min
        var result: [Mention] = []
        result.reserveCapacity(MatchContext.mentionRoom(ctx.chars.count))
        // A date something must be done by (2025年2月10日前) makes its year a deadline: the year phrase that
        // starts where the date does, found by a binary search (the phrases are in order).
        let years = Self.years(ctx)
        for d in dates {
            guard case .date(let y, _, _, .deadline) = d.value else { continue }
            let k = years.firstIndex(atOrAfter: d.range.lowerBound) { $0.0.lowerBound }
            if k < years.count, years[k].0.lowerBound == d.range.lowerBound {
                result.append(Mention(range: years[k].0, value: .year(y, .deadline)))
            }
        }
        for (range, year) in years {
            while takenCursor < taken.count, taken[takenCursor].lowerBound < range.upperBound {
                if !taken[takenCursor].isEmpty { takenReach = max(takenReach, taken[takenCursor].upperBound) }
                takenCursor += 1
            }
            if takenReach > range.lowerBound { continue }
            let s = range.lowerBound
            var kind = YearKind.other
            if words.cutoffBefore.contains(where: { ctx.has($0, endingAt: s) }) {
                kind = .cutoff
            } else if words.deadlineBefore(endingAt: s, { ctx.has($0, endingAt: $1) }) {
                kind = .deadline
            } else {
                let e = range.upperBound
                for w in words.deadlineAfter where ctx.has(w, at: e) {
                    let next = e + w.count
                    if w.count == 1, next < chars.count, words.notDeadlineAfterSingle.contains(chars[next]) { break }
                    kind = .deadline
                    break
                }
            }
            result.append(Mention(range: range, value: .year(year, kind)))
        }
        result += Self.planEnds(ctx, words)
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The ends of five-year plans after a deadline word (到“十四五”末, 力争到“十三五”末): a deadline in the
    /// plan's last year, the span from the plan's name (its opening quote) to 末. The n-th plan is the numeral
    /// before the plan suffix (十四 of 十四五; 十 of 十五, the tenth).
    static func planEnds(_ ctx: MatchContext, _ words: KindWords) -> [Mention] {
        guard let suffix = words.planSuffix, let thirdEnd = words.thirdPlanEnd, !words.planEndAfter.isEmpty else { return [] }
        let chars = ctx.chars
        var result: [Mention] = []
        for i in chars.indices where chars[i] == suffix {
            // The ordinal before the suffix: 十, 十一 … 十九, or a digit alone (the early plans).
            var start = i
            var ordinal = 0
            if start > 0, let d = CharClass.chineseDigit(chars[start - 1]), d > 0 { ordinal = d; start -= 1 }
            if start > 0, chars[start - 1] == NumberMark.ten { ordinal += 10; start -= 1 }
            guard ordinal >= 3 else { continue }
            // After it: a closing quote, then 末 or 期末.
            var end = i + 1
            if end < chars.count, words.planQuotes.contains(chars[end]) { end += 1 }
            guard let w = words.planEndAfter.first(where: { ctx.has($0, at: end) }) else { continue }
            end += w.count
            // Before it: an opening quote, then 到 or 至 (not 比“十一五”末, a base of comparison).
            if start > 0, words.planQuotes.contains(chars[start - 1]) { start -= 1 }
            guard words.deadlineBefore(endingAt: start, { ctx.has($0, endingAt: $1) }) else { continue }
            result.append(Mention(range: start..<end, value: .year(thirdEnd + 5 * (ordinal - 3), .deadline)))
        }
        return result
    }

    package static let examples: [MatcherExample] = [
        .init("到2025年,初步形成“3830”集群发展格局", ["2025年 => 2025 deadline"]),
        .init("到 2020 年,全省开发区重点推进培育", ["2020 年 => 2020 deadline"]),
        .init("至2025年,集群规模持续壮大", ["2025年 => 2025 deadline"]),
        .init("2025年前完成改造", ["2025年 => 2025 deadline"]),
        .init("到二〇二五年,基本实现", ["二〇二五年 => 2025 deadline"]),
        .init("截至2023年底,山东目前拥有", ["2023年 => 2023 cutoff"]),
        .init("2022年,山东规模以上工业企业数量为33 222家", ["2022年 => 2022 other"]),
        .init("2023年前三季度,增长7.7%", ["2023年 => 2023 other"]),
        // A span from now: the year ends a period, no deadline (国办函〔2004〕25号, Fixtures 236; the 2017 report to
        // the 19th Party Congress as quoted in a news item kept in a public repository, find_string id 231096633,
        // and on https://big5.cri.cn/gate/big5/taiwan.cri.cn/2017-10-18/bada7605-1637-2505-6b47-dea277e2c250.html;
        // a 2025 commentary on the 15th five-year plan period, find_string id 38235434061). 到2020年 without 从现在
        // stays a deadline (an explainer of the same report, http://m.pathwayssc.com/html/photo/2017/1201/27698.html).
        .init("但从现在到2009年，随着三、四期工程蓄水，将是库区地质灾害的高发期", ["2009年 => 2009 other"]),
        .init("从现在到2020年，是全面建成小康社会决胜期，最艰巨的任务依然是脱贫攻坚。", ["2020年 => 2020 other"]),
        .init("習近平説,從現在到二〇二〇年,是全面建成小康社會決勝期。", ["二〇二〇年 => 2020 other"]),
        .init("从现在起到2035年，只有10年时间，前五年发展好了，我们就能争取更大主动。", ["2035年 => 2035 other"]),
        .init("如果到2020年我們在總量和平均水平上完成了目標,但在平衡性、協調性、可持續性上問題依然突出", ["2020年 => 2020 deadline"]),
        // The end of a five-year plan after 到: a deadline in its last year (湖北日报 on 数字湖北, Fixtures 234; a 湖南
        // 科协 news report on its “十三五” plan kept in a public repository, find_string id 9150055826, with
        // 比“十一五”末, a base of comparison, and “十三五”时期 that are none).
        .init("在此基础上,到“十四五”末,我省数字经济核心产业增加值力争达到7000亿元", ["“十四五”末 => 2025 deadline"]),
        .init("力争到“十三五”末，基本形成符合科技创新规律和湖南发展需要的科协事业发展体制机制。", ["“十三五”末 => 2020 deadline"]),
        .init("全省公民具备科学素质比例达到5.14%，比“十一五”末提高2.96个百分点。", []),
        .init("根据《规划》，“十三五”时期我省将健全科协组织、创新创业服务和科学普及三大体系", []),
        // must not match
        .init("新增企业2000家", []),
        .init("济南市拥有1 782家", []),
        .init("支撑引领作用^[1-3],[7-8]", []),
        .init("《山东省推进工业转型升级行动计划(2015-2020年)》", []),
        .init("2016年9月14日印发", []),
        .init("请于2025年2月10日前报送", ["2025年 => 2025 deadline"]),
        .init("并于2023年3月25日、6月25日、9月25日前报告", ["2023年 => 2023 deadline"]),
        .init("鲁商发〔2016〕3号", []),
    ]
}
