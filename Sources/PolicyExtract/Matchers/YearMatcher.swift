/// Years — `2025年`, `二〇二五年`, with their kind.
///
/// Matches a four-digit year (1900–2099, Arabic or Chinese digits) followed by 年. A year after 到 or
/// 至, or followed by 前/以前/之前 (not 前三季度), is a `deadline`; after 截至/截止 it is a `cutoff`;
/// otherwise `other`. Years inside a full date or a period are left to those matchers.
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

        init() {}

        init(_ rows: [[String]], origin: String) throws {
            var single: [UInt32] = []
            for r in rows {
                guard r.count >= 2, !r[1].isEmpty else { throw PipelineError("\(origin): \(YearMatcher.kindWordsLexicon) row \(r) needs a role and a word") }
                let w = scalars(r[1])
                switch r[0] {
                case "deadline_before": deadlineBefore.append(w)
                case "cutoff_before": cutoffBefore.append(w)
                case "deadline_after": deadlineAfter.append(w)
                case "not_deadline_after_single": single += w
                default: throw PipelineError("\(origin): \(YearMatcher.kindWordsLexicon) row \(r): unknown role \(r[0])")
                }
            }
            notDeadlineAfterSingle = ScalarSet(single)
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
            } else if words.deadlineBefore.contains(where: { ctx.has($0, endingAt: s) }) {
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
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
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
