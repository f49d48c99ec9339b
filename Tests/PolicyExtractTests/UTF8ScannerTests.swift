import Foundation
import Testing
import ICUBridge
@testable import PolicyExtract

/// The strict UTF-8 scanner against the standard library's validation, on random and edge-case bytes.
@Suite struct UTF8ScannerTests {
    @Test func agreesWithStandardLibrary() {
        var rng = SplitMix(state: 1010)
        let pieces: [[UInt8]] = [
            [0x41], [0xE4, 0xB8, 0xAD], [0xEF, 0xBC, 0x8C], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xC0, 0xAF], [0xC2, 0xA9], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xE4, 0xB8], [0x80], [0xE9], [0x0A], [0x01], [0x1F], [0x09, 0x0D, 0x0C], [0x41, 0x42, 0x43],
        ]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            let expected = String(validating: bytes, as: UTF8.self).map { $0.unicodeScalars.map(\.value) }
            let got: [UInt32]? = bytes.withUnsafeBufferPointer { buffer in
                if case .success(let scalars, let control) = UTF8Scanner.decode(buffer) {
                    #expect(control == TextDecoder.firstControl(scalars))
                    return scalars
                }
                return nil
            }
            #expect(got == expected, "\(bytes.map { String($0, radix: 16) })")
        }
    }

    /// Long runs of three-byte sequences (read twelve bytes at a time), with an overlong form, a
    /// surrogate, a truncated sequence or an ASCII byte at any place in the run.
    @Test func threeByteRunsAgreeWithStandardLibrary() {
        var rng = SplitMix(state: 1011)
        let valid: [[UInt8]] = [[0xE4, 0xB8, 0xAD], [0xEF, 0xBC, 0x8C], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xE9, 0xBF, 0xBF]]
        let odd: [[UInt8]] = [[0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xE4, 0xB8], [0x41], [0xC2, 0xA9], [0xE4, 0x38, 0xAD]]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            let length = Int.random(in: 0...20, using: &rng)
            let oddAt = Int.random(in: -1..<max(length, 1), using: &rng)
            for k in 0..<length { bytes += k == oddAt ? odd.randomElement(using: &rng)! : valid.randomElement(using: &rng)! }
            let expected = String(validating: bytes, as: UTF8.self).map { $0.unicodeScalars.map(\.value) }
            let got: [UInt32]? = bytes.withUnsafeBufferPointer { buffer in
                if case .success(let scalars, let control) = UTF8Scanner.decode(buffer) {
                    #expect(control == TextDecoder.firstControl(scalars))
                    return scalars
                }
                return nil
            }
            #expect(got == expected, "\(bytes.map { String($0, radix: 16) })")
        }
    }
}
