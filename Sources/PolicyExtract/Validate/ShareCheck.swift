/// A stated share against the figures it is computed from —
/// `共有14 464家,其中济南市拥有1 782家,青岛市拥有3 412家,占全省比例分别为12.3%和23.6%`.
///
/// In a sentence that states shares (占…比例/比重/比), the percentages are paired, in order, with the
/// figures just before them, and the total is the figure introduced by 共/共有/总/合计/全部 (else the
/// largest figure of the same unit). Each share is recomputed; the tolerance follows the decimals shown
/// (12.3% → ±0.05). The finding names the figures used.
package struct ShareCheck: DocumentCheck {
    package static let id = "stated_share"
    package init() {}

    /// Words that name a share (`share` of the `check_words` lexicon).
    static let shareWords = Lexicons.CheckWords.builtIn[.share]
    /// 占 and its variant 佔 ("accounts for"), which stand between a figure and its share (`share_of`).
    static let shareOf = Lexicons.CheckWords.builtIn.characters(.shareOf)
    /// Words that introduce the total of the figures (`stated_total`).
    static let totalWords = Lexicons.CheckWords.builtIn[.statedTotal]

    /// A count or an amount: its value in base units, and where it stands.
    struct Figure { var value: Double; var unit: String; var range: Range<Int>; var span: Span; var text: String }

    package func run(_ r: DocumentResult) -> [Finding] {
        var findings: [Finding] = []
        let text = r.text
        // The figures are gathered only when a sentence states a share (most documents have none).
        lazy var figures: [Figure] = (r.items(CountMatcher.id).compactMap { i in
            if case .count(let c) = i.mention.value, c.valueMax == nil {
                return Figure(value: c.value.doubleValue * Double(c.scale), unit: c.baseUnit, range: i.mention.range, span: i.span, text: i.text)
            }
            return nil
        } + r.items(AmountMatcher.id).compactMap { i in
            if case .amount(let a) = i.mention.value, a.valueMax == nil {
                return Figure(value: a.yuan.doubleValue, unit: "元", range: i.mention.range, span: i.span, text: i.text)
            }
            return nil
        }).sorted { $0.range.lowerBound < $1.range.lowerBound }
        // Shares stated as values: a threshold (超过10%, 不低于30%) states no share of given figures. Kept as indices
        // into the items (a copy of the items themselves was the peak of a document dense with percentages).
        let items = r.items(PercentMatcher.id)
        let percents = items.indices.filter {
            if case .percent(let p) = items[$0].mention.value { return !p.isPoints && p.valueMax == nil && (p.qualifier == .none || p.qualifier == .reach) }
            return false
        }
        if percents.isEmpty { return [] }
        let starts = percents.map { items[$0].mention.range.lowerBound }
        for unit in r.structure.units where unit.kind == .sentence {
            let s = unit.range
            // The percentages of the sentence (a binary search over the starts: items are in document order).
            let lo = starts.firstIndex(atOrAfter: s.lowerBound) { $0 }
            var end = lo
            while end < starts.count, starts[end] < s.upperBound { end += 1 }
            // A slice: most sentences with a percentage state no share, and an array copied their items.
            let ps = percents[lo..<end]
            guard !ps.isEmpty, Self.shareWords.contains(where: { text.contains($0, in: s) }) else { continue }
            let firstPercent = items[ps[ps.startIndex]].mention.range.lowerBound
            // 占 (or 佔) must stand between the figures and the percentages.
            guard let shareOfAt = (s.lowerBound..<firstPercent).last(where: { Self.shareOf.contains(text.chars[$0]) }) else { continue }
            // The figures from the sentence's start to 占 (found by halves: `figures` is in text order, and a
            // filter over all of them for every share sentence grew with the square of a long bulletin).
            let f0 = figures.firstIndex(atOrAfter: s.lowerBound) { $0.range.lowerBound }
            var fEnd = f0
            while fEnd < figures.count, figures[fEnd].range.lowerBound < shareOfAt { fEnd += 1 }
            let before = Array(figures[f0..<fEnd])
            guard before.count >= ps.count + 1 else { continue }
            // The total: introduced by 共/总/合计, else the largest figure of the unit.
            let namedTotal = before.first(where: { f in Self.totalWords.contains { text.has($0, endingAt: f.range.lowerBound) } })
            let total = namedTotal ?? before.max(by: { $0.value < $1.value })!
            let candidates = before.filter { $0.unit == total.unit && $0.range != total.range }
            guard candidates.count >= ps.count, total.value > 0 else { continue }
            let parts = Array(candidates.suffix(ps.count))
            for (k, part) in zip(ps, parts) {
                let p = items[k]
                guard case .percent(let pv) = p.mention.value else { continue }
                let decimals = max(0, -pv.value.exponent)
                var tolerance = 0.5
                for _ in 0..<decimals { tolerance /= 10 }
                let computed = part.value / total.value * 100
                let ok = abs(computed - pv.value.doubleValue) <= tolerance + 1e-9
                let shown = decimalText(computed, decimals + 2)
                findings.append(Finding(
                    check: Self.id, severity: ok ? .consistent : namedTotal == nil ? .warning : .conflict,
                    claim: "share \(part.text) of \(total.text)",
                    stated: "\(pv.value)%", computed: "\(shown)% (\(part.text) / \(total.text))",
                    tolerance: "±\(decimalText(tolerance, decimals + 1)) percentage points",
                    evidence: [Validator.evidence(r, p.span, p.text), Validator.evidence(r, part.span, part.text),
                               Validator.evidence(r, total.span, total.text)],
                    detail: ok ? "the stated share matches its figures" : "the stated share differs from its figures by \(decimalText(abs(computed - pv.value.doubleValue), decimals + 2)) points",
                    reason: "\(part.text) / \(total.text) = \(shown)%, stated \(pv.value)%" + (namedTotal == nil ? " (the total taken as the largest figure before 占: no 共/合计 names it)" : "")))
            }
        }
        return findings
    }

    package static let examples: [CheckExample] = [
        .init(["截至2023年底,山东目前拥有制造业相关高技术企业共有14 464家,其中济南市拥有1 782家,青岛市拥有3 412家,占全省比例分别为12.3%和23.6%。"],
              ["consistent", "consistent"]),
        .init(["全省企业共有1000家,其中济南市拥有200家,占全省比例为25.0%。"], ["conflict"]),
        .init(["全省企业共有1000家,增长12.3%。"], []),
        .init(["重点开发区年主营业务收入不低于50亿元、主产区年主营业务收入不低于30亿元,或工业产值占本县工业总产值比重超过10%。"], []),
    ]
}
