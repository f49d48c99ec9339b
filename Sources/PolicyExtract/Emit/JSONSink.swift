/// Where JSON goes. `DocumentJSON` describes a document once, against this protocol; `JSONBytesWriter`
/// writes the bytes straight away (the fast path of `extract`, `batch` and `bench`) and `JSONTreeBuilder`
/// builds a `JSONValue` (for the checks and the tests). Both give the same text.
protocol JSONSink {
    mutating func beginObject()
    mutating func endObject()
    /// `inline`: in pretty output, keep the array on one line (short arrays of scalars).
    mutating func beginArray(inline: Bool)
    mutating func endArray()
    mutating func key(_ k: StaticString)
    /// A key known only at run time (a declared record's array or field name). Not an overload of `key(_:)`: a
    /// string literal would then take the `String` one, the slower path, in every call.
    mutating func key(named k: String)
    mutating func string(_ s: String)
    /// A string given as Unicode scalar values.
    mutating func scalars(_ s: ArraySlice<UInt32>)
    /// A number written as given.
    mutating func number(_ n: String)
    /// An exact decimal written as a number (its `description`).
    mutating func decimal(_ d: ExactDecimal)
    mutating func int(_ i: Int)
    mutating func bool(_ b: Bool)
    mutating func null()
    /// A span object `{"start":…,"end":…,"line":…}` (`spanObject` describes it member by member).
    mutating func span(_ s: Span)
    /// An exact decimal written as a JSON string (`"3929.9"`).
    mutating func decimalString(_ d: ExactDecimal)
    /// A point between records where a writer may hand on what it has written so far (see `JSONBytesWriter.flush`).
    mutating func checkpoint()
}

extension JSONSink {
    mutating func checkpoint() {}
    mutating func optional(_ s: String?) { if let s { string(s) } else { null() } }
    mutating func optionalDecimal(_ d: ExactDecimal?) { if let d { decimal(d) } else { null() } }
    mutating func strings(_ a: [String]) {
        beginArray(inline: a.count <= 8)
        for s in a { string(s) }
        endArray()
    }
    mutating func span(_ s: Span) { spanObject(s) }
    mutating func decimalString(_ d: ExactDecimal) { string(d.description) }
    mutating func spanObject(_ s: Span) {
        beginObject()
        key("start"); int(s.start)
        key("end"); int(s.end)
        key("line"); int(s.line)
        endObject()
    }
}

/// A growable byte buffer written through a pointer: one capacity check per write, none per byte.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }
    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always) func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        b.update(from: base, count: count)
        base.deallocate()
        base = b
        capacity = c
    }

    @inline(__always) func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    /// Appends a byte after `reserve` made room for it.
    @inline(__always) func appendReserved(_ b: UInt8) {
        base[count] = b
        count += 1
    }

    /// Lets `body` write at most `maxBytes` bytes at the end; it returns how many it wrote.
    @inline(__always) func write(maxBytes: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maxBytes)
        count += body(base + count)
    }

    /// Counts `n` bytes written directly at `base + count` (room reserved by the caller).
    @inline(__always) func advanceReserved(_ n: Int) { count += n }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let src = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: src.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    /// Appends again the bytes written at `range`.
    /// Forgets the bytes written (the capacity is kept).
    func removeAll() { count = 0 }

    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

/// The open containers of a `JSONBytesWriter`: member counts and one-line flags, grown as needed.
final class ContainerStack {
    private(set) var counts: UnsafeMutablePointer<Int>
    private(set) var inlines: UnsafeMutablePointer<Bool>
    private(set) var depth = 0
    private var capacity = 32

    init() {
        counts = .allocate(capacity: capacity)
        inlines = .allocate(capacity: capacity)
    }
    deinit { counts.deallocate(); inlines.deallocate() }

    @inline(__always) func push(inline: Bool) {
        if depth == capacity { grow() }
        counts[depth] = 0
        inlines[depth] = inline
        depth += 1
    }

    @inline(__always) func pop() -> (count: Int, inline: Bool) {
        depth -= 1
        return (counts[depth], inlines[depth])
    }

    private func grow() {
        let c = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
        let i = UnsafeMutablePointer<Bool>.allocate(capacity: capacity * 2)
        c.update(from: counts, count: depth)
        i.update(from: inlines, count: depth)
        counts.deallocate(); inlines.deallocate()
        counts = c; inlines = i
        capacity *= 2
    }
}

/// Writes JSON text as UTF-8 bytes, compact or indented with two spaces; short arrays of scalars stay on one
/// line. `JSONValue` serializes through it too.
struct JSONBytesWriter: JSONSink {
    let buffer: ByteBuffer
    var out: [UInt8] { buffer.bytes }
    let pretty: Bool
    /// Per open container (a stack in the buffer object): members written, and whether it stays on one line.
    private let stack: ContainerStack
    /// Set when what precedes the next value is already written: after a key.
    private var separatorWritten = false
    /// Where the bytes go once the buffer holds `flushAt` of them (at a checkpoint); nil keeps them all.
    var flush: ((UnsafeRawBufferPointer) -> Void)?
    var flushAt = Int.max

    init(pretty: Bool, capacity: Int = 16_384) {
        self.pretty = pretty
        buffer = ByteBuffer(capacity: capacity)
        stack = ContainerStack()
    }

    /// Hands the bytes written so far to `flush` when there are `flushAt` of them: memory stays bounded however
    /// many records a document has.
    mutating func checkpoint() {
        guard buffer.count >= flushAt, let flush else { return }
        flush(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count))
        buffer.removeAll()
    }

    @inline(__always) private func newline(_ indent: Int) {
        buffer.reserve(1 + indent * 2)
        buffer.appendReserved(0x0A)
        for _ in 0..<(indent * 2) { buffer.appendReserved(0x20) }
    }

    /// Separator and indentation before a member.
    @inline(__always) private mutating func member() {
        if separatorWritten { separatorWritten = false; return }
        let depth = stack.depth
        guard depth > 0 else { return }
        let c = stack.counts[depth - 1]
        let inline = stack.inlines[depth - 1]
        if c > 0 { buffer.append(UInt8(ascii: ",")); if inline { buffer.append(0x20) } }
        if pretty && !inline { newline(depth) }
        stack.counts[depth - 1] = c + 1
    }

    @inline(__always) mutating func beginObject() {
        member()
        buffer.append(UInt8(ascii: "{"))
        stack.push(inline: false)
    }

    @inline(__always) mutating func endObject() {
        let (c, _) = stack.pop()
        if pretty && c > 0 { newline(stack.depth) }
        buffer.append(UInt8(ascii: "}"))
    }

    mutating func beginArray(inline: Bool) {
        member()
        buffer.append(UInt8(ascii: "["))
        stack.push(inline: pretty && inline)
    }

    mutating func endArray() {
        let (c, inline) = stack.pop()
        if pretty && !inline && c > 0 { newline(stack.depth) }
        buffer.append(UInt8(ascii: "]"))
    }

    @inline(__always) mutating func key(_ k: StaticString) {
        let n = k.utf8CodeUnitCount
        // Compact output inside an object (the usual case): the comma, if any, and the key in one write.
        if !pretty && !separatorWritten && stack.depth > 0 {
            let d = stack.depth - 1
            let c = stack.counts[d]
            stack.counts[d] = c + 1
            buffer.reserve(n + 4)
            let start = buffer.base + buffer.count
            var p = start
            if c > 0 { p[0] = UInt8(ascii: ","); p += 1 }
            p[0] = UInt8(ascii: "\"")
            copySmall(from: k.utf8Start, to: p + 1, count: n)
            p[n + 1] = UInt8(ascii: "\"")
            p[n + 2] = UInt8(ascii: ":")
            buffer.advanceReserved(p + n + 3 - start)
            separatorWritten = true
            return
        }
        member()
        buffer.reserve(n + 4)
        let out = buffer.base + buffer.count
        out[0] = UInt8(ascii: "\"")
        copySmall(from: k.utf8Start, to: out + 1, count: n)
        out[n + 1] = UInt8(ascii: "\"")
        out[n + 2] = UInt8(ascii: ":")
        if pretty { out[n + 3] = 0x20; buffer.advanceReserved(n + 4) } else { buffer.advanceReserved(n + 3) }
        separatorWritten = true
    }

    /// A key known only at run time (a `JSONValue` object's), escaped as a string.
    mutating func key(named k: String) {
        string(k)
        buffer.append(UInt8(ascii: ":"))
        if pretty { buffer.append(0x20) }
        separatorWritten = true
    }

    mutating func string(_ s: String) {
        member()
        // A native string's bytes are read in place; any other is made contiguous first (written out here:
        // through `String.withUTF8Bytes` the call cost 250 → 264 M instructions per MB of input).
        if s.utf8.withContiguousStorageIfAvailable({ writeEscaped($0) }) == nil {
            var s = s
            s.withUTF8 { writeEscaped($0) }
        }
    }

    /// UTF-8 bytes as a JSON string, escaped.
    private func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.write(maxBytes: bytes.count * 6 + 2) { out in
            var n = 0
            out[n] = UInt8(ascii: "\""); n += 1
            let count = bytes.count
            var i = 0
            if let src = bytes.baseAddress {
                // Eight bytes at a time while none of them needs escaping (Chinese text never does).
                let raw = UnsafeRawPointer(src)
                while i + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if Self.mayNeedEscape(word) { break }
                    UnsafeMutableRawPointer(out + n).storeBytes(of: word, as: UInt64.self)
                    n += 8; i += 8
                }
            }
            while i < count {
                let b = bytes[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { out[n] = b; n += 1 } else { n += Self.escapeASCII(b, out + n) }
                i += 1
            }
            out[n] = UInt8(ascii: "\""); n += 1
            return n
        }
    }

    /// True when one of the eight bytes of `w` is a control character, `"` or `\` (bytes from 0x80 up,
    /// parts of multi-byte characters, never count).
    @inline(__always) static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let control = (w &- ones &* 0x20) & ~w & highs    // a byte below 0x20
        return (control | hasZero(w ^ (ones &* 0x22)) | hasZero(w ^ (ones &* 0x5C))) != 0
    }

    /// Writes an escaped ASCII byte at `out`; returns the number of bytes (2 or 6).
    @inline(__always) static func escapeASCII(_ b: UInt8, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "\\")
        switch b {
        case UInt8(ascii: "\""): out[1] = UInt8(ascii: "\""); return 2
        case UInt8(ascii: "\\"): out[1] = UInt8(ascii: "\\"); return 2
        case 0x0A: out[1] = UInt8(ascii: "n"); return 2
        case 0x0D: out[1] = UInt8(ascii: "r"); return 2
        case 0x09: out[1] = UInt8(ascii: "t"); return 2
        default:
            out[1] = UInt8(ascii: "u"); out[2] = UInt8(ascii: "0"); out[3] = UInt8(ascii: "0")
            let hex: StaticString = "0123456789abcdef"
            out[4] = hex.utf8Start[Int(b >> 4)]; out[5] = hex.utf8Start[Int(b & 0xF)]
            return 6
        }
    }

    mutating func scalars(_ s: ArraySlice<UInt32>) {
        member()
        escape(s)
    }

    mutating func number(_ n: String) {
        member()
        var n = n
        n.withUTF8 { buffer.append(UnsafeRawBufferPointer($0)) }
    }

    mutating func decimal(_ d: ExactDecimal) {
        member()
        d.withText { buffer.append(UnsafeRawBufferPointer($0)) }
    }

    /// Digits, a sign and a point need no escaping: written between quotes without making a `String`.
    mutating func decimalString(_ d: ExactDecimal) {
        member()
        d.withText { text in
            buffer.reserve(text.count + 2)
            buffer.appendReserved(UInt8(ascii: "\""))
            buffer.append(UnsafeRawBufferPointer(text))
            buffer.appendReserved(UInt8(ascii: "\""))
        }
    }

    @inline(__always) mutating func int(_ i: Int) {
        member()
        buffer.reserve(21)
        buffer.advanceReserved(Self.writeInt(i, buffer.base + buffer.count))
    }

    /// Compact output writes a span in one piece (the most frequent object: every item has one); indented
    /// output goes member by member.
    mutating func span(_ s: Span) {
        guard !pretty else { spanObject(s); return }
        member()
        buffer.reserve(3 * 21 + 24)
        let start = buffer.base + buffer.count
        var p = start
        @inline(__always) func literal(_ k: StaticString) { copySmall(from: k.utf8Start, to: p, count: k.utf8CodeUnitCount); p += k.utf8CodeUnitCount }
        literal("{\"start\":"); p += Self.writeInt(s.start, p)
        literal(",\"end\":"); p += Self.writeInt(s.end, p)
        literal(",\"line\":"); p += Self.writeInt(s.line, p)
        p[0] = UInt8(ascii: "}"); p += 1
        buffer.advanceReserved(p - start)
    }

    /// Writes `i` in decimal at `out` (room for 20 bytes); returns the number of bytes written.
    @inline(__always) static func writeInt(_ i: Int, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        var k = 0
        if i < 0 { out[0] = UInt8(ascii: "-"); k = 1 }
        var n = i.magnitude
        // Offsets, lines and years: the digit count by comparison, then two digits per division.
        var digits: Int
        if n < 100 { digits = n < 10 ? 1 : 2 } else if n < 10_000 { digits = n < 1000 ? 3 : 4 } else if n < 100_000 { digits = 5 } else {
            digits = 0
            var m = n
            repeat { digits &+= 1; m /= 10 } while m > 0
        }
        var e = k &+ digits
        let count = e
        let pairs = Self.digitPairs.utf8Start
        while n >= 100 {
            let q = n / 100
            let r = Int(n &- q &* 100) &* 2
            e &-= 2
            out[e] = pairs[r]; out[e &+ 1] = pairs[r &+ 1]
            n = q
        }
        if n >= 10 {
            e &-= 2
            out[e] = pairs[Int(n) &* 2]; out[e &+ 1] = pairs[Int(n) &* 2 &+ 1]
        } else {
            out[e &- 1] = 0x30 &+ UInt8(truncatingIfNeeded: n)
        }
        return count
    }

    /// "00" through "99", for writing two digits at a time.
    static let digitPairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    @inline(__always) mutating func bool(_ b: Bool) {
        member()
        buffer.reserve(5)
        for c in b ? "true".utf8 : "false".utf8 { buffer.appendReserved(c) }
    }

    @inline(__always) mutating func null() {
        member()
        buffer.reserve(4)
        for c in "null".utf8 { buffer.appendReserved(c) }
    }

    /// Scalars as a JSON string: UTF-8, with `"`, `\` and control characters escaped as in `string`.
    private func escape(_ s: ArraySlice<UInt32>) {
        s.withUnsafeBufferPointer { src in
            buffer.write(maxBytes: src.count * 6 + 2) { out in
                var n = 0
                out[n] = UInt8(ascii: "\""); n += 1
                for c in src {
                    if c &- 0x800 < 0x10000 - 0x800 {
                        // Three bytes (most Chinese text), stored as one word: room is reserved for six
                        // bytes a character, and the fourth is overwritten by what follows.
                        let word = (0xE0 | c &>> 12) | (0x80 | (c &>> 6) & 0x3F) &<< 8 | (0x80 | c & 0x3F) &<< 16
                        UnsafeMutableRawPointer(out + n).storeBytes(of: word.littleEndian, as: UInt32.self)
                        n &+= 3
                    } else if c < 0x80 {
                        let b = UInt8(c)
                        if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { out[n] = b; n &+= 1 } else { n += Self.escapeASCII(b, out + n) }
                    } else if c < 0x800 {
                        out[n] = UInt8(0xC0 | (c >> 6)); out[n + 1] = UInt8(0x80 | (c & 0x3F)); n += 2
                    } else {
                        out[n] = UInt8(0xF0 | (c >> 18)); out[n + 1] = UInt8(0x80 | ((c >> 12) & 0x3F))
                        out[n + 2] = UInt8(0x80 | ((c >> 6) & 0x3F)); out[n + 3] = UInt8(0x80 | (c & 0x3F)); n += 4
                    }
                }
                out[n] = UInt8(ascii: "\""); n += 1
                return n
            }
        }
    }
}

/// Builds a `JSONValue` from the same calls.
struct JSONTreeBuilder: JSONSink {
    private enum Frame {
        case object([(String, JSONValue)], key: String?)
        case array([JSONValue])
    }
    private var stack: [Frame] = []
    private(set) var result: JSONValue = .null

    /// The value that `describe` writes.
    static func build(_ describe: (inout JSONTreeBuilder) -> Void) -> JSONValue {
        var builder = JSONTreeBuilder()
        describe(&builder)
        return builder.result
    }

    private mutating func add(_ v: JSONValue) {
        guard let top = stack.popLast() else { result = v; return }
        switch top {
        case .object(var pairs, let key):
            pairs.append((key ?? "", v))
            stack.append(.object(pairs, key: nil))
        case .array(var items):
            items.append(v)
            stack.append(.array(items))
        }
    }

    mutating func beginObject() { stack.append(.object([], key: nil)) }
    mutating func endObject() {
        guard case .object(let pairs, _) = stack.removeLast() else { preconditionFailure("endObject without beginObject") }
        add(.object(pairs))
    }
    mutating func beginArray(inline: Bool) { stack.append(.array([])) }
    mutating func endArray() {
        guard case .array(let items) = stack.removeLast() else { preconditionFailure("endArray without beginArray") }
        add(.array(items))
    }
    mutating func key(_ k: StaticString) {
        guard case .object(let pairs, _) = stack.removeLast() else { preconditionFailure("key outside an object") }
        stack.append(.object(pairs, key: k.description))
    }
    mutating func key(named k: String) {
        guard case .object(let pairs, _) = stack.removeLast() else { preconditionFailure("key outside an object") }
        stack.append(.object(pairs, key: k))
    }
    mutating func string(_ s: String) { add(.string(s)) }
    mutating func scalars(_ s: ArraySlice<UInt32>) { add(.string(makeString(s))) }
    mutating func number(_ n: String) { add(.number(n)) }
    mutating func decimal(_ d: ExactDecimal) { add(.number(d.description)) }
    mutating func int(_ i: Int) { add(.int(i)) }
    mutating func bool(_ b: Bool) { add(.bool(b)) }
    mutating func null() { add(.null) }
}

/// Copies `count` bytes (keys: a few ASCII bytes) with two overlapping word loads and stores instead of a
/// loop or a `memcpy` call; reads and writes only within the `count` bytes.
@inline(__always) func copySmall(from src: UnsafePointer<UInt8>, to dst: UnsafeMutablePointer<UInt8>, count n: Int) {
    let s = UnsafeRawPointer(src), d = UnsafeMutableRawPointer(dst)
    if n >= 8 {
        if n > 16 { d.copyMemory(from: s, byteCount: n); return }
        let a = s.loadUnaligned(as: UInt64.self), b = s.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        d.storeBytes(of: a, as: UInt64.self)
        d.storeBytes(of: b, toByteOffset: n - 8, as: UInt64.self)
    } else if n >= 4 {
        let a = s.loadUnaligned(as: UInt32.self), b = s.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        d.storeBytes(of: a, as: UInt32.self)
        d.storeBytes(of: b, toByteOffset: n - 4, as: UInt32.self)
    } else {
        for i in 0..<n { dst[i] = src[i] }
    }
}
