import Foundation
import GRDB

/// The SQLite database of a batch (`DIR/policy.sqlite`), written from each document's record as the batch converts it,
/// in input order, a transaction per chunk of documents.
///
/// Tables: `meta` (schema version), `documents`, `sections`, `sentences`, `amounts`, `years`, `periods`, `dates`,
/// `percents`, `counts`, `doc_numbers`, one per matcher that declares its output (`areas`: see `RecordOutput`), `targets`, `departments`,
/// `clusters`, `labels`, `findings`, `errors`; every row of a document's table refers to `documents(id)`; a record's
/// `sentence` column is the index of its row in `sentences` (same document); indexes on the columns people filter by.
/// `PRAGMA user_version` holds the schema version too.
public enum BatchDatabase {
    public static let schemaVersion = 2

    /// The provenance columns every record table has.
    static let provenanceColumns = "text TEXT NOT NULL, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, line INTEGER NOT NULL, section TEXT NOT NULL, sentence INTEGER, article INTEGER NOT NULL"

    /// The indexes, made at the end of the batch (a bulk load into tables without indexes, then one sort per index,
    /// is several times faster than keeping every index up to date row by row).
    static let indexes = """
    CREATE INDEX amounts_document ON amounts(document_id);
    CREATE INDEX amounts_yi_yuan ON amounts(yi_yuan);
    CREATE INDEX years_document ON years(document_id);
    CREATE INDEX periods_document ON periods(document_id);
    CREATE INDEX dates_document ON dates(document_id);
    CREATE INDEX percents_document ON percents(document_id);
    CREATE INDEX counts_document ON counts(document_id);
    CREATE INDEX doc_numbers_document ON doc_numbers(document_id);
    CREATE INDEX doc_numbers_number ON doc_numbers(number);
    CREATE INDEX targets_document ON targets(document_id);
    CREATE INDEX targets_year_metric ON targets(year, metric);
    CREATE INDEX targets_subject ON targets(subject);
    CREATE INDEX departments_document ON departments(document_id);
    CREATE INDEX departments_name_role ON departments(name, role);
    CREATE INDEX departments_canonical_role ON departments(canonical, role);
    CREATE INDEX clusters_document ON clusters(document_id);
    CREATE INDEX clusters_name ON clusters(name);
    CREATE INDEX clusters_canonical ON clusters(canonical);
    CREATE INDEX labels_document ON labels(document_id);
    CREATE INDEX findings_severity ON findings(severity, check_id);
    CREATE INDEX findings_document ON findings(document_id);
    """

    static let schema = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE documents (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, encoding TEXT NOT NULL,
        title TEXT, doc_number TEXT, date TEXT, characters INTEGER NOT NULL, place TEXT);
    CREATE TABLE sections (
        document_id TEXT NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL,
        start INTEGER, "end" INTEGER, line INTEGER, PRIMARY KEY (document_id, idx));
    CREATE TABLE sentences (
        document_id TEXT NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL, text TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, line INTEGER NOT NULL, PRIMARY KEY (document_id, idx));
    CREATE TABLE amounts (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), value TEXT NOT NULL,
        value_max TEXT, unit TEXT NOT NULL, yuan TEXT NOT NULL, yi_yuan REAL NOT NULL, yi_yuan_max REAL, qualifier TEXT NOT NULL,
        in_table INTEGER NOT NULL, chinese_numeral INTEGER NOT NULL, \(provenanceColumns));
    CREATE TABLE years (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), value INTEGER NOT NULL, kind TEXT NOT NULL,
        \(provenanceColumns));
    CREATE TABLE periods (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), start_year INTEGER NOT NULL,
        end_year INTEGER NOT NULL, unit TEXT NOT NULL, \(provenanceColumns));
    CREATE TABLE dates (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), date TEXT NOT NULL, kind TEXT NOT NULL,
        \(provenanceColumns));
    CREATE TABLE percents (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), value REAL NOT NULL, value_max REAL,
        unit TEXT NOT NULL, points INTEGER NOT NULL, qualifier TEXT NOT NULL, \(provenanceColumns));
    CREATE TABLE counts (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), value REAL NOT NULL, value_max REAL,
        unit TEXT NOT NULL, base_unit TEXT NOT NULL, base_value REAL, qualifier TEXT NOT NULL, \(provenanceColumns));
    CREATE TABLE doc_numbers (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), number TEXT NOT NULL,
        issuer_code TEXT NOT NULL, year INTEGER NOT NULL, serial INTEGER NOT NULL, \(provenanceColumns));
    CREATE TABLE targets (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), year INTEGER NOT NULL, subject TEXT NOT NULL,
        metric TEXT NOT NULL, comparator TEXT NOT NULL, value REAL NOT NULL, value_max REAL, unit TEXT NOT NULL,
        threshold_yi_yuan REAL, members TEXT NOT NULL, lead TEXT NOT NULL, responsible TEXT NOT NULL, \(provenanceColumns));
    CREATE TABLE departments (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), name TEXT NOT NULL, canonical TEXT NOT NULL,
        role TEXT NOT NULL, level TEXT, collective INTEGER NOT NULL, \(provenanceColumns));
    CREATE TABLE clusters (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), name TEXT NOT NULL, canonical TEXT NOT NULL, place TEXT,
        industry TEXT NOT NULL, tier TEXT, status TEXT NOT NULL, \(provenanceColumns));
    CREATE TABLE labels (
        id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), label TEXT NOT NULL, text TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, line INTEGER NOT NULL);
    CREATE TABLE findings (
        id INTEGER PRIMARY KEY, check_id TEXT NOT NULL, severity TEXT NOT NULL, claim TEXT NOT NULL, stated TEXT NOT NULL,
        computed TEXT NOT NULL, tolerance TEXT NOT NULL, detail TEXT NOT NULL, reason TEXT NOT NULL,
        document_id TEXT REFERENCES documents(id), evidence TEXT NOT NULL);
    CREATE TABLE errors (id INTEGER PRIMARY KEY, path TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL, byte_offset INTEGER);
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
                // The file is built under a temporary name and renamed into place when complete: no journal, no syncs.
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
                try db.inTransaction {
                    try db.execute(sql: schema)
                    try db.execute(sql: declaredSchema)
                    try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
                    try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('schema_version', ?), ('document_schema', ?), ('generator', ?)",
                                   arguments: [String(schemaVersion), PolicyExtract.schemaVersion, generatorName])
                    return .commit
                }
            }
        }

        /// Documents' records, in one transaction.
        public func add(_ records: [DocumentRecord]) throws {
            if records.isEmpty { return }
            try queue.writeWithoutTransaction { db in
                try db.inTransaction {
                    for r in records { try insertDocument(db, r) }
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
                    try db.execute(sql: indexes)
                    try db.execute(sql: declaredIndexes)
                    let known = Set(try String.fetchAll(db, sql: "SELECT id FROM documents"))
                    for f in findings {
                        let evidence = JSONValue.array(f.evidence.map { e in
                            .object([("document", .string(e.document)), ("start", .int(e.span.start)), ("end", .int(e.span.end)),
                                     ("line", .int(e.span.line)), ("text", .string(e.text))])
                        }).serialized()
                        let document = f.evidence.first.map(\.document).flatMap { known.contains($0) ? $0 : nil }
                        try insert(db, sql: """
                            INSERT INTO findings (check_id, severity, claim, stated, computed, tolerance, detail, reason, document_id, evidence)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [f.check, f.severity.rawValue, f.claim, f.stated, f.computed, f.tolerance, f.detail, f.reason, document,
                                             evidence])
                    }
                    return .commit
                }
            }
            try queue.close()
            if rename(tmp, path) != 0 { throw PipelineError("\(path): cannot rename the database into place") }
        }

        /// Closes and removes the temporary file.
        public func discard() {
            try? queue.close()
            unlink(tmp)
        }
    }

    static func path(_ p: [String]) -> String { p.joined(separator: " › ") }

    /// A list as a JSON array of strings (`["a","b"]`), as the `members`, `lead` and `responsible` columns hold it.
    static func json(_ list: [String]) -> String { JSONValue.array(list.map { .string($0) }).serialized() }

    /// An insert through SQLite's prepared statement for `sql`, kept by the connection (preparing every row's
    /// statement anew was most of the time spent writing the database).
    static func insert(_ db: Database, sql: String, arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    static let provenanceNames = "text, start, \"end\", line, section, sentence, article"

    /// The insert statement of a record table: `document_id`, its own columns, then the provenance columns.
    /// A table per matcher that declares its output (`RecordOutput`): named by its key, a column per field.
    static let declaredSchema: String = MatcherRegistry.declaredOutputs.map { _, o in
        let columns = o.fields.map { "\($0.name) \($0.sqlType)" }.joined(separator: ", ")
        return "CREATE TABLE \(o.key) (id INTEGER PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id), \(columns), \(provenanceColumns));"
    }.joined(separator: "\n")
    static let declaredIndexes: String = MatcherRegistry.declaredOutputs.map { _, o in "CREATE INDEX \(o.key)_document ON \(o.key)(document_id);" }
        .joined(separator: "\n")
    static let declaredInserts = MatcherRegistry.declaredOutputs.map { _, o in (o, recordInsert(o.key, o.fields.map(\.name))) }

    static func recordInsert(_ table: String, _ columns: [String]) -> String {
        let names = (["document_id"] + columns).joined(separator: ", ") + ", " + provenanceNames
        let marks = Array(repeating: "?", count: columns.count + 8).joined(separator: ", ")
        return "INSERT INTO \(table) (\(names)) VALUES (\(marks))"
    }

    static func provenance(_ p: Provenance, _ sectionPaths: [String]) -> [DatabaseValueConvertible?] {
        [p.text, p.span.start, p.span.end, p.span.line, sectionPaths.indices.contains(p.section) ? sectionPaths[p.section] : "", p.sentence, p.article]
    }

    static let amountsSQL = recordInsert("amounts", ["value", "value_max", "unit", "yuan", "yi_yuan", "yi_yuan_max", "qualifier", "in_table", "chinese_numeral"])
    static let yearsSQL = recordInsert("years", ["value", "kind"])
    static let periodsSQL = recordInsert("periods", ["start_year", "end_year", "unit"])
    static let datesSQL = recordInsert("dates", ["date", "kind"])
    static let percentsSQL = recordInsert("percents", ["value", "value_max", "unit", "points", "qualifier"])
    static let countsSQL = recordInsert("counts", ["value", "value_max", "unit", "base_unit", "base_value", "qualifier"])
    static let docNumbersSQL = recordInsert("doc_numbers", ["number", "issuer_code", "year", "serial"])
    static let targetsSQL = recordInsert("targets", ["year", "subject", "metric", "comparator", "value", "value_max", "unit", "threshold_yi_yuan",
                                                     "members", "lead", "responsible"])
    static let departmentsSQL = recordInsert("departments", ["name", "canonical", "role", "level", "collective"])
    static let clustersSQL = recordInsert("clusters", ["name", "canonical", "place", "industry", "tier", "status"])

    static func insertDocument(_ db: Database, _ r: DocumentRecord) throws {
        let d = r.document
        let id = d.id
        try insert(db, sql: """
            INSERT INTO documents (id, source, sha256, encoding, title, doc_number, date, characters, place) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, d.source, d.sha256, d.encoding, d.title, d.docNumber, d.date, d.characters, d.place])
        let sectionPaths = r.sections.map { path($0.path) }
        for s in r.sections {
            try insert(db, sql: "INSERT INTO sections (document_id, idx, kind, path, start, \"end\", line) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [id, s.index, s.kind.rawValue, path(s.path), s.span?.start, s.span?.end, s.span?.line])
        }
        for (k, s) in r.sentences.enumerated() {
            try insert(db, sql: "INSERT INTO sentences (document_id, idx, text, start, \"end\", line) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [id, k, s.text, s.span.start, s.span.end, s.span.line])
        }
        func row(_ sql: String, _ own: [DatabaseValueConvertible?], _ p: Provenance) throws {
            try insert(db, sql: sql, arguments: StatementArguments([id] + own + provenance(p, sectionPaths)))
        }
        for x in r.amounts {
            let a = x.fields
            try row(amountsSQL, [a.value.description, a.valueMax?.description, a.unit, a.yuan.description, a.yiYuan.doubleValue, a.yiYuanMax?.doubleValue,
                                 a.qualifier.rawValue, a.table, a.chineseNumeral], x.provenance)
        }
        for x in r.years { try row(yearsSQL, [x.fields.value, x.fields.kind.rawValue], x.provenance) }
        for x in r.periods { try row(periodsSQL, [x.fields.start, x.fields.end, x.fields.unit], x.provenance) }
        for x in r.dates { try row(datesSQL, [x.fields.date, x.fields.kind.rawValue], x.provenance) }
        for x in r.percents {
            let p = x.fields
            try row(percentsSQL, [p.value.doubleValue, p.valueMax?.doubleValue, p.unit, p.points, p.qualifier.rawValue], x.provenance)
        }
        for x in r.counts {
            let c = x.fields
            try row(countsSQL, [c.value.doubleValue, c.valueMax?.doubleValue, c.unit, c.baseUnit, c.baseValue?.doubleValue, c.qualifier.rawValue], x.provenance)
        }
        for x in r.docNumbers {
            let n = x.fields
            try row(docNumbersSQL, [n.number, n.issuerCode, n.year, n.serial], x.provenance)
        }
        for (output, sql) in declaredInserts {
            for x in r.declared[output.key] ?? [] {
                try row(sql, output.fields.map { f -> DatabaseValueConvertible? in
                    switch x.fields[f.name] {
                    case .string(let s): return s
                    case .number(let d): return f.kind == .integer ? Int(d.description) : d.doubleValue
                    case .bool(let b): return b
                    case .null, nil: return nil
                    }
                }, x.provenance)
            }
        }
        for t in r.targets {
            try row(targetsSQL, [t.year, t.subject, t.metric, t.comparator.rawValue, t.value.doubleValue, t.valueMax?.doubleValue, t.unit,
                                 t.threshold?.yiYuan.doubleValue, json(t.members), json(t.lead), json(t.responsible)], t.provenance)
        }
        for x in r.departments { try row(departmentsSQL, [x.name, x.canonical, x.role.rawValue, x.level, x.collective], x.provenance) }
        for x in r.clusters { try row(clustersSQL, [x.name, x.canonical, x.place, x.industry, x.tier, x.status.rawValue], x.provenance) }
        for l in r.labels {
            try insert(db, sql: "INSERT INTO labels (document_id, label, text, start, \"end\", line) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [id, l.label, l.text, l.span.start, l.span.end, l.span.line])
        }
    }
}

/// `targets.csv`: one row per target of every document, RFC 4180 quoting; list columns (`members`, `lead`,
/// `responsible`) are JSON arrays of strings, as the database holds them.
public enum TargetsCSV {
    static let header = ["document_id", "year", "subject", "metric", "comparator", "value", "value_max", "unit", "threshold_yi_yuan",
                         "members", "lead", "responsible", "text", "start", "end", "line", "section"]

    /// A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, quotes doubled.
    static func field(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var out = "\""
        for ch in s.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }

    /// The CSV lines (each ending in a line feed) of a document's targets.
    public static func rows(_ r: DocumentRecord) -> String {
        var out = ""
        for t in r.targets {
            let p = t.provenance
            let fields = [r.document.id, String(t.year), t.subject, t.metric, t.comparator.rawValue, t.value.description,
                          t.valueMax?.description ?? "", t.unit, t.threshold?.yiYuan.description ?? "",
                          BatchDatabase.json(t.members), BatchDatabase.json(t.lead), BatchDatabase.json(t.responsible),
                          p.text, String(p.span.start), String(p.span.end), String(p.span.line), BatchDatabase.path(r.sectionPath(p.section))]
            out += fields.map(field).joined(separator: ",")
            out += "\n"
        }
        return out
    }

    public static var headerLine: String { header.joined(separator: ",") }
}
