/// A JSON value with ordered object keys, so that output is byte-stable.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    /// A number written exactly as given (an exact decimal, never exponent notation).
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    public static func int(_ v: Int) -> JSONValue { .number(String(v)) }
    public static func decimal(_ d: ExactDecimal) -> JSONValue { .number(d.description) }
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    public static func strings(_ a: [String]) -> JSONValue { .array(a.map { .string($0) }) }

    /// Compact JSON (one line) or indented with two spaces.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(1024)
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .string(let s): Self.escape(s, into: &out)
        case .number(let n): out += n
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            // Short arrays of scalars stay on one line when pretty.
            let inline = pretty && items.count <= 8 && items.allSatisfy {
                switch $0 { case .array, .object: return false; default: return true }
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += inline || !pretty ? (pretty ? ", " : ",") : "," }
                if pretty && !inline { out += "\n" + String(repeating: " ", count: (indent + 1) * 2) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty && !inline { out += "\n" + String(repeating: " ", count: indent * 2) }
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: " ", count: (indent + 1) * 2) }
                Self.escape(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: " ", count: indent * 2) }
            out += "}"
        }
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
