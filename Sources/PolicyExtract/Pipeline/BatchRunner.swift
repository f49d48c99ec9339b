import Foundation

/// One input of a batch: where its bytes come from and the id its output is written under.
public struct BatchInput: Sendable {
    public var path: String
    public var id: String
}

/// One file that could not be converted.
public struct BatchError: Sendable {
    public var path: String
    public var reason: String
    public var message: String
    public var byteOffset: Int?

    public var json: JSONValue {
        .object([("path", .string(path)), ("reason", .string(reason)), ("message", .string(message)),
                 ("byte_offset", byteOffset.map { .int($0) } ?? .null)])
    }
}

/// Batch conversion: every input to `DIR/docs/<id>.json`, plus `documents.jsonl` and `errors.jsonl`,
/// in parallel, in a stable order, with atomic writes. A bad file becomes one error record and the
/// batch goes on.
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
        public var skipped = 0
        public var failed = 0
        public var bytes = 0
        public var errors: [BatchError] = []
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

    static let textExtensions: Set<String> = ["txt", "md", "markdown", "text", "html", "htm"]

    /// Files and folders (recursive, hidden files skipped) to inputs with stable, unique ids.
    public static func collect(_ paths: [String]) -> (inputs: [BatchInput], errors: [BatchError]) {
        var files: [String] = []
        var errors: [BatchError] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(BatchError(path: path, reason: InputError.Reason.unreadable.rawValue, message: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                guard let walker = fm.enumerator(atPath: path) else { continue }
                var found: [String] = []
                while let rel = walker.nextObject() as? String {
                    let name = (rel as NSString).lastPathComponent
                    if name.hasPrefix(".") { continue }
                    let full = (path as NSString).appendingPathComponent(rel)
                    var dir: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue { found.append(full) }
                }
                files += found.sorted()
            } else {
                files.append(path)
            }
        }
        var seen: [String: Int] = [:]
        for f in files { seen[FileInput.documentID(f), default: 0] += 1 }
        let inputs = files.map { f -> BatchInput in
            let stem = FileInput.documentID(f)
            if seen[stem]! > 1 {
                return BatchInput(path: f, id: stem + "-" + String(SHA256.hex(Array(f.utf8)).prefix(8)))
            }
            return BatchInput(path: f, id: stem)
        }
        return (inputs, errors)
    }

    /// Writes `contents` to `path` through a temporary file and a rename, so that a reader never sees
    /// a partial file.
    public static func writeAtomically(_ contents: String, to path: String) throws {
        let tmp = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: tmp, contents: Data(contents.utf8)) else {
            throw PipelineError("\(path): cannot write")
        }
        if rename(tmp, path) != 0 {
            try? FileManager.default.removeItem(atPath: tmp)
            throw PipelineError("\(path): cannot rename into place")
        }
    }

    /// The sha256 recorded in an existing output, if it is complete.
    static func recordedHash(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let document = object["document"] as? [String: Any] else { return nil }
        return document["sha256"] as? String
    }

    public func run(_ inputs: [BatchInput], initialErrors: [BatchError] = [], progress: ((Progress) -> Void)? = nil,
                    shouldStop: (() -> Bool)? = nil) throws -> Summary {
        let out = options.outputDirectory
        let docsDir = (out as NSString).appendingPathComponent("docs")
        try FileManager.default.createDirectory(atPath: docsDir, withIntermediateDirectories: true)
        var lines = [String?](repeating: nil, count: inputs.count)
        var errors = [BatchError?](repeating: nil, count: inputs.count)
        var summary = Summary()
        var done = 0
        let jobs = max(1, min(options.jobs, inputs.count))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            let extractor = DocumentExtractor(pipeline: options.pipeline)
            while true {
                if shouldStop?() == true { return }
                let index = next.increment()
                if index >= inputs.count { return }
                let input = inputs[index]
                let target = (docsDir as NSString).appendingPathComponent(input.id + ".json")
                var line: String? = nil
                var error: BatchError? = nil
                var size = 0
                var skipped = false
                do {
                    let bytes = try FileInput.read(input.path, maxSize: options.maxFileSize)
                    size = bytes.count
                    if options.resume, let recorded = Self.recordedHash(target), recorded == SHA256.hex(bytes),
                       let data = FileManager.default.contents(atPath: target), let existing = String(data: data, encoding: .utf8),
                       let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object["schema"] as? String == schemaVersion {
                        // Complete and unchanged: reuse it.
                        line = Self.compact(existing)
                        skipped = true
                    } else {
                        let result = try extractor.extract(bytes: bytes, path: input.path, id: input.id)
                        let json = DocumentJSON.object(result)
                        try Self.writeAtomically(json.serialized(pretty: true) + "\n", to: target)
                        line = json.serialized()
                    }
                } catch let e as InputError {
                    error = BatchError(path: input.path, reason: e.reason.rawValue, message: e.message, byteOffset: e.byteOffset)
                } catch {
                    let e = BatchError(path: input.path, reason: "internal", message: "\(error)")
                    lock.lock(); errors[index] = e; lock.unlock()
                }
                lock.lock()
                lines[index] = line
                if let error { errors[index] = error }
                done += 1
                summary.bytes += size
                if skipped { summary.skipped += 1 }
                let snapshot = Progress(done: done, total: inputs.count, bytes: summary.bytes, errors: errors.compactMap { $0 }.count + initialErrors.count)
                lock.unlock()
                progress?(snapshot)
            }
        }
        let allErrors = initialErrors + errors.compactMap { $0 }
        summary.errors = allErrors
        summary.failed = allErrors.count
        summary.converted = lines.compactMap { $0 }.count
        let complete = shouldStop?() != true
        if complete {
            try Self.writeAtomically(lines.compactMap { $0 }.map { $0 + "\n" }.joined(), to: (out as NSString).appendingPathComponent("documents.jsonl"))
            try Self.writeAtomically(allErrors.map { $0.json.serialized() + "\n" }.joined(), to: (out as NSString).appendingPathComponent("errors.jsonl"))
        }
        return summary
    }

    /// Re-serializes an indented JSON document on one line, keeping key order.
    static func compact(_ pretty: String) -> String {
        var out = ""
        out.reserveCapacity(pretty.utf8.count)
        var inString = false
        var escaped = false
        var skippingIndent = false
        for ch in pretty.unicodeScalars {
            if inString {
                out.unicodeScalars.append(ch)
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                continue
            }
            if ch == "\n" { skippingIndent = true; continue }
            if skippingIndent && ch == " " { continue }
            skippingIndent = false
            if ch == "\"" { inString = true }
            if ch == " " { continue }
            out.unicodeScalars.append(ch)
        }
        return out
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
