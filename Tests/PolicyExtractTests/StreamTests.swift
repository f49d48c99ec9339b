import Foundation
import Testing
@testable import PolicyExtract

/// The tool in pipelines: `stream`, `extract --jsonl`, `batch --files-from` and `--shard`, `merge`, `--version`,
/// run as real processes.
@Suite(.serialized) struct StreamTests {
    /// Runs the tool with `stdin` (bytes) in the repository's root; returns status, stdout and stderr.
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, stdout: Data, stderr: String) {
        signal(SIGPIPE, SIG_IGN)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: BatchTests.binary)
        p.arguments = arguments
        p.currentDirectoryURL = Repo.root
        let input = Pipe(), out = Pipe(), err = Pipe()
        p.standardInput = input
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let writer = Thread {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errors = ErrorCollector(err.fileHandleForReading)
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, o, errors.wait())
    }

    /// Reads a pipe to its end on its own thread.
    final class ErrorCollector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)
        init(_ handle: FileHandle) {
            Thread { [self] in data = handle.readDataToEndOfFile(); done.signal() }.start()
        }
        func wait() -> String { done.wait(); return String(decoding: data, as: UTF8.self) }
    }

    static func lines(_ data: Data) -> [Data] { data.split(separator: 0x0A).map { Data($0) } }

    static func object(_ line: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] ?? [:]
    }

    /// Runs the tool with standard input from `input` and output to `output`, and returns its exit status and peak
    /// resident memory in kilobytes. A small Python process starts it and reads its `wait4` figures: a process
    /// started from this one would count this one's memory too (Linux keeps the peak of the image it replaces at
    /// `exec`, and `posix_spawn` runs in this process's memory until then).
    static func runMeasured(_ arguments: [String], input: String, output: String) throws -> (status: Int32, maxRSS: Int) {
        let script = """
            import os, subprocess, sys
            child = subprocess.Popen(sys.argv[3:], stdin=open(sys.argv[1], 'rb'), stdout=open(sys.argv[2], 'wb'), stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, input, output, BatchTests.binary] + arguments
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let fields = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard fields.count == 2 else { throw PipelineError("no measurement: \(text)") }
        return (Int32(fields[0]), fields[1])
    }

    static func text(_ s: String, id: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: ["id": id, "text": s])
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - stream

    @Test func streamWritesDocumentsInInputOrderAsBatchDoes() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = Repo.fixtureNames
        var input = ""
        for name in names {
            let id = (name as NSString).deletingPathExtension
            input += #"{"id":"\#(id)","path":"Fixtures/docs/\#(name)"}"# + "\n"
        }
        let streamed = try Self.run(["stream", "--jobs", "2"], stdin: Data(input.utf8))
        #expect(streamed.status == 0, "\(streamed.stderr)")
        let out = dir.appendingPathComponent("batch")
        let batch = try Self.run(["batch", "Fixtures/docs", "--out", out.path, "--quiet", "--jobs", "2"])
        #expect(batch.status == 0)
        let expected = try Data(contentsOf: out.appendingPathComponent("documents.jsonl"))
        #expect(streamed.stdout == expected)
        #expect(Self.lines(streamed.stdout).count == names.count)
    }

    @Test func aMalformedLineIsAnErrorLineAndTheStreamGoesOn() throws {
        let fixture = Repo.fixture("004_")
        let base64 = try Data(contentsOf: fixture).base64EncodedString()
        let input = [
            Self.text("到2025年，营业收入达到1200亿元。", id: "first"),
            #"{"id": "broken", "text": "unterminated"#,
            #"{"id":"b64","base64":"\#(base64)","source":"004.txt"}"#,
            #"{"id":"neither"}"#,
            #"{"id":"missing","path":"Fixtures/docs/no-such-file.txt"}"#,
            Self.text("二〇二三年十月", id: "last"),
        ].joined(separator: "\n") + "\n"
        let r = try Self.run(["stream", "--jobs", "2"], stdin: Data(input.utf8))
        #expect(r.status == 1, "lines that failed give exit code 1")
        #expect(r.status < 128, "crashed: \(r.stderr)")
        let lines = Self.lines(r.stdout).map(Self.object)
        try #require(lines.count == 6)
        #expect((lines[0]["document"] as? [String: Any])?["id"] as? String == "first")
        #expect((lines[0]["amounts"] as? [Any])?.count == 1)
        #expect(lines[1]["reason"] as? String == "bad_line")
        #expect(lines[1]["line"] as? Int == 2)
        for key in ["path", "reason", "message", "byte_offset"] { #expect(lines[1].keys.contains(key), "\(key)") }
        let b64 = lines[2]["document"] as? [String: Any]
        #expect(b64?["id"] as? String == "b64")
        #expect(b64?["source"] as? String == "004.txt")
        #expect(lines[3]["reason"] as? String == "bad_line")
        #expect(lines[3]["id"] as? String == "neither")
        #expect(lines[4]["reason"] as? String == "unreadable")
        #expect(lines[4]["path"] as? String == "Fixtures/docs/no-such-file.txt")
        #expect((lines[5]["document"] as? [String: Any])?["id"] as? String == "last")
        // The base64 line is the fixture itself.
        let whole = try Self.run(["extract", "--compact", fixture.path])
        let fromFile = Self.object(whole.stdout)
        #expect((fromFile["document"] as? [String: Any])?["sha256"] as? String == b64?["sha256"] as? String)
    }

    @Test func aReaderThatClosesEarlyEndsTheStreamQuietly() throws {
        // The tool stops reading its input when its output closes; writing on would raise SIGPIPE here.
        signal(SIGPIPE, SIG_IGN)
        let input = (0..<3_000).map { Self.text("到2025年，营业收入达到\($0)亿元。", id: "n\($0)") }.joined(separator: "\n") + "\n"
        for arguments in [["stream", "--jobs", "2"], ["extract", "--jsonl"] + Array(repeating: Repo.fixture("004_").path, count: 400)] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: BatchTests.binary)
            p.arguments = arguments
            let stdin = Pipe(), out = Pipe(), err = Pipe()
            p.standardInput = stdin
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let feeds = arguments[0] == "stream"
            Thread {
                if feeds { try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
                try? stdin.fileHandleForWriting.close()
            }.start()
            let errors = ErrorCollector(err.fileHandleForReading)
            // Read one line, then close the pipe, as `head -1` does.
            var first = Data()
            while !first.contains(0x0A) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                first.append(chunk)
            }
            try out.fileHandleForReading.close()
            p.waitUntilExit()
            #expect(first.count > 10, "\(arguments[0]): a first line")
            #expect(p.terminationReason == .exit, "\(arguments[0]): ended by a signal")
            #expect(p.terminationStatus == 0, "\(arguments[0]): status \(p.terminationStatus)")
            #expect(errors.wait().isEmpty, "\(arguments[0]): quiet")
        }
    }

    /// 100 000 short lines (one in five a sentence with an amount and a year, the others empty documents, which are
    /// error lines; each line carries 512 bytes of a field the stream ignores) go through with about the peak memory
    /// of 10 000 (45.7 and 46.1 MB here): the stream holds a window of lines, not its input (51 MB more than 10 000
    /// lines) nor its output. The next test shows the bound itself.
    @Test func memoryStaysFlatOverAHundredThousandLines() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let padding = String(repeating: "x", count: 512)
        func write(_ n: Int) throws -> String {
            var s = ""
            s.reserveCapacity(n * 600)
            for i in 0..<n {
                let text = i % 5 == 0 ? "到\(2020 + i % 10)年，营业收入达到\(i)亿元。" : ""
                s += #"{"id":"n\#(i)","text":"\#(text)","note":"\#(padding)"}"# + "\n"
            }
            let path = dir.appendingPathComponent("in-\(n).jsonl").path
            try Data(s.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let start = Date()
        let small = try Self.runMeasured(["stream", "--jobs", "2"], input: try write(10_000), output: dir.appendingPathComponent("out-small").path)
        let output = dir.appendingPathComponent("out-large").path
        let large = try Self.runMeasured(["stream", "--jobs", "2"], input: try write(100_000), output: output)
        let seconds = Date().timeIntervalSince(start)
        #expect(small.status == 1 && large.status == 1, "empty documents are errors")
        let lines = try Data(contentsOf: URL(fileURLWithPath: output)).split(separator: 0x0A)
        #expect(lines.count == 100_000)
        #expect(lines.last.map { String(decoding: $0, as: UTF8.self).contains(#""id":"n99999""#) } == true)
        #expect(lines.filter { $0.starts(with: Array(#"{"schema""#.utf8)) }.count == 20_000)
        #expect(large.maxRSS <= small.maxRSS + 10_000, "peak \(small.maxRSS) kB over 10 000 lines, \(large.maxRSS) kB over 100 000")
        #expect(seconds < 60, "\(seconds) s")
    }

    /// While nobody reads its output, the stream stops reading its input: it holds its window of lines and what the
    /// pipes hold, whatever follows (a reader that took its input regardless would hold all 5 000 lines).
    @Test func anUnreadOutputStopsTheInput() throws {
        signal(SIGPIPE, SIG_IGN)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: BatchTests.binary)
        p.arguments = ["stream", "--jobs", "2", "--window", "16"]
        let stdin = Pipe(), out = Pipe()
        p.standardInput = stdin
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let padding = String(repeating: "x", count: 1024)
        let total = 5_000
        let written = ManagedCounter()
        let feeder = Thread {
            for i in 0..<total {
                let line = Data((#"{"id":"n\#(i)","text":"","note":"\#(padding)"}"# + "\n").utf8)
                guard (try? stdin.fileHandleForWriting.write(contentsOf: line)) != nil else { break }
                written.add()
            }
            try? stdin.fileHandleForWriting.close()
        }
        feeder.start()
        Thread.sleep(forTimeInterval: 3)
        let taken = written.value
        // The input pipe (64 KB: about 60 lines), the reader's block (64 KB), the window (16 lines) and the output
        // pipe (64 KB of error lines of about 200 bytes: about 330) hold under 600 lines.
        #expect(taken < 1_000, "\(taken) of \(total) lines taken while the output was not read")
        let output = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(output.split(separator: 0x0A).count == total)
        #expect(written.value == total)
    }

    final class ManagedCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }

    // MARK: - extract

    @Test func extractOfSeveralFilesWritesOneLineEach() throws {
        let a = Repo.fixture("004_").path, b = Repo.fixture("000_").path
        let r = try Self.run(["extract", a, "Fixtures/docs/no-such-file.txt", b])
        #expect(r.status == 1)
        let lines = Self.lines(r.stdout).map(Self.object)
        try #require(lines.count == 3)
        #expect((lines[0]["document"] as? [String: Any])?["source"] as? String == (a as NSString).lastPathComponent, "an absolute path is named from its root")
        #expect(lines[1]["reason"] as? String == "unreadable")
        #expect(Set(lines[1].keys) == ["path", "reason", "message", "byte_offset"])
        #expect((lines[2]["document"] as? [String: Any])?["id"] as? String == FileInput.documentID(b))
        let one = try Self.run(["extract", "--jsonl", "--absolute-paths", a])
        #expect(Self.lines(one.stdout).count == 1)
        #expect((Self.object(one.stdout)["document"] as? [String: Any])?["source"] as? String == a)
    }

    /// Parallel `extract --jsonl` processes writing to one pipe (`xargs -P4 … | …`) never cut each other's lines,
    /// though most lines are longer than a pipe takes whole. The reader is slow (the shell's `read` takes a byte at a
    /// time), so that the pipe is full and the writers wait in the middle of a line: without the lock, 5 to 11 of
    /// the 72 lines were cut in three runs.
    @Test func parallelWritersToOnePipeNeverInterleave() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let paths = Array(repeating: Repo.fixtureNames.map { Repo.docs.appendingPathComponent($0).path }, count: 3).flatMap { $0 }
        let list = dir.appendingPathComponent("list")
        try Data(paths.joined(separator: "\n").utf8).write(to: list)
        let output = dir.appendingPathComponent("out.jsonl")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "xargs -P4 -n3 \"$0\" extract --jsonl < \"$1\" | (while IFS= read -r l; do printf '%s\\n' \"$l\"; done > \"$2\")", BatchTests.binary, list.path, output.path]
        try p.run()
        p.waitUntilExit()
        let lines = try Data(contentsOf: output).split(separator: 0x0A)
        #expect(lines.count == paths.count)
        #expect(lines.filter { $0.count > Int(PIPE_BUF) }.count > paths.count / 2, "most lines are longer than PIPE_BUF")
        let parsed = lines.filter { (try? JSONSerialization.jsonObject(with: Data($0))) != nil }
        #expect(parsed.count == lines.count, "\(lines.count - parsed.count) lines cut")
    }

    // MARK: - batch: files-from, shards, merge

    static func sameOutputs(_ a: URL, _ b: URL) throws {
        for file in ["documents.jsonl", "errors.jsonl", "targets.csv", "findings.json", "policy.sqlite"] {
            let x = try Data(contentsOf: a.appendingPathComponent(file)), y = try Data(contentsOf: b.appendingPathComponent(file))
            #expect(x == y, "\(file) differs")
        }
        let docs = try FileManager.default.contentsOfDirectory(atPath: a.appendingPathComponent("docs").path).sorted()
        #expect(docs == (try FileManager.default.contentsOfDirectory(atPath: b.appendingPathComponent("docs").path).sorted()))
        for d in docs {
            #expect(try Data(contentsOf: a.appendingPathComponent("docs/" + d)) == Data(contentsOf: b.appendingPathComponent("docs/" + d)), "docs/\(d)")
        }
    }

    @Test func threeShardsMergedEqualOneBatch() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A missing input and an unreadable file, so that errors are merged too.
        let bad = dir.appendingPathComponent("binary.txt")
        try Data([0, 1, 2, 3, 0xFF, 0xFE, 0, 0, 7]).write(to: bad)
        let inputs = ["Fixtures/docs", bad.path, "no-such-folder"]
        let whole = dir.appendingPathComponent("whole")
        #expect(try Self.run(["batch"] + inputs + ["--out", whole.path, "--quiet"]).status == 1)
        var shards: [String] = []
        for k in 0..<3 {
            let out = dir.appendingPathComponent("shard\(k)")
            #expect(try Self.run(["batch"] + inputs + ["--out", out.path, "--quiet", "--shard", "\(k)/3"]).status == 1)
            shards.append(out.path)
            let manifest = try #require(try ShardManifest.read(from: out.path))
            #expect(manifest.members.map(\.index) == Array(stride(from: k, to: Repo.fixtureNames.count + 1, by: 3)))
        }
        // Given in any order, the shards come back in the order of the whole list.
        let merged = dir.appendingPathComponent("merged")
        let r = try Self.run(["merge", shards[2], shards[0], shards[1], "--out", merged.path])
        #expect(r.status == 1, "the parts hold errors: \(r.stderr)")
        try Self.sameOutputs(whole, merged)
        #expect(!FileManager.default.fileExists(atPath: merged.appendingPathComponent(ShardManifest.fileName).path))
        let errors = try String(contentsOf: merged.appendingPathComponent("errors.jsonl"), encoding: .utf8)
        #expect(errors.components(separatedBy: "no-such-folder").count == 2, "an error of no input once: \(errors)")
        // Two of three shards are refused.
        let partial = try Self.run(["merge", shards[0], shards[1], "--out", dir.appendingPathComponent("partial").path])
        #expect(partial.status == 2)
        #expect(partial.stderr.contains("2/3"))
    }

    @Test func streamOutputMergesToTheBatchOutput() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = dir.appendingPathComponent("whole")
        #expect(try Self.run(["batch", "Fixtures/docs", "--out", whole.path, "--quiet"]).status == 0)
        // Two halves of a stream, as two Spark partitions write them.
        let names = Repo.fixtureNames
        var parts: [String] = []
        for half in [names[..<(names.count / 2)], names[(names.count / 2)...]] {
            let input = half.map { #"{"id":"\#(($0 as NSString).deletingPathExtension)","path":"Fixtures/docs/\#($0)"}"# }.joined(separator: "\n")
            let r = try Self.run(["stream"], stdin: Data(input.utf8))
            let part = dir.appendingPathComponent("part-\(parts.count).jsonl")
            try r.stdout.write(to: part)
            parts.append(part.path)
        }
        let merged = dir.appendingPathComponent("merged")
        #expect(try Self.run(["merge"] + parts + ["--out", merged.path]).status == 0)
        try Self.sameOutputs(whole, merged)
        // validate reads outputs back as records: the same findings as over the documents.
        let fromDocuments = try Self.run(["validate", "Fixtures/docs", "--format", "json"])
        for path in [merged.path, merged.appendingPathComponent("documents.jsonl").path] {
            let fromOutput = try Self.run(["validate", path, "--format", "json"])
            #expect(fromOutput.stdout == fromDocuments.stdout, "\(path)")
        }
    }

    @Test func filesFromAListOrStandardInput() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = dir.appendingPathComponent("whole")
        #expect(try Self.run(["batch", "Fixtures/docs", "--out", whole.path, "--quiet"]).status == 0)
        let paths = Repo.fixtureNames.map { "Fixtures/docs/" + $0 }
        let list = dir.appendingPathComponent("list.txt")
        try Data((paths.joined(separator: "\r\n") + "\n\n").utf8).write(to: list)
        let fromFile = dir.appendingPathComponent("from-file")
        #expect(try Self.run(["batch", "--files-from", list.path, "--out", fromFile.path, "--quiet"]).status == 0)
        try Self.sameOutputs(whole, fromFile)
        let fromStdin = dir.appendingPathComponent("from-stdin")
        let nul = Data(paths.joined(separator: "\0").utf8)
        #expect(try Self.run(["batch", "--files-from", "-", "-0", "--out", fromStdin.path, "--quiet"], stdin: nul).status == 0)
        try Self.sameOutputs(whole, fromStdin)
        #expect(try Self.run(["batch", "Fixtures/docs", "--shard", "3/3", "--out", dir.appendingPathComponent("x").path]).status == 2)
        #expect(try Self.run(["batch", "Fixtures/docs", "-0", "--out", dir.appendingPathComponent("x").path]).status == 2)
    }

    @Test func sourcesAreNamedFromTheInputRoot() throws {
        let root = "/data/corpus"
        let inputs = [BatchInput(path: "/data/corpus/a.txt", id: "a"), BatchInput(path: "/data/corpus/sub/b.txt", id: "b"),
                      BatchInput(path: "rel/c.txt", id: "c"), BatchInput(path: "/elsewhere/d.txt", id: "d")]
        let named = BatchRunner.nameSources(inputs, roots: [root + "/", "rel/c.txt", "/elsewhere/d.txt"])
        #expect(named.map { $0.source ?? $0.path } == ["corpus/a.txt", "corpus/sub/b.txt", "rel/c.txt", "d.txt"])
        let absolute = BatchRunner.nameSources(inputs, roots: [root], absolute: true)
        #expect(absolute[0].source == "/data/corpus/a.txt")
        #expect(absolute[2].source == FileManager.default.currentDirectoryPath + "/rel/c.txt")
        // Two copies of the fixtures under different absolute folders give the same documents.jsonl.
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [Data] = []
        for place in ["one/docs", "two/deeper/docs"] {
            let copy = dir.appendingPathComponent(place)
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Repo.docs, to: copy)
            let out = dir.appendingPathComponent("out-\(outputs.count)")
            #expect(try Self.run(["batch", copy.path, "--out", out.path, "--quiet"]).status == 0)
            outputs.append(try Data(contentsOf: out.appendingPathComponent("documents.jsonl")))
        }
        #expect(outputs[0] == outputs[1])
        #expect(String(decoding: outputs[0], as: UTF8.self).contains(#""source":"docs/\#(Repo.fixtureNames[0])""#))
    }

    @Test func versionIsPrintedAndRecorded() throws {
        for arguments in [["--version"], ["version"]] {
            let r = try Self.run(arguments)
            #expect(r.status == 0)
            #expect(String(decoding: r.stdout, as: UTF8.self) == "policy-extract \(toolVersion) (output schema \(schemaVersion))\n")
        }
        let r = try Self.run(["extract", "--compact", Repo.fixture("004_").path])
        #expect(Self.object(r.stdout)["generator"] as? String == generatorName)
    }
}
