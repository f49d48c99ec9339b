import Foundation
import Testing
import ICUBridge
@testable import PolicyExtract

/// Strings made from scalar values (copied in without being validated again) against the standard
/// library's own: the same bytes, characters, equality and hash, at every length from empty to long; values
/// that are not scalars (surrogates, beyond U+10FFFF) are left out.
@Suite struct MakeStringTests {
    @Test func agreesWithStandardLibrary() {
        var rng = SplitMix(state: 1012)
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0x80...0x7FF, 0x4E00...0x9FFF, 0xE000...0xFFFD, 0x10000...0x10FFFF]
        for _ in 0..<3000 {
            let length = Int.random(in: 0...80, using: &rng)
            let asciiOnly = Bool.random(using: &rng)
            var values: [UInt32] = (0..<length).map { _ in
                (asciiOnly ? pools[0] : pools.randomElement(using: &rng)!).randomElement(using: &rng)!
            }
            var expectedScalars = values.compactMap(Unicode.Scalar.init)
            if !asciiOnly, length > 0, Bool.random(using: &rng) {
                values.insert([0xD800, 0xDFFF, 0x110000].randomElement(using: &rng)!, at: Int.random(in: 0...values.count, using: &rng))
                expectedScalars = values.compactMap(Unicode.Scalar.init)
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: expectedScalars)
            let expected = String(view)
            let made = makeString(values)
            #expect(made == expected)
            #expect(Array(made.utf8) == Array(expected.utf8))
            #expect(made.count == expected.count)
            #expect(made.hashValue == expected.hashValue)
            #expect(Set([made, expected]).count == 1)
        }
        #expect(makeString(scalars("abc")) == "abc" && makeString(scalars("abc")).hasPrefix("ab"))
        #expect(makeString(scalars("集群 ")).trimmingSpaces == "集群")
        // Characters left out, and texts long enough for the buffer not to be on the stack.
        for length in [1, 7, 100, 5_000, 70_000] {
            var values: [UInt32] = []
            for k in 0..<length {
                if k % 3 == 0 { values.append(0x20) } else if k % 5 == 0 { values.append(0x41) } else { values.append(UInt32(0x4E00 + k % 500)) }
            }
            let kept = values.filter { $0 != 0x20 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: kept.compactMap(Unicode.Scalar.init))
            #expect(makeString(values, without: { $0 == 0x20 }) == String(view))
            #expect(makeString(values, without: { _ in true }) == "")
            let utf8Length = values.reduce(0) { (sum: Int, c: UInt32) in sum + (c < 0x80 ? 1 : 3) }
            #expect(Array(makeString(values).utf8).count == utf8Length)
        }
    }
}
