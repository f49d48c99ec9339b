import Foundation

/// Precision and recall of validation findings against `Fixtures/validation.json`: for documents and pairs of
/// documents, the findings a careful reader expects.
///
/// Each case lists documents (paths relative to the gold file's folder) and expected findings: `check`,
/// `severity`, the `documents` the evidence must name, and texts the finding must `contain` (in its claim,
/// stated, computed, detail, reason or evidence). The documents of a case are validated together (their own
/// findings and those across them). A found finding matches at most one expected one. Two fields are scored:
/// `findings` (a flagged finding — conflict, revision, warning or info — matched by a flagged expectation, a
/// `consistent` one by a `consistent` expectation) and `finding_severities` (the severity must be the same too).
/// Every flagged finding no expectation matches is a false positive; a `consistent` finding nobody listed is
/// not counted (a reader does not list every figure that agrees).
extension Evaluation {
    package static let findingFields = ["findings", "finding_severities"]

    struct ExpectedFinding {
        var check: String
        var severity: Finding.Severity
        var documents: [String]
        var contains: [String]

        func matches(_ f: Finding, sameSeverity: Bool) -> Bool {
            guard f.check == check else { return false }
            let flagged = { (s: Finding.Severity) in s != .consistent }
            if sameSeverity ? f.severity != severity : flagged(f.severity) != flagged(severity) { return false }
            let docs = Set(f.evidence.map(\.document))
            guard documents.allSatisfy(docs.contains) else { return false }
            let text = Evaluation.key(([f.claim, f.stated, f.computed, f.detail, f.reason] + f.evidence.map(\.text)).joined(separator: "\n"))
            return contains.allSatisfy { text.contains(Evaluation.key($0)) }
        }

        var description: String { "\(check) \(severity.rawValue) [\(documents.joined(separator: ", "))] \(contains.joined(separator: " · "))" }
    }

    /// Scores the findings of every case of the validation gold at `path`; a missing file adds nothing.
    package mutating func addFindings(goldPath path: String, pipeline: PipelineDefinition = .builtIn) throws {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let cases = try GoldFile.decode(ValidationGold.self, from: data, path: path).cases
        let folder = (path as NSString).deletingLastPathComponent
        for f in Self.findingFields where scores[f] == nil { scores[f] = FieldScore(field: f) }
        for c in cases {
            let name = c.name
            let paths = c.documents.map { (folder as NSString).appendingPathComponent($0) }
            for p in paths where !FileManager.default.fileExists(atPath: p) { throw PipelineError("\(path): case \(name): no such document \(p)") }
            let expected = c.expected.map { e in
                ExpectedFinding(check: e.check, severity: e.severity, documents: e.documents ?? [], contains: e.contains ?? [])
            }
            let found = ValidationRun.run(paths: paths, pipeline: pipeline, jobs: 1).findings
            for (field, same) in [("findings", false), ("finding_severities", true)] {
                var used = Set<Int>()
                for e in expected {
                    if let i = found.indices.first(where: { !used.contains($0) && e.matches(found[$0], sameSeverity: same) }) {
                        used.insert(i)
                        count(field, tp: 1)
                    } else {
                        count(field, fn: 1)
                        misses.append(Miss(field: field, kind: "miss", document: name, text: e.description, detail: "", span: nil))
                    }
                }
                for (i, f) in found.enumerated() where !used.contains(i) && f.severity != .consistent {
                    count(field, fp: 1)
                    misses.append(Miss(field: field, kind: "false_positive", document: name, text: "\(f.check) \(f.severity.rawValue): \(f.claim)",
                                       detail: f.reason, span: f.evidence.first?.span))
                }
            }
        }
    }
}
