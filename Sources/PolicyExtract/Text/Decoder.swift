import ICUBridge

/// Why a file could not be turned into text.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable, Codable {
        case empty, binary, undecodable, unreadable, notAFile = "not_a_file", tooLarge = "too_large", unsupported
    }
    public var path: String
    public var reason: Reason
    public var message: String
    public var byteOffset: Int?

    public init(path: String, reason: Reason, message: String, byteOffset: Int? = nil) {
        self.path = path
        self.reason = reason
        self.message = message
        self.byteOffset = byteOffset
    }

    public var description: String {
        var text = "\(path): \(message)"
        if let byteOffset { text += " (byte offset \(byteOffset))" }
        return text
    }
}

/// Decoded text: the original Unicode scalars, and the encoding they were read from.
package struct DecodedText: Sendable {
    /// The original text as Unicode scalar values. Every span the tool reports indexes this array.
    package var scalars: [UInt32]
    /// The encoding found: `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `UTF-16BE`, `GB18030` or `Big5`.
    package var encoding: String
}

/// Decode — turns bytes into text, detecting the charset.
///
/// Accepts UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, GB18030 (which covers GBK and GB2312)
/// and Big5, detected with ICU's charset detector. Anything else — binary data, bytes that no supported
/// encoding decodes cleanly — is an `InputError` naming the byte offset; bytes are never replaced and
/// never guessed into Latin-1.
package enum TextDecoder {

    package static func decode(_ bytes: [UInt8], path: String, workbench: CharsetWorkbench? = nil) throws -> DecodedText {
        if bytes.isEmpty {
            throw InputError(path: path, reason: .empty, message: "file is empty")
        }
        return try bytes.withUnsafeBufferPointer { buffer in
            try decode(buffer, path: path, workbench: workbench ?? CharsetWorkbench())
        }
    }

    /// How many bytes the charset detector sees first, and how many when its answer is uncertain (see
    /// `uncertain`); how close two confidences are for the answer to be uncertain.
    static let detectionSample = 128
    static let detectionRetrySample = 400
    static let uncertainMargin = 15
    /// The detector's names (upper-cased) for the supported legacy encodings, with the converter each one is
    /// decoded with; and its names for the other East Asian multi-byte encodings.
    static let legacyCharsets: [String: String] = ["GB18030": "GB18030", "GBK": "GB18030", "GB2312": "GB18030", "BIG5": "Big5"]
    static let otherCJK: Set<String> = ["SHIFT_JIS", "EUC-JP", "EUC-KR", "ISO-2022-JP", "ISO-2022-KR", "ISO-2022-CN"]

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String, workbench: CharsetWorkbench) throws -> DecodedText {
        // Byte-order marks decide first.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let body = UnsafeBufferPointer(rebasing: bytes[3...])
            switch UTF8Scanner.decode(body) {
            case .success(let scalars, let control): return try checked(DecodedText(scalars: scalars, encoding: "UTF-8 (BOM)"), path: path, firstControl: control)
            case .failure(let offset):
                throw InputError(path: path, reason: .undecodable, message: "invalid UTF-8 after a UTF-8 byte-order mark", byteOffset: offset + 3)
            }
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let charset = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            let body = UnsafeBufferPointer(rebasing: bytes[2...])
            if body.count % 2 != 0 {
                throw InputError(path: path, reason: .undecodable, message: "\(charset) text with an odd number of bytes", byteOffset: bytes.count - 1)
            }
            switch workbench.decodeStrictly(body, charset: charset) {
            case .decoded(let units):
                let text = DecodedText(scalars: UTF16Text.scalars(units), encoding: charset)
                return try checked(text, path: path, firstControl: firstControl(text.scalars))
            case .invalid(let offset):
                throw InputError(path: path, reason: .undecodable, message: "invalid \(charset) (unpaired surrogate)", byteOffset: offset + 2)
            case .unknownCharset:
                throw InputError(path: path, reason: .unsupported, message: "this ICU has no \(charset) converter")
            }
        }
        // Plain UTF-8 is by far the most common and is checked exactly, without guessing.
        let utf8Failure: Int
        switch UTF8Scanner.decode(bytes) {
        case .success(let scalars, let control): return try checked(DecodedText(scalars: scalars, encoding: "UTF-8"), path: path, firstControl: control)
        case .failure(let offset): utf8Failure = offset
        }
        if let zero = bytes.firstIndex(of: 0) {
            throw InputError(path: path, reason: .binary, message: "binary data (NUL byte), not text", byteOffset: zero)
        }
        // Legacy Chinese encodings: ask ICU which is likely, then decode strictly.
        // The detector's time grows with what it is given (here: ~55 µs for 128 bytes, ~100 µs for 200, ~170 µs
        // for 320), nearly all of it in recognizers of single-byte encodings whose guesses are not read. It sees
        // 128 bytes from the first non-ASCII byte (a lead byte, since everything before it is ASCII), and 400
        // when that leaves it uncertain: over 2 448 windows of Chinese in GB18030 and Big5 and of Japanese and
        // Korean text, this decided every one right (15 of the 965 Chinese ones took the second look), where 200 bytes at once
        // decided one wrong. The whole file is then decoded strictly.
        let firstWide = bytes.firstIndex { $0 >= 0x80 } ?? 0
        func detect(_ length: Int) -> [CharsetGuess] {
            workbench.detect(UnsafeBufferPointer(rebasing: bytes[firstWide..<min(bytes.count, firstWide + length)]))
        }
        var guesses = detect(Self.detectionSample)
        if bytes.count - firstWide > Self.detectionSample, Self.uncertain(guesses) { guesses = detect(Self.detectionRetrySample) }
        // Japanese and Korean multi-byte text also decodes as GB18030 (into nonsense): when the detector is
        // surer of one of those encodings than of either supported one, the file is refused.
        let supportedBest = guesses.filter { Self.legacyCharsets[$0.name.uppercased()] != nil }.map(\.confidence).max() ?? 0
        if let other = guesses.filter({ Self.otherCJK.contains($0.name.uppercased()) }).max(by: { $0.confidence < $1.confidence }),
           other.confidence > supportedBest {
            throw InputError(path: path, reason: .unsupported,
                             message: "text in \(other.name), which is not supported (ICU's charset detector: confidence \(other.confidence), against \(supportedBest) for GB18030 or Big5)")
        }
        var order: [String] = []
        for guess in guesses where guess.confidence >= 10 {
            if let charset = Self.legacyCharsets[guess.name.uppercased()], !order.contains(charset) { order.append(charset) }
        }
        var furthest = (charset: "UTF-8", offset: utf8Failure)
        for charset in order {
            switch workbench.decodeStrictly(bytes, charset: charset) {
            case .decoded(let units):
                let text = DecodedText(scalars: UTF16Text.scalars(units), encoding: charset)
                if firstControl(text.scalars) != nil { continue }
                return text
            case .invalid(let offset):
                if offset > furthest.offset { furthest = (charset, offset) }
            case .unknownCharset:
                continue
            }
        }
        let tried = (["UTF-8"] + order).joined(separator: ", ")
        throw InputError(path: path, reason: .undecodable,
                         message: "not text in a supported encoding (tried \(tried); \(furthest.charset) fails first at the byte offset given)",
                         byteOffset: furthest.offset)
    }

    /// True when the detector's guesses do not decide: no supported encoding above its floor of 10 (too few
    /// multi-byte characters seen), GB18030 and Big5 within `uncertainMargin` of each other, or the best of
    /// them within it of a Japanese or Korean encoding.
    static func uncertain(_ guesses: [CharsetGuess]) -> Bool {
        var gb = 0, big5 = 0, other = 0
        for g in guesses {
            let name = g.name.uppercased()
            if let charset = legacyCharsets[name] {
                if charset == "Big5" { big5 = max(big5, g.confidence) } else { gb = max(gb, g.confidence) }
            } else if otherCJK.contains(name) {
                other = max(other, g.confidence)
            }
        }
        let supported = max(gb, big5)
        return supported <= 10 || abs(supported - other) <= uncertainMargin || (gb >= 10 && big5 >= 10 && abs(gb - big5) <= uncertainMargin)
    }

    /// Rejects decoded text that holds control characters other than tab, line feed, carriage return
    /// and form feed: such files are binary whatever their bytes happen to decode to.
    /// `firstControl` is the index of the first one (nil: none), found by the UTF-8 decoder or by `firstControl(_:)`.
    static func checked(_ text: DecodedText, path: String, firstControl: Int?) throws -> DecodedText {
        if let index = firstControl {
            throw InputError(path: path, reason: .binary,
                             message: "binary data (control character \(hex4(text.scalars[index])) at character \(index)), not text")
        }
        if text.scalars.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xFEFF }) {
            throw InputError(path: path, reason: .empty, message: "file holds no text (only whitespace)")
        }
        return text
    }

    static func firstControl(_ scalars: [UInt32]) -> Int? {
        scalars.withUnsafeBufferPointer { s in
            // Eight at a time while none is a control character other than tab, line feed, carriage return
            // and form feed; then one by one from the first eight that hold one.
            var start = 0
            if let base = s.baseAddress {
                let raw = UnsafeRawPointer(base)
                let space = SIMD8<UInt32>(repeating: 0x20), tab = SIMD8<UInt32>(repeating: 0x09), lf = SIMD8<UInt32>(repeating: 0x0A)
                let cr = SIMD8<UInt32>(repeating: 0x0D), ff = SIMD8<UInt32>(repeating: 0x0C)
                while start + 8 <= s.count {
                    let v = raw.loadUnaligned(fromByteOffset: start &* 4, as: SIMD8<UInt32>.self)
                    let control = (v .< space) .& (v .!= tab) .& (v .!= lf) .& (v .!= cr) .& (v .!= ff)
                    if any(control) { break }
                    start &+= 8
                }
            }
            for i in start..<s.count where s[i] < 0x20 {
                let c = s[i]
                if c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C { continue }
                return i
            }
            return nil
        }
    }
}

func hex4(_ code: UInt32) -> String {
    var hex = String(code, radix: 16, uppercase: true)
    while hex.count < 4 { hex = "0" + hex }
    return "U+" + hex
}

/// A strict UTF-8 decoder over raw bytes (overlongs, surrogates and out-of-range values rejected).
enum UTF8Scanner {
    /// The scalars with the index of the first control character other than tab, line feed, carriage return
    /// and form feed (found on the way: they are ASCII bytes), or the byte offset where the text stops being
    /// UTF-8.
    enum Outcome { case success([UInt32], firstControl: Int?), failure(Int) }

    /// The control characters a text may hold, one bit each: tab, line feed, form feed, carriage return.
    static let textControls: UInt32 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D
    /// A byte below 0x20 that is not tab, line feed, form feed or carriage return.
    @inline(__always) static func isControl(_ b: UInt32) -> Bool { b < 0x20 && (textControls &>> b) & 1 == 0 }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let n = bytes.count
        var failure = -1
        var control = Int.max
        // Never more scalars than bytes: write straight into the array's storage.
        let scalars = [UInt32](unsafeUninitializedCapacity: n) { out, written in
            var i = 0, k = 0
            defer { written = k }
            guard let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            while i < n {
                // Four bytes read as one word while four remain: four ASCII characters at once, one ASCII
                // character, or a three-byte sequence (most Chinese text) tested with one mask and its value
                // range; anything else, and the last three bytes, go to the byte-by-byte tests below.
                while i &+ 4 <= n {
                    // Twelve bytes that are four three-byte sequences (a run of Chinese text): one mask test,
                    // four characters, one range test for all four.
                    while i &+ 12 <= n {
                        let a = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian
                        let b = UInt64(raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt32.self).littleEndian)
                        guard a & 0xC0F0_C0C0_F0C0_C0F0 == 0x80E0_8080_E080_80E0, b & 0xC0C0_F0C0 == 0x8080_E080 else { break }
                        let c0 = (a & 0x0F) &<< 12 | ((a &>> 8) & 0x3F) &<< 6 | ((a &>> 16) & 0x3F)
                        let c1 = ((a &>> 24) & 0x0F) &<< 12 | ((a &>> 32) & 0x3F) &<< 6 | ((a &>> 40) & 0x3F)
                        let c2 = ((a &>> 48) & 0x0F) &<< 12 | ((a &>> 56) & 0x3F) &<< 6 | (b & 0x3F)
                        let c3 = ((b &>> 8) & 0x0F) &<< 12 | ((b &>> 16) & 0x3F) &<< 6 | ((b &>> 24) & 0x3F)
                        // Not overlong (below U+0800) and not a surrogate (U+D800–DFFF), tested without branches.
                        let overlong = (c0 &- 0x800) | (c1 &- 0x800) | (c2 &- 0x800) | (c3 &- 0x800)
                        let surrogate = (c0 & 0xF800 == 0xD800) || (c1 & 0xF800 == 0xD800) || (c2 & 0xF800 == 0xD800) || (c3 & 0xF800 == 0xD800)
                        if overlong & (1 &<< 63) != 0 || surrogate { break }
                        out[k] = UInt32(truncatingIfNeeded: c0); out[k &+ 1] = UInt32(truncatingIfNeeded: c1)
                        out[k &+ 2] = UInt32(truncatingIfNeeded: c2); out[k &+ 3] = UInt32(truncatingIfNeeded: c3)
                        k &+= 4; i &+= 12
                    }
                    if i &+ 4 > n { break }
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian
                    if w & 0x8080_8080 == 0 {
                        out[k] = w & 0x7F; out[k &+ 1] = (w &>> 8) & 0x7F; out[k &+ 2] = (w &>> 16) & 0x7F; out[k &+ 3] = w &>> 24
                        // A byte below 0x20 among the four (a line feed, mostly): each is looked at.
                        if (w &- 0x2020_2020) & ~w & 0x8080_8080 != 0 {
                            for j in 0..<4 where isControl(out[k &+ j]) { control = Swift.min(control, k &+ j) }
                        }
                        k &+= 4; i &+= 4; continue
                    }
                    if w & 0x80 == 0 {
                        out[k] = w & 0x7F
                        if isControl(w & 0x7F) { control = Swift.min(control, k) }
                        k &+= 1; i &+= 1; continue
                    }
                    if w & 0x00C0_C0F0 == 0x0080_80E0 {
                        let c = (w & 0x0F) &<< 12 | ((w &>> 8) & 0x3F) &<< 6 | ((w &>> 16) & 0x3F)
                        // Not overlong (E0 80–9F) and not a surrogate (ED A0–BF).
                        if c >= 0x800 && c & 0xF800 != 0xD800 { out[k] = c; k &+= 1; i &+= 3; continue }
                    }
                    break
                }
                if i == n { break }
                let b0 = bytes[i]
                if b0 < 0x80 {
                    out[k] = UInt32(b0)
                    if isControl(UInt32(b0)) { control = Swift.min(control, k) }
                    k += 1; i += 1; continue
                }
                if b0 < 0xC2 { failure = i; return }
                if b0 < 0xE0 {
                    guard i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 else { failure = i; return }
                    out[k] = UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    k += 1; i += 2; continue
                }
                if b0 < 0xF0 {
                    guard i + 2 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 else { failure = i; return }
                    let c = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    if c < 0x800 || (c >= 0xD800 && c <= 0xDFFF) { failure = i; return }
                    out[k] = c; k += 1; i += 3; continue
                }
                if b0 < 0xF5 {
                    guard i + 3 < n, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80, bytes[i + 3] & 0xC0 == 0x80 else { failure = i; return }
                    let c = UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    if c < 0x10000 || c > 0x10FFFF { failure = i; return }
                    out[k] = c; k += 1; i += 4; continue
                }
                failure = i
                return
            }
        }
        return failure >= 0 ? .failure(failure) : .success(scalars, firstControl: control == Int.max ? nil : control)
    }
}

/// UTF-16 ↔ scalar helpers.
enum UTF16Text {
    static func scalars(_ units: [UInt16]) -> [UInt32] {
        // Never more scalars than units: written straight into the array's storage.
        units.withUnsafeBufferPointer { units in
            [UInt32](unsafeUninitializedCapacity: units.count) { out, k in
                var i = 0
                k = 0
                while i < units.count {
                    let u = UInt32(units[i])
                    if u >= 0xD800, u < 0xDC00, i + 1 < units.count {
                        let v = UInt32(units[i + 1])
                        if v >= 0xDC00, v < 0xE000 {
                            out[k] = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00)
                            k += 1
                            i += 2
                            continue
                        }
                    }
                    out[k] = u
                    k += 1
                    i += 1
                }
            }
        }
    }

    /// UTF-16 units for `scalars`, with, for each unit, the index of the scalar it came from.
    static func units<C: Collection>(_ scalars: C) -> [UInt16] where C.Element == UInt32 {
        // All in the Basic Multilingual Plane (the usual case): one unit each, written in place.
        if !scalars.contains(where: { $0 >= 0x10000 }) {
            return [UInt16](unsafeUninitializedCapacity: scalars.count) { out, n in
                for c in scalars { out[n] = UInt16(truncatingIfNeeded: c); n += 1 }
            }
        }
        var out: [UInt16] = []
        out.reserveCapacity(scalars.count)
        for c in scalars {
            if c < 0x10000 { out.append(UInt16(c)) } else {
                let v = c - 0x10000
                out.append(UInt16(0xD800 + (v >> 10)))
                out.append(UInt16(0xDC00 + (v & 0x3FF)))
            }
        }
        return out
    }
}

/// Builds a Swift string from scalar values.
func makeString<C: Collection>(_ scalars: C) -> String where C.Element == UInt32 {
    makeString(scalars, without: { _ in false })
}

/// Builds a Swift string from the scalar values that `drop` does not name (no intermediate array).
///
/// The UTF-8 is encoded into a temporary buffer (on the stack when short) and copied into the string as a
/// `UTF8Span` known to be well-formed, which the string does not validate again: the encoder writes only
/// well-formed sequences (surrogates and values beyond U+10FFFF are skipped). Validating it again, as
/// `String(unsafeUninitializedCapacity:initializingUTF8With:)` does, took half the instructions of making a
/// string (1 029 against 493 for 14 Chinese characters). Toolchains before Swift 6.2 and systems without
/// `UTF8Span` (Apple's before 26) take that path.
@inline(__always) func makeString<C: Collection>(_ scalars: C, without drop: (UInt32) -> Bool) -> String where C.Element == UInt32 {
    if scalars.isEmpty { return "" }
    // Writes the UTF-8 of the kept scalars; `bits` gathers them all (below 0x80: ASCII).
    func encode(_ out: UnsafeMutableBufferPointer<UInt8>, _ bits: inout UInt32) -> Int {
        var n = 0
        for c in scalars where !drop(c) {
            bits |= c
            if c < 0x80 {
                out[n] = UInt8(c); n += 1
            } else if c < 0x800 {
                out[n] = UInt8(0xC0 | (c >> 6)); out[n + 1] = UInt8(0x80 | (c & 0x3F)); n += 2
            } else if c < 0x10000 {
                if c >= 0xD800 && c <= 0xDFFF { continue }
                out[n] = UInt8(0xE0 | (c >> 12)); out[n + 1] = UInt8(0x80 | ((c >> 6) & 0x3F)); out[n + 2] = UInt8(0x80 | (c & 0x3F)); n += 3
            } else if c <= 0x10FFFF {
                out[n] = UInt8(0xF0 | (c >> 18)); out[n + 1] = UInt8(0x80 | ((c >> 12) & 0x3F))
                out[n + 2] = UInt8(0x80 | ((c >> 6) & 0x3F)); out[n + 3] = UInt8(0x80 | (c & 0x3F)); n += 4
            }
        }
        return n
    }
    #if compiler(>=6.2)
    if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
        // Room for four bytes a scalar, the most one takes: the scalars are read once (a first pass for the
        // exact length cost a fifth of making a string).
        let (room, overflow) = scalars.count.multipliedReportingOverflow(by: 4)
        if !overflow {
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { out in
                var bits: UInt32 = 0
                let n = encode(out, &bits)
                if n == 0 { return "" }
                return String(copying: UTF8Span(unchecked: UnsafeBufferPointer(rebasing: out[0..<n]).span, isKnownASCII: bits < 0x80))
            }
        }
    }
    #endif
    // The exact UTF-8 length first.
    var length = 0
    for c in scalars where !drop(c) {
        length += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? (c >= 0xD800 && c <= 0xDFFF ? 0 : 3) : c <= 0x10FFFF ? 4 : 0
    }
    if length == 0 { return "" }
    return String(unsafeUninitializedCapacity: length) { var bits: UInt32 = 0; return encode($0, &bits) }
}

/// Encodes text in a legacy charset (`GB18030`, `Big5`), for making test copies and archives.
package enum TextEncoder {
    package static func encode(_ text: String, charset: String) -> [UInt8]? {
        ICUCharsets.encode(Array(text.utf16), charset: charset)
    }
}
