/// The same claim in several documents — a plan and the reports about it.
///
/// Claims (targets) are keyed by place, year, subject, metric and unit; a tier of clusters is keyed by its
/// threshold, so that its members can be compared. Claims are grouped by key (never compared all-pairs):
/// a group whose documents agree is `consistent`; one whose values or member lists differ is a
/// `conflict` that names the evidence in every document involved.
public struct SameClaimCheck: CrossDocumentCheck {
    public static let id = "same_claim"
    public init() {}
    /// At most this many evidence items per finding; the finding says how many documents agree.
    static let evidenceLimit = 20

    public func run(_ documents: [DocumentClaims]) -> [Finding] {
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

    /// Compares claims that share a key: values, then member lists. Linear in the number of claims.
    static func compare(_ claims: [Claim], check: String) -> [Finding] {
        var byValue: [String: [Claim]] = [:]
        var valueOrder: [String] = []
        for c in claims {
            let v = c.value.description
            if byValue[v] == nil { valueOrder.append(v) }
            byValue[v, default: []].append(c)
        }
        let first = claims[0]
        var findings: [Finding] = []
        if valueOrder.count > 1 {
            let evidence = valueOrder.flatMap { byValue[$0]!.prefix(evidenceLimit / valueOrder.count + 1).map(\.evidence) }
            findings.append(Finding(check: check, severity: .conflict, claim: first.description,
                                    stated: valueOrder.map { "\($0) \(first.unit) (\(byValue[$0]!.count))" }.joined(separator: " vs "),
                                    computed: "\(valueOrder.count) different values", tolerance: "0", evidence: Array(evidence),
                                    detail: valueOrder.map { v in "\(v): " + byValue[v]!.prefix(5).map(\.evidence.document).joined(separator: ", ") }.joined(separator: "; ")))
            return findings
        }
        let withMembers = claims.filter { !$0.members.isEmpty }
        if withMembers.count >= 2 {
            var bySet: [String: [Claim]] = [:]
            var setOrder: [String] = []
            for c in withMembers {
                let k = c.members.map(Evaluation.key).sorted().joined(separator: "、")
                if bySet[k] == nil { setOrder.append(k) }
                bySet[k, default: []].append(c)
            }
            if setOrder.count > 1 {
                let a = Set(bySet[setOrder[0]]![0].members), b = Set(bySet[setOrder[1]]![0].members)
                let onlyA = a.subtracting(b).sorted(), onlyB = b.subtracting(a).sorted()
                let evidence = setOrder.flatMap { bySet[$0]!.prefix(evidenceLimit / setOrder.count + 1).map(\.evidence) }
                findings.append(Finding(check: check, severity: .conflict, claim: first.description + ": members",
                                        stated: setOrder.map { "[\($0)]" }.joined(separator: " vs "),
                                        computed: "only in \(bySet[setOrder[0]]![0].evidence.document): \(onlyA.joined(separator: "、")); only in \(bySet[setOrder[1]]![0].evidence.document): \(onlyB.joined(separator: "、"))",
                                        tolerance: "0", evidence: Array(evidence), detail: "the documents list different members"))
                return findings
            }
        }
        findings.append(Finding(check: check, severity: .consistent, claim: first.description,
                                stated: "\(first.value) \(first.unit)", computed: "\(claims.count) statements agree",
                                tolerance: "0", evidence: Array(claims.prefix(evidenceLimit).map(\.evidence)),
                                detail: claims.count > evidenceLimit ? "\(claims.count - evidenceLimit) more statements agree" : ""))
        return findings
    }

    public static let examples: [CheckExample] = [
        .init(["山东省:到2025年,打造新能源装备、海工装备、现代轻工等一批规模达到千亿元级的产业集群。",
               "山东省:到2025年,打造新能源装备、海工装备、现代轻纺等一批规模达到千亿元级的产业集群。"], ["conflict"]),
        .init(["山东省:到2025年,打造动力装备、高端铝业、智能家电等3个超过5000亿元的产业集群。",
               "山东省:到2025年,打造动力装备、高端铝业、智能家电等3个超过5000亿元的产业集群。"], ["consistent"]),
        // A province's and a city's goals are different claims.
        .init(["山东省:到2025年,高新技术产品占比达45%。", "济宁市:到2025年,高新技术产业产值占比达到45%。"], []),
    ]
}

/// The same claim stated twice in one document with different values.
public struct SameClaimWithinDocumentCheck: DocumentCheck {
    public static let id = "same_claim_within_document"
    public init() {}

    public func run(_ r: DocumentResult) -> [Finding] {
        guard r.targets.count >= 2 else { return [] }
        // Targets grouped by claim key; a claim (with its description) is built only for a group whose
        // values differ.
        let keys = ClaimExtractor.targetClaimKeyParts(r)
        // Groups as chains of indices from each key's first target (one look-up per target, and no list made
        // for the many keys that only one target has).
        var firstOfKey = [ClaimExtractor.KeyParts: Int](minimumCapacity: keys.count)
        var heads: [Int] = []
        var next = [Int](repeating: -1, count: keys.count), last = Array(keys.indices), size = [Int](repeating: 1, count: keys.count)
        for (i, k) in keys.enumerated() {
            if let h = firstOfKey[k] {
                next[last[h]] = i
                last[h] = i
                size[h] += 1
            } else {
                firstOfKey[k] = i
                heads.append(i)
            }
        }
        var findings: [Finding] = []
        for h in heads where size[h] >= 2 {
            var group: [Int] = []
            var i = h
            while i >= 0 { group.append(i); i = next[i] }
            let first = r.targets[group[0]].value.description
            if group.contains(where: { r.targets[$0].value.description != first }) {
                findings += SameClaimCheck.compare(group.map { ClaimExtractor.targetClaim(r.targets[$0], key: keys[$0].key, r) }, check: Self.id)
            }
        }
        return findings
    }

    public static let examples: [CheckExample] = [
        .init(["山东省:到2025年,高新技术企业达5000家。\n\n山东省:到2025年,高新技术企业达6000家。"], ["conflict"]),
        .init(["山东省:到2025年,高新技术企业达5000家。\n\n山东省:到2025年,高新技术企业达5000家。"], []),
    ]
}
