/// Targets — quantified goals bound to a deadline year.
///
/// A deadline year (`到2025年`) opens a scope that runs on across `,` and `;` to the end of its
/// paragraph or to the next year phrase. Every amount, percent and count in the scope becomes a
/// target with the metric it measures (the noun phrase before it, less the verb: `营业收入达到1200亿元`
/// → 营业收入), its comparator (the value's qualifier) and a subject: a cluster named in the sentence
/// (`“231”产业集群规上企业个数…`), else the nearest heading that names one (`(一)高端装备产业集群`).
/// A count with a money threshold is one tier target (`3个超过5000亿元的产业集群`,
/// `千亿级产业集群2个(高端装备、高端化工)`) that keeps the threshold and the members it names.
struct TargetResolver {
    /// A goal's year, value and metric (without a leading place; normalized text, compared and hashed by its
    /// bytes): what a restatement must share before anything else is compared.
    struct GoalKey: Hashable { let year: Int; let value: ExactDecimal; let metric: ByteKey }

    let ctx: ResolveContext

    static let deng = UInt32(0x7B49)      // 等
    static let jiqun = scalars("集群")
    static let jiqunNei = scalars("集群内")
    static let wholeArea: [[UInt32]] = ["全省", "全市", "全县", "全区", "全国"].map(scalars)
    static let yipi = scalars("一批")
    static let jinnian = scalars("今年")
    static let mubiao = scalars("目标")
    static let yuqi = scalars("预期")
    static let zhibiao = scalars("指标")

    /// The year the document is dated: its date of issue, else a full date in its first lines.
    func documentYear() -> Int? {
        if let d = ctx.result.info.date, let y = Int(d.prefix(4)) { return y }
        for i in ctx.result.items(DateMatcher.id) where i.mention.range.lowerBound < 300 {
            if case .date(let y, _, _) = i.mention.value { return y }
        }
        return nil
    }

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

    func markerEnd(_ end: Int) -> Int {
        guard end < ctx.chars.count, ctx.lexicons.scan.qualifierAfterFirsts.contains(ctx.chars[end]) else { return end }
        for q in ctx.lexicons.qualifiersAfter where q.qualifier != .level && ctx.has(q.word, at: end) { return end + q.word.count }
        return end
    }

    func resolve() -> [Target] {
        let r = ctx.result
        var years = r.items(YearMatcher.id).compactMap { i -> (Range<Int>, Int, YearKind)? in
            if case .year(let y, let k) = i.mention.value { return (i.mention.range, y, k) }
            return nil
        }
        // 今年…目标 in a dated document (a work report): this year's goals.
        if let year = documentYear() {
            for p in r.structure.paragraphs {
                // 今年 within the first 20 characters of the paragraph.
                guard let k = (p.lowerBound..<min(p.upperBound, p.lowerBound + 20)).first(where: { ctx.has(Self.jinnian, at: $0) }) else { continue }
                if ctx.contains(Self.mubiao, in: p) || ctx.contains(Self.yuqi, in: p) { years.append((k..<(k + 2), year, .deadline)) }
            }
            years.sort { $0.0.lowerBound < $1.0.lowerBound }
        }
        // Every target is bound to a year phrase: none, no targets (and none of the tables below).
        if years.isEmpty { return [] }
        var targets: [Target] = []
        // A deadline year carries into a following paragraph that states goals (目标, 指标) without a
        // year of its own: an answer in an interview, a list of indicators after its lead-in.
        var carried: (range: Range<Int>, year: Int, paragraph: Int, article: Int)? = nil
        // Values and years by paragraph, in one pass over each sorted list.
        let paragraphs = r.structure.paragraphs
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
                carried = (last.0, last.1, pIndex, article)
            } else if py.isEmpty, let c = carried, pIndex - c.paragraph <= 3, c.article == article,
                      ctx.contains(Self.mubiao, in: paragraph) || ctx.contains(Self.zhibiao, in: paragraph) {
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
                    if gap.count <= 10, !gap.contains(where: { CharClass.isClauseBreak(ctx.chars[$0]) || ctx.chars[$0] == 0x3001 || ctx.chars[$0] == 0x548C }) {
                        threshold = (next, vi + 1)
                    }
                }
                var levelBefore: Value? = nil
                if v.isCount, vi > 0, pv[vi - 1].isAmount, pv[vi - 1].qualifier == .level, !consumed.contains(vi - 1) {
                    let prev = pv[vi - 1]
                    let gap = prev.range.upperBound..<v.range.lowerBound
                    if gap.count <= 6, !gap.contains(where: { CharClass.isClauseBreak(ctx.chars[$0]) || ctx.chars[$0] == 0x3001 }) {
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
                    targets.append(t)
                }
            }
        }
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
        if let dengAt = (clauseStart..<first).last(where: { chars[$0] == Self.deng }) {
            let afterDeng = dengAt + 1
            let tail = afterDeng..<first
            let tailIsShort = tail.count == 0 || ctx.has(Self.yipi, at: afterDeng)
            if tailIsShort || tail.count <= 6 {
                let listRange = ctx.stripLeading(ctx.trim(clauseStart..<dengAt), ctx.lexicons.goalVerbs)
                members = splitList(listRange)
                metricStart = afterDeng
            }
        } else {
            // Within the clause, a value after an enumeration comma starts its own sub-clause.
            if let comma = (clauseStart..<first).last(where: { chars[$0] == 0x3001 }) { metricStart = comma + 1 }
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
        metricRange = ctx.stripTrailing(metricRange, ctx.lexicons.targetVerbs)
        metricRange = ctx.stripLeading(metricRange, ctx.lexicons.goalVerbs)
        metricRange = ctx.trim(metricRange)
        var metric = ctx.string(metricRange)
        if let lb = levelBefore {
            metric = ctx.string(lb.range.lowerBound..<v.range.lowerBound)
            if metric.unicodeScalars.last.map({ $0 == "级" }) == true { metric += "产业集群" }
        }
        var afterValue = (threshold?.markerEnd ?? v.markerEnd)..<clauseEnd
        if let t = threshold {
            var e = v.range.upperBound
            while e < clauseEnd, ctx.chars[e] != 0x3001 { e += 1 }
            metric = ctx.string(ctx.trim(v.range.upperBound..<e))
            afterValue = t.markerEnd..<t.markerEnd
        }
        if metric.isEmpty || (levelBefore == nil && threshold == nil && v.isCount && metricRange.isEmpty) {
            // 打造30个创新创业共同体: the metric follows the count.
            var s = afterValue.lowerBound
            if s < chars.count, chars[s] == 0x7684 { s += 1 }  // 的
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
        } else if levelBefore == nil, threshold == nil, ctx.has(Self.jiqunNei, endingAt: metricRange.upperBound) {
            // 力争集群内50%以上的园区创建生态工业园区: the metric follows the value.
            subject = ctx.string(ctx.trim(metricRange))
            var s = afterValue.lowerBound
            if s < chars.count, chars[s] == 0x7684 { s += 1 }
            let tail = ctx.trim(s..<afterValue.upperBound)
            metric = ctx.string(tail)
            end = max(end, tail.upperBound)
        }
        if subject.isEmpty { subject = headingSubject(v.section) }
        if subject.isEmpty {
            for w in Self.wholeArea where ctx.has(w, at: metricRange.lowerBound) { subject = makeString(w) }
        }
        if subject.isEmpty { subject = ctx.result.info.title ?? "" }
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

    /// `“231”产业集群规上企业个数` → subject `“231”产业集群`, metric `规上企业个数`;
    /// `集群内高新技术企业` → subject `集群`, metric `高新技术企业`.
    func subjectSplit(_ r: Range<Int>) -> (subject: String, metric: String)? {
        var k = r.upperBound - Self.jiqun.count
        while k >= r.lowerBound {
            if ctx.has(Self.jiqun, at: k) {
                var cut = k + Self.jiqun.count
                if cut < r.upperBound, ctx.chars[cut] == 0x5185 { cut += 1 }  // 内
                if cut < r.upperBound {
                    let subject = ctx.string(ctx.trim(r.lowerBound..<(k + Self.jiqun.count)))
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
        let names = ctx.clusterHeadingBySection
        return section < names.count ? names[section] : ""
    }

    func splitList(_ r: Range<Int>) -> [String] {
        var items: [String] = []
        var s = r.lowerBound
        for k in r.lowerBound...r.upperBound where k == r.upperBound || ctx.chars[k] == 0x3001 || ctx.chars[k] == UInt32(char: ",") {
            let piece = ctx.trim(s..<k)
            if !piece.isEmpty { items.append(ctx.string(piece)) }
            s = k + 1
        }
        return items
    }
}
