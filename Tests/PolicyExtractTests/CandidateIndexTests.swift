import Testing
@testable import PolicyExtract

/// The candidate index against a test of every character, on random texts and random scanner moves
/// (forward, backward, empty and out-of-range spans).
@Suite struct CandidateIndexTests {
    /// What each kind means, written as the scanners tested characters before the index existed.
    static func expected(_ kind: Candidate, _ c: UInt32, lexicons: Lexicons) -> Bool {
        switch kind {
        case .digit: return CharClass.isDigit(c)
        case .numberStart: return CharClass.isDigit(c) || CharClass.isChineseNumeral(c)
        case .percentStart: return c == UInt32(char: "百") || CharClass.isDigit(c)
        case .yearSuffix: return c == UInt32(char: "年")
        case .openingBracket: return DocNumberMatcher.closing(c) != nil
        case .clusterCharacter: return c == UInt32(char: "集")
        case .departmentLabel: return DepartmentResolver.triggers.contains(c)
        case .issueVerb: return DepartmentResolver.issueVerbFirsts.contains(c)
        case .bodyWord: return lexicons.scan.mentionFirsts.contains(c)
        case .openQuote: return c == UInt32(char: "“")
        case .tab: return c == 0x09
        case .placeFirst: return lexicons.scan.placeFirsts.contains(c)
        case .bodyWordLast: return lexicons.scan.mentionLasts.contains(c)
        case .titleOpen: return c == UInt32(char: "《")
        }
    }

    /// A matcher's declaration makes both the characters its scan starts from and the shortcut before its rule:
    /// changed, both change with it.
    @Test func aDeclarationMakesTheCandidatesAndTheShortcut() throws {
        // Candidates: a declaration whose digits are only 7 makes a table where 3 is no digit.
        let onlySeven = ScanDeclaration(kind: .digit, starts: { $0 == UInt32(char: "7") })
        let table = CandidateTable(bodyWordFirsts: ScalarSet([]), placeFirsts: ScalarSet([]), bodyWordLasts: ScalarSet([]), scans: [onlySeven])
        #expect(table.contains(UInt32(char: "7"), .digit) && !table.contains(UInt32(char: "3"), .digit))
        #expect(CandidateTable.standard.contains(UInt32(char: "3"), .digit))
        // Shortcut and rule: the area matcher's followers come from the same lexicon as its units. Without 公顷 in
        // the lexicon, `3公顷` is no area, and the shortcut passes over the 3 without reading it.
        func pipeline(_ edit: (String) -> String) throws -> PipelineDefinition {
            try PipelineDefinition(specText: DefaultPipelineFiles.files["default.json"]!, origin: "test") { rel in
                let text = DefaultPipelineFiles.files[rel]!
                return rel.hasSuffix("area-units.tsv") ? edit(text) : text
            }
        }
        let withHectares = try pipeline { $0 }
        let withoutHectares = try pipeline { $0.split(separator: "\n").filter { !$0.contains("公顷") }.joined(separator: "\n") }
        for (p, expected) in [(withHectares, true), (withoutHectares, false)] {
            let ctx = MatchContext(text: TextNormalizer.normalize(Array("3公顷".unicodeScalars.map(\.value))), lexicons: p.lexicons,
                                   numerals: ChineseNumeralReader())
            #expect((ctx.integerRuledOut(at: 0, followers: ctx.followers(of: AreaMatcher.self)) == nil) == expected)
            #expect(AreaMatcher().find(in: ctx).count == (expected ? 1 : 0))
        }
    }

    @Test func agreesWithACharacterByCharacterTest() {
        let lexicons = PipelineDefinition.builtIn.lexicons
        let table = lexicons.scan.candidates
        let alphabet = Array("0123456789年集〔[(【〖“\t国省市局厅部委办牵责抄按印发出制联百一二十万亿两济山青的是在，。 ab𠀀《心府".unicodeScalars.map(\.value))
        var rng = SplitMix(state: 1003)
        for _ in 0..<300 {
            let n = Int.random(in: 0...200, using: &rng)
            let chars = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }
            let index = CandidateIndex(chars, table: table)
            for _ in 0..<60 {
                let kind = Candidate.allCases.randomElement(using: &rng)!
                let from = Int.random(in: 0...(n + 2), using: &rng)
                let end = Int.random(in: 0...(n + 2), using: &rng)
                var want = end
                var k = from
                while k < min(end, n) { if Self.expected(kind, chars[k], lexicons: lexicons) { want = k; break }; k += 1 }
                #expect(index.next(kind, from: from, to: end) == want, "\(kind) \(from)..<\(end) in \(chars.count) characters")
                #expect(table.scan(chars, kind, from: from, to: end) == want)
            }
        }
    }

    @Test func eightAtATimeSearchAgreesWithALoop() {
        var rng = SplitMix(state: 1004)
        let alphabet: [UInt32] = [0x20, 0x2C, 0x0A, 0x4E2D, 0x41, 0x1F600]
        for _ in 0..<2000 {
            let chars = (0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let from = Int.random(in: 0...chars.count, using: &rng)
            let end = Int.random(in: from...chars.count, using: &rng)
            let (a, b) = (alphabet.randomElement(using: &rng)!, alphabet.randomElement(using: &rng)!)
            let want = (from..<end).first { chars[$0] == a || chars[$0] == b } ?? end
            let got = chars.withUnsafeBufferPointer { firstIndex(of: a, or: b, in: $0, from: from, to: end) }
            #expect(got == want, "\(a) \(b) \(from)..<\(end) in \(chars)")
        }
    }

    @Test func pairSetAgreesWithASet() {
        var rng = SplitMix(state: 1005)
        let chars: [UInt32] = Array(0x4E00..<0x4E40) + [0x41, 0x1F600]
        for _ in 0..<50 {
            let list = (0..<Int.random(in: 0...40, using: &rng)).map { _ in (chars.randomElement(using: &rng)!, chars.randomElement(using: &rng)!) }
            let set = PairSet(list)
            let reference = Set(list.map { "\($0.0),\($0.1)" })
            for a in chars { for b in chars { #expect(set.contains(a, b) == reference.contains("\(a),\(b)")) } }
        }
    }

    @Test func aScanForwardVisitsEveryCandidate() {
        let lexicons = PipelineDefinition.builtIn.lexicons
        let chars = Array("到2025年,济宁市工业和信息化局牵头,集群营业收入达1200亿元。".unicodeScalars.map(\.value))
        let index = CandidateIndex(chars, table: lexicons.scan.candidates)
        var found: [Int] = []
        var k = index.next(.digit, from: 0, to: chars.count)
        while k < chars.count { found.append(k); k = index.next(.digit, from: k + 1, to: chars.count) }
        #expect(found == chars.indices.filter { CharClass.isDigit(chars[$0]) })
        #expect(found.count == 8)
    }
}
