import Foundation
import Testing
@testable import PolicyExtract

/// Inputs and faults a hostile user tries: every unit is accounted for (a document or one error record),
/// ids never collide, one batch per output folder, bad arguments are named, a signal at any moment leaves
/// complete outputs or none, and HTML is read in one pass.
@Suite(.serialized) struct HostileInputTests {
    /// Runs the tool; `stdin` is written to its standard input.
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: BatchTests.binary)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        p.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try p.run()
        if let stdin {
            try input.fileHandleForWriting.write(contentsOf: stdin)
            try input.fileHandleForWriting.close()
        }
        // Both pipes are drained at once, so that neither fills while the other is read.
        final class Box: @unchecked Sendable { var data = Data() }
        let o = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { o.data = out.fileHandleForReading.readDataToEndOfFile() }
        let e = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o.data, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static func lines(_ url: URL) -> [String] {
        ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// The `units N: converted C, failed F` line a batch prints at its end.
    static func accounting(_ stderr: String) -> (units: Int, converted: Int, failed: Int)? {
        guard let line = stderr.split(separator: "\n").first(where: { $0.hasPrefix("units ") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 3 else { return nil }
        return (numbers[0], numbers[1], numbers[2])
    }

    /// The outputs agree with the printed count: each unit once, as a document or an error, in the files and
    /// in the database.
    static func expectAccounted(_ out: URL, _ stderr: String, units: Int, converted: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let printed = try #require(accounting(stderr), "no accounting line in: \(stderr)", sourceLocation: sourceLocation)
        #expect(printed.units == units && printed.converted == converted && printed.failed == units - converted,
                "printed \(printed), expected units \(units), converted \(converted)", sourceLocation: sourceLocation)
        let documents = lines(out.appendingPathComponent("documents.jsonl")), errors = lines(out.appendingPathComponent("errors.jsonl"))
        #expect(documents.count == converted && errors.count == units - converted, "\(errors)", sourceLocation: sourceLocation)
        let db = try BatchDatabaseReader(path: out.appendingPathComponent("policy.sqlite").path)
        #expect(try db.count("documents") == converted && db.count("errors") == units - converted, sourceLocation: sourceLocation)
        // The progress line (printed at the end when stderr is not a terminal) counts every error.
        if let progress = stderr.split(separator: "\n").last(where: { $0.contains(" files ") && $0.contains(" errors") }) {
            #expect(progress.contains("  \(units - converted) errors"), "\(progress)", sourceLocation: sourceLocation)
        }
    }

    static func ids(_ out: URL) -> [String] {
        lines(out.appendingPathComponent("documents.jsonl")).compactMap { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (object?["document"] as? [String: Any])?["id"] as? String
        }
    }

    static func fixtureText(_ k: Int) throws -> String {
        try String(contentsOf: Repo.docs.appendingPathComponent(Repo.fixtureNames.filter { !$0.contains("gb18030") && !$0.contains("big5") }[k]), encoding: .utf8)
    }

    // MARK: Archives

    /// Two entries of one name (both converted, under distinct ids), a character device, a block device and a
    /// FIFO in a tar (one error each), and the entries after a decompression bomb in a zip and in a tar.gz
    /// (one error each): every entry is a unit of the printed count.
    @Test func everyArchiveEntryIsAUnit() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.fixtureText(0), b = try Self.fixtureText(1)
        try a.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try b.write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try BatchTests.python("""
            import zipfile, tarfile, io, sys, warnings
            warnings.simplefilter('ignore')
            d = sys.argv[1]
            a = open(d + '/a.txt', 'rb').read(); b = open(d + '/b.txt', 'rb').read()
            with zipfile.ZipFile(d + '/dup.zip', 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('x.txt', a)
                z.writestr('x.txt', b)
                z.writestr('bomb.txt', b'0' * (64 << 20))
                z.writestr('after1.txt', a)
                z.writestr('after2.txt', b)
            with tarfile.open(d + '/special.tar', 'w') as t:
                for name, kind in (('null', tarfile.CHRTYPE), ('disk', tarfile.BLKTYPE), ('pipe', tarfile.FIFOTYPE)):
                    i = tarfile.TarInfo(name); i.type = kind; t.addfile(i)
                i = tarfile.TarInfo('doc.txt'); i.size = len(a); t.addfile(i, io.BytesIO(a))
            with tarfile.open(d + '/bomb.tar.gz', 'w:gz', compresslevel=9) as t:
                i = tarfile.TarInfo('zeros.txt'); i.size = 64 << 20; t.addfile(i, io.BytesIO(b'0' * (64 << 20)))
                i = tarfile.TarInfo('later.txt'); i.size = len(b); t.addfile(i, io.BytesIO(b))
            """, [dir.path])
        let out = dir.appendingPathComponent("out")
        let r = try Self.run(["batch", dir.appendingPathComponent("dup.zip").path, dir.appendingPathComponent("special.tar").path,
                              dir.appendingPathComponent("bomb.tar.gz").path, "--out", out.path, "--jobs", "2"])
        #expect(r.status == 1, "\(r.stderr)")
        // dup.zip: x, x (2 documents), bomb, after1, after2 (3 errors); special.tar: 3 errors, doc; bomb.tar.gz: 2 errors.
        try Self.expectAccounted(out, r.stderr, units: 11, converted: 3)
        #expect(Self.ids(out) == ["x", "x-2", "doc"])
        let errors = Self.lines(out.appendingPathComponent("errors.jsonl")).joined(separator: "\n")
        for name in ["dup.zip!/bomb.txt", "dup.zip!/after1.txt", "dup.zip!/after2.txt", "special.tar!/null", "special.tar!/disk",
                     "special.tar!/pipe", "bomb.tar.gz!/zeros.txt", "bomb.tar.gz!/later.txt"] {
            #expect(errors.contains("/\(name)\""), "no error record for \(name)")
        }
        #expect(errors.contains("a character device") && errors.contains("a block device") && errors.contains("a FIFO"))
        #expect(errors.components(separatedBy: "not read: the archive").count - 1 == 3, "\(errors)")
        // The two entries of one name are two documents of different content.
        let shas = Self.lines(out.appendingPathComponent("documents.jsonl")).prefix(2).map { $0.components(separatedBy: "\"sha256\":\"")[1].prefix(64) }
        #expect(shas.count == 2 && shas[0] != shas[1])
    }

    // MARK: Ids

    /// `dir1/a.txt`, `dir2/a.txt`, a file named like the hashed id the first once got, one named like the id
    /// the second gets now, and `A.txt`: five documents, five output files, one database.
    @Test func idsNeverCollide() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        for sub in ["dir1", "dir2"] { try FileManager.default.createDirectory(at: input.appendingPathComponent(sub), withIntermediateDirectories: true) }
        let first = input.appendingPathComponent("dir1/a.txt")
        let hashed = "a-" + String(SHA256.hex(Array(first.path.utf8)).prefix(8)) + ".txt"
        for (k, name) in ["dir1/a.txt", "dir2/a.txt", hashed, "a-2.txt", "A.txt"].enumerated() {
            try Self.fixtureText(k).write(to: input.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let out = dir.appendingPathComponent("out")
        let r = try Self.run(["batch", input.path, "--out", out.path, "--jobs", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        try Self.expectAccounted(out, r.stderr, units: 5, converted: 5)
        let ids = Self.ids(out)
        #expect(Set(ids.map { $0.lowercased() }).count == 5, "\(ids)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("docs").path)
        #expect(files.count == 5 && Set(ids.map { $0 + ".json" }) == Set(files), "\(files)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(OutputLock.fileName).path))
    }

    /// Ids by construction: input order, the first free suffix, no case-only difference, a thousand of one
    /// name, names that look like suffixed ids, a name too long for a file name.
    @Test func documentIDsAreUniqueByConstruction() {
        var ids = BatchRunner.DocumentIDs()
        #expect(ids.assign("a") == "a")
        #expect(ids.assign("a-2") == "a-2")
        #expect(ids.assign("a") == "a-3")
        #expect(ids.assign("A") == "A-4")
        #expect(ids.assign("a-3") == "a-3-2")
        var all = Set<String>()
        for k in 0..<3000 {
            let id = ids.assign(k % 3 == 0 ? "x-\(k / 3 + 2)" : "x")
            #expect(all.insert(id.lowercased()).inserted, "\(id) given twice")
        }
        let long = String(repeating: "规划", count: 200)
        let cut = ids.assign(long)
        #expect(cut.utf8.count <= BatchRunner.DocumentIDs.maxBytes && long.hasPrefix(cut))
        #expect(ids.assign(long) == cut + "-2")
    }

    // MARK: One batch per folder

    @Test func aSecondBatchOnTheSameFolderIsRefused() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = dir.appendingPathComponent("doc.txt")
        try Self.fixtureText(0).write(to: doc, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // A batch that holds the folder (this process, as another batch would).
        let held = try OutputLock.acquire(outputDirectory: out.path)
        var r = try Self.run(["batch", doc.path, "--out", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--out") && r.stderr.contains("being written by another batch (pid \(getpid()))"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("documents.jsonl").path))
        held.release()
        // A lock left by a batch that no longer runs (killed) is taken over.
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        try "\(dead.processIdentifier)\n".write(to: out.appendingPathComponent(OutputLock.fileName), atomically: true, encoding: .utf8)
        r = try Self.run(["batch", doc.path, "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        try Self.expectAccounted(out, r.stderr, units: 1, converted: 1)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(OutputLock.fileName).path))
    }

    /// Two real batches at once on one folder: the second is refused, the first writes outputs of its own.
    @Test func twoBatchesAtOnce() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for copy in 0..<4 {
            for name in Repo.fixtureNames { try FileManager.default.copyItem(at: Repo.docs.appendingPathComponent(name), to: input.appendingPathComponent("c\(copy)_" + name)) }
        }
        let units = 4 * Repo.fixtureNames.count
        let out = dir.appendingPathComponent("out")
        let errFile = dir.appendingPathComponent("first.err")
        #expect(FileManager.default.createFile(atPath: errFile.path, contents: nil))
        let first = Process()
        first.executableURL = URL(fileURLWithPath: BatchTests.binary)
        first.arguments = ["batch", input.path, "--out", out.path, "--jobs", "1"]
        first.standardOutput = FileHandle.nullDevice
        first.standardError = try FileHandle(forWritingTo: errFile)
        try first.run()
        let lockFile = out.appendingPathComponent(OutputLock.fileName).path
        let deadline = Date().addingTimeInterval(60)
        while first.isRunning, Date() < deadline, !FileManager.default.fileExists(atPath: lockFile) { usleep(1_000) }
        let second = try Self.run(["batch", Repo.docs.path, "--out", out.path, "--quiet"])
        first.waitUntilExit()
        #expect(second.status == 2 && second.stderr.contains("pid \(first.processIdentifier)"), "\(second.stderr)")
        #expect(first.terminationStatus == 0)
        try Self.expectAccounted(out, String(contentsOf: errFile, encoding: .utf8), units: units, converted: units)
    }

    // MARK: Arguments

    @Test func badArgumentsAreNamed() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = dir.appendingPathComponent("doc.txt")
        try Self.fixtureText(0).write(to: doc, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out").path
        let cases: [([String], String)] = [
            (["--out", ""], "--out"), (["--out", "-"], "--out"), (["--out", doc.path], "--out"), (["--out", doc.path + "/sub"], "--out"),
            (["--out", out, "--jobs", "0"], "--jobs"), (["--out", out, "--jobs", "-1"], "--jobs"),
            (["--out", out, "--max-file-size=-5"], "--max-file-size"), (["--out", out, "--max-file-size", "-5"], "--max-file-size"),
            (["--out", out, "--max-file-size", "0"], "--max-file-size"),
        ]
        for (arguments, option) in cases {
            let r = try Self.run(["batch", doc.path] + arguments)
            #expect(r.status == 2, "\(arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(option), "\(arguments): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out), "a refused batch wrote its folder")
        // Nothing was written in the current folder for `--out ""`.
        #expect(!FileManager.default.fileExists(atPath: "documents.jsonl"))
        for arguments in [["validate", doc.path, "--jobs", "-1"], ["bench", "--jobs", "0"], ["bench", "--megabytes", "-1"]] {
            let r = try Self.run(arguments)
            #expect(r.status == 2 && r.stderr.contains(arguments[arguments.count - 2]), "\(arguments): \(r.stderr)")
        }
    }

    /// `extract -` and `extract /dev/stdin` read a pipe; an endless stream stops at the size limit.
    @Test func extractReadsStandardInput() throws {
        let text = Data("到2025年，全省营业收入达到1200亿元。".utf8)
        for path in ["-", "/dev/stdin"] {
            let r = try Self.run(["extract", path, "--compact"], stdin: text)
            #expect(r.status == 0, "\(path): \(r.stderr)")
            #expect(r.stdout.contains("\"1200亿元\""), "\(path): \(r.stdout.prefix(200))")
        }
        do {
            _ = try FileInput.read("/dev/zero", maxSize: 1 << 16)
            Issue.record("an endless stream was read without a limit")
        } catch let e as InputError {
            #expect(e.reason == .tooLarge)
        }
    }

    // MARK: Folders

    /// A FIFO (never opened: reading it would wait for ever), a link to nothing and a link to a folder inside an
    /// input folder: one error record each, beside the file that converts.
    @Test func specialFilesInAFolderAreUnits() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Self.fixtureText(0).write(to: input.appendingPathComponent("doc.txt"), atomically: true, encoding: .utf8)
        #expect(mkfifo(input.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("gone.txt").path, withDestinationPath: "/nonexistent/x.txt")
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("loop").path, withDestinationPath: input.path)
        let out = dir.appendingPathComponent("out")
        let r = try Self.run(["batch", input.path, "--out", out.path])
        #expect(r.status == 1, "\(r.stderr)")
        try Self.expectAccounted(out, r.stderr, units: 4, converted: 1)
        let errors = Self.lines(out.appendingPathComponent("errors.jsonl")).joined(separator: "\n")
        #expect(errors.contains("pipe.txt") && errors.contains("a FIFO"))
        #expect(errors.contains("gone.txt") && errors.contains("a link to nothing"))
        #expect(errors.contains("loop") && errors.contains("a link to a folder"))
    }

    // MARK: Resume

    @Test func resumeRemovesTemporaryFiles() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = dir.appendingPathComponent("doc.txt")
        try Self.fixtureText(0).write(to: doc, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        #expect(try Self.run(["batch", doc.path, "--out", out.path]).status == 0)
        let stray = ["documents.jsonl.tmp-4242", "policy.sqlite.tmp-4242", "policy.sqlite.tmp-4242-journal", "docs/doc.json.tmp-4242-123456"]
        for name in stray { try Data("partial".utf8).write(to: out.appendingPathComponent(name)) }
        // Not temporary: what an input named `keep.tmp-1.txt` is written as.
        try Data("{}".utf8).write(to: out.appendingPathComponent("docs/keep.tmp-1.json"))
        let r = try Self.run(["batch", doc.path, "--out", out.path, "--resume"])
        #expect(r.status == 0, "\(r.stderr)")
        for name in stray { #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) left") }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("docs/keep.tmp-1.json").path))
        #expect(OutputLock.isTemporary("a.json.tmp-1") && OutputLock.isTemporary("a.json.tmp-1-2") && OutputLock.isTemporary("p.sqlite.tmp-9-wal"))
        #expect(!OutputLock.isTemporary("a.tmp-1.json") && !OutputLock.isTemporary("a.json.tmp-x") && !OutputLock.isTemporary("a.json.tmp-"))
        #expect(!OutputLock.isTemporary("notes.tmp-2024"))
    }

    // MARK: Signals

    /// Waits for `p` to end, at most `seconds`, then kills it and records an issue: a batch that a signal did not
    /// stop must fail its test, never hang the suite.
    static func waitOrKill(_ p: Process, seconds: Double = 120) {
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning, Date() < deadline { usleep(10_000) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            Issue.record("the batch was still running \(Int(seconds)) s after its signal: killed")
        }
        p.waitUntilExit()
    }

    /// SIGINT while an archive is being read (a tar streamed slowly through a FIFO): exit 130, the resume
    /// message, nothing written.
    @Test func signalWhileReadingAnArchive() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("slow.tar")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        try Self.fixtureText(0).write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        writer.arguments = ["python3", "-c", """
            import tarfile, io, sys, time, signal
            signal.alarm(120)  # ends for sure, whatever the batch did with the FIFO
            a = open(sys.argv[2], 'rb').read()
            try:
                with open(sys.argv[1], 'wb') as f, tarfile.open(fileobj=f, mode='w|') as t:
                    for k in range(600):
                        i = tarfile.TarInfo('d%d.txt' % k); i.size = len(a); t.addfile(i, io.BytesIO(a)); f.flush(); time.sleep(0.05)
            except (BrokenPipeError, OSError):
                pass
            """, fifo.path, dir.appendingPathComponent("a.txt").path]
        // Neither of the test process's outputs: a writer that outlived its test would hold them open.
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        defer { if writer.isRunning { writer.terminate(); writer.waitUntilExit() } }
        let out = dir.appendingPathComponent("out")
        let errFile = dir.appendingPathComponent("err")
        #expect(FileManager.default.createFile(atPath: errFile.path, contents: nil))
        let batch = Process()
        batch.executableURL = URL(fileURLWithPath: BatchTests.binary)
        batch.arguments = ["batch", fifo.path, "--out", out.path]
        batch.standardError = try FileHandle(forWritingTo: errFile)
        try batch.run()
        usleep(800_000)
        kill(batch.processIdentifier, SIGINT)
        Self.waitOrKill(batch)
        #expect(batch.terminationStatus == 130 && batch.terminationReason == .exit)
        let stderr = try String(contentsOf: errFile, encoding: .utf8)
        #expect(stderr.contains("stopped by signal") && stderr.contains("--resume"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// A FIFO named on the command line that nothing writes to: its read never returns, so the first SIGINT
    /// cannot stop the batch; the second ends it at once, with the resume message.
    @Test func aSecondSignalEndsABatchStuckOnAFIFO() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("stuck.txt")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let errFile = dir.appendingPathComponent("err")
        #expect(FileManager.default.createFile(atPath: errFile.path, contents: nil))
        let batch = Process()
        batch.executableURL = URL(fileURLWithPath: BatchTests.binary)
        batch.arguments = ["batch", fifo.path, "--out", dir.appendingPathComponent("out").path]
        batch.standardError = try FileHandle(forWritingTo: errFile)
        try batch.run()
        defer { if batch.isRunning { kill(batch.processIdentifier, SIGKILL) } }
        // Wait until a thread of the batch is blocked opening the FIFO (the kernel's wait channel says so); a loaded
        // machine can take longer than any fixed pause to get there.
        let tasks = "/proc/\(batch.processIdentifier)/task"
        let opened = Date().addingTimeInterval(30)
        func blockedOnFIFO() -> Bool {
            let ids = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []
            return ids.contains { id in
                let channel = (try? String(contentsOfFile: "\(tasks)/\(id)/wchan", encoding: .utf8)) ?? ""
                return channel.contains("fifo") || channel.contains("wait_for_partner") || channel.contains("pipe")
            }
        }
        while !blockedOnFIFO(), batch.isRunning, Date() < opened { usleep(20_000) }
        kill(batch.processIdentifier, SIGINT)
        usleep(500_000)
        #expect(batch.isRunning, "the FIFO was not waited on")
        kill(batch.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while batch.isRunning, Date() < deadline { usleep(10_000) }
        #expect(!batch.isRunning)
        Self.waitOrKill(batch, seconds: 1)
        #expect(batch.terminationStatus == 130 && batch.terminationReason == .exit)
        #expect(try String(contentsOf: errFile, encoding: .utf8).contains("second signal"))
    }

    /// SIGTERM while the batch-wide files are written: exit 130, the resume message, and every output there
    /// complete (none half-written, no temporary file left).
    @Test func signalWhileWritingTheBatchFiles() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for copy in 0..<8 {
            for name in Repo.fixtureNames { try FileManager.default.copyItem(at: Repo.docs.appendingPathComponent(name), to: input.appendingPathComponent("c\(copy)_" + name)) }
        }
        let units = 8 * Repo.fixtureNames.count
        let out = dir.appendingPathComponent("out")
        let errFile = dir.appendingPathComponent("err")
        #expect(FileManager.default.createFile(atPath: errFile.path, contents: nil))
        let batch = Process()
        batch.executableURL = URL(fileURLWithPath: BatchTests.binary)
        batch.arguments = ["batch", input.path, "--out", out.path, "--jobs", "2", "--quiet"]
        batch.standardError = try FileHandle(forWritingTo: errFile)
        try batch.run()
        var signalled = false
        let deadline = Date().addingTimeInterval(120)
        while batch.isRunning, Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            if names.contains(where: { $0.contains(".tmp-") }) {
                kill(batch.processIdentifier, SIGTERM)
                signalled = true
                break
            }
            usleep(500)
        }
        Self.waitOrKill(batch)
        #expect(signalled, "the batch ended before its batch-wide files were seen being written")
        let stderr = try String(contentsOf: errFile, encoding: .utf8)
        #expect(batch.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("--resume"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")
        if names.contains("documents.jsonl") { #expect(Self.lines(out.appendingPathComponent("documents.jsonl")).count == units) }
        if names.contains("policy.sqlite") {
            #expect(try BatchDatabaseReader(path: out.appendingPathComponent("policy.sqlite").path).count("documents") == units)
        }
        // The resumed run completes them.
        let r = try Self.run(["batch", input.path, "--out", out.path, "--jobs", "2", "--resume"])
        #expect(r.status == 0)
        try Self.expectAccounted(out, r.stderr, units: units, converted: units)
    }

    // MARK: Fuzz target

    /// The fuzz target, built plainly, replays files through decode → emit and its checks (spans, JSON): the
    /// seed corpus passes them: the fixtures and every input an earlier fuzzing run found (`Fixtures/fuzz`).
    @Test func fuzzTargetReplaysTheSeedCorpus() throws {
        let replay = URL(fileURLWithPath: BatchTests.binary).deletingLastPathComponent().appendingPathComponent("policy-extract-fuzz").path
        let found = Repo.root.appendingPathComponent("Fixtures/fuzz")
        let findings = try FileManager.default.contentsOfDirectory(atPath: found.path).sorted().map { found.appendingPathComponent($0).path }
        #expect(!findings.isEmpty)
        let inputs = Repo.fixtureNames.map { Repo.docs.appendingPathComponent($0).path } + findings
        let p = Process()
        p.executableURL = URL(fileURLWithPath: replay)
        p.arguments = inputs
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0 && text.contains("replayed \(inputs.count) input(s)"), "\(text)")
    }

    // MARK: Accounting

    /// The end-of-batch count reads the outputs: a document missing from `documents.jsonl` or from the
    /// database, or an error missing from `errors.jsonl`, does not balance.
    @Test func accountingReadsTheOutputs() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func outputs(documents: Int, rows: Int, errors: Int) throws {
            try String(repeating: "{}\n", count: documents).write(to: dir.appendingPathComponent("documents.jsonl"), atomically: true, encoding: .utf8)
            try String(repeating: "{}\n", count: errors).write(to: dir.appendingPathComponent("errors.jsonl"), atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(at: dir.appendingPathComponent("policy.sqlite"))
            try BatchTests.python("""
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                db.execute('CREATE TABLE documents (id TEXT)'); db.execute('CREATE TABLE errors (path TEXT)')
                db.executemany('INSERT INTO documents VALUES (?)', [('d%d' % k,) for k in range(int(sys.argv[2]))])
                db.executemany('INSERT INTO errors VALUES (?)', [('e%d' % k,) for k in range(int(sys.argv[3]))])
                db.commit()
                """, [dir.appendingPathComponent("policy.sqlite").path, "\(rows)", "\(errors)"])
        }
        var summary = BatchRunner.Summary()
        summary.units = 5
        summary.converted = 3
        summary.failed = 2
        try outputs(documents: 3, rows: 3, errors: 2)
        BatchAccounting.count(outputDirectory: dir.path, into: &summary)
        #expect(summary.accountedFor)
        try outputs(documents: 2, rows: 3, errors: 2)  // a document lost from documents.jsonl
        BatchAccounting.count(outputDirectory: dir.path, into: &summary)
        #expect(!summary.accountedFor)
        try outputs(documents: 3, rows: 2, errors: 2)  // … from the database
        BatchAccounting.count(outputDirectory: dir.path, into: &summary)
        #expect(!summary.accountedFor)
        try outputs(documents: 3, rows: 3, errors: 1)  // an error record lost
        BatchAccounting.count(outputDirectory: dir.path, into: &summary)
        #expect(!summary.accountedFor)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("documents.jsonl"))  // no output at all
        BatchAccounting.count(outputDirectory: dir.path, into: &summary)
        #expect(!summary.accountedFor)
    }
}

/// HTML is read in one pass: tags, comments, quotes, scripts, and a `<` that begins no tag.
@Suite struct HTMLTextTests {
    func visible(_ page: String) -> String {
        let scalars = page.unicodeScalars.map(\.value)
        let (chars, origin) = HTMLText.strip(scalars)
        // Every visible character points into the page (a character reference or a line break at its tag's start).
        for (k, c) in chars.enumerated() where c != 0x0A && c != 0x09 {
            let o = Int(origin[k])
            #expect(scalars[o] == c || scalars[o] == UInt32(("&" as Unicode.Scalar).value), "\(page): char \(k)")
        }
        return makeString(chars)
    }

    @Test func tagsCommentsQuotesAndScriptsAreDropped() {
        let page = """
            <!DOCTYPE html><?xml version="1.0"?><html><head><title>通知</title><style>p { color: red }</style>\
            <script>if (a<b && c>d) { x = "</p>"; }</script></head><body><!-- 注释 > 不显示 -->\
            <p class="x" title='a>b' data-x="1">到2025年，营业收入达到100亿元。</p><table><tr><td>甲</td><td>乙</td></tr></table>\
            <p>a < b，<中国制造2025>，<<，&lt;x&gt; &#20013;&#x6587;</p></body></html>
            """
        let text = visible(page)
        #expect(text.contains("到2025年，营业收入达到100亿元。"))
        #expect(text.contains("a < b，<中国制造2025>，<<，<x> 中文"), "\(text)")
        #expect(text.contains("甲\t乙\t"))
        for hidden in ["注释", "不显示", "color", "if (", "a>b", "DOCTYPE", "xml", "class"] { #expect(!text.contains(hidden), "\(hidden) in \(text)") }
    }

    @Test func unclosedConstructs() {
        // No `>` anywhere: every `<` is text.
        #expect(visible("<p 产业集群 <p 产业集群") == "<p 产业集群 <p 产业集群")
        #expect(visible("<!-- 注释 到2025年") == "<!-- 注释 到2025年")
        // An unclosed quote: the tag ends at the first `>`.
        #expect(visible("<a title=\"x>正文") == "正文")
        // An unclosed comment with a later `>`: to that `>`, as a tag would.
        #expect(visible("<!-- 注释 > 正文") == " 正文")
        // A script without its closing tag hides the rest, as in a browser.
        #expect(visible("前<script>var a = 1; 正文") == "前")
        #expect(visible("<SCRIPT>x</ScRiPt >后") == "后")
        #expect(visible("&#12345") == "&#12345" && visible("&nosuch;") == "&nosuch;")
    }

    @Test func documentsFromHTMLKeepTheirAmounts() throws {
        let page = "<html><body><p title=\"说明>\">到2025年，营业收入达到1200亿元。</p><!-- 100亿元 --></body></html>"
        let r = try DocumentExtractor().extract(bytes: Array(page.utf8), path: "page.html", id: "page")
        #expect(r.amounts().map(\.text) == ["1200亿元"])
        expectSpansSliceBack(r, "page.html")
    }
}

/// Time and memory in proportion to the input for every hostile shape (`PathologicalShapes`, and the shapes
/// of `ScalingShapes` whose output the scaling test measures): 4× the units cost at most 6× the time (the best
/// of three, alternating sizes, on this thread's CPU clock — monotonic, and not charged for other tests running
/// beside it), and a process reading the larger input peaks within 256 MB and 64 bytes per input byte above
/// one reading a one-line document. Sizes are chosen per shape so that the smaller takes about 15 ms here.
@Suite struct PathologicalShapeTests {
    static let shapes: [PathologicalShapes.Shape] = PathologicalShapes.all + ScalingShapes.all.map { shape in
        PathologicalShapes.Shape(name: "scaling: " + shape.name, fileExtension: "txt") { Array(shape.make($0).utf8) }
    }

    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func seconds(_ shape: PathologicalShapes.Shape, _ bytes: [UInt8]) -> Double {
        let extractor = DocumentExtractor()  // a new one each time: its numeral cache would help the later runs
        let start = cpuSeconds()
        if let r = try? extractor.extract(bytes: bytes, path: "shape." + shape.fileExtension, id: "shape") {
            _ = DocumentJSON.withBytes(r) { $0.count }
        }
        return cpuSeconds() - start
    }

    /// The peak resident memory (KB) of the tool extracting each file, each in a process of its own started
    /// by a small python3 parent: the peak a process reports includes that of the process it was spawned
    /// from (the test runner, large after the other shapes), and python's is small and the same every time.
    static func peakMemory(_ files: [String]) throws -> [Int] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", """
            import os, subprocess, sys
            for f in sys.argv[2:]:
                child = subprocess.Popen([sys.argv[1], 'extract', f, '--compact'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                _, status, usage = os.wait4(child.pid, 0)
                child.returncode = os.waitstatus_to_exitcode(status)
                print(usage.ru_maxrss, child.returncode)
            """, BatchTests.binary] + files
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text.split(separator: "\n").map { line in
            let fields = line.split(separator: " ").compactMap { Int($0) }
            // Exit 0 (read) or 1 (refused as bad input): any other status is a failure of its own.
            return fields.count == 2 && (fields[1] == 0 || fields[1] == 1) ? fields[0] : -1
        }
    }

    /// A one-line document's peak memory, the floor the shapes' are measured from.
    static let baseMemory: Int = {
        let dir = (try? BatchTests.temporaryDirectory()) ?? FileManager.default.temporaryDirectory
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("base.txt")
        try? Data("到2025年，营业收入达到1200亿元。".utf8).write(to: file)
        return ((try? peakMemory([file.path])) ?? []).first ?? -1
    }()

    @Test(arguments: shapes.map(\.name))
    func timeGrowsInProportionAndMemoryIsBounded(_ name: String) throws {
        let shape = try #require(Self.shapes.first { $0.name == name })
        // The size at which one run takes about 15 ms (at most 2^17 units, for the cheapest shapes).
        var n = 64
        while n < 1 << 17, Self.seconds(shape, shape.make(n)) < 0.015 { n *= 2 }
        let small = shape.make(n), large = shape.make(4 * n)
        var best = (small: Double.infinity, large: Double.infinity)
        // Best of three, and of five more when the first three say more than 6: the tests run in parallel, and
        // one slow run of the small input (the machine busy elsewhere) is not a shape that grows faster than
        // its input (a quadratic one gives about 16 however often it is timed).
        for round in 0..<8 {
            if round == 3, best.large / max(best.small, 1e-6) <= 6 { break }
            best.small = min(best.small, Self.seconds(shape, small))
            best.large = min(best.large, Self.seconds(shape, large))
        }
        let ratio = best.large / max(best.small, 1e-6)
        #expect(ratio <= 6, "\(name): \(n) units \(best.small) s, \(4 * n) units \(best.large) s (×\(ratio))")
        // Memory, in a process of its own: within a bound linear in the input (memory that grew with the square
        // of the input would have cost time that did too; this catches a runaway allocation, as a row of cells
        // once asked for 42 GB).
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("large." + shape.fileExtension)
        try Data(large).write(to: file)
        let base = Self.baseMemory
        let kilobytes = try Self.peakMemory([file.path]).first ?? -1
        #expect(base > 0 && kilobytes > 0, "\(name): the process failed (\(kilobytes))")
        let bound = base + 256 * 1024 + 64 * large.count / 1024
        #expect(kilobytes <= bound, "\(name): peak memory \(kilobytes) KB for \(large.count) bytes (\(base) KB for one line)")
    }
}
