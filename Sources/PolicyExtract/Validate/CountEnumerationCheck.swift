/// A count against the names it lists — `…新能源汽车、食品等7个超过3000亿元的产业集群` names six.
///
/// For every target that names its members, the number of names is compared with the count. Fewer names
/// after 等 is `info` (等 often means "among others"); more names than the count is a conflict, or a warning
/// when a listed name reads as a clause (`在全市培育形成数字产业`: the list was cut in the wrong place).
package struct CountEnumerationCheck: DocumentCheck {
    package static let id = "count_vs_enumeration"
    package init() {}

    /// The units of a count of named things (个, 家; `count_unit` of the `check_words` lexicon).
    static let countUnits = Set(Lexicons.CheckWords.builtIn.strings(.countUnit))

    package func run(_ r: DocumentResult) -> [Finding] {
        var findings: [Finding] = []
        for t in r.targets where !t.members.isEmpty && Self.countUnits.contains(t.unit) && t.value.isInteger {
            let stated = Int(t.value.description) ?? 0
            let named = t.members.count
            let clause = t.members.first(where: ClaimExtractor.readsAsClause)
            let severity: Finding.Severity = named == stated ? .consistent : (named < stated ? .info : clause == nil ? .conflict : .warning)
            let reason = named == stated ? "\(named) names listed for a count of \(stated)" :
                named < stated ? "\(named) names listed for \(stated): 等 may stand for the ones not named" :
                clause.map { "\(named) names for \(stated), but “\($0)” reads as a clause: the list may be cut in the wrong place" }
                ?? "\(named) names listed for a count of \(stated): more names than the count"
            findings.append(Finding(check: Self.id, severity: severity, claim: "\(t.year) \(t.metric): count against the names listed",
                                    stated: "\(stated) \(t.unit)", computed: "\(named) named (\(t.members.joined(separator: "、")))",
                                    tolerance: "0", evidence: [Validator.evidence(r, t.span, t.text)],
                                    detail: named == stated ? "the count matches the names" :
                                        named < stated ? "\(stated - named) fewer names than the count" : "\(named - stated) more names than the count",
                                    reason: reason))
        }
        return findings
    }

    package static let examples: [CheckExample] = [
        .init(["到2025年,打造生物医药、新一代信息技术、先进金属材料、化工新材料、新能源汽车、食品等7个超过3000亿元的产业集群。"], ["info"]),
        .init(["到2025年,打造动力装备、高端铝业、智能家电等3个超过5000亿元的产业集群。"], ["consistent"]),
        .init(["到2025年,培育形成千亿级产业集群2个(高端装备、高端化工、医药)。"], ["conflict"]),
        .init(["到2025年,规模以上企业达到650家。"], []),
    ]
}
