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

    @Test("a shortcut never loses a match: every example with the shortcuts off", arguments: MatcherRegistry.ids)
    func shortcutsOff(_ id: String) {
        let matcher = MatcherRegistry.matcher(id)!
        let extractor = DocumentExtractor()
        for example in type(of: matcher).examples {
            for text in [example.text, Self.filler + example.text] {
                func found(_ shortcuts: Bool) -> [String] {
                    let ctx = MatchContext(text: TextNormalizer.normalize(text.unicodeScalars.map(\.value)), lexicons: extractor.pipeline.lexicons,
                                           numerals: ChineseNumeralReader())
                    ctx.shortcuts = shortcuts
                    return matcher.find(in: ctx).map { "\($0.range) \($0.summary)" }
                }
                #expect(found(true) == found(false), "\(id): \(text)")
            }
        }
    }

    @Test("a declared output's values follow it, field for field", arguments: MatcherRegistry.declaredOutputs.map(\.id))
    func declaredValues(_ id: String) throws {
        let matcher = MatcherRegistry.matcher(id)!
        let output = try #require(type(of: matcher).output)
        let extractor = DocumentExtractor()
        var seen = 0
        for example in type(of: matcher).examples {
            let ctx = MatchContext(text: TextNormalizer.normalize(example.text.unicodeScalars.map(\.value)), lexicons: extractor.pipeline.lexicons,
                                   numerals: ChineseNumeralReader())
            for m in matcher.find(in: ctx) {
                guard case .record(let v) = m.value else { Issue.record("\(id): a value that is not a record"); continue }
                #expect(v.fields.count == output.fields.count, "\(id): \(v.fields.count) fields, \(output.fields.count) declared")
                for (f, value) in zip(output.fields, v.fields) {
                    switch value {
                    case .null: #expect(f.nullable, "\(id).\(f.name) is null but not nullable")
                    case .string: #expect(f.kind == .string, "\(id).\(f.name)")
                    case .bool: #expect(f.kind == .boolean, "\(id).\(f.name)")
                    case .number(let d): #expect(f.kind == .number || (f.kind == .integer && d.isInteger), "\(id).\(f.name)")
                    }
                }
                seen += 1
            }
        }
        #expect(seen > 0)
    }

    @Test("the schema names every declared output, its fields required", arguments: MatcherRegistry.declaredOutputs.map(\.id))
    func declaredInSchema(_ id: String) throws {
        let output = try #require(type(of: MatcherRegistry.matcher(id)!).output)
        let schema = SchemaTests.schema
        #expect((schema["required"] as? [String] ?? []).contains(output.key), "\(output.key) is not a required key of the schema")
        let properties = schema["properties"] as? [String: Any]
        let entry = try #require(properties?[output.key] as? [String: Any], "\(output.key) is not in the schema")
        let own = SchemaTests.flattened(try #require(entry["items"] as? [String: Any]))
        let fields = own["properties"] as? [String: Any] ?? [:]
        for f in output.fields {
            #expect(fields[f.name] != nil, "\(output.key).\(f.name) is not in the schema")
            #expect((own["required"] as? [String] ?? []).contains(f.name), "\(output.key).\(f.name) is not required in the schema")
        }
    }
}
