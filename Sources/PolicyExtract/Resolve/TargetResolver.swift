/// Targets — quantified goals bound to a deadline year.
///
/// A deadline year (`到2025年`) opens a scope that runs on across `,` and `;` to the end of its
/// paragraph or to the next year phrase. Every amount, percent and count in the scope becomes a
/// target with the metric it measures (the noun phrase before it, less the verb: `营业收入达到1200亿元`
/// → 营业收入), its comparator (the value's qualifier) and a subject: a cluster named in the sentence
/// (`“231”产业集群规上企业个数…`), else the nearest heading that names one (`(一)高端装备产业集群`).
/// A count with a money threshold is one tier target (`3个超过5000亿元的产业集群`,
/// `千亿级产业集群2个(高端装备、高端化工)`) that keeps the threshold and the members it names. The words it reads
/// (目标, 全市, 增长, 分别, list bullets …) come from the `target_words` lexicon, the verbs from `goal_verbs` and `target_verbs`.
struct TargetResolver {
    /// A goal's year, value and metric (without a leading place; normalized text, compared and hashed by its
    /// bytes): what a restatement must share before anything else is compared.
    struct GoalKey: Hashable { let year: Int; let value: ExactDecimal; let metric: ByteKey }

    let ctx: ResolveContext
    /// The words of the `target_words` lexicon, by role.
    let words: Lexicons.TargetWords

    init(ctx: ResolveContext) {
        self.ctx = ctx
        words = ctx.lexicons.targetWords
    }
    static let enumerationComma = UInt32(char: "、")
    static let fullStop = UInt32(char: "。")

    /// The year the document is dated: its date of issue, else a full date in its first lines.
    func documentYear() -> Int? {
        if let d = ctx.result.info.date, let y = Int(d.prefix(4)) { return y }
        for i in ctx.result.items(DateMatcher.id) where i.mention.range.lowerBound < 300 {
            if case .date(let y, _, _, _) = i.mention.value { return y }
        }
        return nil
    }

    /// The year 今年 names where the text writes it in brackets after the word (`今年(2024年)`, a news report on
    /// a work report with no date of its own, 231): the first such year.
    func bracketedThisYear(_ years: [(Range<Int>, Int, YearKind)]) -> Int? {
        let word = words.word(.thisYear)
        let chars = ctx.chars
        for (range, year, _) in years where range.lowerBound > word.count && range.upperBound < chars.count {
            if chars[range.lowerBound - 1] == Self.openParenthesis, chars[range.upperBound] == Self.closeParenthesis,
               ctx.has(word, endingAt: range.lowerBound - 1) { return year }
        }
        return nil
    }
    static let openParenthesis = UInt32(char: "(")
    static let closeParenthesis = UInt32(char: ")")

    /// A value that may become a target: what the resolver reads of its item, and no more (values are
    /// merged and copied around; the item's strings are not).
    struct Value {
        /// The item's span and section.
        var span: Span
        var section: Int
        var range: Range<Int>
        /// End including a qualifier marker after the value (以上, 左右).
        var markerEnd: Int
        var value: ExactDecimal
        var valueMax: ExactDecimal?
        var unit: String
        var qualifier: Qualifier
        var isAmount: Bool
        var isCount: Bool
        /// For an amount: its value in 亿元 (a tier's threshold).
        var yiYuan: ExactDecimal?

        init(item: Item, range: Range<Int>, markerEnd: Int, value: ExactDecimal, valueMax: ExactDecimal?, unit: String,
             qualifier: Qualifier, isAmount: Bool, isCount: Bool, yiYuan: ExactDecimal?) {
            span = item.span; section = item.section
            self.range = range; self.markerEnd = markerEnd; self.value = value; self.valueMax = valueMax; self.unit = unit
            self.qualifier = qualifier; self.isAmount = isAmount; self.isCount = isCount; self.yiYuan = yiYuan
        }
    }

    /// The values of the amounts, percentages and counts (not table cells) that `keep` accepts by start.
    func values(keep: (Int) -> Bool) -> [Value] {
        let r = ctx.result
        let amounts = r.items(AmountMatcher.id), percents = r.items(PercentMatcher.id), counts = r.items(CountMatcher.id)
        var result: [Value] = []
        result.reserveCapacity(amounts.count + percents.count + counts.count)
        for item in amounts where item.tableCell == nil && keep(item.mention.range.lowerBound) {
            guard case .amount(let a) = item.mention.value, !a.table else { continue }
            let unit = AmountValue.fullUnit(a.unit)
            // Per person, per year …: `10万元/人` is a ratio, kept in its unit, never a tier's threshold.
            if let per = perUnit(after: item.mention.range.upperBound) {
                result.append(Value(item: item, range: item.mention.range, markerEnd: per.upperBound, value: a.value, valueMax: a.valueMax,
                                    unit: unit + ctx.string(per), qualifier: a.qualifier, isAmount: false, isCount: false, yiYuan: nil))
                continue
            }
            result.append(Value(item: item, range: item.mention.range, markerEnd: markerEnd(item.mention.range.upperBound), value: a.value,
                                valueMax: a.valueMax, unit: unit, qualifier: a.qualifier, isAmount: true, isCount: false, yiYuan: a.yiYuan))
        }
        for item in percents where item.tableCell == nil && keep(item.mention.range.lowerBound) {
            guard case .percent(let p) = item.mention.value else { continue }
            result.append(Value(item: item, range: item.mention.range, markerEnd: markerEnd(item.mention.range.upperBound), value: p.value,
                                valueMax: p.valueMax, unit: p.unit, qualifier: p.qualifier, isAmount: false, isCount: false, yiYuan: nil))
        }
        for item in counts where item.tableCell == nil && keep(item.mention.range.lowerBound) {
            guard case .count(let c) = item.mention.value else { continue }
            result.append(Value(item: item, range: item.mention.range, markerEnd: markerEnd(item.mention.range.upperBound), value: c.value,
                                valueMax: c.valueMax, unit: c.unit, qualifier: c.qualifier, isAmount: false, isCount: true, yiYuan: nil))
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// `/人`, `/人·年`, `/平方米` right after a value: the range of the denominator with its slash, or nil.
    func perUnit(after end: Int) -> Range<Int>? {
        let chars = ctx.chars
        guard end + 1 < chars.count, chars[end] == UInt32(char: "/"), CharClass.isHan(chars[end + 1]) else { return nil }
        var e = end + 1
        while e < chars.count, e - end <= 4, CharClass.isHan(chars[e]) || chars[e] == 0xB7 { e += 1 }
        return end..<e
    }

    /// `在全市`, `在济宁市` before a list or a metric (`在全市培育形成数字产业、…`): removed with the goal verbs after it.
    func stripLocative(_ r: Range<Int>) -> Range<Int> {
        guard r.count > 1, words.isCharacter(ctx.chars[r.lowerBound], .locative) else { return r }
        let s = r.lowerBound + 1
        var e = s
        if let w = words[.wholeArea].first(where: { ctx.has($0, at: s) }) {
            e = s + w.count
        } else if let place = ctx.lexicons.scan.places.words(startingWith: ctx.chars[s])?.first(where: { ctx.has($0, at: s) }) {
            e = s + place.count
            if e < r.upperBound, words.isCharacter(ctx.chars[e], .province) || words.isCharacter(ctx.chars[e], .city) { e += 1 }
        } else {
            return r
        }
        guard e < r.upperBound else { return r }
        return ctx.stripLeading(e..<r.upperBound, ctx.lexicons.goalVerbs)
    }

    /// The subject of a goal that names none: the whole area written before it (`全市`, resolved to the
    /// document's place: `宁波市`), else the document's place, else `全国` for a central document (国务院, 全国人民代表大会
    /// in its title), else "".
    func areaSubject(_ area: [UInt32]?, article: Int) -> String {
        let fullNames = ctx.placeFullNameByArticle
        let full = fullNames.indices.contains(article) ? fullNames[article] : (fullNames.first ?? nil)
        if let area {
            let word = makeString(area)
            guard let full else { return word }
            // 全市 names a city, 全省 a province (or a region): resolved only when the place is of that kind.
            let isProvince = full.hasSuffix("省") || full.hasSuffix("自治区")
            guard let level = area.last else { return word }
            if words.isCharacter(level, .city) { return isProvince ? word : full }
            if words.isCharacter(level, .province) { return isProvince ? full : word }
            return word
        }
        return full ?? ctx.centralSubject
    }

    func markerEnd(_ end: Int) -> Int {
        guard end < ctx.chars.count, ctx.lexicons.scan.qualifierAfterFirsts.contains(ctx.chars[end]) else { return end }
        for q in ctx.lexicons.qualifiersAfter where q.qualifier != .level && ctx.has(q.word, at: end) { return end + q.word.count }
        return end
    }

    /// True when the year at `r` opens a list of goals: 目标 followed by `:`/是/为 (or ending a heading) within
    /// 30 characters of its sentence (`2018年发展主要预期目标是:`), or the year begins its sentence and a `,` and
    /// 力争/确保 follow (`2022年,力争…`).
    func opensGoals(_ r: Range<Int>) -> Bool {
        guard let unit = ctx.structure.unit(at: r.lowerBound) else { return false }
        let chars = ctx.chars
        let end = min(unit.range.upperBound, r.upperBound + 30)
        var j = r.upperBound
        let caption = isCaption(unit.range)
        while j + 2 <= end, chars[j] != Self.fullStop, chars[j] != UInt32(char: ";") {
            if ctx.has(words.word(.goal), at: j) || (caption && ctx.has(words.word(.indicator), at: j)) {
                var k = j + words.word(.goal).count
                while k < unit.range.upperBound, chars[k] == 0x20 { k += 1 }
                if caption || (k == unit.range.upperBound ? unit.kind == .heading : words.isCharacter(chars[k], .listOpener)) { return true }
            }
            j += 1
        }
        if r.upperBound < chars.count, chars[r.upperBound] == UInt32(char: ","), startsUnit(r.lowerBound, unit.range) {
            let window = (r.upperBound + 1)..<min(unit.range.upperBound, r.upperBound + 12)
            return words[.strive].contains { ctx.contains($0, in: window) }
        }
        return false
    }

    /// For each section, the goal year its heading — or the nearest enclosing heading — states: a deadline year
    /// in the heading (`(二)到2025年主要目标`, `2025年发展目标`), or 今年 with 目标 (`二、今年发展主要预期目标`, the year
    /// `thisYear`). A year the heading names for other purposes (`三、2025年政府工作任务`) is not a goal year.
    func headingYears(_ years: [(Range<Int>, Int, YearKind)], thisYear: Int?) -> [(range: Range<Int>, year: Int)?] {
        let sections = ctx.structure.sections
        var result = [(range: Range<Int>, year: Int)?](repeating: nil, count: sections.count)
        var stack: [(rank: Int, year: (range: Range<Int>, year: Int)?)] = []
        var y = 0
        for section in sections {
            switch section.kind {
            case .root, .header, .title, .article:
                stack.removeAll()
                continue
            case .table:
                result[section.index] = stack.last?.year
                continue
            case .heading:
                break
            }
            while let last = stack.last, last.rank >= section.rank { stack.removeLast() }
            var own: (range: Range<Int>, year: Int)? = nil
            if let h = section.headingRange {
                while y < years.count, years[y].0.lowerBound < h.lowerBound { y += 1 }
                var k = y
                while k < years.count, years[k].0.upperBound <= h.upperBound {
                    if years[k].2 == .deadline { own = (years[k].0, years[k].1) }
                    k += 1
                }
                if own == nil, let thisYear, let at = h.first(where: { ctx.has(words.word(.thisYear), at: $0) }),
                   ctx.contains(words.word(.goal), in: h) || ctx.contains(words.word(.expected), in: h) {
                    own = (at..<(at + words.word(.thisYear).count), thisYear)
                }
            }
            let year = own ?? stack.last?.year
            result[section.index] = year
            stack.append((section.rank, year))
        }
        return result
    }

    /// True when only list numbering or spaces (`(一)`, `1.`) stand before `i` in its unit.
    func startsUnit(_ i: Int, _ unit: Range<Int>) -> Bool {
        (unit.lowerBound..<i).allSatisfy { k in
            let c = ctx.chars[k]
            return c == 0x20 || CharClass.isDigit(c) || CharClass.isChineseNumeral(c) || c == UInt32(char: "(") || c == UInt32(char: ")")
                || c == UInt32(char: ".") || c == Self.enumerationComma
        }
    }

    /// The rank of a heading paragraph (1 for `一、`, 2 for `(一)` …), nil for running text.
    func headingRank(_ paragraph: Range<Int>) -> Int? {
        guard let u = ctx.structure.unit(at: paragraph.lowerBound), u.kind == .heading else { return nil }
        // A line numbered with digits is an item of a list, whatever rank its numbering got (`1 标题` reads as rank 1).
        return CharClass.isDigit(ctx.chars[paragraph.lowerBound]) ? max(3, ctx.structure.sections[u.section].rank) : ctx.structure.sections[u.section].rank
    }

    /// For a paragraph that heads a list of goals — a heading, or a lead-in ending with `:` — the rank of the
    /// headings that end the list; nil for other paragraphs.
    func listRank(_ paragraph: Range<Int>) -> Int? {
        if let rank = headingRank(paragraph) { return rank }
        var e = paragraph.upperBound
        while e > paragraph.lowerBound, ctx.chars[e - 1] == 0x20 || ctx.chars[e - 1] == 0x0A { e -= 1 }
        guard e > paragraph.lowerBound, ctx.chars[e - 1] == UInt32(char: ":") || isCaption(paragraph),
              let u = ctx.structure.unit(at: paragraph.lowerBound) else { return nil }
        return ctx.structure.sections[u.section].rank
    }

    /// A caption line over a list of goals (`2016年《政府工作报告》量化指标任务分工`, above its rows): a short
    /// line of its own, without a full stop or a comma, that names 目标 or 指标.
    func isCaption(_ r: Range<Int>) -> Bool {
        guard r.count <= 40, let p = ctx.structure.unit(at: r.lowerBound)?.paragraph, p >= 0, ctx.structure.paragraphs[p] == r
                || ctx.structure.paragraphs[p].count <= 40 else { return false }
        let line = ctx.structure.paragraphs[p]
        if line.contains(where: { ctx.chars[$0] == Self.fullStop || ctx.chars[$0] == UInt32(char: ",") || ctx.chars[$0] == UInt32(char: ";") }) { return false }
        return ctx.contains(words.word(.goal), in: line) || ctx.contains(words.word(.indicator), in: line)
    }

    /// The paragraphs, and the list items that the segmenter took for headings of their own (rank 3 and below,
    /// or numbered with digits: `1 居民消费价格涨幅3%左右 发展改革委`, a row of a task table written without tabs)
    /// when they hold a digit, in order.
    func readableLines() -> [Range<Int>] {
        let s = ctx.structure
        var items: [Range<Int>] = []
        for section in s.sections where section.kind == .heading {
            guard let h = section.headingRange, section.rank >= 3 || CharClass.isDigit(ctx.chars[h.lowerBound]),
                  h.contains(where: { CharClass.isDigit(ctx.chars[$0]) }),
                  s.unit(at: h.lowerBound)?.kind == .heading else { continue }
            items.append(h)
        }
        if items.isEmpty { return s.paragraphs }
        var merged: [Range<Int>] = []
        merged.reserveCapacity(s.paragraphs.count + items.count)
        var i = 0
        for p in s.paragraphs {
            while i < items.count, items[i].lowerBound < p.lowerBound { merged.append(items[i]); i += 1 }
            merged.append(p)
        }
        merged.append(contentsOf: items[i...])
        return merged
    }

    func resolve() -> [Target] { resolveWithYears().targets }

    /// The targets, and the year phrases they were bound to (a year that opens a goal list, `今年` in a dated
    /// report): each a deadline year of the document, reported with the years.
    func resolveWithYears() -> (targets: [Target], years: [(range: Range<Int>, year: Int)]) {
        var goalYears: [(range: Range<Int>, year: Int)] = []
        let targets = bindTargets(&goalYears)
        return (targets, goalYears)
    }

    func bindTargets(_ goalYears: inout [(range: Range<Int>, year: Int)]) -> [Target] {
        let r = ctx.result
        var years = r.items(YearMatcher.id).compactMap { i -> (Range<Int>, Int, YearKind)? in
            if case .year(let y, let k) = i.mention.value { return (i.mention.range, y, k) }
            return nil
        }
        // A year that opens goals without 到: `2018年发展主要预期目标是:`, `2022年,力争…`.
        var firstGoalYear: Int? = nil
        for i in years.indices where years[i].2 == .other && opensGoals(years[i].0) {
            years[i].2 = .deadline
            if firstGoalYear == nil { firstGoalYear = years[i].1 }
        }
        // 今年…目标 in a dated document (a work report): this year's goals. Without a date, 今年 is the year of the
        // first goals opened as above (a news report headed `2023年GDP目标为增长5%左右`).
        let thisYear = documentYear() ?? bracketedThisYear(years)
        if let year = thisYear ?? firstGoalYear {
            for p in r.structure.paragraphs {
                // 今年 within the first 20 characters of the paragraph.
                guard let k = (p.lowerBound..<min(p.upperBound, p.lowerBound + 20)).first(where: { ctx.has(words.word(.thisYear), at: $0) }) else { continue }
                if ctx.contains(words.word(.goal), in: p) || ctx.contains(words.word(.expected), in: p) { years.append((k..<(k + words.word(.thisYear).count), year, .deadline)) }
            }
            years.sort { $0.0.lowerBound < $1.0.lowerBound }
        }
        // Every target is bound to a year phrase: none, no targets (and none of the tables below).
        let yearOfHeading = headingYears(years, thisYear: thisYear ?? firstGoalYear)
        if years.isEmpty && !yearOfHeading.contains(where: { $0 != nil }) { return [] }
        var targets: [Target] = []
        // A deadline year carries into a following paragraph that states goals (目标, 指标) without a
        // year of its own: an answer in an interview, a list of indicators after its lead-in.
        // A year in a heading or in a lead-in ending with `:` (`二、今年发展主要预期目标`, `主要目标:`) carries into
        // each following paragraph, goals or not, up to a heading of the same rank or higher (`listRank`).
        var carried: (range: Range<Int>, year: Int, paragraph: Int, article: Int, listRank: Int?)? = nil
        // Values and years by paragraph, in one pass over each sorted list.
        let paragraphs = readableLines()
        // Each paragraph's items are one run of the sorted list (paragraphs are disjoint and in order):
        // its range there, no list per paragraph.
        func bucket<T>(_ items: [T], _ position: (T) -> Int) -> (sorted: [T], ranges: [Range<Int>]) {
            var ranges = [Range<Int>](repeating: 0..<0, count: paragraphs.count)
            let inOrder = items.indices.dropFirst().allSatisfy { position(items[$0 - 1]) <= position(items[$0]) }
            let sorted = inOrder ? items : items.sorted { position($0) < position($1) }
            var p = 0
            for (k, item) in sorted.enumerated() {
                let at = position(item)
                while p < paragraphs.count, paragraphs[p].upperBound <= at { p += 1 }
                if p < paragraphs.count, paragraphs[p].contains(at) {
                    ranges[p] = ranges[p].isEmpty ? k..<(k + 1) : ranges[p].lowerBound..<(k + 1)
                }
            }
            return (sorted, ranges)
        }
        let yearsByParagraph = bucket(years) { $0.0.lowerBound }
        // First the years in force in each paragraph (a year carried from an earlier one included); values
        // are read only in the paragraphs that have a deadline year, the only ones whose values are read
        // below (reading every value of the document and sorting them cost ~40 000 instructions a document).
        var paragraphYears: [[(Range<Int>, Int, YearKind)]?] = Array(repeating: nil, count: paragraphs.count)
        var carriedRange: [Range<Int>?] = Array(repeating: nil, count: paragraphs.count)
        for (pIndex, paragraph) in paragraphs.enumerated() {
            let yearsRange = yearsByParagraph.ranges[pIndex]
            var py = yearsRange.isEmpty ? [] : Array(yearsByParagraph.sorted[yearsRange])
            let article = r.structure.article(at: paragraph.lowerBound)
            if let last = py.last(where: { $0.2 == .deadline }) {
                carried = (last.0, last.1, pIndex, article, listRank(paragraph))
            } else if py.isEmpty, let u = ctx.structure.unit(at: paragraph.lowerBound), let hy = yearOfHeading[u.section] {
                // Under a heading that states the year of its goals (`(二)2025年发展目标`, `二、今年发展主要预期目标`).
                py = [(paragraph.lowerBound..<paragraph.lowerBound, hy.year, .deadline)]
                carried = (hy.range, hy.year, pIndex, article, nil)
            } else if py.isEmpty, let c = carried, let stop = c.listRank, pIndex - c.paragraph == 1, c.article == article,
                      headingRank(paragraph).map({ $0 > stop }) ?? true {
                py = [(paragraph.lowerBound..<paragraph.lowerBound, c.year, .deadline)]
                carried?.paragraph = pIndex
            } else if py.isEmpty, let c = carried, pIndex - c.paragraph <= 3, c.article == article,
                      ctx.contains(words.word(.goal), in: paragraph) || ctx.contains(words.word(.indicator), in: paragraph) {
                // The carried year stands at the start of the paragraph.
                py = [(paragraph.lowerBound..<paragraph.lowerBound, c.year, .deadline)]
                carried?.paragraph = pIndex
            } else if !py.isEmpty {
                carried = nil
            }
            if py.contains(where: { $0.2 == .deadline }) {
                paragraphYears[pIndex] = py
                carriedRange[pIndex] = carried?.range
            }
        }
        let read = paragraphs.indices.filter { paragraphYears[$0] != nil }.map { paragraphs[$0] }
        let allValues = read.isEmpty ? [] : values { at in
            // In one of the paragraphs read (in order and disjoint): the first that ends after `at`.
            let p = read.firstIndex(atOrAfter: at + 1) { $0.upperBound }
            return p < read.count && read[p].contains(at)
        }
        let valuesByParagraph = bucket(allValues) { $0.range.lowerBound }
        for (pIndex, paragraph) in paragraphs.enumerated() {
            guard let py = paragraphYears[pIndex] else { continue }
            let valueRange = valuesByParagraph.ranges[pIndex]
            if valueRange.isEmpty { continue }
            let pv = Array(valuesByParagraph.sorted[valueRange])
            var consumed = Set<Int>()  // indexes of values used as a tier threshold
            // The year phrase in force: the last one before the value in this paragraph. Years and values are
            // in order and apart, so one cursor walks the years as the values go (a search back through every
            // year for each value grew with their product: 80 000 goal sentences in one paragraph took 2 s).
            var yearCursor = -1
            for (vi, v) in pv.enumerated() where !consumed.contains(vi) {
                while yearCursor + 1 < py.count, py[yearCursor + 1].0.upperBound <= v.range.lowerBound { yearCursor += 1 }
                guard yearCursor >= 0, case let year = py[yearCursor], year.2 == .deadline else { continue }
                let yearRange = year.0.isEmpty ? carriedRange[pIndex]! : year.0
                var threshold: (Value, Int)? = nil
                if v.isCount, vi + 1 < pv.count, pv[vi + 1].isAmount {
                    let next = pv[vi + 1]
                    let gap = v.range.upperBound..<next.range.lowerBound
                    // Only the count's own threshold: no 和 between them (4个地标产业集群和6个…合计达到2.6万亿元).
                    if gap.count <= 10, !gap.contains(where: { CharClass.isClauseBreak(ctx.chars[$0]) || ctx.chars[$0] == Self.enumerationComma || words.isCharacter(ctx.chars[$0], .joiner) }) {
                        threshold = (next, vi + 1)
                    }
                }
                var levelBefore: Value? = nil
                if v.isCount, vi > 0, pv[vi - 1].isAmount, !consumed.contains(vi - 1) {
                    let prev = pv[vi - 1]
                    let gap = prev.range.upperBound..<v.range.lowerBound
                    let joined = !gap.contains(where: { CharClass.isClauseBreak(ctx.chars[$0]) || ctx.chars[$0] == Self.enumerationComma })
                    // A tier: 千亿级产业集群2个; or an amount joined to its count by 的 (年营业收入超1000亿元的2个,
                    // 5000亿元级别的产业集群1个).
                    if joined, (prev.qualifier == .level && gap.count <= 6) || (gap.count <= 8 && gap.contains(where: { words.isCharacter(ctx.chars[$0], .of) })) {
                        levelBefore = prev
                    }
                }
                if let t = threshold { consumed.insert(t.1) }
                if let lb = levelBefore {
                    // The tier amount (the value just before) was already turned into a target on its own, the
                    // last one made: replace it (a search of every target for it grew with their square).
                    if targets.last?.valueSpan == lb.span { targets.removeLast() }
                    consumed.insert(vi - 1)
                }
                if var t = makeTarget(v, year: (year.0, year.1), threshold: threshold?.0, levelBefore: levelBefore, paragraph: paragraph) {
                    t.yearSpan = ctx.text.span(yearRange.isEmpty ? yearRange.lowerBound..<(yearRange.lowerBound + 1) : yearRange)
                    // A rate alone (年均增长17% after 销售收入超1420亿元,) measures the metric of the goal before it in the sentence.
                    if let previous = targets.last, previous.sentenceRange == t.sentenceRange, previous.year == t.year,
                       t.metric.utf8.count <= 12, words[.rateOnly].contains(where: { t.metric.sameBytes(makeString($0)) }) {
                        t.metric = previous.metric + t.metric
                        t.subject = previous.subject
                    }
                    // The second value after one metric (机械化率分别达到65%和55%) measures the same.
                    if vi > 0, let previous = targets.last, previous.valueSpan == pv[vi - 1].span, pv[vi - 1].markerEnd < v.range.lowerBound,
                       (pv[vi - 1].markerEnd..<v.range.lowerBound).allSatisfy({ words.isCharacter(ctx.chars[$0], .joiner) || ctx.chars[$0] == Self.enumerationComma }) {
                        t.metric = previous.metric
                        t.subject = previous.subject
                        // An item of an enumeration after one verb takes that verb (`分别达到65%和55%`, 200 农机, both
                        // twice; as amounts do, `分别达到1200亿元、1600亿元`).
                        if t.comparator == .none { t.comparator = previous.comparator }
                    }
                    // A share with nothing before it (`占GDP比重达56%以上` after `数字经济增加值达到10000亿元,`) is the
                    // share of what the goal before it in the sentence measures (232 南京, 233 福州, 004 济宁).
                    // What is measured is an amount or a count: a rate or a share between them is passed over (233).
                    if case let m = scalars(t.metric), words[.share].contains(where: { m.starts(with: $0) }),
                       let base = targets.last(where: { $0.sentenceRange == t.sentenceRange && $0.unit != "%" }),
                       base.sentenceRange == t.sentenceRange, base.year == t.year, !base.metric.isEmpty {
                        t.metric = base.metric + t.metric
                        t.subject = base.subject
                    }
                    if goalYears.last?.range != yearRange { goalYears.append((yearRange, year.1)) }
                    targets.append(t)
                }
            }
        }
        distributeRespectively(&targets)
        if targets.count < 2 { return targets }
        // The same goal stated twice is one target, with the other statements recorded. Goals of two
        // named clusters (two headings) stay apart; a place written before the metric does not count.
        let named = ctx.headingClusters
        let places = ctx.lexicons.scan.places
        func metricKey(_ m: String) -> String {
            // Most metrics begin with no place name: the first character is looked up before any copy is made.
            guard let first = m.unicodeScalars.first, let words = places.words(startingWith: first.value) else { return m }
            let u = scalars(m)
            for w in words where u.starts(with: w) { return makeString(u.dropFirst(w.count)) }
            return m
        }
        // Earlier targets with the same year, value and metric are found through a chain of indices per key
        // (a scan of all of them for each target grew with the square of the targets: 32 000 lines of goals
        // took seconds), then the first in order that agrees on the rest is taken.
        var merged: [Target] = []
        var nextSame: [Int] = []  // the next merged target with the same key, or -1
        var ends = [GoalKey: (first: Int, last: Int)](minimumCapacity: targets.count)
        for t in targets {
            let yv = GoalKey(year: t.year, value: t.value, metric: ByteKey(metricKey(t.metric)))
            var found: Int? = nil
            // One look-up for the key's chain, kept for adding to it below.
            let chain = ends[yv]
            var k = chain?.first ?? -1
            while k >= 0 {
                // Fields read in place: a copy of each earlier target per comparison retained all its strings.
                if merged[k].comparator == t.comparator && merged[k].unit == t.unit && merged[k].members == t.members
                    && (merged[k].subject == t.subject || (!named.contains(merged[k].subject) && !named.contains(t.subject))) { found = k; break }
                k = nextSame[k]
            }
            if let i = found {
                merged[i].restated.append(t.span)
            } else {
                let i = merged.count
                if let e = chain { nextSame[e.last] = i; ends[yv] = (e.first, i) } else { ends[yv] = (i, i) }
                merged.append(t)
                nextSame.append(-1)
            }
        }
        return merged
    }

    func makeTarget(_ v: Value, year: (Range<Int>, Int), threshold: Value?, levelBefore: Value?, paragraph: Range<Int>) -> Target? {
        let chars = ctx.chars
        let first = levelBefore?.range.lowerBound ?? v.range.lowerBound
        // The clause the value sits in, never past the sentence it stands in: in a paragraph without any
        // break, each value's clause ran over the whole paragraph (a 97 KB file of such text made 611 MB of
        // output in 8 s); a sentence is at most `Segmenter.maxSentence` characters.
        var lower = paragraph.lowerBound, upper = paragraph.upperBound
        if let u = ctx.structure.unit(at: first), u.kind == .sentence { lower = max(lower, u.range.lowerBound) }
        let valueEnd = threshold?.markerEnd ?? v.markerEnd
        if valueEnd > 0, let u = ctx.structure.unit(at: valueEnd - 1), u.kind == .sentence { upper = min(upper, u.range.upperBound) }
        var clauseStart = first
        while clauseStart > lower, !CharClass.isClauseBreak(chars[clauseStart - 1]) { clauseStart -= 1 }
        clauseStart = max(clauseStart, year.0.upperBound <= first ? max(clauseStart, year.0.upperBound) : clauseStart)
        var clauseEnd = valueEnd
        while clauseEnd < upper, !CharClass.isClauseBreak(chars[clauseEnd]) { clauseEnd += 1 }
        // Members listed before the value: 动力装备、高端铝业、智能家电等3个…
        var members: [String] = []
        var metricStart = clauseStart
        if let dengAt = (clauseStart..<first).last(where: { words.isCharacter(chars[$0], .etc) }) {
            let afterDeng = dengAt + 1
            let tail = afterDeng..<first
            let tailIsShort = tail.count == 0 || ctx.has(words.word(.batch), at: afterDeng)
            if tailIsShort || tail.count <= 6 {
                let listRange = stripLocative(ctx.stripLeading(ctx.trim(clauseStart..<dengAt), ctx.lexicons.goalVerbs))
                members = splitList(listRange)
                metricStart = afterDeng
            }
        } else {
            // Within the clause, a value after an enumeration comma starts its own sub-clause (营业收入达到X亿元、企业Y家);
            // a comma between nouns with no value before it is part of the metric (马铃薯种植、收获机械化率均达到45%).
            if let comma = (clauseStart..<first).last(where: { chars[$0] == Self.enumerationComma }),
               (clauseStart..<comma).contains(where: { CharClass.isDigit(chars[$0]) || CharClass.isChineseNumeral(chars[$0]) }) { metricStart = comma + 1 }
        }
        // Members in parentheses after the value: 千亿级产业集群2个(高端装备、高端化工)
        var end = threshold?.markerEnd ?? v.markerEnd
        if members.isEmpty, end < chars.count, chars[end] == UInt32(char: "(") {
            if let close = (end..<min(chars.count, end + 60)).first(where: { chars[$0] == UInt32(char: ")") }) {
                members = splitList((end + 1)..<close)
                end = close + 1
            }
        }
        var metricRange = ctx.trim(metricStart..<first)
        // A row's number before the goal (`1 居民消费价格涨幅3%左右`).
        if metricRange.lowerBound == paragraph.lowerBound, let n = (metricRange.lowerBound..<metricRange.upperBound).first(where: { !CharClass.isDigit(ctx.chars[$0]) }),
           n > metricRange.lowerBound, n - metricRange.lowerBound <= 3 {
            if ctx.chars[n] == 0x20 || ctx.chars[n] == Self.enumerationComma || ctx.chars[n] == UInt32(char: ".") {
                metricRange = ctx.trim((n + 1)..<metricRange.upperBound)
            } else if ctx.structure.unit(at: paragraph.lowerBound)?.kind == .heading, CharClass.isHan(ctx.chars[n]) {
                // The number of a row read as a heading (its space dropped by normalization).
                metricRange = ctx.trim(n..<metricRange.upperBound)
            }
        }
        // A percentage after a word of change is a rate of change: the word stays in the metric (国内生产总值增长5%).
        // The verbs after the word of change go (`年均增长超20%`, 233 福州; `年均增长１７％`, 121 宁波, has none).
        var isRate = false
        if !v.isAmount && !v.isCount {
            var r = metricRange
            while !r.isEmpty {
                if words[.change].contains(where: { ctx.has($0, endingAt: r.upperBound) && r.count >= $0.count }) { isRate = true; metricRange = r; break }
                guard let verb = ctx.lexicons.targetVerbs.first(where: { r.count > $0.count && ctx.has($0, endingAt: r.upperBound) }) else { break }
                r = r.lowerBound..<(r.upperBound - verb.count)
            }
        }
        if !isRate { metricRange = ctx.stripTrailing(metricRange, ctx.lexicons.targetVerbs) }
        // 固定资产投资目标为125.9亿元: 目标 after the metric is no part of it.
        let goal = words.word(.goal), expected = words.word(.expected)
        if metricRange.count > goal.count, ctx.has(goal, endingAt: metricRange.upperBound) {
            metricRange = metricRange.lowerBound..<(metricRange.upperBound - goal.count)
            if metricRange.count > expected.count, ctx.has(expected, endingAt: metricRange.upperBound) {
                metricRange = metricRange.lowerBound..<(metricRange.upperBound - expected.count)
            }
        }
        metricRange = ctx.stripLeading(ctx.stripLeading(metricRange, words[.connective]), ctx.lexicons.goalVerbs)
        // 培育或引进10家…: a second verb joined by 或/和.
        if metricRange.count > 1, words.isCharacter(ctx.chars[metricRange.lowerBound], .joiner) {
            let rest = ctx.stripLeading((metricRange.lowerBound + 1)..<metricRange.upperBound, ctx.lexicons.goalVerbs)
            if rest.lowerBound > metricRange.lowerBound + 1 { metricRange = rest }
        }
        metricRange = stripLocative(metricRange)
        // GDP目标为增长5%: the words that announce the goal (目标为, 预期目标是) are not the metric.
        var announce: Range<Int>? = nil
        if let at = (metricRange.lowerBound..<max(metricRange.lowerBound, metricRange.upperBound - goal.count)).first(where: { ctx.has(goal, at: $0) }),
           at + goal.count + 1 <= metricRange.upperBound, words.isCharacter(ctx.chars[at + goal.count], .listOpener) {
            let start = at >= metricRange.lowerBound + expected.count && ctx.has(expected, at: at - expected.count) ? at - expected.count : at
            announce = start..<(at + goal.count + 1)
        }
        metricRange = ctx.trim(metricRange)
        // The whole area named before the metric (全市80%规模以上物流企业…): the subject, not the metric.
        var area: [UInt32]? = nil
        if let w = words[.wholeArea].first(where: { ctx.has($0, at: metricRange.lowerBound) && metricRange.count >= $0.count }) {
            area = w
            metricRange = ctx.trim((metricRange.lowerBound + w.count)..<metricRange.upperBound)
        }
        var metric = ctx.string(metricRange)
        if let a = announce { metric = ctx.string(metricRange.lowerBound..<a.lowerBound) + ctx.string(a.upperBound..<metricRange.upperBound) }
        if let lb = levelBefore {
            if lb.qualifier == .level || !words.isCharacter(ctx.chars[v.range.lowerBound - 1], .of) {
                metric = ctx.string(lb.range.lowerBound..<v.range.lowerBound)
                if metric.unicodeScalars.last.map({ $0 == "级" }) == true { metric += "产业集群" }
            } else {
                // 年营业收入超1000亿元的2个: what is counted is named by the words before the amount and the amount.
                metric = ctx.string(ctx.trim(metricRange.lowerBound..<lb.range.upperBound))
            }
        }
        var afterValue = (threshold?.markerEnd ?? v.markerEnd)..<clauseEnd
        if let t = threshold {
            var e = v.range.upperBound
            while e < clauseEnd, ctx.chars[e] != Self.enumerationComma { e += 1 }
            metric = ctx.string(ctx.trim(v.range.upperBound..<e))
            afterValue = t.markerEnd..<t.markerEnd
        }
        // A tier before its noun (提升一批百亿级特色产业集群) is read the same way.
        if metric.isEmpty || (levelBefore == nil && threshold == nil && (!v.isAmount || v.qualifier == .level) && metricRange.isEmpty) {
            // 打造30个创新创业共同体: the metric follows the count.
            var s = afterValue.lowerBound
            if s < chars.count, words.isCharacter(chars[s], .of) { s += 1 }
            let tail = ctx.trim(s..<afterValue.upperBound)
            if !tail.isEmpty {
                metric = ctx.string(tail)
                end = max(end, tail.upperBound)
            }
        }
        // Subject: a cluster named in the phrase, else a heading naming one, else the whole area named.
        var subject = ""
        if let split = subjectSplit(metricRange), !split.subject.isEmpty, levelBefore == nil, threshold == nil {
            subject = split.subject
            metric = split.metric
            let m = scalars(metric)
            // 制造业集群力争培育高新技术企业: the verbs after the subject are not the metric.
            var k = 0
            var stripped = true
            while stripped {
                stripped = false
                for w in ctx.lexicons.goalVerbs where m.count - k > w.count && m[k...].starts(with: w) { k += w.count; stripped = true; break }
            }
            if k > 0 { metric = makeString(m[k...]) }
        } else if levelBefore == nil, threshold == nil, ctx.has(words.word(.cluster) + words.word(.inside), endingAt: metricRange.upperBound) {
            // 力争集群内50%以上的园区创建生态工业园区: the metric follows the value.
            subject = ctx.string(ctx.trim(metricRange))
            var s = afterValue.lowerBound
            if s < chars.count, words.isCharacter(chars[s], .of) { s += 1 }
            let tail = ctx.trim(s..<afterValue.upperBound)
            metric = ctx.string(tail)
            end = max(end, tail.upperBound)
        }
        if subject.isEmpty { subject = headingSubject(v.section) }
        // Else the whole area named (全市 → the document's city), else the document's place; never its title or
        // addressee line.
        if subject.isEmpty { subject = areaSubject(area, article: ctx.structure.article(at: first)) }
        let spanStart = min(metricRange.isEmpty ? first : metricRange.lowerBound, first)
        let spanRange = spanStart..<max(end, v.range.upperBound)
        let p = ctx.provenance(spanRange)
        // A tier keeps its money threshold; the target's own value is the count.
        var th: Threshold? = nil
        if let t = threshold, let y = t.yiYuan { th = Threshold(yiYuan: y, comparator: t.qualifier) }
        if let lb = levelBefore, let y = lb.yiYuan { th = Threshold(yiYuan: y, comparator: lb.qualifier) }
        return Target(year: year.1, subject: subject, metric: metric, comparator: v.qualifier, value: v.value, valueMax: v.valueMax, unit: v.unit,
                      threshold: th, members: members, lead: [], responsible: [], span: p.span, text: p.text,
                      valueSpan: v.span, section: v.section, sentenceRange: p.sentence, article: p.article,
                      yearSpan: ctx.text.span(year.0))
    }

    /// Values stated `分别` (respectively) for the items of a list share one metric: each takes its item. The items
    /// are written in parallel, the first after a shared head and the last before a shared tail
    /// (`花生种植、收获机械化率分别达到65%和55%` → 花生种植机械化率, 花生收获机械化率, 200 农机;
    /// `城镇居民、农村居民人均可支配收入分别增长7%、7.5%` → 城镇居民人均可支配收入增长, 农村居民人均可支配收入增长, 235 福建).
    func distributeRespectively(_ targets: inout [Target]) {
        let respectively = words[.respectively]
        var i = 0
        while i < targets.count {
            var j = i + 1
            while j < targets.count, targets[j].sentenceRange == targets[i].sentenceRange, targets[j].year == targets[i].year,
                  targets[j].metric.sameBytes(targets[i].metric) { j += 1 }
            defer { i = j }
            let n = j - i
            guard n >= 2, case let text = scalars(targets[i].text), respectively.contains(where: { w in text.indices.contains { text[$0...].starts(with: w) } }) else { continue }
            var metric = scalars(targets[i].metric)
            for w in respectively { while let at = metric.indices.first(where: { metric[$0...].starts(with: w) }) { metric.removeSubrange(at..<(at + w.count)) } }
            let items = metric.split(separator: Self.enumerationComma, omittingEmptySubsequences: false).map(Array.init)
            guard items.count == n, items.allSatisfy({ !$0.isEmpty }), let first = items.first, let last = items.last else { continue }
            // The length of each parallel item: that of the middle items when there are any; else the whole first item
            // when the last begins with a word of its length ending alike (城镇居民 / 农村居民); else two characters.
            var length: Int
            if n >= 3 {
                length = items[1].count
                guard items.dropFirst().dropLast().allSatisfy({ $0.count == length }) else { continue }
            } else if last.count > first.count, last[first.count - 1] == first[first.count - 1] {
                length = first.count
            } else {
                length = 2
            }
            guard length <= first.count, length < last.count else { continue }
            let head = Array(first.prefix(first.count - length)), tail = Array(last.dropFirst(length))
            for k in 0..<n {
                let item = k == 0 ? Array(first.suffix(length)) : k == n - 1 ? Array(last.prefix(length)) : items[k]
                targets[i + k].metric = makeString(head + item + tail)
            }
        }
    }

    /// `“231”产业集群规上企业个数` → subject `“231”产业集群`, metric `规上企业个数`;
    /// `集群内高新技术企业` → subject `集群`, metric `高新技术企业`.
    func subjectSplit(_ r: Range<Int>) -> (subject: String, metric: String)? {
        let cluster = words.word(.cluster), inside = words.word(.inside)
        var k = r.upperBound - cluster.count
        while k >= r.lowerBound {
            if ctx.has(cluster, at: k) {
                var cut = k + cluster.count
                if cut < r.upperBound, ctx.has(inside, at: cut) { cut += inside.count }
                if cut < r.upperBound {
                    let subject = ctx.string(ctx.trim(r.lowerBound..<(k + cluster.count)))
                    let metric = ctx.string(ctx.trim(cut..<r.upperBound))
                    if !metric.isEmpty { return (subject, metric) }
                }
                return nil
            }
            k -= 1
        }
        return nil
    }

    /// The nearest heading (deepest first) whose text names a cluster: `(一)高端装备产业集群`.
    func headingSubject(_ section: Int) -> String {
        let names = ctx.clusterSubjectBySection
        return section < names.count ? names[section] : ""
    }

    func splitList(_ r: Range<Int>) -> [String] {
        var items: [String] = []
        var s = r.lowerBound
        for k in r.lowerBound...r.upperBound where k == r.upperBound || ctx.chars[k] == Self.enumerationComma || ctx.chars[k] == UInt32(char: ",") {
            let piece = ctx.trim(s..<k)
            if !piece.isEmpty { items.append(ctx.string(piece)) }
            s = k + 1
        }
        return items
    }
}
