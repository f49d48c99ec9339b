import Testing
@testable import PolicyExtract

/// Short texts made of the characters the scanners look at, in random order: the pipeline must finish
/// every one (a trap would stop the test run) and keep its span invariant.
@Suite struct RobustnessTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet = Array("一二三四五六七八九十百千万亿元〇○零两年月日号〔〕[]()（）【】、，。；：:！？%％个家项到至超过达以上左右级·—-~ \t\n#*|“”《》0123456789.,牵头单位责任单位抄送印发关于的通知集群产业省市县局厅委办占比例分别为增长百分之点文件本报讯<>&;")

    @Test func randomShortTextsNeverTrap() {
        var rng = SplitMix(state: 20_261_125)
        let extractor = DocumentExtractor()
        for i in 0..<800 {
            let n = Int.random(in: 1...60, using: &rng)
            let text = String((0..<n).map { _ in Self.alphabet.randomElement(using: &rng)! })
            let r = extractor.extract(text: text, id: "r\(i)")
            for items in r.items.values {
                for item in items {
                    #expect(makeString(r.text.original[item.span.start..<item.span.end]) == item.text)
                }
            }
            _ = DocumentJSON.object(r).serialized()
        }
    }

    @Test func htmlFragmentsNeverTrap() {
        var rng = SplitMix(state: 7)
        for _ in 0..<300 {
            let n = Int.random(in: 1...40, using: &rng)
            let text = String((0..<n).map { _ in Self.alphabet.randomElement(using: &rng)! })
            let t = TextNormalizer.normalize(text.unicodeScalars.map(\.value), html: true)
            #expect(t.origin.allSatisfy { Int($0) < max(1, t.original.count) })
        }
    }
}
