import Foundation
import Testing
@testable import PolicyExtract

/// A dense document (10 MB of `1亿元、`: an amount every four characters, 1 million records) goes through
/// `batch` as a user runs it: it is in every output, and the process's peak memory and time stay bounded.
@Suite(.serialized) struct DenseDocumentTests {
    @Test func aDenseTenMegabyteDocumentIsInEveryOutput() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let unit = "1亿元、"
        let repeats = 10_000_000 / unit.utf8.count
        let text = String(repeating: unit, count: repeats)
        try text.write(to: input.appendingPathComponent("dense.txt"), atomically: true, encoding: .utf8)
        let megabytes = Double(text.utf8.count) / 1_000_000
        let out = dir.appendingPathComponent("out")

        let p = Process()
        p.executableURL = URL(fileURLWithPath: BatchTests.binary)
        p.arguments = ["batch", input.path, "--out", out.path, "--jobs", "1", "--quiet"]
        let start = Date()
        try p.run()
        // The child's own peak memory, as the kernel accounts it when it is reaped.
        var status: Int32 = 0
        var usage = rusage()
        let pid = p.processIdentifier
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        let peakMB = Double(usage.ru_maxrss) / 1024
        #expect((status & 0x7F) == 0 && (status >> 8) & 0xFF == 0, "batch ended with status \(status)")

        // Peak memory: under 300 MB + 20× the document, the bound issue 21 sets for any document (at 10 MB: 500 MB; this
        // debug build peaks near 405 MB, the tuned release build near 406 MB, main's tuned release build at 553 MB before
        // the batch wrote the database's rows from the items). Time: linear, a generous bound for a debug build on a
        // shared machine.
        #expect(peakMB < 300 + 20 * megabytes, "peak memory \(peakMB) MB for \(megabytes) MB")
        #expect(seconds < 600, "\(seconds) s")

        // In every output: its own JSON, documents.jsonl, the database, no error.
        let docs = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("docs").path)
        #expect(docs == ["dense.json"])
        let jsonl = try FileHandle(forReadingFrom: out.appendingPathComponent("documents.jsonl"))
        defer { try? jsonl.close() }
        let head = try jsonl.read(upToCount: 200) ?? Data()
        #expect(String(decoding: head, as: UTF8.self).contains("\"id\":\"dense\""))
        let size = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("documents.jsonl").path)[.size] as? Int ?? 0
        let docSize = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("docs/dense.json").path)[.size] as? Int ?? -1
        #expect(size == docSize, "documents.jsonl holds the document's line")
        #expect(try String(contentsOf: out.appendingPathComponent("errors.jsonl"), encoding: .utf8).isEmpty)
        let db = try BatchDatabaseReader(path: out.appendingPathComponent("policy.sqlite").path)
        #expect(try db.count("documents") == 1)
        #expect(try db.count("amounts") == repeats)
    }
}
