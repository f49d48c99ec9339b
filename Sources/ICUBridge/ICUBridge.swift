// ICUBridge — the one module that calls the system ICU.
//
// It calls ICU through ICUShim (a C header that names no ICU type, so nothing clashes with the ICU that
// Foundation carries) and exposes only Swift types: UTF-16 code units in, Swift values out. ICU handles are
// not thread-safe, so every type that owns one is a class meant to be used by one task at a time.

import ICUShim

/// ICU's error codes: above zero an error, below zero a warning (`unum_open`'s U_USING_DEFAULT_WARNING).
@inline(__always) private func failed(_ code: Int32) -> Bool { code > 0 }

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
        var status: Int32 = 0
        guard let converter = icu_shim_converter_open(charset, &status), !failed(status) else { return .unknownCharset }
        defer { icu_shim_converter_close(converter) }
        icu_shim_converter_stop_on_error(converter, &status)
        if failed(status) { return .unknownCharset }
        return convert(bytes, with: converter)
    }

    static func convert(_ bytes: UnsafeBufferPointer<UInt8>, with converter: OpaquePointer) -> StrictDecodeResult {
        icu_shim_converter_reset(converter)
        var status: Int32 = 0
        if bytes.isEmpty { return .decoded([]) }
        let base = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
        var consumed = 0
        // Written in place (no zero-filled array first): the converter fills the first `written` units.
        let output = [UInt16](unsafeUninitializedCapacity: bytes.count * 2 + 16) { out, written in
            var target: UnsafeMutablePointer<UInt16>? = out.baseAddress!
            var source: UnsafePointer<CChar>? = base
            icu_shim_converter_to_unicode(converter, &target, out.baseAddress! + out.count,
                                &source, base + bytes.count, 1, &status)
            written = target! - out.baseAddress!
            consumed = source! - base
        }
        if failed(status) {
            var invalid = [CChar](repeating: 0, count: 32)
            var invalidLength: Int8 = 32
            var s: Int32 = 0
            icu_shim_converter_invalid_chars(converter, &invalid, &invalidLength, &s)
            let bad = failed(s) ? 0 : Int(invalidLength)
            return .invalid(byteOffset: max(0, consumed - bad))
        }
        return .decoded(output)
    }
}

extension ICUCharsets {
    /// Encodes UTF-16 text in `charset`, or nil when a character cannot be encoded there.
    package static func encode(_ text: [UInt16], charset: String) -> [UInt8]? {
        var status: Int32 = 0
        guard let converter = icu_shim_converter_open(charset, &status), !failed(status) else { return nil }
        defer { icu_shim_converter_close(converter) }
        icu_shim_converter_stop_on_unencodable(converter, &status)
        var output = [CChar](repeating: 0, count: text.count * 4 + 16)
        let length = text.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                icu_shim_converter_from_unicode(converter, dst.baseAddress, Int32(dst.count), src.baseAddress, Int32(src.count), &status)
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
        var status: Int32 = 0
        let d = icu_shim_detector_open(&status)
        detector = failed(status) ? nil : d
    }

    deinit {
        if let detector { icu_shim_detector_close(detector) }
        for (_, c) in converters { icu_shim_converter_close(c) }
    }

    package func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> [CharsetGuess] {
        guard let detector, let base = bytes.baseAddress else { return [] }
        var status: Int32 = 0
        icu_shim_detector_set_text(detector, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), &status)
        if failed(status) { return [] }
        var count: Int32 = 0
        guard let matches = icu_shim_detector_detect_all(detector, &count, &status), !failed(status) else { return [] }
        var guesses: [CharsetGuess] = []
        for i in 0..<Int(count) {
            var s: Int32 = 0
            guard let match = matches[i], let cname = icu_shim_match_name(match, &s), !failed(s) else { continue }
            guesses.append(CharsetGuess(name: String(cString: cname), confidence: Int(icu_shim_match_confidence(match, &s))))
        }
        return guesses
    }

    package func decodeStrictly(_ bytes: UnsafeBufferPointer<UInt8>, charset: String) -> StrictDecodeResult {
        var converter = converters[charset]
        if converter == nil {
            var status: Int32 = 0
            guard let c = icu_shim_converter_open(charset, &status), !failed(status) else { return .unknownCharset }
            icu_shim_converter_stop_on_error(c, &status)
            if failed(status) { icu_shim_converter_close(c); return .unknownCharset }
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
        var status: Int32 = 0
        let h = empty.withUnsafeBufferPointer { icu_shim_sentence_breaker_open($0.baseAddress!, 1, &status) }
        raw = failed(status) ? nil : h
    }

    deinit { if let raw { icu_shim_breaker_close(raw) } }

    /// Appends to `result` the UTF-16 offsets, plus `offset`, at which sentences end (each boundary after
    /// the first), for `text`, which the iterator reads only during the call.
    package func boundaries(_ text: UnsafeBufferPointer<UInt16>, offset: Int, into result: inout [Int]) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        guard let raw else { result.append(text.count + offset); return }
        var status: Int32 = 0
        icu_shim_breaker_set_text(raw, base, Int32(text.count), &status)
        if failed(status) { result.append(text.count + offset); return }
        _ = icu_shim_breaker_first(raw)
        while true {
            let next = icu_shim_breaker_next(raw)
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
        (0..<0x10000).map { c in SentenceBreak(rawValue: UInt8(truncatingIfNeeded: icu_shim_sentence_break(Int32(c)))) ?? .other }
    }
}

package enum ICUNormalizer {
    /// NFKC of `text`, or nil if ICU reports an error.
    package static func nfkc(_ text: [UInt16]) -> [UInt16]? {
        var status: Int32 = 0
        guard let normalizer = icu_shim_nfkc(&status), !failed(status) else { return nil }
        var capacity = text.count * 4 + 16
        while true {
            var output = [UInt16](repeating: 0, count: capacity)
            status = 0
            let length = text.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    icu_shim_normalize(normalizer, input.baseAddress, Int32(input.count),
                                          out.baseAddress, Int32(out.count), &status)
                }
            }
            if status == icu_shim_buffer_overflow { capacity = Int(length) + 16; continue }
            if failed(status) { return nil }
            output.removeSubrange(Int(length)...)
            return output
        }
    }
}

/// An ICU transliterator such as `Traditional-Simplified`. One instance per task.
package final class Transliterator {
    private let handle: OpaquePointer

    package init?(id: String) {
        let units = Array(id.utf16)
        var status: Int32 = 0
        guard let h = units.withUnsafeBufferPointer({ icu_shim_transliterator_open($0.baseAddress, Int32($0.count), &status) }),
              !failed(status) else { return nil }
        handle = h
    }

    deinit { icu_shim_transliterator_close(handle) }

    package func transliterate(_ text: [UInt16]) -> [UInt16]? {
        var capacity = text.count * 2 + 16
        while true {
            var buffer = text + [UInt16](repeating: 0, count: capacity - text.count)
            var length = Int32(text.count)
            var limit = Int32(text.count)
            var status: Int32 = 0
            buffer.withUnsafeMutableBufferPointer { b in
                icu_shim_transliterate(handle, b.baseAddress, &length, Int32(capacity), 0, &limit, &status)
            }
            if status == icu_shim_buffer_overflow { capacity = Int(length) * 2 + 16; continue }
            if failed(status) { return nil }
            buffer.removeSubrange(Int(length)...)
            return buffer
        }
    }
}

/// Reads Chinese numerals (三千八百三十, 两千, 二〇二五, 五千亿) with ICU's rule-based spell-out
/// format for locale `zh`. One instance per task.
package final class SpelloutReader {
    private let handle: OpaquePointer

    package init?() {
        var status: Int32 = 0
        guard let h = icu_shim_spellout_open("zh", &status), !failed(status) else { return nil }
        handle = h
    }

    deinit { icu_shim_number_format_close(handle) }

    /// The value of the whole of `text`, or nil when ICU cannot read all of it.
    package func value(of text: [UInt16]) -> Double? {
        if text.isEmpty { return nil }
        var position: Int32 = 0
        var status: Int32 = 0
        let v = text.withUnsafeBufferPointer { b in
            icu_shim_parse_double(handle, b.baseAddress, Int32(b.count), &position, &status)
        }
        if failed(status) || Int(position) != text.count { return nil }
        return v
    }
}
