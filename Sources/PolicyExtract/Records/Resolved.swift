/// A quantified goal bound to a deadline year: who must reach what, by when, and who answers for it.
package struct Target: Sendable {
    package var year: Int
    package var subject: String
    package var metric: String
    package var comparator: Qualifier
    package var value: ExactDecimal
    package var valueMax: ExactDecimal?
    package var unit: String
    /// For a tier of clusters (`3个超过5000亿元的产业集群`): the threshold each member passes.
    package var threshold: Threshold?
    package var members: [String]
    package var lead: [String]
    package var responsible: [String]
    /// The span of the phrase stating the goal (metric through value).
    package var span: Span
    package var text: String
    package var valueSpan: Span
    package var section: Int
    /// The sentence (normalized range) the record was read from; emitted as its normalized text.
    package var sentenceRange: Range<Int>?
    package var article: Int
    /// Where the year came from: the span of the year phrase.
    package var yearSpan: Span
    /// Other places in the document that state the same goal (same year, metric, value, unit).
    package var restated: [Span] = []
}

package struct Threshold: Sendable {
    package var yiYuan: ExactDecimal
    package var comparator: Qualifier
}

/// 牵头单位, 责任单位, 抄送 … — the role a body plays in a document.
public enum DepartmentRole: String, Sendable, Codable, CaseIterable {
    case issuer, lead, responsible, cc, printer, mentioned
}

/// A government or Party body named in a document.
package struct Department: Sendable {
    package var name: String
    /// The full name with the document's place resolved (`省发展改革委` in a Shandong document →
    /// `山东省发展和改革委员会`); the name itself where nothing is to resolve.
    package var canonical: String
    package var role: DepartmentRole
    /// 国家 / 省 / 市 / 县, where the name or the document says so.
    package var level: String?
    /// True for collective addressees (`各县市区、功能区`) that name no single body.
    package var collective: Bool
    package var span: Span
    package var text: String
    package var section: Int
    /// The sentence (normalized range) the record was read from; emitted as its normalized text.
    package var sentenceRange: Range<Int>?
    package var article: Int
}

/// A named industrial cluster.
package struct Cluster: Sendable {
    package var name: String
    /// The name with its place written in full and 产业集群 at the end (`青岛智能家电集群` → `青岛市智能家电产业集群`);
    /// a name without a place takes the document's place.
    package var canonical: String
    package var place: String?
    package var industry: String
    /// 世界级 / 国家级 / 省级, or nil.
    package var tier: String?
    /// `existing` (named as one that exists) or `goal` (one to be built).
    package var status: String
    package var span: Span
    package var text: String
    package var section: Int
    /// The sentence (normalized range) the record was read from; emitted as its normalized text.
    package var sentenceRange: Range<Int>?
    package var article: Int
}

/// A validation finding with its evidence.
public struct Finding: Sendable, Codable, Equatable {
    /// How sure the check is, most serious first: `conflict` (the same claim by key, both values read with high
    /// confidence, and they differ), `revision` (a later-dated document restates a goal with another value),
    /// `warning` (a difference a reader should look at, read with less confidence), `info` (worth knowing, often
    /// not a mistake: `等7个` naming six), `consistent` (the figures agree).
    public enum Severity: String, Sendable, Codable, CaseIterable { case conflict, revision, warning, info, consistent }
    public struct Evidence: Sendable, Codable, Equatable {
        public var document: String
        public var span: Span
        public var text: String
    }
    public var check: String
    public var severity: Severity
    public var claim: String
    public var stated: String
    public var computed: String
    public var tolerance: String
    public var evidence: [Evidence]
    public var detail: String
    /// One line a reader can verify: why the check reports this severity.
    public var reason: String = ""

    enum CodingKeys: String, CodingKey { case check, severity, claim, stated, computed, tolerance, evidence, detail, reason }

    public init(check: String, severity: Severity, claim: String, stated: String, computed: String, tolerance: String,
                evidence: [Evidence], detail: String, reason: String = "") {
        (self.check, self.severity, self.claim, self.stated, self.computed) = (check, severity, claim, stated, computed)
        (self.tolerance, self.evidence, self.detail, self.reason) = (tolerance, evidence, detail, reason)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        check = try c.decode(String.self, forKey: .check)
        severity = try c.decode(Severity.self, forKey: .severity)
        claim = try c.decode(String.self, forKey: .claim)
        stated = try c.decode(String.self, forKey: .stated)
        computed = try c.decode(String.self, forKey: .computed)
        tolerance = try c.decode(String.self, forKey: .tolerance)
        evidence = try c.decode([Evidence].self, forKey: .evidence)
        detail = try c.decodeIfPresent(String.self, forKey: .detail) ?? ""
        // Outputs written before `reason` existed decode with an empty one.
        reason = try c.decodeIfPresent(String.self, forKey: .reason) ?? ""
    }
}
