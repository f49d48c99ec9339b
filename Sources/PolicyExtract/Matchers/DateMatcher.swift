/// Full dates — `2020年8月15日`, `二〇二〇年八月十五日`, `2016年9月14日印发`.
///
/// Matches year 年 month 月 day 日 in Arabic or Chinese numerals and produces an ISO date; impossible
/// dates (13月, 32日) are refused. Its kind: `cutoff` after 截至, `deadline` before 前 or after 到/至,
/// `span` for the first day of a span of days (`2003年10月24日至26日`, a visit or a meeting), else `date`.
package struct DateMatcher: Matcher {
    package static let id = "date"
    /// Starts from the year phrases (年) and, for ISO dates, from a digit.
    package static let scan = ScanDeclaration(kind: .digit, starts: { CharClass.isDigit($0) })
    /// A date's kind is read with the year matcher's kind words.
    package static func prepare(_ lexicons: Lexicons) throws { _ = try YearMatcher.kindWords(lexicons) }
    package init() {}


    /// A small number (1–99) at `i` in Arabic or Chinese numerals (八, 十五, 二十三, 三十一).
    static func small(_ chars: [UInt32], _ i: Int) -> (Int, Int)? {
        var k = i
        if k < chars.count, CharClass.isDigit(chars[k]) {
            var v = 0
            while k < chars.count, CharClass.isDigit(chars[k]), k - i < 2 { v = v * 10 + Int(chars[k] - 0x30); k += 1 }
            if k < chars.count, CharClass.isDigit(chars[k]) { return nil }
            return (v, k)
        }
        var tens = 0, ones = 0, sawTen = false
        if k < chars.count, let d = CharClass.chineseDigit(chars[k]), d > 0 {
            ones = d; k += 1
        }
        if k < chars.count, chars[k] == NumberMark.ten {
            sawTen = true
            tens = ones == 0 ? 1 : ones
            ones = 0
            k += 1
            if k < chars.count, let d = CharClass.chineseDigit(chars[k]), d > 0 { ones = d; k += 1 }
        }
        if k == i { return nil }
        return (sawTen ? tens * 10 + ones : ones, k)
    }

    package func find(in ctx: MatchContext) -> [Mention] { ctx.dateMentions }

    static func scanText(_ ctx: MatchContext) -> [Mention] {
        let chars = ctx.chars
        let words = ctx.words.yearKindWords
        var result: [Mention] = []
        result.reserveCapacity(8)  // few per document
        for (range, year) in YearMatcher.years(ctx) {
            var k = range.upperBound
            guard let (month, mEnd) = small(chars, k), mEnd < chars.count, chars[mEnd] == NumberMark.month else { continue }
            k = mEnd + 1
            guard let (day, dEnd) = small(chars, k), dEnd < chars.count, chars[dEnd] == NumberMark.day || chars[dEnd] == NumberMark.dayOrSerial else { continue }
            guard (1...12).contains(month), (1...daysIn(month, year)).contains(day) else { continue }
            result.append(Mention(range: range.lowerBound..<(dEnd + 1), value: .date(year: year, month: month, day: day, kind: kind(ctx.text, range.lowerBound..<(dEnd + 1), words))))
        }
        // ISO form: 2025-03-10 (two-digit month and day, so that 2015-2020 never reads as a date).
        var i = 0
        while i + 10 <= chars.count {
            i = ctx.next(.digit, from: i, to: chars.count)
            if i + 10 > chars.count { break }
            // The hyphen first: it rules out almost every digit at once.
            if chars[i + 4] == UInt32(char: "-"), ctx.startsNumber(i), (i..<(i + 4)).allSatisfy({ CharClass.isDigit(chars[$0]) }),
               CharClass.isDigit(chars[i + 5]), CharClass.isDigit(chars[i + 6]), chars[i + 7] == UInt32(char: "-"),
               CharClass.isDigit(chars[i + 8]), CharClass.isDigit(chars[i + 9]), i + 10 == chars.count || !CharClass.isDigit(chars[i + 10]) {
                let y = (i..<(i + 4)).reduce(0) { $0 * 10 + Int(chars[$1] - 0x30) }
                let m = Int(chars[i + 5] - 0x30) * 10 + Int(chars[i + 6] - 0x30)
                let d = Int(chars[i + 8] - 0x30) * 10 + Int(chars[i + 9] - 0x30)
                if y >= 1900, y <= 2099, (1...12).contains(m), d >= 1, d <= Self.daysIn(m, y) {
                    result.append(Mention(range: i..<(i + 10), value: .date(year: y, month: m, day: d, kind: kind(ctx.text, i..<(i + 10), words))))
                    i += 10
                    continue
                }
            }
            i += 1
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// `cutoff` for the date a statistic runs to (截至2023年12月31日), `deadline` for one that something
    /// must be done by (2025年2月10日前), else `date`: decided here once and stored in the date's value.
    static func kind(_ text: NormalizedText, _ range: Range<Int>, _ words: YearMatcher.KindWords) -> DateKind {
        if words.cutoffBefore.contains(where: { text.has($0, endingAt: range.lowerBound) }) { return .cutoff }
        if let w = words.spanAfter.first(where: { text.has($0, at: range.upperBound) }), spanEnd(text.chars, range.upperBound + w.count) { return .span }
        if words.deadlineAfter.contains(where: { text.has($0, at: range.upperBound) }) { return .deadline }
        // The first of a list of dates that ends with 前: 2023年3月25日、6月25日、9月25日前
        var k = range.upperBound
        if k < text.count, text.chars[k] == NumberMark.listComma {
            while k < text.count, k - range.upperBound < 40,
                  CharClass.isDigit(text.chars[k]) || CharClass.isChineseNumeral(text.chars[k]) || [NumberMark.listComma, NumberMark.month, NumberMark.day, NumberMark.year].contains(text.chars[k]) { k += 1 }
            if words.deadlineAfter.contains(where: { text.has($0, at: k) }) { return .deadline }
        }
        if words.deadlineBefore(endingAt: range.lowerBound, { text.has($0, endingAt: $1) }) { return .deadline }
        return .date
    }

    /// Whether the last day of a span begins at `k`: a day (26日, 二十六日), a month and day (7月7日) or a year (2019年…).
    static func spanEnd(_ chars: [UInt32], _ k: Int) -> Bool {
        // A year: four digits, Arabic or Chinese, and 年.
        if k + 4 < chars.count, chars[k + 4] == NumberMark.year,
           (k..<(k + 4)).allSatisfy({ CharClass.isDigit(chars[$0]) || CharClass.chineseDigit(chars[$0]) != nil }) { return true }
        guard let (first, end) = small(chars, k), first > 0, end < chars.count else { return false }
        if chars[end] == NumberMark.day || chars[end] == NumberMark.dayOrSerial { return first <= 31 }
        guard chars[end] == NumberMark.month, first <= 12, let (day, dEnd) = small(chars, end + 1), dEnd < chars.count else { return false }
        return day >= 1 && day <= 31 && (chars[dEnd] == NumberMark.day || chars[dEnd] == NumberMark.dayOrSerial)
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    package static let examples: [MatcherExample] = [
        .init("(2020年8月15日)", ["2020年8月15日 => 2020-08-15 date"]),
        .init("2016年9月14日印发", ["2016年9月14日 => 2016-09-14 date"]),
        .init("二〇二〇年八月十五日", ["二〇二〇年八月十五日 => 2020-08-15 date"]),
        .init("二〇一一年三月三十日", ["二〇一一年三月三十日 => 2011-03-30 date"]),
        .init("基准日：2023年8月21日 单位：人民币元", ["2023年8月21日 => 2023-08-21 date"]),
        .init("收稿日期: 2025-03-10", ["2025-03-10 => 2025-03-10 date"]),
        .init("并于2023年3月25日、6月25日、9月25日前报告", ["2023年3月25日 => 2023-03-25 deadline"]),
        .init("财政部门应于2025年2月10日前将家电以旧换", ["2025年2月10日 => 2025-02-10 deadline"]),
        .init("截至2023年12月31日。", ["2023年12月31日 => 2023-12-31 cutoff"]),
        // The first day of a span of days: a visit or a meeting, not a date of issue (国办函〔2004〕25号 and 71号,
        // Fixtures 236 and 237; 国办函〔2004〕57号, 〔2004〕80号, 国办发〔1997〕2号 from the same crawl, rows 21, 23, 51).
        .init("2003年10月24日至26日，温家宝总理率国务院有关部门负责同志赴重庆市、湖北省考察。", ["2003年10月24日 => 2003-10-24 span"]),
        .init("2004年8月5日至8日，温家宝总理率国务院有关部门负责同志赴你省考察。", ["2004年8月5日 => 2004-08-05 span"]),
        .init("2004年4月16日至18日，曾培炎副总理率国务院有关部门负责同志赴辽宁省出席振兴装备制造业座谈会（东北片）", ["2004年4月16日 => 2004-04-16 span"]),
        .init("在有了进一步地震监测资料的基础上，2004年9月21日—23日，", ["2004年9月21日 => 2004-09-21 span"]),
        .init("自2004年3月8日至7月7日，马鬃山地震监测在25公里范围内共记录到振动事件567", ["2004年3月8日 => 2004-03-08 span"]),
        .init("我局于1997年1月7日至11日召开1997年度全国地震趋势会商会", ["1997年1月7日 => 1997-01-07 span"]),
        // The signature of the same letters, a single date in the body and a date of entry into force (国发〔2018〕41号,
        // row 32 of the same crawl) stay dates.
        .init("国务院办公厅\n二〇〇四年十月十五日", ["二〇〇四年十月十五日 => 2004-10-15 date"]),
        .init("2004年3月24日，湖北省人民政府报送了《关于恳请解决巴东县官渡口镇马鬃山村地质险情有关问题的请示》", ["2004年3月24日 => 2004-03-24 date"]),
        .init("本办法自2019年1月1日起施行。", ["2019年1月1日 => 2019-01-01 date"]),
        .init("文章编号: 1671-1807(2025)14-0147-06", []),
        // must not match
        .init("2023年2月30日", []),
        .init("10月23日公示了首批名单", []),
        .init("支撑引领作用^[7-8]", []),
        .init("2022年LS0402流贷字第2022031701号", []),
    ]
}
