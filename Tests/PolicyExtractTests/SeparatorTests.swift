import Foundation
import Testing
import ICUBridge
@testable import PolicyExtract

/// The folding pass notes where spaces and ASCII commas stand for the digit-group pass; what it notes must
/// give the same text as finding them by a pass of their own, also where lines are rejoined before, where
/// NFKC makes spaces (ideographic, no-break and thin spaces) and where the pass starts over for Traditional.
@Suite struct SeparatorTests {
    @Test func separatorsNotedWhileFoldingGiveTheSameTextAsAScan() {
        let pieces = ["3", "929", ".90", "亿元", " ", "  ", "\u{3000}", "\u{00A0}", "\u{2009}", ",", "，", "000", "8,000,000.00",
                      "山 东 省", "到 2020 年", "\n", "发展", "經濟", "關於發國", "㍻", "(一)", "。", "、", "A B", "5 %", "\t"]
        var rng = SplitMix(state: 1008)
        // The fixtures as decoded (the GB18030 and Big5 ones too).
        let fixtures = Repo.fixtureNames.compactMap { name -> String? in
            let path = Repo.docs.appendingPathComponent(name).path
            guard let bytes = try? FileInput.read(path), let d = try? TextDecoder.decode(bytes, path: path) else { return nil }
            return makeString(d.scalars)
        }
        #expect(fixtures.count == Repo.fixtureNames.count)
        var texts = fixtures
        for _ in 0..<400 { texts.append((0..<Int.random(in: 1...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()) }
        // Fixture paragraphs broken across lines (rejoined before the digit-group pass).
        for f in fixtures { texts.append(f.replacingOccurrences(of: "，", with: "，\n")) }
        for text in texts {
            let original = scalars(text)
            let noted = TextNormalizer.normalize(original)
            let scanned = TextNormalizer.normalize(original, html: false, scanForSeparators: true)
            #expect(noted.chars == scanned.chars && noted.origin == scanned.origin, "\(text.prefix(80))")
        }
    }
}
