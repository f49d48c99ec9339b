import Foundation
import GRDB

/// The SQLite database of a batch (`DIR/policy.sqlite`), built from the documents' JSON after the batch,
/// one document at a time.
///
/// Tables: `meta` (schema version), `documents`, `sections`, `amounts`, `targets`, `departments`,
/// `clusters`, `findings`, `errors`; every row of a document's table refers to `documents(id)`; indexes on
/// the columns people filter by. `PRAGMA user_version` holds the schema version too.
public enum BatchDatabase {
    public static let schemaVersion = 1

    static let schema = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE documents (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, encoding TEXT NOT NULL,
        title TEXT, doc_number TEXT, date TEXT, characters INTEGER NOT NULL, place TEXT);
    CREATE TABLE sections (
        document_id TEXT NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL,
        start INTEGER, "end" INTEGER, line INTEGER, PRIMARY KEY (document_id, idx));
    CREATE TABLE amounts (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), text TEXT NOT NULL, value TEXT NOT NULL,
        value_max TEXT, unit TEXT NOT NULL, yuan TEXT NOT NULL, yi_yuan REAL NOT NULL, yi_yuan_max REAL, qualifier TEXT NOT NULL,
        in_table INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, line INTEGER NOT NULL, section TEXT NOT NULL, sentence TEXT);
    CREATE TABLE targets (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), year INTEGER NOT NULL, subject TEXT NOT NULL,
        metric TEXT NOT NULL, comparator TEXT NOT NULL, value REAL NOT NULL, value_max REAL, unit TEXT NOT NULL,
        threshold_yi_yuan REAL, members TEXT NOT NULL, lead TEXT NOT NULL, responsible TEXT NOT NULL, text TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, line INTEGER NOT NULL, section TEXT NOT NULL, sentence TEXT NOT NULL);
    CREATE TABLE departments (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), name TEXT NOT NULL, role TEXT NOT NULL,
        level TEXT, collective INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        line INTEGER NOT NULL, section TEXT NOT NULL);
    CREATE TABLE clusters (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), name TEXT NOT NULL, place TEXT,
        industry TEXT NOT NULL, tier TEXT, status TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        line INTEGER NOT NULL, section TEXT NOT NULL);
    CREATE TABLE findings (
        id INTEGER PRIMARY KEY, check_id TEXT NOT NULL, severity TEXT NOT NULL, claim TEXT NOT NULL, stated TEXT NOT NULL,
        computed TEXT NOT NULL, tolerance TEXT NOT NULL, detail TEXT NOT NULL, document_id TEXT REFERENCES documents(id),
        evidence TEXT NOT NULL);
    CREATE TABLE errors (id INTEGER PRIMARY KEY, path TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL, byte_offset INTEGER);
    CREATE INDEX amounts_document ON amounts(document_id);
    CREATE INDEX amounts_yi_yuan ON amounts(yi_yuan);
    CREATE INDEX targets_document ON targets(document_id);
    CREATE INDEX targets_year_metric ON targets(year, metric);
    CREATE INDEX targets_subject ON targets(subject);
    CREATE INDEX departments_document ON departments(document_id);
    CREATE INDEX departments_name_role ON departments(name, role);
    CREATE INDEX clusters_document ON clusters(document_id);
    CREATE INDEX clusters_name ON clusters(name);
    CREATE INDEX findings_severity ON findings(severity, check_id);
    CREATE INDEX findings_document ON findings(document_id);
    CREATE INDEX sections_document ON sections(document_id);
    """

    /// Builds the database at `path` through a temporary file and a rename: the schema first, then each
    /// document's JSON object as the batch reads it back (in order, one transaction each), then the batch's
    /// errors and findings.
    public final class Builder {
        let path: String
        let tmp: String
        let queue: DatabaseQueue

        public init(path: String) throws {
            self.path = path
            tmp = path + ".tmp-\(getpid())"
            try? FileManager.default.removeItem(atPath: tmp)
            var config = Configuration()
            config.foreignKeysEnabled = true
            queue = try DatabaseQueue(path: tmp, configuration: config)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.inTransaction {
                    try db.execute(sql: schema)
                    try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
                    try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('schema_version', ?), ('document_schema', ?)",
                                   arguments: [String(schemaVersion), PolicyExtract.schemaVersion])
                    return .commit
                }
            }
        }

        /// One document's JSON object (as written to `docs/`).
        public func add(_ document: [String: Any]) throws {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction {
                    try insertDocument(db, document)
                    return .commit
                }
            }
        }

        /// The batch's errors and findings; then the file is moved into place.
        public func finish(errors: [BatchError], findings: [Finding]) throws {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction {
                    for e in errors {
                        try insert(db, sql: "INSERT INTO errors (path, reason, message, byte_offset) VALUES (?, ?, ?, ?)",
                                       arguments: [e.path, e.reason, e.message, e.byteOffset])
                    }
                    let known = Set(try String.fetchAll(db, sql: "SELECT id FROM documents"))
                    for f in findings {
                        let evidence = JSONValue.array(f.evidence.map { e in
                            .object([("document", .string(e.document)), ("start", .int(e.span.start)), ("end", .int(e.span.end)),
                                     ("line", .int(e.span.line)), ("text", .string(e.text))])
                        }).serialized()
                        let document = f.evidence.first.map(\.document).flatMap { known.contains($0) ? $0 : nil }
                        try insert(db, sql: """
                            INSERT INTO findings (check_id, severity, claim, stated, computed, tolerance, detail, document_id, evidence)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [f.check, f.severity.rawValue, f.claim, f.stated, f.computed, f.tolerance, f.detail, document, evidence])
                    }
                    return .commit
                }
            }
            try queue.close()
            if rename(tmp, path) != 0 { throw PipelineError("\(path): cannot rename the database into place") }
        }
    }

    static func path(_ any: Any?) -> String { (any as? [String])?.joined(separator: " › ") ?? "" }
    static func span(_ any: Any?) -> (Int, Int, Int) {
        let s = any as? [String: Any]
        return (s?["start"] as? Int ?? 0, s?["end"] as? Int ?? 0, s?["line"] as? Int ?? 0)
    }
    static func json(_ any: Any?) -> String {
        guard let any, let data = try? JSONSerialization.data(withJSONObject: any, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
    static func double(_ any: Any?) -> Double? { (any as? NSNumber)?.doubleValue }

    /// An insert through SQLite's prepared statement for `sql`, kept by the connection (preparing every row's
    /// statement anew was most of the time spent writing the database).
    static func insert(_ db: Database, sql: String, arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    static func insertDocument(_ db: Database, _ o: [String: Any]) throws {
        guard let d = o["document"] as? [String: Any], let id = d["id"] as? String else { return }
        try insert(db, sql: """
            INSERT INTO documents (id, source, sha256, encoding, title, doc_number, date, characters, place) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, d["source"] as? String ?? "", d["sha256"] as? String ?? "", d["encoding"] as? String ?? "",
                             d["title"] as? String, d["doc_number"] as? String, d["date"] as? String, d["characters"] as? Int ?? 0, d["place"] as? String])
        for s in o["sections"] as? [[String: Any]] ?? [] {
            let (a, b, l) = span(s["span"])
            try insert(db, sql: "INSERT INTO sections (document_id, idx, kind, path, start, \"end\", line) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [id, s["index"] as? Int ?? 0, s["kind"] as? String ?? "", path(s["path"]),
                                       s["span"] == nil ? nil : a, s["span"] == nil ? nil : b, s["span"] == nil ? nil : l])
        }
        for x in o["amounts"] as? [[String: Any]] ?? [] {
            let (a, b, l) = span(x["span"])
            try insert(db, sql: """
                INSERT INTO amounts (document_id, text, value, value_max, unit, yuan, yi_yuan, yi_yuan_max, qualifier, in_table, start, "end", line, section, sentence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, x["text"] as? String ?? "", x["value"] as? String ?? "", x["value_max"] as? String, x["unit"] as? String ?? "",
                                 x["yuan"] as? String ?? "", double(x["yi_yuan"]) ?? 0, double(x["yi_yuan_max"]), x["qualifier"] as? String ?? "none",
                                 (x["table"] as? Bool ?? false) ? 1 : 0, a, b, l, path(x["section"]), x["sentence"] as? String])
        }
        for t in o["targets"] as? [[String: Any]] ?? [] {
            let (a, b, l) = span(t["span"])
            let threshold = (t["threshold"] as? [String: Any]).flatMap { double($0["yi_yuan"]) }
            try insert(db, sql: """
                INSERT INTO targets (document_id, year, subject, metric, comparator, value, value_max, unit, threshold_yi_yuan, members, lead, responsible,
                                     text, start, "end", line, section, sentence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, t["year"] as? Int ?? 0, t["subject"] as? String ?? "", t["metric"] as? String ?? "", t["comparator"] as? String ?? "none",
                                 double(t["value"]) ?? 0, double(t["value_max"]), t["unit"] as? String ?? "", threshold, json(t["members"]),
                                 json(t["lead"]), json(t["responsible"]), t["text"] as? String ?? "", a, b, l, path(t["section"]), t["sentence"] as? String ?? ""])
        }
        for x in o["departments"] as? [[String: Any]] ?? [] {
            let (a, b, l) = span(x["span"])
            try insert(db, sql: """
                INSERT INTO departments (document_id, name, role, level, collective, text, start, "end", line, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, x["name"] as? String ?? "", x["role"] as? String ?? "", x["level"] as? String, (x["collective"] as? Bool ?? false) ? 1 : 0,
                                 x["text"] as? String ?? "", a, b, l, path(x["section"])])
        }
        for x in o["clusters"] as? [[String: Any]] ?? [] {
            let (a, b, l) = span(x["span"])
            try insert(db, sql: """
                INSERT INTO clusters (document_id, name, place, industry, tier, status, text, start, "end", line, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, x["name"] as? String ?? "", x["place"] as? String, x["industry"] as? String ?? "", x["tier"] as? String,
                                 x["status"] as? String ?? "", x["text"] as? String ?? "", a, b, l, path(x["section"])])
        }
    }
}

/// `targets.csv`: one row per target of every document, RFC 4180 quoting.
public enum TargetsCSV {
    static let header = ["document_id", "year", "subject", "metric", "comparator", "value", "value_max", "unit", "threshold_yi_yuan",
                         "members", "lead", "responsible", "text", "start", "end", "line", "section"]

    static func field(_ s: String) -> String {
        if s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    public static func rows(_ object: [String: Any]) -> [String] {
        guard let d = object["document"] as? [String: Any], let id = d["id"] as? String else { return [] }
        return (object["targets"] as? [[String: Any]] ?? []).map { t in
            let (a, b, l) = BatchDatabase.span(t["span"])
            func num(_ any: Any?) -> String { (any as? NSNumber)?.stringValue ?? "" }
            let threshold = (t["threshold"] as? [String: Any]).map { num($0["yi_yuan"]) } ?? ""
            let list = { (k: String) in (t[k] as? [String] ?? []).joined(separator: "、") }
            return [id, num(t["year"]), t["subject"] as? String ?? "", t["metric"] as? String ?? "", t["comparator"] as? String ?? "",
                    num(t["value"]), num(t["value_max"]), t["unit"] as? String ?? "", threshold, list("members"), list("lead"), list("responsible"),
                    t["text"] as? String ?? "", String(a), String(b), String(l), BatchDatabase.path(t["section"])].map(field).joined(separator: ",")
        }
    }

    public static var headerLine: String { header.joined(separator: ",") }
}
