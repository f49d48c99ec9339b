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
        /// Every unit the batch was given: files, archive entries (two of one name, devices, those after a
        /// refusal included) and paths that could not be read.
        public var units = 0
        /// Documents in `documents.jsonl` and rows of the database's `documents` table, failures in
        /// `errors.jsonl` and rows of its `errors` table, counted in the outputs at the end of the batch.
        public var documentLines = 0, documentRows = 0, errorLines = 0, errorRows = 0
        /// Each unit is in the outputs once: as a document or as an error, the same in the files and in the
        /// database (what the conversion counted is not trusted: a document lost after it shows up here).
        public var accountedFor: Bool {
            documentLines == documentRows && errorLines == errorRows && documentLines + errorLines == units
        }
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

    /// Files, folders (recursive, hidden files skipped) and archives to inputs with stable, unique ids, and
    /// an error record for each unit that cannot be an input: a missing path, a refused archive entry, a
    /// FIFO, device or socket inside a folder (never opened: reading one could wait for ever), a link to
    /// nothing or to a folder. `shouldStop` is asked between files and archive entries; once it says stop,
    /// what was found so far is returned.
    public static func collect(_ paths: [String], maxFileSize: Int = FileInput.defaultMaxSize,
                               shouldStop: @escaping () -> Bool = { false }) -> (inputs: [BatchInput], errors: [BatchError]) {
        // Each found unit with the key that tells the same file named twice (a path resolved through its links;
        // for an archive member, the archive's and the member's place in it).
        var found: [(path: String, bytes: [UInt8]?, key: String)] = []
        var errors: [BatchError] = []
        let fm = FileManager.default
        func resolved(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
        func add(_ file: String) {
            if ArchiveReader.isArchive(file) {
                let (members, archiveErrors) = ArchiveReader.read(path: file, limits: ArchiveReader.Limits(maxEntrySize: maxFileSize),
                                                                  shouldStop: shouldStop)
                let archive = resolved(file)
                found += members.map { ($0.path, $0.bytes, archive + "!" + $0.position) }
                errors += archiveErrors
            } else {
                found.append((file, nil, resolved(file)))
            }
        }
        for path in paths {
            if shouldStop() { break }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(BatchError(path: path, reason: InputError.Reason.unreadable.rawValue, message: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                guard let walker = fm.enumerator(atPath: path) else { continue }
                var files: [String] = []
                var refused: [BatchError] = []
                while let rel = walker.nextObject() as? String {
                    if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                    let full = (path as NSString).appendingPathComponent(rel)
                    switch FolderEntry.kind(full) {
                    case .file: files.append(full)
                    case .folder: break
                    case .refused(let reason, let message): refused.append(BatchError(path: full, reason: reason, message: message))
                    }
                }
                errors += refused.sorted { $0.path < $1.path }
                for f in files.sorted() {
                    if shouldStop() { break }
                    add(f)
                }
            } else {
                add(path)
            }
        }
        // The same file named twice (`a.txt a.txt`, `./a.txt` and a folder holding it, a link to it) is
        // converted once: twice, it was one id for two records and the database refused the second. Two
        // entries of one name in an archive are two units (their places differ).
        var distinct = Set<String>()
        found = found.filter { distinct.insert($0.key).inserted }
        var ids = DocumentIDs()
        let inputs = found.map { BatchInput(path: $0.path, id: ids.assign(FileInput.documentID($0.path)), bytes: $0.bytes) }
        return (inputs, errors)
    }

    /// Document ids, unique within a batch by construction: each input's file name without extension, in
    /// input order; a name already taken (compared without case, as some file systems do) gets the first free
    /// `-2`, `-3` … suffix, checked against every id taken, so that no file name, however chosen, makes two
    /// inputs share an output file. An id is cut to 200 bytes of UTF-8 (a file name has at most 255).
    struct DocumentIDs {
        private var taken = Set<String>()
        /// Per name, the suffix to try next (a thousand inputs of one name are not each tried from `-2`).
        private var nextSuffix: [String: Int] = [:]
        static let maxBytes = 200

        mutating func assign(_ name: String) -> String {
            var stem = name
            while stem.utf8.count > Self.maxBytes { stem.removeLast() }
            if stem.isEmpty { stem = "document" }
            if taken.insert(stem.lowercased()).inserted { return stem }
            let key = stem.lowercased()
            var k = nextSuffix[key] ?? 2
            while !taken.insert((stem + "-\(k)").lowercased()).inserted { k += 1 }
            nextSuffix[key] = k + 1
            return stem + "-\(k)"
        }
    }

    /// What a path met inside a folder is: a file to read, a folder (walked), or a unit refused with a reason.
    enum FolderEntry {
        case file, folder, refused(reason: String, message: String)

        static func kind(_ path: String) -> FolderEntry {
            var link = stat()
            guard lstat(path, &link) == 0 else {
                return .refused(reason: InputError.Reason.unreadable.rawValue, message: "cannot be read (\(String(cString: strerror(errno))))")
            }
            var info = link
            if link.st_mode & S_IFMT == S_IFLNK {
                guard stat(path, &info) == 0 else {
                    return .refused(reason: InputError.Reason.unreadable.rawValue, message: "a link to nothing (\(String(cString: strerror(errno))))")
                }
                // A folder reached through a link is not walked (it may hold the link itself).
                if info.st_mode & S_IFMT == S_IFDIR {
                    return .refused(reason: InputError.Reason.notAFile.rawValue, message: "a link to a folder, not followed")
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .folder
            case S_IFIFO: return .refused(reason: InputError.Reason.notAFile.rawValue, message: "a FIFO, not a file (name it on its own to read it)")
            case S_IFCHR: return .refused(reason: InputError.Reason.notAFile.rawValue, message: "a character device, not a file")
            case S_IFBLK: return .refused(reason: InputError.Reason.notAFile.rawValue, message: "a block device, not a file")
            case S_IFSOCK: return .refused(reason: InputError.Reason.notAFile.rawValue, message: "a socket, not a file")
            default: return .refused(reason: InputError.Reason.notAFile.rawValue, message: "not a file")
            }
        }
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
        // One batch per output folder; what a stopped batch left half-made goes.
        let outputLock = try OutputLock.acquire(outputDirectory: out)
        defer { outputLock.release() }
        OutputLock.removeTemporaryFiles(in: out)
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
                } catch let thrown {
                    error = BatchError(path: input.path, reason: "internal", message: "\(thrown)")
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
        // Every unit is in the outputs, counted there: a document in `documents.jsonl`, a failure in `errors.jsonl`.
        summary.units = inputs.count + initialErrors.count
        BatchAccounting.count(outputDirectory: out, into: &summary)
        summary.stopped = shouldStop?() == true
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
