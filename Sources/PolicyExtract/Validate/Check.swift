/// A validation check over one document (parts against totals, counts against enumerations, shares
/// against their figures).
///
/// Each check is its own type with `examples`: texts that must and must not trigger it, which the test
/// suite runs.
package protocol DocumentCheck: Sendable {
    static var id: String { get }
    static var examples: [CheckExample] { get }
    func run(_ r: DocumentResult) -> [Finding]
}

/// A check over the claims of many documents (the same claim stated differently, near-identical labels).
/// Claims are grouped by key, never compared all-pairs, so the time is linear in the number of claims.
package protocol CrossDocumentCheck: Sendable {
    static var id: String { get }
    func run(_ documents: [DocumentClaims]) -> [Finding]
}

/// An example for a check: the documents (texts) and the severities the check must report for them.
package struct CheckExample: Sendable {
    package var texts: [String]
    /// Expected findings as `severity` strings (e.g. `["conflict"]`); empty when the check must stay quiet.
    package var expected: [String]
    package var file: String
    package var line: Int

    package init(_ texts: [String], _ expected: [String], file: String = #filePath, line: Int = #line) {
        self.texts = texts
        self.expected = expected
        self.file = file
        self.line = line
    }
}

/// Runs the checks: those that need one document, and those that compare documents.
package enum Validator {
    package static let documentChecks: [any DocumentCheck] = [PartsTotalCheck(), CountEnumerationCheck(), ShareCheck(), GrowthCheck(), TableTotalCheck(), TableShareCheck(),
                                                             SameClaimWithinDocumentCheck()]
    package static let crossDocumentChecks: [any CrossDocumentCheck] = [SameClaimCheck(), NearIdenticalLabelCheck()]

    package static func runDocumentChecks(_ r: DocumentResult) -> [Finding] {
        sorted(documentChecks.flatMap { $0.run(r) })
    }

    package static func runCrossDocumentChecks(_ documents: [DocumentClaims]) -> [Finding] {
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

extension Lexicons {
    /// The roles of the words of the `check_words` lexicon (`check-words.tsv`): what each tells a check.
    package enum CheckRole: String, CaseIterable, Sendable {
        /// 增长, 增速, 下降, 减少: a sentence states growth (`stated_growth`); 下降, 减少 make it negative.
        case growth, decline
        /// 比例, 比重, 占比 name a share; 占 (佔) stands between a figure and its share; 共有, 合计 … introduce the total (`stated_share`).
        case share, shareOf = "share_of", statedTotal = "stated_total"
        /// 院, 中心, 公司 …: the ending of a body's, an institution's or a place's name (`near_identical_label`).
        case bodyEnding = "body_ending"
        /// 合计, 总计, 全国 …: a total row; 全国, 全省 …: one over the places listed; %, 增长, 率 …: a rate column (`table_total`).
        case tableTotal = "table_total", tablePartTotal = "table_part_total", rateHeader = "rate_header"
        /// 其中: the rows under it are a part of the total; 单位: introduces a table's unit in its caption (`table_total`).
        case partRow = "part_row", unitCaption = "unit_caption"
        /// 占比, 比重, 份额 …: a sentence states a share of a table's figures (`table_share`).
        case tableShare = "table_share"
        /// 个, 家: the unit of a count of named things (`count_vs_enumeration`).
        case countUnit = "count_unit"
        /// The goals a total sums (`parts_vs_total`): money (亿元) of a metric such as 收入, 产值; counts (家) of 企业.
        case partsMoneyUnit = "parts_money_unit", partsMoneyMetric = "parts_money_metric"
        case partsCountUnit = "parts_count_unit", partsCountMetric = "parts_count_metric"
    }
    package typealias CheckWords = RoleWords<CheckRole>
}

extension Lexicons.RoleWords where Role == Lexicons.CheckRole {
    /// The built-in `check_words` lexicon.
    static var builtIn: Self { PipelineDefinition.builtIn.lexicons.checkWords }
}
