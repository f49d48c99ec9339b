import Foundation
import Testing
@testable import PolicyExtract

/// The `batch` command end to end, run as a real process: bad files, archives, parallelism, signals.
@Suite(.serialized) struct BatchTests {
    /// The built `policy-extract` next to the test runner.
    static var binary: String {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        if dir.lastPathComponent.hasSuffix(".xctest") || dir.path.contains(".xctest/") {
            while dir.path.contains(".xctest") { dir = dir.deletingLastPathComponent() }
        }
        let candidate = dir.appendingPathComponent("policy-extract").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        return Repo.root.appendingPathComponent(".build/debug/policy-extract").path
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @discardableResult
    static func run(_ arguments: [String], wait: Bool = true) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        if wait { p.waitUntilExit() }
        return p
    }

    /// Writes a zip with python3's zipfile (entries: name → bytes); `rawNames` are stored as given bytes (GBK).
    static func zip(_ path: URL, entries: [(String, String)], gbkEntries: [(String, String)] = []) throws {
        var script = """
        import zipfile, sys
        class Raw(zipfile.ZipInfo):
            __slots__ = ('raw',)
            def _encodeFilenameFlags(self):
                return self.raw, self.flag_bits & ~0x800
        z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)

        """
        for (name, source) in entries { script += "z.write(\(pyString(source)), \(pyString(name)))\n" }
        for (name, text) in gbkEntries {
            script += "i = Raw('x.txt'); i.raw = \(pyString(name)).encode('gbk'); z.writestr(i, \(pyString(text)).encode('utf-8'))\n"
        }
        script += "z.writestr('../evil.txt', '到2025年，营业收入达到100亿元。')\nz.close()\n"
        try python(script, [path.path])
    }

    /// Runs a python3 script with arguments (the tests write zip and tar files with python's modules).
    static func python(_ script: String, _ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script] + arguments
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "python3 failed")
    }

    static func pyString(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// Fixtures, their GB18030 and UTF-16 copies, a zip of some of them (with a GBK-named entry and a
    /// `../evil.txt` entry), and broken files: random bytes, truncated GB18030, a PNG, an empty file.
    static func makeInput(_ root: URL) throws -> (input: URL, good: Int) {
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        var good = 0
        var zipped: [(String, String)] = []
        for name in Repo.fixtureNames {
            let source = Repo.docs.appendingPathComponent(name)
            let bytes = try FileInput.read(source.path)
            let text = makeString(try TextDecoder.decode(bytes, path: name).scalars)
            let stem = (name as NSString).deletingPathExtension
            try Data(bytes).write(to: input.appendingPathComponent(name))
            try Data(TextEncoder.encode(text, charset: "GB18030")!).write(to: input.appendingPathComponent(stem + "_gb18030.txt"))
            var u16: [UInt8] = [0xFF, 0xFE]
            for u in text.utf16 { u16.append(UInt8(u & 0xFF)); u16.append(UInt8(u >> 8)) }
            try Data(u16).write(to: input.appendingPathComponent(stem + "_utf16.txt"))
            good += 3
            if zipped.count < 5 { zipped.append(("zipped/" + stem + "_zip.txt", source.path)) }
        }
        try zip(input.appendingPathComponent("bundle.zip"), entries: zipped, gbkEntries: [("名单/济南.txt", "到2025年，营业收入达到100亿元。")])
        good += zipped.count + 1
        var rng = SplitMix(state: 1002)
        try Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }).write(to: input.appendingPathComponent("random.bin"))
        let gb = TextEncoder.encode(String(repeating: "山东省先进制造业集群发展", count: 50), charset: "GB18030")!
        try Data(gb.dropLast()).write(to: input.appendingPathComponent("truncated.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52] + [UInt8](repeating: 0, count: 32))
            .write(to: input.appendingPathComponent("picture.png"))
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        return (input, good)
    }

    static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func badFilesBecomeErrorsAndTheRestConverts() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (input, good) = try Self.makeInput(root)
        let out = root.appendingPathComponent("out")
        let p = try Self.run(["batch", input.path, "--out", out.path, "--jobs", "2", "--quiet"])
        #expect(p.terminationStatus == 1)
        let errors = try Self.lines(out.appendingPathComponent("errors.jsonl"))
        #expect(errors.count == 5, "\(errors)")
        #expect(errors.contains { $0.contains("evil.txt") && $0.contains("unsafe_path") })
        let documents = try Self.lines(out.appendingPathComponent("documents.jsonl"))
        #expect(documents.count == good)
        #expect(documents.contains { $0.contains("名单/济南.txt") })
        // Nothing outside --out: the '..' entry was never written anywhere.
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("evil.txt").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("evil.txt").path))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
                == ["docs", "documents.jsonl", "errors.jsonl", "targets.csv", "findings.json", "policy.sqlite"])
        // The database holds what the JSONL files hold.
        let db = try BatchDatabaseReader(path: out.appendingPathComponent("policy.sqlite").path)
        #expect(try db.count("documents") == documents.count)
        #expect(try db.count("errors") == errors.count)
        let targetRows = try Self.lines(out.appendingPathComponent("targets.csv")).count - 1
        #expect(try db.count("targets") == targetRows)
        #expect(try db.userVersion() == BatchDatabase.schemaVersion)
        // Usage errors exit 2.
        #expect(try Self.run(["batch", "--out", out.path]).terminationStatus == 2)
    }

    @Test func outputDoesNotDependOnJobs() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (input, _) = try Self.makeInput(root)
        let one = root.appendingPathComponent("one"), two = root.appendingPathComponent("two")
        try Self.run(["batch", input.path, "--out", one.path, "--jobs", "1", "--quiet"])
        try Self.run(["batch", input.path, "--out", two.path, "--jobs", "2", "--quiet"])
        for name in ["documents.jsonl", "errors.jsonl", "targets.csv", "findings.json"] {
            #expect(try Data(contentsOf: one.appendingPathComponent(name)) == Data(contentsOf: two.appendingPathComponent(name)), "\(name) differs")
        }
    }

    @Test func interruptedAndResumedEqualsUninterrupted() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for copy in 0..<12 {
            for name in Repo.fixtureNames {
                try Data(contentsOf: Repo.docs.appendingPathComponent(name)).write(to: input.appendingPathComponent("c\(copy)_" + name))
            }
        }
        let straight = root.appendingPathComponent("straight"), resumed = root.appendingPathComponent("resumed")
        #expect(try Self.run(["batch", input.path, "--out", straight.path, "--jobs", "2", "--quiet"]).terminationStatus == 0)
        // Interrupt a second run with a real SIGINT once some documents are written.
        let p = try Self.run(["batch", input.path, "--out", resumed.path, "--jobs", "1", "--quiet"], wait: false)
        let docs = resumed.appendingPathComponent("docs")
        let deadline = Date().addingTimeInterval(120)
        while p.isRunning, Date() < deadline {
            let n = (try? FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".json") }.count) ?? 0
            if n >= 20 { kill(p.processIdentifier, SIGINT); break }
            usleep(2_000)
        }
        p.waitUntilExit()
        #expect(p.terminationStatus == 130, "the run was not stopped by the signal (status \(p.terminationStatus))")
        #expect(!FileManager.default.fileExists(atPath: resumed.appendingPathComponent("documents.jsonl").path))
        // Only complete files: every document JSON present parses.
        for name in try FileManager.default.contentsOfDirectory(atPath: docs.path) {
            #expect(name.hasSuffix(".json"), "partial file left: \(name)")
            #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: docs.appendingPathComponent(name)))) != nil, "\(name) is incomplete")
        }
        #expect(try Self.run(["batch", input.path, "--out", resumed.path, "--jobs", "2", "--resume", "--quiet"]).terminationStatus == 0)
        for name in ["documents.jsonl", "errors.jsonl", "targets.csv", "findings.json", "policy.sqlite"] {
            #expect(try Data(contentsOf: straight.appendingPathComponent(name)) == Data(contentsOf: resumed.appendingPathComponent(name)), "\(name) differs")
        }
        let a = try FileManager.default.contentsOfDirectory(atPath: straight.appendingPathComponent("docs").path).sorted()
        #expect(a == (try FileManager.default.contentsOfDirectory(atPath: docs.path).sorted()))
        for name in a {
            #expect(try Data(contentsOf: straight.appendingPathComponent("docs/" + name)) == Data(contentsOf: docs.appendingPathComponent(name)), "\(name) differs")
        }
    }
}
