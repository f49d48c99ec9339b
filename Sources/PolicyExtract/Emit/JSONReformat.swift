/// Re-indents compact JSON the way `JSONBytesWriter` writes it indented: two spaces a level, `"key": value`, and
/// short arrays of scalars (eight or fewer) on one line. Scalars are copied byte for byte, so a document line of
/// `documents.jsonl` or of `stream` becomes exactly the `docs/<id>.json` a batch writes for it.
public enum JSONReformat {
    public struct Malformed: Error, CustomStringConvertible {
        public var offset: Int
        public var description: String { "malformed JSON at byte \(offset)" }
    }

    indirect enum Node {
        case scalar(Range<Int>)
        case object([(key: Range<Int>, value: Node)])
        case array([Node])

        var isScalar: Bool { if case .scalar = self { return true }; return false }
    }

    /// The indented form of `compact`, with a final line feed.
    public static func pretty(_ compact: [UInt8]) throws -> [UInt8] {
        var parser = Parser(bytes: compact)
        parser.skipSpace()
        let root = try parser.value()
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 3 / 2)
        write(root, compact, depth: 0, into: &out)
        out.append(0x0A)
        return out
    }

    static func write(_ node: Node, _ bytes: [UInt8], depth: Int, into out: inout [UInt8]) {
        func newline(_ d: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: d * 2))
        }
        switch node {
        case .scalar(let r):
            out.append(contentsOf: bytes[r])
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, m) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                out.append(contentsOf: bytes[m.key])
                out.append(UInt8(ascii: ":"))
                out.append(0x20)
                write(m.value, bytes, depth: depth + 1, into: &out)
            }
            if !members.isEmpty { newline(depth) }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            let inline = elements.count <= 8 && elements.allSatisfy(\.isScalar)
            for (i, e) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); if inline { out.append(0x20) } }
                if !inline { newline(depth + 1) }
                write(e, bytes, depth: depth + 1, into: &out)
            }
            if !inline && !elements.isEmpty { newline(depth) }
            out.append(UInt8(ascii: "]"))
        }
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func expect(_ c: UInt8) throws {
            skipSpace()
            guard i < bytes.count, bytes[i] == c else { throw Malformed(offset: i) }
            i += 1
        }

        mutating func string() throws -> Range<Int> {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Malformed(offset: i) }
            let start = i
            i += 1
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\\") { i += 2; continue }
                i += 1
                if b == UInt8(ascii: "\"") { return start..<i }
            }
            throw Malformed(offset: start)
        }

        mutating func value() throws -> Node {
            skipSpace()
            guard i < bytes.count else { throw Malformed(offset: i) }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [(key: Range<Int>, value: Node)] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                while true {
                    let key = try string()
                    try expect(UInt8(ascii: ":"))
                    members.append((key, try value()))
                    skipSpace()
                    guard i < bytes.count else { throw Malformed(offset: i) }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                    throw Malformed(offset: i)
                }
            case UInt8(ascii: "["):
                i += 1
                var elements: [Node] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(elements) }
                while true {
                    elements.append(try value())
                    skipSpace()
                    guard i < bytes.count else { throw Malformed(offset: i) }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(elements) }
                    throw Malformed(offset: i)
                }
            case UInt8(ascii: "\""):
                return .scalar(try string())
            default:
                let start = i
                while i < bytes.count {
                    let b = bytes[i]
                    if b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { break }
                    i += 1
                }
                guard i > start else { throw Malformed(offset: start) }
                return .scalar(start..<i)
            }
        }
    }
}
