import Foundation
import Testing
import ICUBridge
@testable import PolicyExtract

/// Control characters are found wherever they stand; tab, line feed, carriage return and form feed are text.
@Suite struct ControlCharacterTests {
    @Test func foundAtEveryPosition() {
        let allowed: [UInt32] = [0x09, 0x0A, 0x0D, 0x0C]
        for n in 1...40 {
            for at in 0..<n {
                var text = (0..<n).map { k in k % 5 == 0 ? allowed[k % allowed.count] : UInt32(0x4E00 + k) }
                #expect(TextDecoder.firstControl(text) == nil)
                text[at] = at % 2 == 0 ? 0x00 : 0x1B
                #expect(TextDecoder.firstControl(text) == at, "length \(n), control at \(at)")
            }
        }
    }

    /// The UTF-8 decoder finds them on its way (ASCII read four bytes at a time, one at a time, and in the
    /// last bytes), among ASCII and Chinese text and the allowed controls, and decoding refuses the file.
    @Test func foundByTheUTF8Decoder() throws {
        for n in 1...40 {
            for at in 0..<n {
                for control: UInt32 in [0x00, 0x1B, 0x1F] {
                    let allowed: [UInt32] = [0x09, 0x0A, 0x0D, 0x0C]
                    var text: [UInt32] = []
                    for k in 0..<n {
                        if k % 5 == 0 { text.append(allowed[k % 4]) } else if k % 3 == 0 { text.append(UInt32(0x4E00 + k)) } else { text.append(UInt32(0x41 + k % 26)) }
                    }
                    let clean = Array(makeString(text).utf8)
                    text[at] = control
                    let bytes = Array(makeString(text).utf8)
                    let outcome = bytes.withUnsafeBufferPointer { UTF8Scanner.decode($0) }
                    guard case .success(let scalars, let found) = outcome else { Issue.record("not decoded"); continue }
                    #expect(scalars == text && found == at, "length \(n), control at \(at)")
                    #expect(throws: InputError.self) { try TextDecoder.decode(bytes, path: "a") }
                    if case .success(_, let none) = clean.withUnsafeBufferPointer({ UTF8Scanner.decode($0) }) { #expect(none == nil) }
                }
            }
        }
    }
}
