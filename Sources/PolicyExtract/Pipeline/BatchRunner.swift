import Foundation

/// One input of a batch: where its bytes come from and the id its output is written under.
package struct BatchInput: Sendable {
    package var path: String
    package var id: String
    /// The bytes, already read, for a member of an archive.
    package var bytes: [UInt8]?
    /// What `document.source` and `errors.jsonl` say of the input (`nameSources`); the path when nil.
    package var source: String? = nil

    package init(path: String, id: String, bytes: [UInt8]? = nil, source: String? = nil) {
        self.path = path
        self.id = id
        self.bytes = bytes
        self.source = source
    }

    /// The input's bytes: those read from its archive, or the file's; over `maxSize` is an error.
    package func read(maxSize: Int = FileInput.defaultMaxSize) throws -> [UInt8] {
        guard let bytes else { return try FileInput.read(path, maxSize: maxSize) }
        if bytes.count > maxSize {
            throw InputError(path: path, reason: .tooLarge, message: "file is \(bytes.count) bytes, over the limit of \(maxSize)")
        }
        return bytes
    }
}

/// One file that could not be converted.
package struct BatchError: Sendable {
    package var path: String
    package var reason: String
    package var message: String
    package var byteOffset: Int?

    package init(path: String, reason: String, message: String, byteOffset: Int? = nil) {
        self.path = path
        self.reason = reason
        self.message = message
        self.byteOffset = byteOffset
    }

    package var json: JSONValue {
        .object([("path", .string(path)), ("reason", .string(reason)), ("message", .string(message)),
                 ("byte_offset", byteOffset.map { .int($0) } ?? .null)])
    }
}

/// Batch conversion of files, folders and archives.
///
/// Writes `DIR/docs/<id>.json` per document (atomically: a temporary file, then a rename; on one line, the same
/// bytes as its `documents.jsonl` line, or indented with `prettyDocuments`) as the workers finish them, and hands each document's typed record to one writer thread that appends — in input order,
/// whatever the number of jobs — `documents.jsonl`, `targets.csv` and the SQLite database `policy.sqlite`;
/// at the end `errors.jsonl` and `findings.json` (every document's findings and the cross-document ones).
/// Memory holds a bounded window of documents and every document's claims. A bad file becomes one
/// error record and the batch goes on. Stopped by a signal, it leaves complete outputs only; `resume`
/// reuses every document whose output is complete for the same content hash.
package final class BatchRunner: @unchecked Sendable {
    package struct Options: Sendable {
        package var outputDirectory: String
        package var jobs: Int
        package var resume: Bool
        package var maxFileSize: Int
        package var pipeline: PipelineDefinition
        /// `docs/<id>.json` indented (as `extract` prints it) rather than on one line (its `documents.jsonl` line).
        package var prettyDocuments: Bool
        package init(outputDirectory: String, jobs: Int, resume: Bool, maxFileSize: Int, pipeline: PipelineDefinition, prettyDocuments: Bool = false) {
            self.outputDirectory = outputDirectory
            self.jobs = jobs
            self.resume = resume
            self.maxFileSize = maxFileSize
            self.pipeline = pipeline
            self.prettyDocuments = prettyDocuments
        }
    }

    package struct Summary: Sendable {
        package var converted = 0
        package var reused = 0
        package var failed = 0
        package var bytes = 0
        package var errors: [BatchError] = []
        package var findings = 0
        package var stopped = false
        /// Every unit the batch was given: files, archive entries (two of one name, devices, those after a
        /// refusal included) and paths that could not be read.
        package var units = 0
        /// Documents in `documents.jsonl` and rows of the database's `documents` table, failures in
        /// `errors.jsonl` and rows of its `errors` table, counted in the outputs at the end of the batch.
        package var documentLines = 0, documentRows = 0, errorLines = 0, errorRows = 0
        /// Each unit is in the outputs once: as a document or as an error, the same in the files and in the
        /// database (what the conversion counted is not trusted: a document lost after it shows up here).
        package var accountedFor: Bool {
            documentLines == documentRows && errorLines == errorRows && documentLines + errorLines == units
        }
    }

    package struct Progress: Sendable {
        package var done: Int
        package var total: Int
        package var bytes: Int
        package var errors: Int
    }

    let options: Options
    let lock = NSLock()

    package init(options: Options) { self.options = options }

    /// Files, folders (recursive, hidden files skipped) and archives to inputs with stable, unique ids, and
    /// an error record for each unit that cannot be an input: a missing path, a refused archive entry, a
    /// FIFO, device or socket inside a folder (never opened: reading one could wait for ever), a link to
    /// nothing or to a folder. `shouldStop` is asked between files and archive entries; once it says stop,
    /// what was found so far is returned.
    package static func collect(_ paths: [String], maxFileSize: Int = FileInput.defaultMaxSize,
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
    package static func writeAtomically(_ contents: String, to path: String) throws {
        try writeAtomically(Data(contents.utf8), to: path)
    }

    package static func writeAtomically(_ contents: Data, to path: String) throws {
        let tmp = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: tmp, contents: contents) else {
            throw PipelineError("\(path): cannot write")
        }
        if rename(tmp, path) != 0 {
            try? FileManager.default.removeItem(atPath: tmp)
            throw PipelineError("\(path): cannot rename into place")
        }
    }

    /// The record and compact line of the document JSON at `path` when it is complete, of this schema, for these
    /// bytes (for `--resume`); nil when it must be converted again.
    static func completeOutput(_ path: String, sha256: String) -> (record: DocumentRecord, line: [UInt8])? {
        guard let data = FileManager.default.contents(atPath: path),
              let record = try? DocumentRecord.decode(data),
              record.schema == schemaVersion, record.document.sha256 == sha256 else { return nil }
        return (record, compact(data))
    }

    /// A document's line of `documents.jsonl`: its bytes, or, for a document whose JSON is larger than a chunk, the
    /// file in `docs/` it was written to (copied from there on one line, so that no document's JSON is held whole).
    enum Line {
        case bytes([UInt8])
        case file(String, pretty: Bool)
    }

    /// The size of the pieces a document's JSON is written in.
    static let chunk = 1 << 20

    /// Writes the document's JSON to `path` (a temporary file, then a rename) in chunks, and returns its line of
    /// `documents.jsonl`.
    static func writeDocument(_ r: DocumentResult, to path: String, pretty: Bool) throws -> Line {
        let file = try OutputFile(path)
        var first: [UInt8]? = nil
        var pieces = 0
        DocumentJSON.stream(r, pretty: pretty, newline: true, chunk: chunk) { bytes in
            pieces += 1
            if pieces == 1 { first = Array(bytes) } else { first = nil }
            file.write(bytes)
        }
        try file.commit()
        if pieces == 1, let first { return .bytes(pretty ? compact(Data(first)) : first) }
        return .file(path, pretty: pretty)
    }

    /// What the batch-wide outputs take from one converted document, made by the worker that converted it.
    struct Converted {
        /// The record; without the matchers' lists when `values` is given.
        var record: DocumentRecord
        /// For a document converted by this batch, what the database's rows of the matchers' records are made from.
        var values: DocumentRecord.ItemRecords? = nil
        var line: Line
        var csvRows: String
        var claims: DocumentClaims
    }

    package func run(_ inputs: [BatchInput], initialErrors: [BatchError] = [], progress: ((Progress) -> Void)? = nil,
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
        let sinks = try BatchSinks(directory: out)
        var errors = [BatchError?](repeating: nil, count: inputs.count)
        var summary = Summary()
        var done = 0
        var errorCount = initialErrors.count
        let jobs = max(1, min(options.jobs, max(inputs.count, 1)))
        let next = Counter()
        // Converted documents go to the writer in input order; a worker does not start a document more than
        // `window` ahead of the writer, so memory holds at most that many documents' records.
        let queue = OrderedQueue<Converted?>(count: inputs.count, window: 4 * jobs + 4)
        let writer = Thread { sinks.consume(queue) }
        writer.stackSize = 1 << 22
        writer.start()
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            let extractor = DocumentExtractor(pipeline: options.pipeline)
            while true {
                let index = next.increment()
                if index >= inputs.count { return }
                queue.waitForRoom(index)
                if shouldStop?() == true || sinks.failed {
                    queue.put(index, nil)
                    continue
                }
                let input = inputs[index]
                let target = (docsDir as NSString).appendingPathComponent(input.id + ".json")
                var error: BatchError? = nil
                var converted: Converted? = nil
                var size = 0
                var reused = false
                do {
                    let bytes = try input.read(maxSize: options.maxFileSize)
                    size = bytes.count
                    if options.resume, let earlier = Self.completeOutput(target, sha256: SHA256.hex(bytes)) {
                        reused = true
                        converted = Converted(record: earlier.record, line: .bytes(earlier.line), csvRows: TargetsCSV.rows(earlier.record),
                                              claims: ClaimExtractor.claims(earlier.record))
                    } else {
                        let result = try extractor.extract(bytes: bytes, path: input.source ?? input.path, id: input.id)
                        // A large document's transient lists (the matchers' mentions) are freed by now; their pages go back
                        // before its record is made, which the allocator would otherwise map anew beside them.
                        if bytes.count >= FreedMemory.largeDocument { FreedMemory.release() }
                        let line = try Self.writeDocument(result, to: target, pretty: options.prettyDocuments)
                        // The matchers' records are made from the items as the database writes them, one at a time: made
                        // here, a dense document's million amounts were held twice (items and records) until written.
                        let (record, values) = DocumentRecord.withoutMatcherLists(result)
                        converted = Converted(record: record, values: values, line: line, csvRows: TargetsCSV.rows(record),
                                              claims: ClaimExtractor.claims(record))
                    }
                } catch let e as InputError {
                    error = BatchError(path: input.source ?? input.path, reason: e.reason.rawValue, message: e.message, byteOffset: e.byteOffset)
                } catch let e as PipelineError {
                    error = BatchError(path: input.source ?? input.path, reason: "write", message: e.description)
                } catch let other {
                    error = BatchError(path: input.source ?? input.path, reason: "internal", message: "\(other)")
                }
                lock.lock()
                if let error { errors[index] = error; errorCount += 1 }
                done += 1
                summary.bytes += size
                if reused { summary.reused += 1 }
                let snapshot = Progress(done: done, total: inputs.count, bytes: summary.bytes, errors: errorCount)
                lock.unlock()
                queue.put(index, converted)
                progress?(snapshot)
            }
        }
        queue.waitUntilDrained()
        let allErrors = initialErrors + errors.compactMap { $0 }
        summary.errors = allErrors
        summary.failed = allErrors.count
        summary.converted = sinks.documents
        if shouldStop?() == true {
            sinks.abandon()
            summary.stopped = true
            return summary
        }
        summary.findings = try sinks.finish(errors: allErrors)
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

        func write(_ bytes: [UInt8]) throws {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 20 { try flush() }
        }

        /// Appends the bytes of the file at `source`, piece by piece, on one line when `compacting` an indented JSON.
        func append(contentsOf source: String, compacting: Bool) throws {
            guard let input = FileHandle(forReadingAtPath: source) else { throw PipelineError("\(source): cannot be read to copy into \(path)") }
            defer { try? input.close() }
            var compactor = JSONCompactor()
            while true {
                let piece: Data
                do { piece = try input.read(upToCount: 1 << 20) ?? Data() } catch { throw PipelineError("\(source): cannot be read (\(error))") }
                if piece.isEmpty { break }
                if compacting {
                    piece.withUnsafeBytes { compactor.feed($0, into: &buffer) }
                } else {
                    buffer.append(contentsOf: piece)
                }
                if buffer.count >= 1 << 20 { try flush() }
            }
            if compacting { buffer.append(0x0A) }
        }

        func flush() throws {
            do {
                try handle.write(contentsOf: buffer)
            } catch {
                throw PipelineError("\(path): cannot write (\((error as NSError).localizedDescription))")
            }
            buffer.removeAll(keepingCapacity: true)
        }

        func close() throws {
            try flush()
            try handle.close()
            if rename(tmp, path) != 0 { throw PipelineError("\(path): cannot rename into place") }
        }

        /// Closes and removes the temporary file.
        func discard() {
            try? handle.close()
            unlink(tmp)
        }
    }

    /// The batch-wide outputs, written by one thread in input order as documents are converted: `documents.jsonl`,
    /// `targets.csv`, `policy.sqlite` (a transaction per chunk of documents), and the claims and findings that
    /// `findings.json` is made of at the end. Nothing is read back from the documents' files.
    final class BatchSinks: @unchecked Sendable {
        let directory: String
        let jsonl: StreamedFile
        let csv: StreamedFile
        let database: BatchDatabase.Builder
        var claims: [DocumentClaims] = []
        var documentFindings: [Finding] = []
        var documents = 0
        /// The first failure to write (disk full, a database error): the batch stops and reports it.
        private(set) var failure: Error?
        private let failureLock = NSLock()
        var failed: Bool { failureLock.lock(); defer { failureLock.unlock() }; return failure != nil }

        init(directory: String) throws {
            self.directory = directory
            jsonl = try StreamedFile((directory as NSString).appendingPathComponent("documents.jsonl"))
            csv = try StreamedFile((directory as NSString).appendingPathComponent("targets.csv"))
            do {
                database = try BatchDatabase.Builder(path: (directory as NSString).appendingPathComponent("policy.sqlite"))
            } catch {
                jsonl.discard(); csv.discard()
                throw PipelineError("\(directory)/policy.sqlite: cannot create the database (\(error))")
            }
            try csv.write(TargetsCSV.headerLine + "\n")
        }

        /// Takes every slot of `queue` in order (run on the writer thread).
        func consume(_ queue: OrderedQueue<Converted?>) {
            var chunk: [BatchDatabase.Document] = []
            var characters = 0
            func flushChunk() throws {
                try database.add(chunk)
                chunk.removeAll(keepingCapacity: true)
                characters = 0
            }
            while let slot = queue.take() {
                guard let c = slot, !failed else { continue }
                do {
                    switch c.line {
                    case .bytes(let bytes): try jsonl.write(bytes)
                    case .file(let path, let pretty): try jsonl.append(contentsOf: path, compacting: pretty)
                    }
                    try csv.write(c.csvRows)
                    claims.append(c.claims)
                    documentFindings += c.record.findings
                    chunk.append(BatchDatabase.Document(record: c.record, values: c.values))
                    characters += c.record.document.characters
                    documents += 1
                    // A transaction per 64 documents, or sooner once they hold a million characters: a document's pipeline
                    // result is held until its rows are written.
                    if chunk.count >= 64 || characters >= 1 << 20 { try flushChunk() }
                } catch {
                    fail(error)
                }
            }
            if !failed { do { try flushChunk() } catch { fail(error) } }
        }

        func fail(_ error: Error) {
            failureLock.lock(); defer { failureLock.unlock() }
            if failure == nil { failure = error }
        }

        /// Removes the temporary files (a stopped or failed batch leaves its earlier outputs as they were).
        func abandon() {
            jsonl.discard()
            csv.discard()
            database.discard()
        }

        /// Writes `errors.jsonl`, `findings.json` and the database's last tables, then moves every file into place.
        /// Returns the number of findings.
        func finish(errors: [BatchError]) throws -> Int {
            if let failure {
                abandon()
                try? BatchRunner.writeAtomically(errors.map { $0.json.serialized() + "\n" }.joined(), to: (directory as NSString).appendingPathComponent("errors.jsonl"))
                throw PipelineError("the batch's outputs could not be written: \(failure)")
            }
            do {
                let findings = Validator.sorted(documentFindings + Validator.runCrossDocumentChecks(claims))
                try jsonl.close()
                try csv.close()
                try BatchRunner.writeAtomically(errors.map { $0.json.serialized() + "\n" }.joined(), to: (directory as NSString).appendingPathComponent("errors.jsonl"))
                try BatchRunner.writeAtomically(JSONValue.object([("findings", .array(findings.map(DocumentJSON.finding)))]).serialized(pretty: true) + "\n",
                                                to: (directory as NSString).appendingPathComponent("findings.json"))
                try database.finish(errors: errors, findings: findings)
                return findings.count
            } catch {
                abandon()
                throw PipelineError("the batch's outputs could not be written: \(error)")
            }
        }
    }

    /// Re-serializes an indented JSON document on one line, keeping key order, with a final line feed.
    static func compact(_ pretty: Data) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pretty.count)
        var compactor = JSONCompactor()
        pretty.withUnsafeBytes { compactor.feed($0, into: &out) }
        out.append(0x0A)
        return out
    }
}

/// Takes the line breaks and indentation out of JSON text written by `DocumentJSON`, fed in pieces of any size:
/// what is outside strings loses its spaces and line feeds, strings are copied as they are.
struct JSONCompactor {
    private var inString = false
    private var escaped = false

    mutating func feed(_ bytes: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        for b in bytes {
            if inString {
                out.append(b)
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            if b == 0x0A || b == 0x20 { continue }
            if b == UInt8(ascii: "\"") { inString = true }
            out.append(b)
        }
    }
}

/// A file written under a temporary name and renamed into place by `commit`; a write error (a full disk) is kept
/// and reported there, and the temporary file removed.
///
/// Where the file system can (`O_TMPFILE`: ext4, XFS, btrfs, tmpfs), the file is made without a name and linked into
/// place when complete: one change to the folder per file instead of two (a create and a rename), and none while it is
/// written; a reader still never sees a partial file. A name already taken (a batch run again into the same folder)
/// takes the temporary name and the rename.
final class OutputFile {
    let path: String
    let tmp: String
    private var fd: Int32
    private var failure: String?
    /// The file was opened without a name (`O_TMPFILE`).
    private let unnamed: Bool

    /// `O_TMPFILE` on Linux (`__O_TMPFILE | O_DIRECTORY`; the C macro is not imported).
    private static let openTemporary: Int32 = 0o20_000_000 | O_DIRECTORY
    /// Per folder, whether an unnamed file made there could be linked into place (asked once per folder).
    private static let unnamedByFolder = UnnamedFileSupport()

    init(_ path: String) throws {
        self.path = path
        tmp = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let folder = (path as NSString).deletingLastPathComponent
        #if os(Linux)
        if Self.unnamedByFolder.supported(folder.isEmpty ? "." : folder) {
            fd = open(folder.isEmpty ? "." : folder, Self.openTemporary | O_WRONLY | O_CLOEXEC, 0o644)
            if fd >= 0 { unnamed = true; return }
        }
        #endif
        unnamed = false
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw PipelineError("\(path): cannot write (\(String(cString: strerror(errno))))") }
    }

    deinit {
        if fd >= 0 {
            close(fd)
            if !unnamed { unlink(tmp) }
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = Foundation.write(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            p += n
            left -= n
        }
    }

    func commit() throws {
        if unnamed { return try commitUnnamed() }
        let result = close(fd)
        fd = -1
        if failure == nil && result != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(tmp)
            throw PipelineError("\(path): cannot write (\(failure))")
        }
        if rename(tmp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw PipelineError("\(path): cannot rename into place (\(reason))")
        }
    }

    /// Links the unnamed file into place (under the temporary name and then renamed when the name is taken), then closes it.
    private func commitUnnamed() throws {
        defer { close(fd); fd = -1 }
        if let failure { throw PipelineError("\(path): cannot write (\(failure))") }
        let handle = "/proc/self/fd/\(fd)"
        if linkat(AT_FDCWD, handle, AT_FDCWD, path, Self.followLink) == 0 { return }
        guard errno == EEXIST else { throw PipelineError("\(path): cannot link into place (\(String(cString: strerror(errno))))") }
        guard linkat(AT_FDCWD, handle, AT_FDCWD, tmp, Self.followLink) == 0 else {
            throw PipelineError("\(path): cannot link into place (\(String(cString: strerror(errno))))")
        }
        if rename(tmp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw PipelineError("\(path): cannot rename into place (\(reason))")
        }
    }

    /// `AT_SYMLINK_FOLLOW`: `/proc/self/fd/N` is followed to the open file.
    fileprivate static let followLink: Int32 = 0x400

    /// Whether files made without a name in a folder can be linked into it, tried once per folder with a file that is
    /// removed at once (a file system without `O_TMPFILE`, or without `/proc`, answers no).
    final class UnnamedFileSupport: @unchecked Sendable {
        private var known: [String: Bool] = [:]
        private let lock = NSLock()

        func supported(_ folder: String) -> Bool {
            lock.lock(); defer { lock.unlock() }
            if let answer = known[folder] { return answer }
            let answer = Self.probe(folder)
            known[folder] = answer
            return answer
        }

        private static func probe(_ folder: String) -> Bool {
            #if os(Linux)
            let fd = open(folder, OutputFile.openTemporary | O_WRONLY | O_CLOEXEC, 0o644)
            if fd < 0 { return false }
            defer { close(fd) }
            let name = (folder as NSString).appendingPathComponent(".probe.json.tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, name, OutputFile.followLink) == 0 else { return false }
            unlink(name)
            return true
            #else
            return false
            #endif
        }
    }
}

/// Hands the heap's freed pages back to the kernel: tcmalloc's `MallocExtension_ReleaseFreeMemory` when the process
/// has it, else glibc's `malloc_trim`. Both allocators keep what a document freed for the next ones; after a document
/// of millions of records that is hundreds of MB of pages that the next large allocation (its record) cannot reuse.
enum FreedMemory {
    /// Documents of at least this many bytes release the memory their pipeline freed (smaller ones gain nothing from it).
    static let largeDocument = 4 << 20
    /// Texts of at least this many characters release what each matcher's list freed as it grew (`DocumentExtractor`).
    static let largeText = 1 << 20

    private typealias Release = @convention(c) () -> Void
    private static let tcmallocRelease: Release? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "MallocExtension_ReleaseFreeMemory") else { return nil }
        return unsafeBitCast(symbol, to: Release.self)
    }()

    static func release() {
        #if canImport(Glibc)
        if let tcmallocRelease { tcmallocRelease() } else { _ = glibcMallocTrim(0) }
        #endif
    }
}

#if canImport(Glibc)
/// glibc's `malloc_trim` (declared in malloc.h, which the Glibc module does not export).
@_silgen_name("malloc_trim") private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

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

/// Slots filled in any order by the workers and taken in index order by one consumer. A producer waits before it
/// starts slot `i` until `i` is within `window` of the next slot to be taken; the slot being waited for is never held
/// back, so the queue cannot deadlock.
final class OrderedQueue<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Int: T] = [:]
    private var nextToTake = 0
    private let count: Int
    private let window: Int
    private var drained = false

    init(count: Int, window: Int) {
        self.count = count
        self.window = max(1, window)
    }

    func waitForRoom(_ index: Int) {
        condition.lock()
        while index >= nextToTake + window { condition.wait() }
        condition.unlock()
    }

    func put(_ index: Int, _ value: T) {
        condition.lock()
        slots[index] = value
        condition.broadcast()
        condition.unlock()
    }

    /// The next slot in order, waiting for it; nil after the last.
    func take() -> T? {
        condition.lock()
        defer { condition.unlock() }
        if nextToTake >= count {
            drained = true
            condition.broadcast()
            return nil
        }
        while slots[nextToTake] == nil { condition.wait() }
        let value = slots.removeValue(forKey: nextToTake)!
        nextToTake += 1
        condition.broadcast()
        return value
    }

    /// Waits until the consumer has taken every slot and asked for one more.
    func waitUntilDrained() {
        condition.lock()
        while !drained { condition.wait() }
        condition.unlock()
    }
}
