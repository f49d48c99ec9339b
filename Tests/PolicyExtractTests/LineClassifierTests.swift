import Testing
@testable import PolicyExtract

/// Runs `LineClassifier.examples`: each real line alone, and the same line between two paragraphs of
/// running text (to catch offset bugs and a neighbour's influence).
@Suite struct LineClassifierTests {
    static func classify(_ line: String, before: String = "", after: String = "") -> String {
        let text = TextNormalizer.normalize((before + line + after).unicodeScalars.map(\.value))
        let lines = LineClassifier.lines(text.chars).filter { !$0.isBlank }
        let index = before.isEmpty ? 0 : 1
        guard index < lines.count else { return "no line" }
        return LineClassifier.classify(text, lines[index].range).summary(text)
    }

    @Test func examplesHoldEveryKind() {
        let kinds = Set(LineClassifier.examples.map { $0.expected.split(separator: " ").first.map(String.init) ?? "" })
        #expect(kinds == ["heading", "table_row", "list_item", "label", "prose"])
    }

    @Test func examples() {
        for example in LineClassifier.examples {
            #expect(Self.classify(example.text) == example.expected, "\(example.source): \(example.text)",
                    sourceLocation: SourceLocation(fileID: "PolicyExtract/LineClassifierExamples.swift", filePath: example.file, line: example.line, column: 1))
        }
    }

    @Test func examplesAmongParagraphs() {
        let before = "为深入贯彻落实有关部署要求，推动高质量发展，现提出如下意见。\n\n"
        let after = "\n\n各地要结合实际抓好落实。"
        for example in LineClassifier.examples {
            #expect(Self.classify(example.text, before: before, after: after) == example.expected, "\(example.source): \(example.text)",
                    sourceLocation: SourceLocation(fileID: "PolicyExtract/LineClassifierExamples.swift", filePath: example.file, line: example.line, column: 1))
        }
    }
}
