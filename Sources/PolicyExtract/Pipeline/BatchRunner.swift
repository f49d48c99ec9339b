import Foundation

/// One input of a batch: where its bytes come from and the id its output is written under.
public struct BatchInput: Sendable {
    public var path: String
    public var id: String
    /// The bytes, already read, for a member of an archive.
    public var bytes: [UInt8]?

    /// The input's bytes: those read from its archive, or the file's; over `maxSize` is an error.
    public func read(maxSize: Int = FileInput.defaultMaxSize) throws -> [UInt8] {
        guard let bytes else { return try FileInput.read(path, maxSize: maxSize) }
        if bytes.count > maxSize {
            throw InputError(path: path, reason: .tooLarge, message: "file is \(bytes.count) bytes, over the limit of \(maxSize)")
        }
        return bytes
    }
}

/// One file that could not be converted.
public struct BatchError: Sendable {
    public var path: String
    public var reason: String
    public var message: String
    public var byteOffset: Int?

    public init(path: String, reason: String, message: String, byteOffset: Int? = nil) {
        self.path = path
        self.reason = reason
        self.message = message
        self.byteOffset = byteOffset
    }

    public var json: JSONValue {
        .object([("path", .string(path)), ("reason", .string(reason)), ("message", .string(message)),
                 ("byte_offset", byteOffset.map { .int($0) } ?? .null)])
    }
}

/// Batch conversion of files, folders and archives.
///
/// Writes `DIR/docs/<id>.json` per document (atomically: a temporary file, then a rename) as the workers
/// finish them, then — in input order, whatever the number of jobs — `documents.jsonl`, `errors.jsonl`,
/// `targets.csv`, `findings.json` (every document's findings and the cross-document ones) and the SQLite
/// database `policy.sqlite`, each built by reading the documents' JSON back one at a time, so memory
/// does not grow with the number of documents (only their claims are kept). A bad file becomes one
/// error record and the batch goes on. Stopped by a signal, it leaves complete outputs only; `resume`
/// reuses every document whose output is complete for the same content hash.
public final class BatchRunner: @unchecked Sendable {
    public struct Options: Sendable {
        public var outputDirectory: String
        public var jobs: Int
        public var resume: Bool
        public var maxFileSize: Int
        public var pipeline: PipelineDefinition
        public init(outputDirectory: String, jobs: Int, resume: Bool, maxFileSize: Int, pipeline: PipelineDefinition) {
            self.outputDirectory = outputDirectory
            self.jobs = jobs
            self.resume = resume
            self.maxFileSize = maxFileSize
            self.pipeline = pipeline
        }
    }

    public struct Summary: Sendable {
        public var converted = 0
        public var reused = 0
        public var failed = 0
        public var bytes = 0
        public var errors: [BatchError] = []
        public var findings = 0
        public var stopped = false
    }

    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var bytes: Int
        public var errors: Int
    }

    let options: Options
    let lock = NSLock()

    public init(options: Options) { self.options = options }

    /// Files, folders (recursive, hidden files skipped) and archives to inputs with stable, unique ids.
    public static func collect(_ paths: [String], maxFileSize: Int = FileInput.defaultMaxSize) -> (inputs: [BatchInput], errors: [BatchError]) {
        var found: [(path: String, bytes: [UInt8]?)] = []
        var errors: [BatchError] = []
        let fm = FileManager.default
        func add(_ file: String) {
            if ArchiveReader.isArchive(file) {
                let (members, archiveErrors) = ArchiveReader.read(path: file, limits: ArchiveReader.Limits(maxEntrySize: maxFileSize))
                found += members.map { ($0.path, $0.bytes) }
                errors += archiveErrors
            } else {
                found.append((file, nil))
            }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(BatchError(path: path, reason: InputError.Reason.unreadable.rawValue, message: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                guard let walker = fm.enumerator(atPath: path) else { continue }
                var files: [String] = []
                while let rel = walker.nextObject() as? String {
                    if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                    let full = (path as NSString).appendingPathComponent(rel)
                    var dir: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue { files.append(full) }
                }
                for f in files.sorted() { add(f) }
            } else {
                add(path)
            }
        }
        // The same file named twice (`a.txt a.txt`, `./a.txt` and a folder holding it, a link to it) is
        // converted once: twice, it was one id for two records and the database refused the second.
        var distinct = Set<String>()
        found = found.filter { f in
            func resolved(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
            var key = resolved(f.path)
            if f.bytes != nil, let bang = f.path.range(of: "!/") {  // an archive member: resolve the archive's path
                key = resolved(String(f.path[..<bang.lowerBound])) + f.path[bang.lowerBound...]
            }
            return distinct.insert(key).inserted
        }
        var seen: [String: Int] = [:]
        for f in found { seen[FileInput.documentID(f.path), default: 0] += 1 }
        let inputs = found.map { f -> BatchInput in
            let stem = FileInput.documentID(f.path)
            let id = seen[stem]! > 1 ? stem + "-" + String(SHA256.hex(Array(f.path.utf8)).prefix(8)) : stem
            return BatchInput(path: f.path, id: id, bytes: f.bytes)
        }
        return (inputs, errors)
    }

    /// Writes `contents` to `path` through a temporary file and a rename, so that a reader never sees
    /// a partial file.
    public static func writeAtomically(_ contents: String, to path: String) throws {
        try writeAtomically(Data(contents.utf8), to: path)
    }

    public static func writeAtomically(_ contents: Data, to path: String) throws {
        let tmp = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: tmp, contents: contents) else {
            throw PipelineError("\(path): cannot write")
        }
        if rename(tmp, path) != 0 {
            try? FileManager.default.removeItem(atPath: tmp)
            throw PipelineError("\(path): cannot rename into place")
        }
    }

    /// The document JSON at `path` if it is complete, of this schema, for these bytes.
    static func completeOutput(_ path: String, sha256: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["schema"] as? String == schemaVersion,
              let document = object["document"] as? [String: Any] else { return false }
        return document["sha256"] as? String == sha256
    }

    public func run(_ inputs: [BatchInput], initialErrors: [BatchError] = [], progress: ((Progress) -> Void)? = nil,
                    shouldStop: (() -> Bool)? = nil) throws -> Summary {
        let out = options.outputDirectory
        let docsDir = (out as NSString).appendingPathComponent("docs")
        do {
            try FileManager.default.createDirectory(atPath: docsDir, withIntermediateDirectories: true)
        } catch {
            throw PipelineError("\(out): cannot create the output folder (\((error as NSError).localizedDescription))")
        }
        var written = [Bool](repeating: false, count: inputs.count)
        var errors = [BatchError?](repeating: nil, count: inputs.count)
        var summary = Summary()
        var done = 0
        var errorCount = initialErrors.count
        let jobs = max(1, min(options.jobs, max(inputs.count, 1)))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            let extractor = DocumentExtractor(pipeline: options.pipeline)
            while true {
                if shouldStop?() == true { return }
                let index = next.increment()
                if index >= inputs.count { return }
                let input = inputs[index]
                let target = (docsDir as NSString).appendingPathComponent(input.id + ".json")
                var error: BatchError? = nil
                var size = 0
                var reused = false
                var ok = false
                do {
                    let bytes = try input.read(maxSize: options.maxFileSize)
                    size = bytes.count
                    if options.resume, Self.completeOutput(target, sha256: SHA256.hex(bytes)) {
                        reused = true
                    } else {
                        let result = try extractor.extract(bytes: bytes, path: input.path, id: input.id)
                        try DocumentJSON.withBytes(result, pretty: true, newline: true) { bytes in
                            // The bytes are lent for the write only: no copy is made.
                            try Self.writeAtomically(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress!), count: bytes.count,
                                                          deallocator: .none), to: target)
                        }
                    }
                    ok = true
                } catch let e as InputError {
                    error = BatchError(path: input.path, reason: e.reason.rawValue, message: e.message, byteOffset: e.byteOffset)
                } catch {
                    let e = BatchError(path: input.path, reason: "internal", message: "\(error)")
                    lock.lock(); errors[index] = e; lock.unlock()
                }
                lock.lock()
                written[index] = ok
                if let error { errors[index] = error }
                if error != nil { errorCount += 1 }
                done += 1
                summary.bytes += size
                if reused { summary.reused += 1 }
                let snapshot = Progress(done: done, total: inputs.count, bytes: summary.bytes, errors: errorCount)
                lock.unlock()
                progress?(snapshot)
            }
        }
        let allErrors = initialErrors + errors.compactMap { $0 }
        summary.errors = allErrors
        summary.failed = allErrors.count
        summary.converted = written.filter { $0 }.count
        if shouldStop?() == true {
            summary.stopped = true
            return summary
        }
        let files = inputs.indices.filter { written[$0] }.map { (docsDir as NSString).appendingPathComponent(inputs[$0].id + ".json") }
        summary.findings = try finish(files: files, errors: allErrors)
        return summary
    }

    /// A file written piece by piece under a temporary name and renamed into place when complete.
    final class StreamedFile {
        let path: String
        let tmp: String
        let handle: FileHandle
        var buffer: [UInt8] = []

        init(_ path: String) throws {
            self.path = path
            tmp = path + ".tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: tmp, contents: nil), let h = FileHandle(forWritingAtPath: tmp) else {
                throw PipelineError("\(path): cannot write")
            }
            handle = h
        }

        func write(_ s: String) throws {
            buffer.append(contentsOf: s.utf8)
            if buffer.count >= 1 << 20 { try flush() }
        }

        func flush() throws {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }

        func close() throws {
            try flush()
            try handle.close()
            if rename(tmp, path) != 0 { throw PipelineError("\(path): cannot rename into place") }
        }
    }

    /// Writes the batch-wide outputs from the documents' JSON, in input order, reading one document at a
    /// time and streaming the files, so memory holds only the documents' claims. Returns the number of findings.
    func finish(files: [String], errors: [BatchError]) throws -> Int {
        let out = options.outputDirectory
        let jsonl = try StreamedFile((out as NSString).appendingPathComponent("documents.jsonl"))
        let csv = try StreamedFile((out as NSString).appendingPathComponent("targets.csv"))
        try csv.write(TargetsCSV.headerLine + "\n")
        // Each document's JSON is read back and parsed once for every output built from it (a second read for
        // the database made this serial phase the larger part of a batch), by the batch's jobs a chunk at a
        // time; what they give is written in file order (the database takes one writer).
        let database = try BatchDatabase.Builder(path: (out as NSString).appendingPathComponent("policy.sqlite"))
        var claims: [DocumentClaims] = []
        var documentFindings: [Finding] = []
        let chunk = 64
        var first = 0
        while first < files.count {
            let part = Array(files[first..<min(files.count, first + chunk)])
            let results = ReadBack.all(part, jobs: options.jobs)
            for r in results {
                guard let r else { continue }
                if let error = r.error { throw error }
                try jsonl.write(r.line + "\n")
                for row in r.csvRows { try csv.write(row + "\n") }
                claims.append(r.claims)
                documentFindings += r.findings
                try database.add(r.object)
            }
            first += chunk
        }
        try jsonl.close()
        try csv.close()
        let findings = Validator.sorted(documentFindings + Validator.runCrossDocumentChecks(claims))
        try Self.writeAtomically(errors.map { $0.json.serialized() + "\n" }.joined(), to: (out as NSString).appendingPathComponent("errors.jsonl"))
        try Self.writeAtomically(JSONValue.object([("findings", .array(findings.map(DocumentJSON.finding)))]).serialized(pretty: true) + "\n",
                                 to: (out as NSString).appendingPathComponent("findings.json"))
        try database.finish(errors: errors, findings: findings)
        return findings.count
    }

    /// What the end of a batch takes from one document's JSON file.
    struct ReadBack: @unchecked Sendable {
        var line = ""
        var csvRows: [String] = []
        var claims = DocumentClaims(document: "", place: nil, claims: [], labels: [])
        var findings: [Finding] = []
        var object: [String: Any] = [:]
        var error: Error? = nil

        /// Each file read and parsed (nil for one that is missing or not a JSON object), in the files' order.
        static func all(_ files: [String], jobs: Int) -> [ReadBack?] {
            // As the conversion stores its results: one slot per file, written under a lock.
            var results = [ReadBack?](repeating: nil, count: files.count)
            let lock = NSLock()
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, files.count))) { _ in
                while true {
                    let k = next.increment()
                    if k >= files.count { return }
                    let r = read(files[k])
                    lock.lock(); results[k] = r; lock.unlock()
                }
            }
            return results
        }

        static func read(_ file: String) -> ReadBack? {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else { return nil }
            do {
                guard let object = try JSONFile.parse(data, path: file, failure: "cannot be read back as JSON") as? [String: Any] else { return nil }
                return ReadBack(line: BatchRunner.compact(text), csvRows: TargetsCSV.rows(object), claims: ClaimExtractor.claims(json: object),
                                findings: (object["findings"] as? [[String: Any]] ?? []).compactMap(Finding.init(json:)), object: object)
            } catch {
                return ReadBack(error: error)
            }
        }
    }

    /// Re-serializes an indented JSON document on one line, keeping key order.
    static func compact(_ pretty: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(pretty.utf8.count)
        var inString = false
        var escaped = false
        var skippingIndent = false
        for b in pretty.utf8 {
            if inString {
                out.append(b)
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            if b == 0x0A { skippingIndent = true; continue }
            if skippingIndent && b == 0x20 { continue }
            skippingIndent = false
            if b == UInt8(ascii: "\"") { inString = true }
            if b == 0x20 { continue }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Finding {
    /// A finding read back from a document's JSON.
    init?(json o: [String: Any]) {
        guard let check = o["check"] as? String, let severity = (o["severity"] as? String).flatMap(Severity.init(rawValue:)) else { return nil }
        self.init(check: check, severity: severity, claim: o["claim"] as? String ?? "", stated: o["stated"] as? String ?? "",
                  computed: o["computed"] as? String ?? "", tolerance: o["tolerance"] as? String ?? "",
                  evidence: (o["evidence"] as? [[String: Any]] ?? []).map { e in
                      let (a, b, l) = BatchDatabase.span(e["span"])
                      return Evidence(document: e["document"] as? String ?? "", span: Span(start: a, end: b, line: l), text: e["text"] as? String ?? "")
                  }, detail: o["detail"] as? String ?? "")
    }
}

/// A thread-safe counter handing out work indexes.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        let v = value
        value += 1
        return v
    }
}
