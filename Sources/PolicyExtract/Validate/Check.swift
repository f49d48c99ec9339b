/// A validation check over one document (parts against totals, counts against enumerations, shares
/// against their figures).
///
/// Each check is its own type with `examples`: texts that must and must not trigger it, which the test
/// suite runs.
public protocol DocumentCheck: Sendable {
    static var id: String { get }
    static var examples: [CheckExample] { get }
    func run(_ r: DocumentResult) -> [Finding]
}

/// A check over the claims of many documents (the same claim stated differently, near-identical labels).
/// Claims are grouped by key, never compared all-pairs, so the time is linear in the number of claims.
public protocol CrossDocumentCheck: Sendable {
    static var id: String { get }
    func run(_ documents: [DocumentClaims]) -> [Finding]
}

/// An example for a check: the documents (texts) and the severities the check must report for them.
public struct CheckExample: Sendable {
    public var texts: [String]
    /// Expected findings as `severity` strings (e.g. `["conflict"]`); empty when the check must stay quiet.
    public var expected: [String]
    public var file: String
    public var line: Int

    public init(_ texts: [String], _ expected: [String], file: String = #filePath, line: Int = #line) {
        self.texts = texts
        self.expected = expected
        self.file = file
        self.line = line
    }
}

/// Runs the checks: those that need one document, and those that compare documents.
public enum Validator {
    public static let documentChecks: [any DocumentCheck] = [PartsTotalCheck(), CountEnumerationCheck(), ShareCheck(), GrowthCheck(), TableTotalCheck(), TableShareCheck(),
                                                             SameClaimWithinDocumentCheck()]
    public static let crossDocumentChecks: [any CrossDocumentCheck] = [SameClaimCheck(), NearIdenticalLabelCheck()]

    public static func runDocumentChecks(_ r: DocumentResult) -> [Finding] {
        sorted(documentChecks.flatMap { $0.run(r) })
    }

    public static func runCrossDocumentChecks(_ documents: [DocumentClaims]) -> [Finding] {
        sorted(crossDocumentChecks.flatMap { $0.run(documents) })
    }

    /// A deterministic order: check, severity, then the first evidence.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        func rank(_ s: Finding.Severity) -> Int { Finding.Severity.allCases.firstIndex(of: s)! }
        return findings.sorted { a, b in
            if a.check != b.check { return a.check < b.check }
            if a.severity != b.severity { return rank(a.severity) < rank(b.severity) }
            let ea = a.evidence.first, eb = b.evidence.first
            if ea?.document != eb?.document { return (ea?.document ?? "") < (eb?.document ?? "") }
            if ea?.span != eb?.span { return (ea?.span.start ?? 0) < (eb?.span.start ?? 0) }
            return a.claim < b.claim
        }
    }

    static func evidence(_ r: DocumentResult, _ span: Span, _ text: String) -> Finding.Evidence {
        Finding.Evidence(document: r.info.id, span: span, text: text)
    }
}

/// Formats an exact decimal with a unit: `4300 亿元`.
func amountText(_ d: ExactDecimal, _ unit: String) -> String { "\(d) \(unit)" }
