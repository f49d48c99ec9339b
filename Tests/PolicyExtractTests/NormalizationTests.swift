import Foundation
import Testing
import ICUBridge
@testable import PolicyExtract

/// Traditional characters are mapped to Simplified ones for matching, when a document holds enough of them.
@Suite struct TraditionalConversionTests {
    @Test func traditionalIsConvertedForMatching() {
        let r = DocumentExtractor().extract(text: "到二〇二五年，營業收入達到一千二百億元，規模以上企業達到650家。")
        #expect(r.info.convertedTraditional)
        #expect(r.amounts().map(\.text) == ["一千二百億元"])
        #expect(r.amounts().first?.q == "reach")
    }

    /// Four distinct Traditional characters make a document Traditional, wherever the fourth stands (the
    /// folding pass starts over, converting, when it meets it), also after characters that NFKC expands;
    /// three do not.
    @Test func traditionalThresholdIsFoundWhereverTheFourthStands() {
        let sentence = "到2025年，营业收入达到1200亿元。"
        for (extra, converted) in [("關於發", false), ("關於發國", true), ("關關於於發發", false), ("國關於發", true)] {
            let head = String(extra.prefix(2)), tail = String(extra.dropFirst(2))
            // NFKC expands ㍻ (one character, two) and ㈱ (one, three), before and after the Traditional ones.
            for text in ["㍻㈱\(extra)。\(sentence)", "㍻\(head)。\(sentence)㈱\(tail)", "\(sentence)㍻㈱\(extra)"] {
                let r = DocumentExtractor().extract(text: text)
                #expect(r.info.convertedTraditional == converted, "\(text)")
                let normalized = makeString(r.text.chars)
                #expect(normalized.contains("平成") && normalized.contains("(株)"), "\(normalized)")
                #expect(normalized.contains("关") == converted && normalized.contains("關") == !converted, "\(normalized)")
                #expect(r.amounts().map(\.yi) == ["1200"], "\(text)")
                for a in r.items(AmountMatcher.id) { #expect(makeString(r.text.original[a.span.start..<a.span.end]) == a.text) }
            }
        }
    }
}

/// The normalizer's character tables are built at start-up in few ICU calls; built one character at a time
/// (the way each character is normalized by itself) they must come out the same.
@Suite struct NormalizationTableTests {
    @Test func batchedNFKCEqualsOneCharacterAtATime() {
        let batched = NormalizationTables.foldTable(batched: true)
        let single = NormalizationTables.foldTable(batched: false)
        #expect(batched.index == single.index)
        #expect(batched.pool == single.pool)
        // Some characters the table must fold: full-width A, the ideographic space, ㎡, ①, half-width ｶ.
        for (c, folded) in [(0xFF21, [0x41]), (0x3000, [0x20]), (0x33A1, [0x6D, 0x32]), (0x2460, [0x31]), (0xFF76, [0x30AB])] as [(Int, [UInt32])] {
            #expect(batched.index[c] >= 0 && batched.pool[Int(batched.index[c])] == folded, "U+\(String(c, radix: 16))")
        }
    }

    @Test func chunkedTransliterationEqualsOneCall() {
        let chunked = NormalizationTables.simplifiedTable(chunk: 512)
        let whole = NormalizationTables.simplifiedTable(chunk: 0x9FFF - 0x4E00 + 1)
        #expect(chunked == whole)
        // 營 → 营, 億 → 亿, 達 → 达; 中 has no other form.
        for (t, s) in [(0x71DF, 0x8425), (0x5104, 0x4EBF), (0x9054, 0x8FBE), (0x4E2D, 0)] as [(Int, UInt32)] {
            #expect(chunked[t - 0x4E00] == s)
        }
    }
}

/// Ranges cut out of the normalizer's arrays in place keep exactly the elements outside them, in order.
@Suite struct RemoveRangesTests {
    @Test func removingRangesInPlaceKeepsTheRestInOrder() {
        var rng = SplitMix(state: 1009)
        for _ in 0..<500 {
            let n = Int.random(in: 0...200, using: &rng)
            var ranges: [Range<Int>] = []
            var at = 0
            while at < n {
                let gap = Int.random(in: 0...20, using: &rng), length = Int.random(in: 1...6, using: &rng)
                let lower = at + gap
                if lower >= n { break }
                ranges.append(lower..<min(n, lower + length))
                at = ranges.last!.upperBound
            }
            var a = (0..<n).map { UInt32($0) }
            let expected = a.indices.filter { i in !ranges.contains { $0.contains(i) } }.map { UInt32($0) }
            removeRanges(&a, ranges)
            #expect(a == expected, "\(n) \(ranges)")
        }
    }
}
