import Foundation

/// A JSON value with ordered object keys, so that output is byte-stable.
package indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    /// A number written exactly as given (an exact decimal, never exponent notation).
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    package static func int(_ v: Int) -> JSONValue { .number(String(v)) }
    package static func decimal(_ d: ExactDecimal) -> JSONValue { .number(d.description) }
    package static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    package static func strings(_ a: [String]) -> JSONValue { .array(a.map { .string($0) }) }

    /// Compact JSON (one line) or indented with two spaces.
    package func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The same, as UTF-8 bytes (for writing to a file without a round trip through String). Written by
    /// `JSONBytesWriter`, the writer documents use, so both share one layout and one escaping.
    package func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var w = JSONBytesWriter(pretty: pretty)
        replay(into: &w)
        return w.out
    }

    func replay(into w: inout JSONBytesWriter) {
        switch self {
        case .string(let s): w.string(s)
        case .number(let n): w.number(n)
        case .bool(let b): w.bool(b)
        case .null: w.null()
        case .array(let items):
            // Short arrays of scalars stay on one line when pretty.
            w.beginArray(inline: items.count <= 8 && items.allSatisfy {
                switch $0 { case .array, .object: return false; default: return true }
            })
            for item in items { item.replay(into: &w) }
            w.endArray()
        case .object(let pairs):
            w.beginObject()
            for (key, value) in pairs {
                w.key(named: key)
                value.replay(into: &w)
            }
            w.endObject()
        }
    }
}

/// JSON read from a file.
enum JSONFile {
    /// `data` (read from `path`) parsed; a failure is thrown as `path: <failure> (<the parser's reason>)`.
    static func parse(_ data: Data, path: String, failure: String) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data)
        } catch {
            throw PipelineError("\(path): \(failure) (\((error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"))")
        }
    }
}
