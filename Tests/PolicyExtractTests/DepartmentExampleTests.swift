import Testing
@testable import PolicyExtract

/// Runs the department resolver's example table (`DepartmentResolverExamples.swift`), plus the same passages
/// behind a multibyte prefix line, to catch offset bugs in the spans the records keep.
@Suite struct DepartmentExampleTests {
    func run(_ text: String) -> [String] {
        let r = DocumentExtractor().extract(text: text)
        var seen = Set<String>()
        return r.departments.filter { !$0.collective }.map { "\($0.name) / \($0.role.rawValue) / \($0.canonical)" }.filter { seen.insert($0).inserted }
    }

    @Test("the table has positive and must-not-match examples")
    func hasExamples() {
        #expect(DepartmentResolver.examples.contains { !$0.expected.isEmpty })
        #expect(DepartmentResolver.examples.contains { $0.expected.isEmpty })
    }

    @Test("examples")
    func examples() {
        for example in DepartmentResolver.examples {
            let got = run(example.text)
            #expect(got.sorted() == example.expected.sorted(), "\(example.text)",
                    sourceLocation: SourceLocation(fileID: "PolicyExtractTests/\(example.file.split(separator: "/").last ?? "")", filePath: example.file, line: example.line, column: 1))
        }
    }

    @Test("every record's text is the original text under its span")
    func spans() {
        for example in DepartmentResolver.examples {
            let text = "𠀀𠀁（注）\n" + example.text
            let r = DocumentExtractor().extract(text: text)
            let scalars = Array(text.unicodeScalars)
            for d in r.departments {
                let under = String(String.UnicodeScalarView(scalars[d.span.start..<d.span.end]))
                #expect(under == d.text, "\(d.name) at \(d.span.start)..<\(d.span.end) in \(example.text)")
            }
        }
    }
}
