/// Parts against their total — the clusters' own goals against the goal stated for all of them.
///
/// For each deadline year: the targets of named clusters (subjects from their own headings, such as
/// `高端装备产业集群`) are summed per metric family (money in 亿元 with 收入/产值; enterprise counts in 家)
/// and compared with a total stated for the same year (`营业收入超过4300亿元`, `规上企业个数超过1500家`);
/// and a tier with members (`千亿级产业集群2个(高端装备、高端化工)`) is compared with each member's own
/// revenue goal. The finding gives the arithmetic.
package struct PartsTotalCheck: DocumentCheck {
    package static let id = "parts_vs_total"
    package init() {}

    enum Family { case money, enterprises }

    /// The words that put a goal in a family (`parts_*` of the `check_words` lexicon): a money unit and the metrics
    /// it sums (亿元; 收入, 产值 …), a count unit and what it counts (家; 企业).
    static let words = Lexicons.CheckWords.builtIn
    static let moneyUnits = words.strings(.partsMoneyUnit), moneyMetrics = words.strings(.partsMoneyMetric)
    static let countUnits = words.strings(.partsCountUnit), countMetrics = words.strings(.partsCountMetric)

    static func family(_ t: Target) -> Family? {
        let m = t.metric
        if moneyUnits.contains(where: { t.unit.endsWith($0) }), moneyMetrics.contains(where: { m.includes($0) }) { return .money }
        if countUnits.contains(t.unit), countMetrics.contains(where: { m.includes($0) }) { return .enterprises }
        return nil
    }

    package func run(_ r: DocumentResult) -> [Finding] {
        // Names compared by their bytes: subjects and cluster names come from the same normalized text.
        let named = Set(r.clusters.map { ByteKey($0.name) })
        guard !named.isEmpty else { return [] }
        let targets = r.targets
        // Per target, once (each was hashed three times and its family read twice per year): a goal of a
        // named cluster (a part), and its metric family.
        let isPart = targets.map { named.contains(ByteKey($0.subject)) }
        // Every finding compares goals of named clusters (the parts): without one there is nothing to check.
        guard isPart.contains(true) else { return [] }
        let families = targets.map(Self.family)
        var findings: [Finding] = []
        let years = Set(targets.map(\.year)).sorted()
        for year in years {
            let inYear = targets.indices.filter { targets[$0].year == year && targets[$0].threshold == nil }
            let parts = inYear.filter { isPart[$0] }
            let totals = inYear.filter { !isPart[$0] }
            for family in [Family.money, .enterprises] {
                var bySubject: [ByteKey: Int] = [:]
                var order: [ByteKey] = []
                for p in parts where families[p] == family {
                    let key = ByteKey(targets[p].subject)
                    if bySubject[key] == nil { bySubject[key] = p; order.append(key) }
                }
                guard order.count >= 2 else { continue }
                for t in totals where families[t] == family {
                    let total = targets[t]
                    let ps = order.map { targets[bySubject[$0]!] }
                    // Parts too large to add exactly (beyond 64 bits) are not checked.
                    guard let sum = ps.dropFirst().reduce(Optional(ps[0].value), { s, p in s.flatMap { ExactDecimal.sum($0, p.value) } }) else { continue }
                    let arithmetic = ps.map { "\($0.value)" }.joined(separator: " + ") + " = \(sum)"
                    let severity: Finding.Severity
                    var detail: String
                    let cmp = sum.doubleValue - total.value.doubleValue
                    switch total.comparator {
                    case .atMost:
                        severity = cmp <= 0 ? .consistent : .conflict
                        detail = cmp <= 0 ? "the parts stay within the stated ceiling" : "the parts exceed the stated ceiling by \(cmp)"
                    case .exceed:
                        severity = cmp > 0 ? .consistent : (cmp == 0 ? .warning : .conflict)
                        detail = cmp > 0 ? "the parts' goals add up to more than the total" :
                            cmp == 0 ? "the parts' goals add up to exactly the total the text says is to be exceeded" :
                            "the parts' goals fall short of the total by \(-cmp)"
                    default:
                        severity = cmp >= 0 ? .consistent : .conflict
                        detail = cmp >= 0 ? "the parts' goals reach the total" : "the parts' goals fall short of the total by \(-cmp)"
                    }
                    let evidence = [Validator.evidence(r, total.span, total.text)] + ps.map { Validator.evidence(r, $0.span, $0.text) }
                    findings.append(Finding(check: Self.id, severity: severity,
                                            claim: "\(year) \(total.metric) of all clusters against the sum of \(ps.count) clusters' own goals",
                                            stated: "\(total.comparator.rawValue) \(amountText(total.value, total.unit))",
                                            computed: amountText(sum, total.unit) + " (\(arithmetic))", tolerance: "0",
                                            evidence: evidence, detail: detail,
                                            reason: "the \(ps.count) clusters' own \(year) goals add up to \(sum) against the stated \(total.comparator.rawValue) \(total.value) \(total.unit)"))
                }
            }
            // Tiers with members against the members' own revenue goals.
            for tier in targets where tier.year == year && tier.threshold != nil && !tier.members.isEmpty {
                let th = tier.threshold!
                var lines: [String] = []
                var evidence = [Validator.evidence(r, tier.span, tier.text)]
                var below: [String] = []
                for m in tier.members {
                    guard let o = parts.first(where: { targets[$0].subject.startsWith(m) && families[$0] == .money }) else { continue }
                    let own = targets[o]
                    let ok = th.comparator == .exceed ? own.value.doubleValue > th.yiYuan.doubleValue : own.value.doubleValue >= th.yiYuan.doubleValue
                    lines.append("\(m) \(own.value)")
                    evidence.append(Validator.evidence(r, own.span, own.text))
                    if !ok { below.append(m) }
                }
                guard !lines.isEmpty else { continue }
                findings.append(Finding(check: Self.id, severity: below.isEmpty ? .consistent : .conflict,
                                        claim: "\(year) tier \(tier.metric): each member's own revenue goal against the tier",
                                        stated: "\(th.comparator.rawValue) \(th.yiYuan) 亿元 each, \(tier.value) \(tier.unit)",
                                        computed: lines.joined(separator: ", ") + " 亿元", tolerance: "0", evidence: evidence,
                                        detail: below.isEmpty ? "every member's goal meets the tier" : "below the tier: " + below.joined(separator: ", "),
                                        reason: below.isEmpty ? "each member's own revenue goal is at the tier's threshold of \(th.yiYuan) 亿元 or above"
                                            : "the own goal of \(below.joined(separator: ", ")) is below the tier's threshold of \(th.yiYuan) 亿元"))
            }
        }
        return findings
    }

    static let clusterGoals = """
    二、重点任务
    (一)高端装备产业集群
    1.发展目标
    到2025年,规模以上企业达到300家,营业收入达到1200亿元。
    (二)高端化工产业集群
    1.发展目标
    到2025年,规模以上企业达到200家,营业收入达到800亿元。
    """

    package static let examples: [CheckExample] = [
        .init(["(三)发展目标。到2025年,“双十”产业集群规上企业个数超过400家,营业收入超过2500亿元。\n" + clusterGoals], ["conflict", "consistent"]),
        .init(["(三)发展目标。到2025年,“双十”产业集群营业收入达到2000亿元。\n" + clusterGoals], ["consistent"]),
        .init(["(三)发展目标。到2025年,培育形成千亿级产业集群1个(高端装备)、500亿级1个(高端化工)。\n" + clusterGoals], ["consistent", "consistent"]),
        .init(["(三)发展目标。到2025年,培育形成千亿级产业集群2个(高端装备、高端化工)。\n" + clusterGoals], ["conflict"]),
        // Different years are never summed; one cluster is no sum.
        .init(["(三)发展目标。到2023年,营业收入超过5000亿元。\n" + clusterGoals], []),
        .init(["(一)高端装备产业集群\n到2025年,营业收入达到1200亿元。\n(三)发展目标。到2025年,营业收入超过5000亿元。"], []),
    ]
}
