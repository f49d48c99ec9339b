import Foundation
import Testing
@testable import PolicyExtract

/// `extract` on bad input: a non-zero exit, one line on stderr naming the file and the reason, no crash.
@Suite struct CommandLineTests {
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: BatchTests.binary)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func badInputsFailWithOneLine() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SplitMix(state: 1006)
        let random = dir.appendingPathComponent("random.txt")
        try Data((0..<2048).map { _ in UInt8.random(in: 0...255, using: &rng) }).write(to: random)
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let png = dir.appendingPathComponent("image.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]).write(to: png)
        for (path, reason) in [(random.path, "binary"), (empty.path, "empty"), (png.path, "binary"), (dir.path, "directory")] {
            let r = try run(["extract", path])
            #expect(r.status != 0, "\(path)")
            #expect(r.status < 128, "\(path) crashed")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(path): \(r.stderr)")
            #expect(r.stderr.contains(path) && r.stderr.contains(reason), "\(path): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func extractPrintsOneJSONObject() throws {
        let r = try run(["extract", Repo.fixture("004_").path, "--compact"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == schemaVersion)
        #expect((object?["amounts"] as? [Any])?.isEmpty == false)
    }

    @Test func tarGzArchivesAreRead() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = dir.appendingPathComponent("docs.tar.gz")
        try BatchTests.python("""
            import tarfile, sys
            with tarfile.open(sys.argv[1], 'w:gz') as t:
                t.add(sys.argv[2], arcname='a/doc.txt')
                t.add(sys.argv[2], arcname='../escape.txt')
            """, [archive.path, Repo.fixture("004_").path])
        let out = dir.appendingPathComponent("out")
        let r = try run(["batch", archive.path, "--out", out.path, "--quiet"])
        #expect(r.status == 1)
        let documents = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(documents.count == 1)
        let errors = try String(contentsOf: out.appendingPathComponent("errors.jsonl"), encoding: .utf8)
        #expect(errors.contains("escape.txt") && errors.contains("unsafe_path"))
    }

    /// The same file named twice, through a folder and a `..` path: converted once (twice, the database refused
    /// the second record with the same id and the batch failed at its end).
    @Test func sameFileNamedTwiceIsConvertedOnce() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("notice.txt")
        try FileManager.default.copyItem(at: Repo.docs.appendingPathComponent(Repo.fixtureNames[0]), to: file)
        let out = dir.appendingPathComponent("out")
        let r = try run(["batch", file.path, file.path, folder.path, folder.path + "/../in/notice.txt", "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let documents = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(documents.count == 1)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("policy.sqlite").path))
    }

    /// `eval` with a missing gold folder, a gold file or a floors file that is not JSON: exit code 1 and one
    /// message naming the folder or file and the reason.
    @Test func evalNamesBadGoldAndFloors() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = Repo.docs.appendingPathComponent(Repo.fixtureNames[0])
        let missing = dir.appendingPathComponent("no-gold").path
        var r = try run(["eval", doc.path, "--gold", missing, "--summary"])
        #expect(r.status == 1 && r.stderr.contains(missing) && r.stderr.contains("no such folder"), "\(r.stderr)")
        let gold = dir.appendingPathComponent("gold")
        try FileManager.default.createDirectory(at: gold, withIntermediateDirectories: true)
        let bad = gold.appendingPathComponent(FileInput.documentID(doc.path) + ".json")
        try "{not json".write(to: bad, atomically: true, encoding: .utf8)
        r = try run(["eval", doc.path, "--gold", gold.path, "--summary"])
        #expect(r.status == 1 && r.stderr.contains(bad.path) && r.stderr.contains("not valid JSON"), "\(r.stderr)")
        let floors = dir.appendingPathComponent("floors.json")
        try "{\"amounts\": ".write(to: floors, atomically: true, encoding: .utf8)
        r = try run(["eval", doc.path, "--gold", Repo.root.appendingPathComponent("Fixtures/gold").path, "--floors", floors.path, "--summary"])
        #expect(r.status == 1 && r.stderr.contains(floors.path) && r.stderr.contains("not valid JSON"), "\(r.stderr)")
    }

    /// `bench --repeat`: one report per run of the batch (every output written) and of the pipeline alone, then the
    /// median, best and worst of each (figures not judged here: speed is measured by the benchmark, never asserted in a test).
    @Test func benchRepeatsAndSummarizes() throws {
        let r = try run(["bench", Repo.docs.path, "--megabytes", "1", "--repeat", "3", "--jobs", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        for what in ["batch", "pipeline"] {
            #expect(lines.filter { $0.hasPrefix(what + " ") && $0.contains("throughput") }.count == 3, "\(r.stdout)")
            let summary = lines.first { $0.hasPrefix("\(what) jobs 1 over 3 runs: median ") } ?? ""
            // median, best, worst: best ≥ median ≥ worst.
            let figures = summary.split(separator: ":").last.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
            #expect(figures.count == 3 && figures[1] >= figures[0] && figures[0] >= figures[2], "\(what): \(r.stdout)")
        }
        // Every document of the batch was converted and its outputs written.
        #expect(lines.filter { $0.hasPrefix("batch ") }.allSatisfy { !$0.contains("throughput") || $0.hasSuffix("failed 0") }, "\(r.stdout)")
    }
}

/// `bench --scaling`: every shape at two sizes, the second line of each with the time and output ratios
/// (figures not judged here).
@Suite struct BenchScalingTests {
    @Test func reportsEveryShapeAtTwoSizes() throws {
        let r = try CommandLineTests().run(["bench", "--scaling", "20"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").filter { line in ScalingShapes.all.contains { line.hasPrefix($0.name) } }
        #expect(rows.count == 2 * ScalingShapes.all.count, "\(r.stdout)")
        for (i, row) in rows.enumerated() {
            let numbers = row.split(separator: " ").compactMap { Double($0) }
            #expect(numbers.count == (i % 2 == 0 ? 4 : 6), "\(row)")
            #expect(numbers.first == (i % 2 == 0 ? 20 : 80), "\(row)")
        }
    }
}

/// Archive safety: absolute paths, links, nested archives and decompression bombs.
@Suite struct ArchiveSafetyTests {
    @Test func unsafeEntriesAreRefusedAndNestedArchivesRead() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = dir.appendingPathComponent("mixed.zip")
        try BatchTests.python("""
            import zipfile, io, sys, stat
            text = open(sys.argv[2], encoding='utf-8').read()
            inner = io.BytesIO()
            with zipfile.ZipFile(inner, 'w') as z:
                z.writestr('inner/doc.txt', text)
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('ok.txt', text)
                z.writestr('/etc/absolute.txt', text)
                link = zipfile.ZipInfo('link.txt')
                link.external_attr = (stat.S_IFLNK | 0o777) << 16
                z.writestr(link, 'ok.txt')
                z.writestr('nested.zip', inner.getvalue())
                z.writestr('bomb.txt', '0' * (64 * 1024 * 1024))
            """, [archive.path, Repo.fixture("004_").path])
        let out = dir.appendingPathComponent("out")
        let run = Process()
        run.executableURL = URL(fileURLWithPath: BatchTests.binary)
        run.arguments = ["batch", archive.path, "--out", out.path, "--quiet"]
        try run.run()
        run.waitUntilExit()
        #expect(run.terminationStatus == 1)
        let errors = try String(contentsOf: out.appendingPathComponent("errors.jsonl"), encoding: .utf8)
        #expect(errors.contains("absolute.txt") && errors.contains("absolute path"))
        #expect(errors.contains("link.txt") && errors.contains("a link"))
        #expect(errors.contains("bomb.txt") && (errors.contains("bomb") || errors.contains("over the limit")))
        let documents = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
        #expect(documents.contains("nested.zip!/inner/doc.txt"))
        #expect(documents.contains("mixed.zip!/ok.txt"))
        #expect(!FileManager.default.fileExists(atPath: "/etc/absolute.txt"))
    }

}
