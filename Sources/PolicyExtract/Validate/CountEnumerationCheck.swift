/// A count against the names it lists — `…新能源汽车、食品等7个超过3000亿元的产业集群` names six.
///
/// For every target that names its members, the number of names is compared with the count. Fewer names
/// after 等 is a warning (等 may stand for the rest); more names than the count is a conflict.
public struct CountEnumerationCheck: DocumentCheck {
    public static let id = "count_vs_enumeration"
    public init() {}

    public func run(_ r: DocumentResult) -> [Finding] {
        var findings: [Finding] = []
        for t in r.targets where !t.members.isEmpty && (t.unit == "个" || t.unit == "家") && t.value.isInteger {
            let stated = Int(t.value.description) ?? 0
            let named = t.members.count
            let severity: Finding.Severity = named == stated ? .consistent : (named < stated ? .warning : .conflict)
            findings.append(Finding(check: Self.id, severity: severity, claim: "\(t.year) \(t.metric): count against the names listed",
                                    stated: "\(stated) \(t.unit)", computed: "\(named) named (\(t.members.joined(separator: "、")))",
                                    tolerance: "0", evidence: [Validator.evidence(r, t.span, t.text)],
                                    detail: named == stated ? "the count matches the names" :
                                        named < stated ? "\(stated - named) fewer names than the count" : "\(named - stated) more names than the count"))
        }
        return findings
    }

    public static let examples: [CheckExample] = [
        .init(["到2025年,打造生物医药、新一代信息技术、先进金属材料、化工新材料、新能源汽车、食品等7个超过3000亿元的产业集群。"], ["warning"]),
        .init(["到2025年,打造动力装备、高端铝业、智能家电等3个超过5000亿元的产业集群。"], ["consistent"]),
        .init(["到2025年,培育形成千亿级产业集群2个(高端装备、高端化工、医药)。"], ["conflict"]),
        .init(["到2025年,规模以上企业达到650家。"], []),
    ]
}
