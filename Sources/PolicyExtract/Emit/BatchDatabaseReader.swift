import GRDB

/// Reads back a batch database: row counts and the schema version (for tests and tools).
package struct BatchDatabaseReader {
    let queue: DatabaseQueue

    package init(path: String) throws {
        var config = Configuration()
        config.readonly = true
        queue = try DatabaseQueue(path: path, configuration: config)
    }

    package func count(_ table: String) throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? 0 }
    }

    package func userVersion() throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }
}
