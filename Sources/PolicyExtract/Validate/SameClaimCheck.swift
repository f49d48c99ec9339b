/// The same claim in several documents — a plan and the reports about it.
///
/// Claims (targets) are keyed by place, year, subject, metric and unit; a tier of clusters is keyed by its
/// threshold, so that its members can be compared. Claims are grouped by key (never compared all-pairs):
/// a group whose documents agree is `consistent`; one whose values or member lists differ is a
/// `conflict` that names the evidence in every document involved.
package struct SameClaimCheck: CrossDocumentCheck {
    package static let id = "same_claim"
    package init() {}
    /// At most this many evidence items per finding; the finding says how many documents agree.
    static let evidenceLimit = 20

    package func run(_ documents: [DocumentClaims]) -> [Finding] {
        var groups: [String: [Claim]] = [:]
        var order: [String] = []
        for d in documents {
            for c in d.claims {
                if groups[c.key] == nil { order.append(c.key) }
                groups[c.key, default: []].append(c)
            }
        }
        var findings: [Finding] = []
        for key in order {
            let claims = groups[key]!
            // One claim per document (the first); several documents needed.
            var seen = Set<String>()
            let perDocument = claims.filter { seen.insert($0.evidence.document).inserted }
            guard perDocument.count >= 2 else { continue }
            findings += Self.compare(perDocument, check: Self.id)
        }
        return findings
    }

    /// Compares claims that share a key: values (in the key's unit), then member lists. Linear in the number of
    /// claims. A difference is a `conflict` only when no claim has a doubt (a range, an unbound 分别 subject, an
    /// unknown place, a member that reads as a clause) and the comparators agree; a `revision` when the documents'
    /// dates differ (the later one restates the goal); else a `warning`.
    static func compare(_ claims: [Claim], check: String) -> [Finding] {
        var byValue: [String: [Claim]] = [:]
        var valueOrder: [String] = []
        for c in claims {
            let v = c.normalizedValue.description
            if byValue[v] == nil { valueOrder.append(v) }
            byValue[v, default: []].append(c)
        }
        let first = claims[0]
        let unit = ClaimExtractor.normalizedUnit(first.unit, first.value).0
        let doubts = Array(Set(claims.compactMap(\.doubt))).sorted()
        var findings: [Finding] = []
        if valueOrder.count > 1 {
            let evidence = valueOrder.flatMap { byValue[$0]!.prefix(evidenceLimit / valueOrder.count + 1).map(\.evidence) }
            let comparators = Set(claims.map { kind($0.comparator) })
            let dated = valueOrder.compactMap { byValue[$0]!.first!.date }
            let severity: Finding.Severity
            let reason: String
            var stated = valueOrder.map { "\($0) \(unit) (\(byValue[$0]!.count))" }.joined(separator: " vs ")
            if !doubts.isEmpty {
                severity = .warning
                reason = "same key, different values, but read with less confidence: " + doubts.joined(separator: "; ")
            } else if comparators.count > 1 {
                severity = .warning
                reason = "same key, different values stated with different comparators (\(claims.map(\.comparator.rawValue).joined(separator: " / "))): not necessarily contradictory"
            } else if dated.count == valueOrder.count, Set(dated).count == dated.count {
                severity = .revision
                let ordered = valueOrder.sorted { byValue[$0]!.first!.date! < byValue[$1]!.first!.date! }
                stated = ordered.map { "\($0) \(unit) (\(byValue[$0]!.first!.date!), \(byValue[$0]!.first!.evidence.document))" }.joined(separator: " → ")
                reason = "same key, a later-dated document states another value: the goal was revised"
            } else {
                severity = .conflict
                reason = "same place, year, subject, metric and unit; values read with high confidence differ"
            }
            findings.append(Finding(check: check, severity: severity, claim: first.description, stated: stated,
                                    computed: "\(valueOrder.count) different values", tolerance: "0", evidence: Array(evidence),
                                    detail: valueOrder.map { v in "\(v): " + byValue[v]!.prefix(5).map(\.evidence.document).joined(separator: ", ") }.joined(separator: "; "),
                                    reason: reason))
            return findings
        }
        let withMembers = claims.filter { !$0.members.isEmpty }
        if withMembers.count >= 2 {
            var bySet: [String: [Claim]] = [:]
            var setOrder: [String] = []
            for c in withMembers {
                let k = c.members.map(ClaimExtractor.canonicalName).sorted().joined(separator: "、")
                if bySet[k] == nil { setOrder.append(k) }
                bySet[k, default: []].append(c)
            }
            if setOrder.count > 1 {
                let a = Set(bySet[setOrder[0]]![0].members), b = Set(bySet[setOrder[1]]![0].members)
                let onlyA = a.subtracting(b).sorted(), onlyB = b.subtracting(a).sorted()
                let evidence = setOrder.flatMap { bySet[$0]!.prefix(evidenceLimit / setOrder.count + 1).map(\.evidence) }
                let sure = doubts.isEmpty
                findings.append(Finding(check: check, severity: sure ? .conflict : .warning, claim: first.description + ": members",
                                        stated: setOrder.map { "[\($0)]" }.joined(separator: " vs "),
                                        computed: "only in \(bySet[setOrder[0]]![0].evidence.document): \(onlyA.joined(separator: "、")); only in \(bySet[setOrder[1]]![0].evidence.document): \(onlyB.joined(separator: "、"))",
                                        tolerance: "0", evidence: Array(evidence), detail: "the documents list different members",
                                        reason: sure ? "same claim by key and value; the member lists differ (\(onlyA.joined(separator: "、")) / \(onlyB.joined(separator: "、")))"
                                            : "the member lists differ, read with less confidence: " + doubts.joined(separator: "; ")))
                return findings
            }
        }
        findings.append(Finding(check: check, severity: .consistent, claim: first.description,
                                stated: "\(first.value) \(first.unit)", computed: "\(claims.count) statements agree",
                                tolerance: "0", evidence: Array(claims.prefix(evidenceLimit).map(\.evidence)),
                                detail: claims.count > evidenceLimit ? "\(claims.count - evidenceLimit) more statements agree" : "",
                                reason: "same key and the same value in \(Set(claims.map(\.evidence.document)).count) document(s)"))
        return findings
    }

    /// Comparators of one kind state the same sort of goal: a floor (达到, 超过, 不低于), a ceiling, or about a value.
    static func kind(_ q: Qualifier) -> Int {
        switch q {
        case .atMost: return 1
        case .about: return 2
        default: return 0
        }
    }

    package static let examples: [CheckExample] = [
        .init(["山东省:到2025年,打造新能源装备、海工装备、现代轻工等一批规模达到千亿元级的产业集群。",
               "山东省:到2025年,打造新能源装备、海工装备、现代轻纺等一批规模达到千亿元级的产业集群。"], ["conflict"]),
        .init(["山东省:到2025年,打造动力装备、高端铝业、智能家电等3个超过5000亿元的产业集群。",
               "山东省:到2025年,打造动力装备、高端铝业、智能家电等3个超过5000亿元的产业集群。"], ["consistent"]),
        // A province's and a city's goals are different claims.
        .init(["山东省:到2025年,高新技术产品占比达45%。", "济宁市:到2025年,高新技术产业产值占比达到45%。"], []),
        // A city plan's own count is not its province's count.
        .init(["山东省:到2025年,千亿级产业集群达到10个。", "济宁市:到2025年,千亿级产业集群达到2个。"], []),
        // Units normalized: 5000万元 is 0.5亿元.
        .init(["山东省:到2025年,专项资金规模达到5000万元。", "山东省:到2025年,专项资金规模达到0.5亿元。"], ["consistent"]),
        .init(["山东省:到2025年,专项资金规模达到5000万元。", "山东省:到2025年,专项资金规模达到0.6亿元。"], ["conflict"]),
        // A figure of a 分别 list is its own subject's.
        .init(["山东省:到2025年,花生种植、收获机械化率分别达到65%和55%。", "山东省:到2025年,花生种植、收获机械化率分别达到65%和55%。"],
              ["consistent", "consistent"]),
        .init(["山东省:到2025年,花生种植、收获机械化率分别达到65%和55%。", "山东省:到2025年,花生种植、收获机械化率分别达到55%和65%。"],
              ["conflict", "conflict"]),
        // A later-dated document restating a goal with another value revises it.
        .init(["山东省人民政府\n2023年1月5日\n山东省:到2025年,高新技术企业达到5000家。",
               "山东省人民政府\n2024年2月1日\n山东省:到2025年,高新技术企业达到6000家。"], ["revision"]),
    ]
}

/// The same claim stated twice in one document with different values.
package struct SameClaimWithinDocumentCheck: DocumentCheck {
    package static let id = "same_claim_within_document"
    package init() {}

    package func run(_ r: DocumentResult) -> [Finding] {
        guard r.targets.count >= 2 else { return [] }
        // A cheap first grouping (year, metric and unit, which every claim key holds): claims — place, 分别 subject —
        // are built only for targets that share one with another of a different value.
        struct Coarse: Hashable { let year: Int; let metric: ByteKey; let unit: ByteKey }
        var coarseGroups: [Coarse: (first: ExactDecimal, differs: Bool)] = [:]
        let coarse = r.targets.map { t -> (key: Coarse, value: ExactDecimal) in
            let (unit, value) = ClaimExtractor.normalizedUnit(t.unit, t.value)
            let metric = ClaimExtractor.metricKey(metric: t.metric, unit: t.unit, value: t.value.description,
                                                  threshold: t.threshold.map { $0.yiYuan.description }, hasMembers: !t.members.isEmpty)
            return (Coarse(year: t.year, metric: ByteKey(metric), unit: ByteKey(unit)), value)
        }
        for c in coarse {
            if let g = coarseGroups[c.key] {
                if !g.differs && g.first.doubleValue != c.value.doubleValue { coarseGroups[c.key]!.differs = true }
            } else { coarseGroups[c.key] = (c.value, false) }
        }
        let wanted = r.targets.indices.filter { coarseGroups[coarse[$0].key]!.differs }
        guard !wanted.isEmpty else { return [] }
        let claims = ClaimExtractor.targetClaims(r, only: wanted)
        var groups: [String: [Claim]] = [:]
        var order: [String] = []
        for c in claims {
            if groups[c.key] == nil { order.append(c.key) }
            groups[c.key, default: []].append(c)
        }
        var findings: [Finding] = []
        for key in order {
            let group = groups[key]!
            guard group.count >= 2 else { continue }
            let first = group[0].normalizedValue.description
            if group.contains(where: { $0.normalizedValue.description != first }) {
                findings += SameClaimCheck.compare(group, check: Self.id)
            }
        }
        return findings
    }

    package static let examples: [CheckExample] = [
        .init(["山东省:到2025年,高新技术企业达5000家。\n\n山东省:到2025年,高新技术企业达6000家。"], ["conflict"]),
        .init(["山东省:到2025年,高新技术企业达5000家。\n\n山东省:到2025年,高新技术企业达5000家。"], []),
        // 花生 and 油菜: each figure of a 分别 list is its own subject's (农机装备 指导意见, 国发〔2018〕42号).
        .init(["到2025年,花生种植、收获机械化率分别达到65%和55%,油菜种植、收获机械化率分别达到50%和65%。"], []),
    ]
}
