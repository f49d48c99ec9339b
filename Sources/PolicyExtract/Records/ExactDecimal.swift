/// An exact decimal number: `significand × 10^exponent`. Amounts are never floating point until the
/// moment a JSON number is written.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var significand: Int64
    public var exponent: Int {
        get { Int(storedExponent) }
        set { storedExponent = Int32(clamping: newValue) }
    }
    /// The exponent in 32 bits (a text would need billions of digits to pass them): a decimal is 12 bytes, not 16, and
    /// every amount, percentage and count of a document holds two to four of them.
    private var storedExponent: Int32

    public init(significand: Int64, exponent: Int) {
        self.significand = significand
        self.storedExponent = Int32(clamping: exponent)
        normalizeTrailingZeros()
    }

    public init(_ value: Int64) { self.init(significand: value, exponent: 0) }

    /// Parses `123`, `3929.90`, `-2.5`.
    public init?(_ text: String) {
        var digits: Int64 = 0
        var exponent = 0
        var seenDot = false
        var negative = false
        var any = false
        for (i, ch) in text.unicodeScalars.enumerated() {
            if ch == "-" && i == 0 { negative = true; continue }
            if ch == "." { if seenDot { return nil }; seenDot = true; continue }
            guard let d = ch.properties.numericType == .decimal ? Int64(ch.value - 0x30) : nil, ch.value >= 0x30, ch.value <= 0x39 else { return nil }
            guard let a = digits.appendingDigit(d) else { return nil }
            digits = a
            if seenDot { exponent -= 1 }
            any = true
        }
        if !any { return nil }
        self.init(significand: negative ? -digits : digits, exponent: exponent)
    }

    mutating func normalizeTrailingZeros() {
        if significand == 0 { storedExponent = 0; return }
        while significand % 10 == 0 { significand /= 10; storedExponent += 1 }
    }

    /// `self × 10^k`.
    public func scaled(by k: Int) -> ExactDecimal { ExactDecimal(significand: significand, exponent: exponent + k) }

    /// `self × m`, or nil on overflow.
    public func multiplied(by m: Int64) -> ExactDecimal? {
        var m = m
        var e = exponent
        while m != 0 && m % 10 == 0 { m /= 10; e += 1 }
        let (p, o) = significand.multipliedReportingOverflow(by: m)
        return o ? nil : ExactDecimal(significand: p, exponent: e)
    }

    public var doubleValue: Double {
        var v = Double(significand)
        if exponent > 0 { for _ in 0..<exponent { v *= 10 } } else if exponent < 0 { for _ in 0..<(-exponent) { v /= 10 } }
        return v
    }

    public var isInteger: Bool { exponent >= 0 }

    /// Plain decimal notation, never exponent notation: `3929.9`, `0.00000001`, `500000000000`.
    public var description: String {
        // Built in a stack buffer (a short ASCII result is a small string: no allocation).
        withText { String(decoding: $0, as: UTF8.self) }
    }

    /// Lends `description`'s ASCII bytes, written in a stack buffer, to `body`.
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let places = exponent < 0 ? Int(-exponent) : 0
        let zeros = exponent > 0 && significand != 0 ? Int(exponent) : 0
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48 + places + zeros) { buf in
            // The magnitude's digits, most significant first, at the end of the buffer.
            var m = significand.magnitude
            var start = buf.count
            repeat { start -= 1; buf[start] = UInt8(ascii: "0") + UInt8(m % 10); m /= 10 } while m > 0
            let n = buf.count - start
            var k = 0
            @inline(__always) func put(_ b: UInt8) { buf[k] = b; k += 1 }
            if significand < 0 { put(UInt8(ascii: "-")) }
            if places == 0 {
                for i in start..<buf.count { put(buf[i]) }
                for _ in 0..<zeros { put(UInt8(ascii: "0")) }
            } else if n <= places {
                put(UInt8(ascii: "0")); put(UInt8(ascii: "."))
                for _ in 0..<(places - n) { put(UInt8(ascii: "0")) }
                for i in start..<buf.count { put(buf[i]) }
            } else {
                for i in start..<(buf.count - places) { put(buf[i]) }
                put(UInt8(ascii: "."))
                for i in (buf.count - places)..<buf.count { put(buf[i]) }
            }
            return body(UnsafeBufferPointer(rebasing: buf[0..<k]))
        }
    }

    /// Description padded to at least `places` decimals (`3929.90` for places 2).
    public func description(places: Int) -> String {
        var s = description
        let current: Int
        if let dot = s.firstIndex(of: ".") { current = s.distance(from: dot, to: s.endIndex) - 1 } else { current = 0; if places > 0 { s += "." } }
        if places > current { s += String(repeating: "0", count: places - current) }
        return s
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { a.doubleValue < b.doubleValue }

    /// `a + b` exactly, or nil when the sum (aligned to the finer of the two exponents) does not fit in
    /// 64 bits: text can state figures no machine integer holds, and that must not stop the program.
    public static func sum(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
        let e = min(a.exponent, b.exponent)
        var x = a.significand, y = b.significand
        for _ in 0..<(a.exponent - e) { let (m, o) = x.multipliedReportingOverflow(by: 10); if o { return nil }; x = m }
        for _ in 0..<(b.exponent - e) { let (m, o) = y.multipliedReportingOverflow(by: 10); if o { return nil }; y = m }
        let (total, o) = x.addingReportingOverflow(y)
        return o ? nil : ExactDecimal(significand: total, exponent: e)
    }
}

extension Int64 {
    /// `self × 10 + digit` (a digit appended in base ten), or nil beyond 64 bits: the one way numbers are
    /// read digit by digit, so that no figure a text states can stop the program.
    @inline(__always) func appendingDigit(_ digit: Int64) -> Int64? {
        let (m, o1) = multipliedReportingOverflow(by: 10)
        let (a, o2) = m.addingReportingOverflow(digit)
        return o1 || o2 ? nil : a
    }
}
