// ICUBridge — the one module that calls the system ICU.
//
// It imports no Foundation (Foundation carries its own ICU, and a module that sees both does not
// compile) and exposes only Swift types: UTF-16 code units in, Swift values out. ICU handles are not
// thread-safe, so every type that owns one is a class meant to be used by one task at a time.

@_implementationOnly import CICU

@inline(__always) private func failed(_ code: UErrorCode) -> Bool { code.rawValue > 0 }

/// One candidate from ICU's charset detector.
package struct CharsetGuess: Sendable, Equatable {
    package let name: String
    package let confidence: Int
}

/// The outcome of a strict conversion: the UTF-16 text, or the byte offset where it stopped.
package enum StrictDecodeResult: Sendable {
    case decoded([UInt16])
    case invalid(byteOffset: Int)
    case unknownCharset
}

package enum ICUCharsets {
    /// Every charset ICU's detector finds plausible for `bytes`, best first.
    package static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> [CharsetGuess] {
        CharsetWorkbench().detect(bytes)
    }

    /// Converts `bytes` from `charset` to UTF-16, refusing (never replacing) any byte sequence that
    /// does not decode, and reporting the offset of the first such byte.
    package static func decodeStrictly(_ bytes: UnsafeBufferPointer<UInt8>, charset: String) -> StrictDecodeResult {
        var status = U_ZERO_ERROR
        guard let converter = cicu_ucnv_open(charset, &status), !failed(status) else { return .unknownCharset }
        defer { cicu_ucnv_close(converter) }
        cicu_ucnv_setStopOnError(converter, &status)
        if failed(status) { return .unknownCharset }
        return convert(bytes, with: converter)
    }

    static func convert(_ bytes: UnsafeBufferPointer<UInt8>, with converter: OpaquePointer) -> StrictDecodeResult {
        cicu_ucnv_reset(converter)
        var status = U_ZERO_ERROR
        if bytes.isEmpty { return .decoded([]) }
        let base = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
        var consumed = 0
        // Written in place (no zero-filled array first): the converter fills the first `written` units.
        let output = [UInt16](unsafeUninitializedCapacity: bytes.count * 2 + 16) { out, written in
            var target: UnsafeMutablePointer<UChar>? = out.baseAddress!
            var source: UnsafePointer<CChar>? = base
            cicu_ucnv_toUnicode(converter, &target, out.baseAddress! + out.count,
                                &source, base + bytes.count, 1, &status)
            written = target! - out.baseAddress!
            consumed = source! - base
        }
        if failed(status) {
            var invalid = [CChar](repeating: 0, count: 32)
            var invalidLength: Int8 = 32
            var s = U_ZERO_ERROR
            cicu_ucnv_getInvalidChars(converter, &invalid, &invalidLength, &s)
            let bad = failed(s) ? 0 : Int(invalidLength)
            return .invalid(byteOffset: max(0, consumed - bad))
        }
        return .decoded(output)
    }
}

extension ICUCharsets {
    /// Encodes UTF-16 text in `charset`, or nil when a character cannot be encoded there.
    package static func encode(_ text: [UInt16], charset: String) -> [UInt8]? {
        var status = U_ZERO_ERROR
        guard let converter = cicu_ucnv_open(charset, &status), !failed(status) else { return nil }
        defer { cicu_ucnv_close(converter) }
        cicu_ucnv_setFromUStop(converter, &status)
        var output = [CChar](repeating: 0, count: text.count * 4 + 16)
        let length = text.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                cicu_ucnv_fromUChars(converter, dst.baseAddress, Int32(dst.count), src.baseAddress, Int32(src.count), &status)
            }
        }
        if failed(status) { return nil }
        return output.prefix(Int(length)).map { UInt8(bitPattern: $0) }
    }
}

/// A charset detector and strict converters, opened once and reused (opening them costs far more than
/// detecting a short document). One instance per task.
package final class CharsetWorkbench {
    private var detector: OpaquePointer?
    private var converters: [String: OpaquePointer] = [:]

    package init() {
        var status = U_ZERO_ERROR
        let d = cicu_ucsdet_open(&status)
        detector = failed(status) ? nil : d
    }

    deinit {
        if let detector { cicu_ucsdet_close(detector) }
        for (_, c) in converters { cicu_ucnv_close(c) }
    }

    package func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> [CharsetGuess] {
        guard let detector, let base = bytes.baseAddress else { return [] }
        var status = U_ZERO_ERROR
        cicu_ucsdet_setText(detector, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), &status)
        if failed(status) { return [] }
        var count: Int32 = 0
        guard let matches = cicu_ucsdet_detectAll(detector, &count, &status), !failed(status) else { return [] }
        var guesses: [CharsetGuess] = []
        for i in 0..<Int(count) {
            var s = U_ZERO_ERROR
            guard let match = matches[i], let cname = cicu_ucsdet_getName(match, &s), !failed(s) else { continue }
            guesses.append(CharsetGuess(name: String(cString: cname), confidence: Int(cicu_ucsdet_getConfidence(match, &s))))
        }
        return guesses
    }

    package func decodeStrictly(_ bytes: UnsafeBufferPointer<UInt8>, charset: String) -> StrictDecodeResult {
        var converter = converters[charset]
        if converter == nil {
            var status = U_ZERO_ERROR
            guard let c = cicu_ucnv_open(charset, &status), !failed(status) else { return .unknownCharset }
            cicu_ucnv_setStopOnError(c, &status)
            if failed(status) { cicu_ucnv_close(c); return .unknownCharset }
            converters[charset] = c
            converter = c
        }
        return ICUCharsets.convert(bytes, with: converter!)
    }
}

/// ICU's sentence break iterator (locale zh), opened once and reused for every text. One instance per task.
package final class SentenceBreaker {
    private var raw: OpaquePointer?
    private var empty: [UInt16] = [0x20]

    package init() {
        var status = U_ZERO_ERROR
        let h = empty.withUnsafeBufferPointer { cicu_ubrk_open_sentence($0.baseAddress!, 1, &status) }
        raw = failed(status) ? nil : h
    }

    deinit { if let raw { cicu_ubrk_close(raw) } }

    /// Appends to `result` the UTF-16 offsets, plus `offset`, at which sentences end (each boundary after
    /// the first), for `text`, which the iterator reads only during the call.
    package func boundaries(_ text: UnsafeBufferPointer<UInt16>, offset: Int, into result: inout [Int]) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        guard let raw else { result.append(text.count + offset); return }
        var status = U_ZERO_ERROR
        cicu_ubrk_setText(raw, base, Int32(text.count), &status)
        if failed(status) { result.append(text.count + offset); return }
        _ = cicu_ubrk_first(raw)
        while true {
            let next = cicu_ubrk_next(raw)
            if next < 0 { break }
            result.append(Int(next) + offset)
        }
    }

    /// The UTF-16 offsets at which sentences end (each boundary after the first), for `text`.
    package func boundaries(_ text: [UInt16]) -> [Int] {
        var result: [Int] = []
        text.withUnsafeBufferPointer { boundaries($0, offset: 0, into: &result) }
        return result
    }
}

/// The Sentence_Break property (UAX #29), with ICU's numbering of its values.
package enum SentenceBreak: UInt8, CaseIterable, Sendable {
    case other = 0, aTerm, close, format, lower, numeric, oLetter, sep, sp, sTerm, upper, cr, extend, lf, sContinue

    /// The value of every character of the Basic Multilingual Plane (65 536 entries), from ICU's
    /// character properties.
    package static func planeValues() -> [SentenceBreak] {
        (0..<0x10000).map { c in SentenceBreak(rawValue: UInt8(truncatingIfNeeded: cicu_sentence_break(UChar32(c)))) ?? .other }
    }
}

package enum ICUNormalizer {
    /// NFKC of `text`, or nil if ICU reports an error.
    package static func nfkc(_ text: [UInt16]) -> [UInt16]? {
        var status = U_ZERO_ERROR
        guard let normalizer = cicu_unorm2_nfkc(&status), !failed(status) else { return nil }
        var capacity = text.count * 4 + 16
        while true {
            var output = [UInt16](repeating: 0, count: capacity)
            status = U_ZERO_ERROR
            let length = text.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    cicu_unorm2_normalize(normalizer, input.baseAddress, Int32(input.count),
                                          out.baseAddress, Int32(out.count), &status)
                }
            }
            if status == U_BUFFER_OVERFLOW_ERROR { capacity = Int(length) + 16; continue }
            if failed(status) { return nil }
            output.removeSubrange(Int(length)...)
            return output
        }
    }
}

/// An ICU transliterator such as `Traditional-Simplified`. One instance per task.
package final class Transliterator {
    private let raw: UnsafeMutableRawPointer
    private var handle: UnsafeMutablePointer<UTransliterator?> { raw.assumingMemoryBound(to: UTransliterator?.self) }

    package init?(id: String) {
        let units = Array(id.utf16)
        var status = U_ZERO_ERROR
        guard let h = units.withUnsafeBufferPointer({ cicu_utrans_open($0.baseAddress, Int32($0.count), &status) }),
              !failed(status) else { return nil }
        raw = UnsafeMutableRawPointer(h)
    }

    deinit { cicu_utrans_close(handle) }

    package func transliterate(_ text: [UInt16]) -> [UInt16]? {
        var capacity = text.count * 2 + 16
        while true {
            var buffer = text + [UInt16](repeating: 0, count: capacity - text.count)
            var length = Int32(text.count)
            var limit = Int32(text.count)
            var status = U_ZERO_ERROR
            buffer.withUnsafeMutableBufferPointer { b in
                cicu_utrans_transUChars(handle, b.baseAddress, &length, Int32(capacity), 0, &limit, &status)
            }
            if status == U_BUFFER_OVERFLOW_ERROR { capacity = Int(length) * 2 + 16; continue }
            if failed(status) { return nil }
            buffer.removeSubrange(Int(length)...)
            return buffer
        }
    }
}

/// Reads Chinese numerals (三千八百三十, 两千, 二〇二五, 五千亿) with ICU's rule-based spell-out
/// format for locale `zh`. One instance per task.
package final class SpelloutReader {
    private let raw: UnsafeMutableRawPointer
    private var handle: UnsafeMutablePointer<UNumberFormat?> { raw.assumingMemoryBound(to: UNumberFormat?.self) }

    package init?() {
        var status = U_ZERO_ERROR
        guard let h = cicu_unum_open_spellout("zh", &status), !failed(status) else { return nil }
        raw = UnsafeMutableRawPointer(h)
    }

    deinit { cicu_unum_close(handle) }

    /// The value of the whole of `text`, or nil when ICU cannot read all of it.
    package func value(of text: [UInt16]) -> Double? {
        if text.isEmpty { return nil }
        var position: Int32 = 0
        var status = U_ZERO_ERROR
        let v = text.withUnsafeBufferPointer { b in
            cicu_unum_parseDouble(handle, b.baseAddress, Int32(b.count), &position, &status)
        }
        if failed(status) || Int(position) != text.count { return nil }
        return v
    }
}
