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
        case .percentStart: return c == 0x767E || CharClass.isDigit(c)
        case .nian: return c == 0x5E74
        case .openingBracket: return DocNumberMatcher.closing(c) != nil
        case .ji: return c == 0x96C6
        case .departmentLabel: return DepartmentResolver.triggers.contains(c)
        case .issueVerb: return DepartmentResolver.issueVerbFirsts.contains(c)
        case .bodyWord: return lexicons.scan.mentionFirsts.contains(c)
        case .openQuote: return c == 0x201C
        case .tab: return c == 0x09
        case .placeFirst: return lexicons.scan.placeFirsts.contains(c)
        case .bodyWordLast: return lexicons.scan.mentionLasts.contains(c)
        case .titleOpen: return c == 0x300A
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
