import Foundation
import Testing
@testable import PolicyExtract

/// `schema/document.schema.json` describes what the writer writes: every fixture's JSON is checked against it
/// (types, enums, constants, required keys, items, references), and every key written must be one the schema names.
@Suite struct SchemaTests {
    static let schema: [String: Any] = {
        let data = try! Data(contentsOf: Repo.root.appendingPathComponent("schema/document.schema.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    /// `rule` with its reference and `allOf` parts merged into it: required keys and properties joined.
    static func flattened(_ rule: [String: Any]) -> [String: Any] {
        var parts: [[String: Any]] = []
        if let ref = rule["$ref"] as? String, let defs = schema["$defs"] as? [String: Any],
           let target = defs[String(ref.dropFirst("#/$defs/".count))] as? [String: Any] {
            parts.append(flattened(target))
        }
        parts += (rule["allOf"] as? [[String: Any]] ?? []).map(flattened)
        var out = rule
        out["$ref"] = nil
        out["allOf"] = nil
        for part in parts {
            for (key, value) in part {
                switch key {
                case "required": out[key] = (out[key] as? [String] ?? []) + (value as? [String] ?? [])
                case "properties":
                    var merged = out[key] as? [String: Any] ?? [:]
                    merged.merge(value as? [String: Any] ?? [:]) { mine, _ in mine }
                    out[key] = merged
                default: if out[key] == nil { out[key] = value }
                }
            }
        }
        return out
    }

    /// The problems of `value` against `rule`, each named by its JSON path.
    static func problems(_ value: Any, _ given: [String: Any], at path: String) -> [String] {
        let rule = flattened(given)
        var out: [String] = []
        if let type = rule["type"] {
            let types = (type as? [String]) ?? [type as! String]
            if !types.contains(where: { Self.isType(value, $0) }) { out.append("\(path): \(value) is not \(types)") }
        }
        if let options = rule["enum"] as? [Any], !options.contains(where: { Self.same($0, value) }) { out.append("\(path): \(value) not in \(options)") }
        if let c = rule["const"], !Self.same(c, value) { out.append("\(path): \(value) is not \(c)") }
        if let minimum = rule["minimum"] as? Int, let n = value as? NSNumber, n.doubleValue < Double(minimum) {
            out.append("\(path): \(n) below \(minimum)")
        }
        if let object = value as? [String: Any] {
            for key in rule["required"] as? [String] ?? [] where object[key] == nil { out.append("\(path): missing \(key)") }
            if let properties = rule["properties"] as? [String: [String: Any]] {
                for (key, v) in object {
                    guard let sub = properties[key] else { out.append("\(path): key \(key) is not in the schema"); continue }
                    out += problems(v, sub, at: path + "." + key)
                }
            }
        }
        if let array = value as? [Any], let items = rule["items"] as? [String: Any] {
            for (i, v) in array.enumerated() { out += problems(v, items, at: "\(path)[\(i)]") }
        }
        return out
    }

    /// JSON's true and false: Foundation gives them as a boolean `NSNumber` (objCType `c`).
    static func isBoolean(_ value: Any) -> Bool { (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false }

    static func isType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "boolean": return isBoolean(value)
        case "integer":
            guard let n = value as? NSNumber, !isBoolean(n) else { return false }
            return n.doubleValue == n.doubleValue.rounded()
        case "number": return value is NSNumber && !isBoolean(value)
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        default: return false
        }
    }

    static func same(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
        return (a as? NSObject)?.isEqual(b) ?? false
    }

    @Test("every fixture's JSON conforms to the schema", arguments: Repo.fixtureNames)
    func conforms(_ name: String) throws {
        let r = try extract(Repo.docs.appendingPathComponent(name))
        let object = try JSONSerialization.jsonObject(with: Data(DocumentJSON.bytes(r)))
        let found = Self.problems(object, Self.schema, at: "$")
        #expect(found.isEmpty, "\(name): \(found.prefix(10).joined(separator: "\n"))")
    }

    @Test func aWrongOutputIsCaught() throws {
        let r = try extract(Repo.fixture("004_"))
        var object = try #require(JSONSerialization.jsonObject(with: Data(DocumentJSON.bytes(r))) as? [String: Any])
        object["schema"] = "1.0"
        object["unknown_key"] = 1
        var amounts = try #require(object["amounts"] as? [[String: Any]])
        amounts[0]["section"] = ["a path"]
        object["amounts"] = amounts
        let found = Self.problems(object, Self.schema, at: "$")
        #expect(found.contains { $0.contains("$.schema") })
        #expect(found.contains { $0.contains("unknown_key") })
        #expect(found.contains { $0.contains("$.amounts[0].section") })
    }
}
