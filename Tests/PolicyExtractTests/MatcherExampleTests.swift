import Testing
@testable import PolicyExtract

/// Runs every registered matcher's example table, plus variants of each example: full-width digits,
/// a multibyte prefix (to catch offset bugs) and the phrase inside a long paragraph.
@Suite struct MatcherExampleTests {
    static let filler = "为深入贯彻落实有关部署要求，推动高质量发展，现提出如下意见。"

    func run(_ matcher: any Matcher, _ text: String) -> [String] {
        let extractor = DocumentExtractor()
        let normalized = TextNormalizer.normalize(text.unicodeScalars.map(\.value))
        let ctx = MatchContext(text: normalized, lexicons: extractor.pipeline.lexicons, numerals: ChineseNumeralReader())
        return matcher.find(in: ctx).map { m in
            let span = normalized.span(m.range)
            return "\(makeString(normalized.original[span.start..<span.end])) => \(m.summary)"
        }
    }

    static func fullWidth(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value >= 0x30 && $0.value <= 0x39 ? Unicode.Scalar($0.value + 0xFEE0)! : $0 }))
    }

    @Test("every matcher has examples, positive and negative", arguments: MatcherRegistry.ids)
    func hasExamples(_ id: String) {
        let examples = type(of: MatcherRegistry.matcher(id)!).examples
        #expect(examples.contains { !$0.expected.isEmpty }, "\(id) has no positive example")
        #expect(examples.contains { $0.expected.isEmpty }, "\(id) has no must-not-match example")
    }

    @Test("examples", arguments: MatcherRegistry.ids)
    func examples(_ id: String) {
        let matcher = MatcherRegistry.matcher(id)!
        for example in type(of: matcher).examples {
            let got = run(matcher, example.text)
            #expect(got == example.expected, "\(id) example at \(example.file):\(example.line): \(example.text)",
                    sourceLocation: SourceLocation(fileID: "PolicyExtractTests/\(example.file.split(separator: "/").last ?? "")", filePath: example.file, line: example.line, column: 1))
        }
    }

    @Test("variants: multibyte prefix, long paragraph", arguments: MatcherRegistry.ids)
    func variants(_ id: String) {
        let matcher = MatcherRegistry.matcher(id)!
        for example in type(of: matcher).examples {
            // A prefix of supplementary-plane and BMP characters shifts every offset.
            let prefixed = run(matcher, "𠀀𠀁（注）" + example.text)
            #expect(prefixed == example.expected, "\(id) with multibyte prefix: \(example.text)")
            let long = run(matcher, Self.filler + Self.filler + example.text + "。" + Self.filler)
            #expect(long == example.expected, "\(id) inside a paragraph: \(example.text)")
        }
    }

    @Test("variant: full-width digits", arguments: MatcherRegistry.ids)
    func fullWidthDigits(_ id: String) {
        let matcher = MatcherRegistry.matcher(id)!
        for example in type(of: matcher).examples {
            let wide = Self.fullWidth(example.text)
            let expected = example.expected.map { e -> String in
                let parts = e.components(separatedBy: " => ")
                return Self.fullWidth(parts[0]) + " => " + parts[1]
            }
            #expect(run(matcher, wide) == expected, "\(id) with full-width digits: \(wide)")
        }
    }
}
