import Foundation

/// Runs the pipeline over many documents and then every check: the single-document findings of each
/// document and the cross-document findings over all their claims.
package enum ValidationRun {
    package struct Output: Sendable {
        package var findings: [Finding]
        package var documents: Int
        package var claims: Int
        package var errors: [BatchError]
    }

    /// Batch outputs and JSON Lines of documents among `paths` are read back as records (`RecordInput`); the other
    /// paths are documents, extracted.
    package static func run(paths allPaths: [String], pipeline: PipelineDefinition = .builtIn, jobs: Int = 1) -> Output {
        let outputs = allPaths.filter(RecordInput.isOutput).map(RecordInput.read)
        let paths = allPaths.filter { !RecordInput.isOutput($0) }
        let (inputs, collectErrors) = paths.isEmpty ? ([], []) : BatchRunner.collect(paths)
        _ = collectErrors
        var perDocument = [(DocumentClaims, [Finding])?](repeating: nil, count: inputs.count)
        var errors = [BatchError?](repeating: nil, count: inputs.count)
        let lock = NSLock()
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, inputs.count))) { _ in
            let extractor = DocumentExtractor(pipeline: pipeline)
            while true {
                let i = next.increment()
                if i >= inputs.count { return }
                do {
                    let bytes = try inputs[i].read()
                    let r = try extractor.extract(bytes: bytes, path: inputs[i].path, id: inputs[i].id)
                    let entry = (ClaimExtractor.claims(r), r.findings)
                    lock.lock(); perDocument[i] = entry; lock.unlock()
                } catch let e as InputError {
                    lock.lock(); errors[i] = BatchError(path: e.path, reason: e.reason.rawValue, message: e.message, byteOffset: e.byteOffset); lock.unlock()
                } catch {
                    lock.lock(); errors[i] = BatchError(path: inputs[i].path, reason: "internal", message: "\(error)"); lock.unlock()
                }
            }
        }
        let done = outputs.flatMap(\.documents) + perDocument.compactMap { $0 }
        let claims = done.map(\.0)
        let findings = Validator.sorted(done.flatMap(\.1) + Validator.runCrossDocumentChecks(claims))
        return Output(findings: findings, documents: done.count, claims: claims.reduce(0) { $0 + $1.claims.count },
                      errors: outputs.flatMap(\.errors) + collectErrors + errors.compactMap { $0 })
    }

    package static func json(_ o: Output) -> JSONValue {
        .object([
            ("documents", .int(o.documents)), ("claims", .int(o.claims)),
            ("findings", .array(o.findings.map(DocumentJSON.finding))),
            ("errors", .array(o.errors.map(\.json))),
        ])
    }

    /// A readable report grouped by severity.
    package static func report(_ o: Output) -> String {
        var lines = ["\(o.documents) documents, \(o.claims) claims, \(o.findings.count) findings"]
        for severity in Finding.Severity.allCases {
            let list = o.findings.filter { $0.severity == severity }
            if list.isEmpty { continue }
            lines.append("")
            lines.append("\(severity.rawValue.uppercased()) (\(list.count))")
            for f in list {
                lines.append("- [\(f.check)] \(f.claim)")
                lines.append("    stated \(f.stated); computed \(f.computed); tolerance \(f.tolerance)")
                if !f.detail.isEmpty { lines.append("    \(f.detail)") }
                if !f.reason.isEmpty { lines.append("    why: \(f.reason)") }
                for e in f.evidence.prefix(6) { lines.append("    \(e.document) @\(e.span.start)-\(e.span.end) line \(e.span.line): \(e.text)") }
                if f.evidence.count > 6 { lines.append("    … \(f.evidence.count - 6) more") }
            }
        }
        for e in o.errors { lines.append("error: \(e.path): \(e.message)") }
        return lines.joined(separator: "\n")
    }
}
