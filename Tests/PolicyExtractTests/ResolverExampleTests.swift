import Testing
@testable import PolicyExtract

/// Runs the example tables of the target, cluster and department resolvers (`TargetResolverExamples.swift`,
/// `ClusterResolverExamples.swift`, `DepartmentResolverExamples.swift`): each passage through the whole pipeline
/// must give exactly the expected records, in order (departments in any order, each once, collective addressees
/// left out); and again after a multibyte prefix line (offsets) — the records do not change.
@Suite struct ResolverExampleTests {
    /// The resolvers with example tables, and how a document's records are summarized for each.
    static let tables: [(id: String, examples: [ResolverExample], summarize: @Sendable (DocumentResult) -> [String])] = [
        ("targets", TargetResolver.examples, { $0.targets.map(\.summary) }),
        ("clusters", ClusterResolver.examples, { $0.clusters.map(\.summary) }),
        ("departments", DepartmentResolver.examples, { r in
            var seen = Set<String>()
            return r.departments.filter { !$0.collective }.map(\.summary).filter { seen.insert($0).inserted }.sorted()
        }),
    ]

    @Test("every resolver table has examples, positive and negative", arguments: tables.map(\.id))
    func hasExamples(_ id: String) {
        let examples = Self.tables.first { $0.id == id }!.examples
        #expect(examples.contains { !$0.expected.isEmpty }, "\(id) has no positive example")
        #expect(examples.contains { $0.expected.isEmpty }, "\(id) has no must-not-match example")
        #expect(examples.allSatisfy { !$0.source.isEmpty }, "\(id): every example names its source")
    }

    @Test("examples", arguments: tables.map(\.id))
    func examples(_ id: String) {
        let table = Self.tables.first { $0.id == id }!
        let extractor = DocumentExtractor()
        for example in table.examples {
            let got = table.summarize(extractor.extract(text: example.text))
            let expected = id == "departments" ? example.expected.sorted() : example.expected
            #expect(got == expected, "\(id) example at \(example.file):\(example.line): \(example.text)",
                    sourceLocation: SourceLocation(fileID: "PolicyExtract/\(example.file.split(separator: "/").last ?? "")", filePath: example.file, line: example.line, column: 1))
            // Spans point into the text given.
            let r = extractor.extract(text: example.text)
            let scalars = Array(example.text.unicodeScalars)
            for t in r.targets { #expect(String(String.UnicodeScalarView(scalars[t.span.start..<t.span.end])) == t.text) }
            for c in r.clusters { #expect(String(String.UnicodeScalarView(scalars[c.span.start..<c.span.end])) == c.text) }
            for d in r.departments { #expect(String(String.UnicodeScalarView(scalars[d.span.start..<d.span.end])) == d.text) }
        }
    }

    @Test("variant: a multibyte line before the passage", arguments: tables.map(\.id))
    func prefixed(_ id: String) {
        let table = Self.tables.first { $0.id == id }!
        let extractor = DocumentExtractor()
        for example in table.examples where !example.text.hasPrefix("政府工作报告") && !example.text.hasPrefix("2023年") {
            let text = "𠀀𠀁（注）\n\n" + example.text
            let r = extractor.extract(text: text)
            if id == "departments" {
                // A line before a title moves the title (and so the document's place): only the spans are compared.
                let scalars = Array(text.unicodeScalars)
                for d in r.departments {
                    #expect(String(String.UnicodeScalarView(scalars[d.span.start..<d.span.end])) == d.text, "\(d.name) in \(example.text)")
                }
                continue
            }
            #expect(table.summarize(r) == example.expected, "\(id) with a multibyte line first: \(example.text)")
        }
    }
}
