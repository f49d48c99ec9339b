import Foundation

/// The end-of-batch count of what the outputs hold, for the check that every unit is in them once.
///
/// Counts the lines of `documents.jsonl` and `errors.jsonl` (one per document, one per failure) and the rows
/// of the database's `documents` and `errors` tables, reading the files as they were written rather than
/// trusting the counters of the stages that wrote them: a document lost between conversion and the
/// batch-wide files shows up here. A file or table that cannot be read counts -1, which never balances.
enum BatchAccounting {
    static func count(outputDirectory out: String, into summary: inout BatchRunner.Summary) {
        summary.documentLines = lines((out as NSString).appendingPathComponent("documents.jsonl"))
        summary.errorLines = lines((out as NSString).appendingPathComponent("errors.jsonl"))
        do {
            let database = try BatchDatabaseReader(path: (out as NSString).appendingPathComponent("policy.sqlite"))
            summary.documentRows = try database.count("documents")
            summary.errorRows = try database.count("errors")
        } catch {
            summary.documentRows = -1
            summary.errorRows = -1
        }
    }

    /// The number of line ends in the file at `path` (-1 when it cannot be read), read a megabyte at a time.
    static func lines(_ path: String) -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return -1 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var count = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return -1 }
            if n == 0 { return count }
            buffer.withUnsafeBytes { b in
                var p = b.baseAddress!
                let end = p + n
                while let hit = memchr(p, 0x0A, end - p) {
                    count += 1
                    p = UnsafeRawPointer(hit) + 1
                }
            }
        }
    }
}
