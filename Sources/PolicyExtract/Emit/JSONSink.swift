/// Where JSON goes. `DocumentJSON` describes a document once, against this protocol; `JSONBytesWriter`
/// writes the bytes straight away (the fast path of `extract`, `batch` and `bench`) and `JSONTreeBuilder`
/// builds a `JSONValue` (for the checks and the tests). Both give the same text.
protocol JSONSink {
    mutating func beginObject()
    mutating func endObject()
    /// `inline`: in pretty output, keep the array on one line (short arrays of scalars, as `JSONValue` does).
    mutating func beginArray(inline: Bool)
    mutating func endArray()
    mutating func key(_ k: StaticString)
    mutating func string(_ s: String)
    /// A string given as Unicode scalar values.
    mutating func scalars(_ s: ArraySlice<UInt32>)
    /// A string given as scalars that repeats within a document (a sentence): `id` names it.
    mutating func repeatedScalars(_ s: ArraySlice<UInt32>, id: Int)
    /// A number written as given.
    mutating func number(_ n: String)
    mutating func int(_ i: Int)
    mutating func bool(_ b: Bool)
    mutating func null()
}

extension JSONSink {
    mutating func optional(_ s: String?) { if let s { string(s) } else { null() } }
    mutating func decimal(_ d: ExactDecimal) { number(d.description) }
    mutating func optionalDecimal(_ d: ExactDecimal?) { if let d { number(d.description) } else { null() } }
    mutating func strings(_ a: [String]) {
        beginArray(inline: a.count <= 8)
        for s in a { string(s) }
        endArray()
    }
    mutating func span(_ s: Span) {
        beginObject()
        key("start"); int(s.start)
        key("end"); int(s.end)
        key("line"); int(s.line)
        endObject()
    }
}

/// Writes JSON text as UTF-8 bytes, compact or indented with two spaces (the layout of `JSONValue`).
struct JSONBytesWriter: JSONSink {
    private(set) var out: [UInt8] = []
    let pretty: Bool
    /// Per open container: the number of members written, and whether it stays on one line.
    private var counts: [Int] = []
    private var inlines: [Bool] = []
    private var afterKey = false
    /// Escaped sentences already written, by id.
    private var repeated: [Int: Range<Int>] = [:]

    init(pretty: Bool, capacity: Int = 16_384) {
        self.pretty = pretty
        out.reserveCapacity(capacity)
    }

    @inline(__always) private mutating func newline(_ indent: Int) {
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    /// Separator and indentation before a member.
    @inline(__always) private mutating func member() {
        if afterKey { afterKey = false; return }
        guard let c = counts.last else { return }
        let inline = inlines[inlines.count - 1]
        if c > 0 { out.append(UInt8(ascii: ",")); if inline { out.append(0x20) } }
        if pretty && !inline { newline(counts.count) }
        counts[counts.count - 1] = c + 1
    }

    mutating func beginObject() {
        member()
        out.append(UInt8(ascii: "{"))
        counts.append(0)
        inlines.append(false)
    }

    mutating func endObject() {
        let c = counts.removeLast()
        inlines.removeLast()
        if pretty && c > 0 { newline(counts.count) }
        out.append(UInt8(ascii: "}"))
    }

    mutating func beginArray(inline: Bool) {
        member()
        out.append(UInt8(ascii: "["))
        counts.append(0)
        inlines.append(pretty && inline)
    }

    mutating func endArray() {
        let c = counts.removeLast()
        let inline = inlines.removeLast()
        if pretty && !inline && c > 0 { newline(counts.count) }
        out.append(UInt8(ascii: "]"))
    }

    mutating func key(_ k: StaticString) {
        member()
        out.append(UInt8(ascii: "\""))
        k.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(0x20) }
        afterKey = true
    }

    mutating func string(_ s: String) {
        member()
        JSONValue.escape(s, into: &out)
    }

    mutating func scalars(_ s: ArraySlice<UInt32>) {
        member()
        Self.escape(s, into: &out)
    }

    mutating func repeatedScalars(_ s: ArraySlice<UInt32>, id: Int) {
        member()
        if let r = repeated[id] {
            out.withUnsafeBufferPointer { buffer in
                let copy = Array(UnsafeBufferPointer(rebasing: buffer[r]))
                out.append(contentsOf: copy)
            }
            return
        }
        let start = out.count
        Self.escape(s, into: &out)
        repeated[id] = start..<out.count
    }

    mutating func number(_ n: String) {
        member()
        out.append(contentsOf: n.utf8)
    }

    mutating func int(_ i: Int) {
        member()
        if i >= 0 && i < 10 { out.append(0x30 + UInt8(i)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = i.magnitude
        var k = 20
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                k -= 1
                d[k] = 0x30 + UInt8(n % 10)
                n /= 10
            } while n > 0
            if i < 0 { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[k..<20]))
        }
    }

    mutating func bool(_ b: Bool) {
        member()
        out.append(contentsOf: b ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
    }

    mutating func null() {
        member()
        out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    /// Scalars as a JSON string: UTF-8, with `"`, `\` and control characters escaped as `JSONValue` does.
    static func escape(_ s: ArraySlice<UInt32>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        s.withUnsafeBufferPointer { src in
            for c in src {
                if c < 0x80 {
                    let b = UInt8(c)
                    if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                        out.append(b)
                    } else {
                        JSONValue.escapeASCII(b, into: &out)
                    }
                } else if c < 0x800 {
                    out.append(UInt8(0xC0 | (c >> 6)))
                    out.append(UInt8(0x80 | (c & 0x3F)))
                } else if c < 0x10000 {
                    out.append(UInt8(0xE0 | (c >> 12)))
                    out.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
                    out.append(UInt8(0x80 | (c & 0x3F)))
                } else {
                    out.append(UInt8(0xF0 | (c >> 18)))
                    out.append(UInt8(0x80 | ((c >> 12) & 0x3F)))
                    out.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
                    out.append(UInt8(0x80 | (c & 0x3F)))
                }
            }
        }
        out.append(UInt8(ascii: "\""))
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
    mutating func string(_ s: String) { add(.string(s)) }
    mutating func scalars(_ s: ArraySlice<UInt32>) { add(.string(makeString(s))) }
    mutating func repeatedScalars(_ s: ArraySlice<UInt32>, id: Int) { add(.string(makeString(s))) }
    mutating func number(_ n: String) { add(.number(n)) }
    mutating func int(_ i: Int) { add(.int(i)) }
    mutating func bool(_ b: Bool) { add(.bool(b)) }
    mutating func null() { add(.null) }
}
