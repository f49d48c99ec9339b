import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The SQLite database of a batch (`DIR/policy.sqlite`), written from each document's record as the batch converts it,
/// in input order, a transaction per chunk of documents.
///
/// Tables: `meta` (schema version), `documents`, `sections`, `sentences`, `amounts`, `years`, `periods`, `dates`,
/// `percents`, `counts`, `doc_numbers`, one per matcher that declares its output (`areas`: see `RecordOutput`), `targets`, `departments`,
/// `clusters`, `labels`, `findings`, `errors`; every row of a document's table refers to `documents(id)`; a record's
/// `sentence` column is the index of its row in `sentences` (same document); indexes on the columns people filter by.
/// `PRAGMA user_version` holds the schema version too.
package enum BatchDatabase {
    package static let schemaVersion = 2

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
    package final class Builder {
        let path: String
        let tmp: String
        let queue: DatabaseQueue

        package init(path: String) throws {
            self.path = path
            tmp = path + ".tmp-\(getpid())"
            try? FileManager.default.removeItem(atPath: tmp)
            var config = Configuration()
            // The schema declares every reference to `documents(id)`; the batch does not have SQLite check them row by row
            // (a look-up in the documents' index for every row of every table): each row is written from the record of
            // the document inserted just before it, in the same transaction, and a finding names a document only when it
            // is in the table.
            config.foreignKeysEnabled = false
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
        package func add(_ records: [DocumentRecord]) throws {
            try add(records.map { Document(record: $0) })
        }

        /// Documents, in one transaction.
        package func add(_ documents: [Document]) throws {
            if documents.isEmpty { return }
            try queue.writeWithoutTransaction { db in
                try db.inTransaction {
                    let statements = try Inserts(db)
                    for d in documents { try statements.insert(d.record, values: d.values) }
                    return .commit
                }
            }
        }

        /// The batch's errors and findings; then the file is moved into place.
        package func finish(errors: [BatchError], findings: [Finding]) throws {
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
        package func discard() {
            try? queue.close()
            unlink(tmp)
        }
    }

    /// What one document's rows are written from: its record, or, for a document the batch has just converted, its record
    /// without the matchers' lists and the maker of those records from the pipeline's items (`values`), read one row at a
    /// time (the rows are the same).
    package struct Document {
        package var record: DocumentRecord
        package var values: DocumentRecord.ItemRecords?

        package init(record: DocumentRecord, values: DocumentRecord.ItemRecords? = nil) {
            self.record = record
            self.values = values
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
    static let declaredInserts = MatcherRegistry.declaredOutputs.map { id, o in (id, o, recordInsert(o.key, o.fields.map(\.name))) }

    static func recordInsert(_ table: String, _ columns: [String]) -> String {
        let names = (["document_id"] + columns).joined(separator: ", ") + ", " + provenanceNames
        let marks = Array(repeating: "?", count: columns.count + 8).joined(separator: ", ")
        return "INSERT INTO \(table) (\(names)) VALUES (\(marks))"
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
    static let documentsSQL = "INSERT INTO documents (id, source, sha256, encoding, title, doc_number, date, characters, place) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    static let sectionsSQL = "INSERT INTO sections (document_id, idx, kind, path, start, \"end\", line) VALUES (?, ?, ?, ?, ?, ?, ?)"
    static let sentencesSQL = "INSERT INTO sentences (document_id, idx, text, start, \"end\", line) VALUES (?, ?, ?, ?, ?, ?)"
    static let labelsSQL = "INSERT INTO labels (document_id, label, text, start, \"end\", line) VALUES (?, ?, ?, ?, ?, ?)"

    /// SQLite's `SQLITE_TRANSIENT` (the C macro is not imported): SQLite copies a bound text before the call returns.
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// One prepared insert, its values bound through SQLite's C API in column order and the row written by `step`
    /// (GRDB's `StatementArguments`, an array of existential values per row, was most of the writer thread's time).
    struct Row {
        let statement: OpaquePointer
        let db: OpaquePointer?
        private var column: Int32 = 0

        init(_ db: Database, _ sql: String) throws {
            statement = try db.cachedStatement(sql: sql).sqliteStatement
            self.db = db.sqliteConnection
        }

        @inline(__always) private mutating func next() -> Int32 { column += 1; return column }
        mutating func text(_ s: String) {
            var s = s
            let c = next()
            s.withUTF8 { u in
                u.withMemoryRebound(to: CChar.self) { t in
                    if let base = t.baseAddress, t.count > 0 {
                        _ = sqlite3_bind_text(statement, c, base, Int32(t.count), BatchDatabase.transient)
                    } else {
                        _ = sqlite3_bind_text(statement, c, "", 0, BatchDatabase.transient)
                    }
                }
            }
        }
        mutating func text(_ s: String?) { if let s { text(s) } else { null() } }
        mutating func int(_ i: Int) { _ = sqlite3_bind_int64(statement, next(), sqlite3_int64(i)) }
        mutating func int(_ i: Int?) { if let i { int(i) } else { null() } }
        mutating func bool(_ b: Bool) { int(b ? 1 : 0) }
        mutating func double(_ d: Double) { _ = sqlite3_bind_double(statement, next(), d) }
        mutating func double(_ d: Double?) { if let d { double(d) } else { null() } }
        mutating func null() { _ = sqlite3_bind_null(statement, next()) }

        /// The provenance columns: text, start, end, line, section path, sentence, article.
        mutating func provenance(_ p: Provenance, _ sectionPaths: [String]) {
            text(p.text)
            int(p.span.start); int(p.span.end); int(p.span.line)
            text(sectionPaths.indices.contains(p.section) ? sectionPaths[p.section] : "")
            int(p.sentence)
            int(p.article)
        }

        /// Writes the row bound so far and makes the statement ready for the next.
        mutating func step() throws {
            let code = sqlite3_step(statement)
            column = 0
            if code != SQLITE_DONE {
                let message = String(cString: sqlite3_errmsg(db))
                sqlite3_reset(statement)
                throw PipelineError("the database refused a row (SQLite \(code): \(message))")
            }
            sqlite3_reset(statement)
        }
    }

    /// The prepared inserts of every document table, for one transaction.
    struct Inserts {
        var documents, sections, sentences, amounts, years, periods, dates, percents, counts, docNumbers, targets, departments, clusters, labels: Row
        /// The tables of the matchers that declare their output.
        var declared: [(matcher: String, output: RecordOutput, row: Row)]

        init(_ db: Database) throws {
            documents = try Row(db, documentsSQL); sections = try Row(db, sectionsSQL); sentences = try Row(db, sentencesSQL)
            amounts = try Row(db, amountsSQL); years = try Row(db, yearsSQL); periods = try Row(db, periodsSQL); dates = try Row(db, datesSQL)
            percents = try Row(db, percentsSQL); counts = try Row(db, countsSQL); docNumbers = try Row(db, docNumbersSQL)
            targets = try Row(db, targetsSQL); departments = try Row(db, departmentsSQL); clusters = try Row(db, clustersSQL); labels = try Row(db, labelsSQL)
            declared = try declaredInserts.map { (matcher: $0.0, output: $0.1, row: try Row(db, $0.2)) }
        }

        /// Each record of one matcher list: the record's own, or, with `values`, each item's record made as it is written.
        @inline(__always)
        func each<F>(_ records: [Located<F>], _ items: [Item]?, _ make: (Item) -> Located<F>, _ body: (Located<F>) throws -> Void) rethrows {
            if let items { for it in items { try body(make(it)) } } else { for x in records { try body(x) } }
        }

        /// Every row of one document's record; the matchers' rows from `values` when given (the record then has no
        /// matcher lists).
        func insert(_ r: DocumentRecord, values v: DocumentRecord.ItemRecords? = nil) throws {
            var s = self
            let d = r.document
            let id = d.id
            s.documents.text(id); s.documents.text(d.source); s.documents.text(d.sha256); s.documents.text(d.encoding)
            s.documents.text(d.title); s.documents.text(d.docNumber); s.documents.text(d.date); s.documents.int(d.characters); s.documents.text(d.place)
            try s.documents.step()
            let sectionPaths = r.sections.map { path($0.path) }
            for (k, x) in r.sections.enumerated() {
                s.sections.text(id); s.sections.int(x.index); s.sections.text(x.kind.rawValue); s.sections.text(sectionPaths[k])
                s.sections.int(x.span?.start); s.sections.int(x.span?.end); s.sections.int(x.span?.line)
                try s.sections.step()
            }
            for (k, x) in r.sentences.enumerated() {
                s.sentences.text(id); s.sentences.int(k); s.sentences.text(x.text)
                s.sentences.int(x.span.start); s.sentences.int(x.span.end); s.sentences.int(x.span.line)
                try s.sentences.step()
            }
            try each(r.amounts, v?.result.items(AmountMatcher.id), { v!.amount($0) }) { x in
                let a = x.fields
                s.amounts.text(id); s.amounts.text(a.value.description); s.amounts.text(a.valueMax?.description); s.amounts.text(a.unit)
                s.amounts.text(a.yuan.description); s.amounts.double(a.yiYuan.doubleValue); s.amounts.double(a.yiYuanMax?.doubleValue)
                s.amounts.text(a.qualifier.rawValue); s.amounts.bool(a.table); s.amounts.bool(a.chineseNumeral)
                s.amounts.provenance(x.provenance, sectionPaths)
                try s.amounts.step()
            }
            try each(r.years, v?.result.items(YearMatcher.id), { v!.year($0) }) { x in
                s.years.text(id); s.years.int(x.fields.value); s.years.text(x.fields.kind.rawValue)
                s.years.provenance(x.provenance, sectionPaths)
                try s.years.step()
            }
            try each(r.periods, v?.result.items(PeriodMatcher.id), { v!.period($0) }) { x in
                s.periods.text(id); s.periods.int(x.fields.start); s.periods.int(x.fields.end); s.periods.text(x.fields.unit)
                s.periods.provenance(x.provenance, sectionPaths)
                try s.periods.step()
            }
            try each(r.dates, v?.result.items(DateMatcher.id), { v!.date($0) }) { x in
                s.dates.text(id); s.dates.text(x.fields.date); s.dates.text(x.fields.kind.rawValue)
                s.dates.provenance(x.provenance, sectionPaths)
                try s.dates.step()
            }
            try each(r.percents, v?.result.items(PercentMatcher.id), { v!.percent($0) }) { x in
                let p = x.fields
                s.percents.text(id); s.percents.double(p.value.doubleValue); s.percents.double(p.valueMax?.doubleValue); s.percents.text(p.unit)
                s.percents.bool(p.points); s.percents.text(p.qualifier.rawValue)
                s.percents.provenance(x.provenance, sectionPaths)
                try s.percents.step()
            }
            try each(r.counts, v?.result.items(CountMatcher.id), { v!.count($0) }) { x in
                let c = x.fields
                s.counts.text(id); s.counts.double(c.value.doubleValue); s.counts.double(c.valueMax?.doubleValue); s.counts.text(c.unit)
                s.counts.text(c.baseUnit); s.counts.double(c.baseValue?.doubleValue); s.counts.text(c.qualifier.rawValue)
                s.counts.provenance(x.provenance, sectionPaths)
                try s.counts.step()
            }
            try each(r.docNumbers, v?.result.items(DocNumberMatcher.id), { v!.docNumber($0) }) { x in
                let n = x.fields
                s.docNumbers.text(id); s.docNumbers.text(n.number); s.docNumbers.text(n.issuerCode); s.docNumbers.int(n.year); s.docNumbers.int(n.serial)
                s.docNumbers.provenance(x.provenance, sectionPaths)
                try s.docNumbers.step()
            }
            for k in s.declared.indices {
                let output = s.declared[k].output
                let items = v?.result.items(s.declared[k].matcher)
                try each(r.declared[output.key] ?? [], items, { v!.declared($0, output) }) { x in
                    s.declared[k].row.text(id)
                    for f in output.fields {
                        switch x.fields[f.name] {
                        case .string(let v): s.declared[k].row.text(v)
                        case .number(let d):
                            if f.kind == .integer { s.declared[k].row.int(Int(d.description)) } else { s.declared[k].row.double(d.doubleValue) }
                        case .bool(let b): s.declared[k].row.bool(b)
                        case .null, nil: s.declared[k].row.null()
                        }
                    }
                    s.declared[k].row.provenance(x.provenance, sectionPaths)
                    try s.declared[k].row.step()
                }
            }
            for t in r.targets {
                s.targets.text(id); s.targets.int(t.year); s.targets.text(t.subject); s.targets.text(t.metric); s.targets.text(t.comparator.rawValue)
                s.targets.double(t.value.doubleValue); s.targets.double(t.valueMax?.doubleValue); s.targets.text(t.unit)
                s.targets.double(t.threshold?.yiYuan.doubleValue); s.targets.text(json(t.members)); s.targets.text(json(t.lead))
                s.targets.text(json(t.responsible))
                s.targets.provenance(t.provenance, sectionPaths)
                try s.targets.step()
            }
            for x in r.departments {
                s.departments.text(id); s.departments.text(x.name); s.departments.text(x.canonical); s.departments.text(x.role.rawValue)
                s.departments.text(x.level); s.departments.bool(x.collective)
                s.departments.provenance(x.provenance, sectionPaths)
                try s.departments.step()
            }
            for x in r.clusters {
                s.clusters.text(id); s.clusters.text(x.name); s.clusters.text(x.canonical); s.clusters.text(x.place); s.clusters.text(x.industry)
                s.clusters.text(x.tier); s.clusters.text(x.status.rawValue)
                s.clusters.provenance(x.provenance, sectionPaths)
                try s.clusters.step()
            }
            for l in r.labels {
                s.labels.text(id); s.labels.text(l.label); s.labels.text(l.text); s.labels.int(l.span.start); s.labels.int(l.span.end); s.labels.int(l.span.line)
                try s.labels.step()
            }
        }
    }
}

/// `targets.csv`: one row per target of every document, RFC 4180 quoting; list columns (`members`, `lead`,
/// `responsible`) are JSON arrays of strings, as the database holds them.
package enum TargetsCSV {
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
    package static func rows(_ r: DocumentRecord) -> String {
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

    package static var headerLine: String { header.joined(separator: ",") }
}
