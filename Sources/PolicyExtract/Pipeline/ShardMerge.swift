import Foundation

/// Joins the outputs of several batches or streams into one batch output, as if one `batch` had converted everything.
///
/// A part is a batch output folder (`documents.jsonl`, `errors.jsonl`, `docs/`) or a JSON Lines file that `stream`
/// wrote (document lines and error lines). Documents are read back as typed records (`DocumentRecord`) and handed
/// to the batch's own writer (`BatchSinks`), which writes `documents.jsonl`, `targets.csv` and `policy.sqlite` and
/// runs the cross-document checks on the union of the records' claims; nothing is extracted again. Each document's
/// line is copied as it stands, and `docs/<id>.json` is copied from the part (or indented from the line).
///
/// Order: when every part is a shard (`batch --shard K/N`, which writes `shard.json`), documents and errors come
/// in the order of one batch over the whole list, and every shard must be there; otherwise the parts are joined
/// in the order given, and a document id found twice is refused.
package enum ShardMerge {
    package struct Summary: Sendable {
        package var documents = 0
        package var errors = 0
        package var findings = 0
        package var parts = 0
    }

    /// One part and what is read of it before the documents.
    final class Part {
        let path: String
        let isFolder: Bool
        let manifest: ShardManifest?
        /// The file its document lines are in.
        var documentsFile: String { isFolder ? (path as NSString).appendingPathComponent("documents.jsonl") : path }
        var docsDirectory: String? { isFolder ? (path as NSString).appendingPathComponent("docs") : nil }
        var errors: [BatchError] = []
        var documentLines = 0
        var reader: LineReader?
        var fd: Int32 = -1
        /// The position of each member's id in the whole list (shards only).
        var positions: [String: Int] = [:]

        init(path: String, isFolder: Bool, manifest: ShardManifest?) {
            self.path = path
            self.isFolder = isFolder
            self.manifest = manifest
            if let manifest { for m in manifest.members { positions[m.id] = m.index } }
        }
    }

    struct ErrorLine: Decodable {
        var path: String
        var reason: String
        var message: String
        var byte_offset: Int?
    }

    /// Merges `parts` into the folder `out` with `jobs` threads decoding the records.
    package static func run(_ partPaths: [String], to out: String, jobs: Int = 1) throws -> Summary {
        let outPath = URL(fileURLWithPath: out).standardizedFileURL.path
        var parts: [Part] = []
        for p in partPaths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDirectory) else { throw PipelineError("\(p): no such file or folder") }
            if URL(fileURLWithPath: p).standardizedFileURL.path == outPath { throw PipelineError("\(p): the output folder cannot be one of the parts") }
            if isDirectory.boolValue {
                guard FileManager.default.fileExists(atPath: (p as NSString).appendingPathComponent("documents.jsonl")) else {
                    throw PipelineError("\(p): not a batch output (no documents.jsonl)")
                }
                parts.append(Part(path: p, isFolder: true, manifest: try ShardManifest.read(from: p)))
            } else {
                parts.append(Part(path: p, isFolder: false, manifest: nil))
            }
        }
        guard !parts.isEmpty else { throw PipelineError("no outputs to merge") }
        let sharded = try checkShards(parts)
        for part in parts { try scan(part) }

        // Errors: with shards, those of no input (a missing path, a bad archive member: every shard reports them)
        // once each, first, then the inputs' in the order of the whole list; otherwise as the parts list them.
        var errors: [BatchError] = []
        if sharded {
            var seen = Set<String>()
            var placed: [(Int, BatchError)] = []
            var sourcePositions: [String: Int] = [:]
            for part in parts { for m in part.manifest!.members { sourcePositions[m.source] = m.index } }
            for part in parts {
                for e in part.errors {
                    if let position = sourcePositions[e.path] { placed.append((position, e)); continue }
                    if seen.insert(e.json.serialized()).inserted { errors.append(e) }
                }
            }
            errors += placed.sorted { $0.0 < $1.0 }.map(\.1)
        } else {
            errors = parts.flatMap(\.errors)
        }

        let docsDir = (out as NSString).appendingPathComponent("docs")
        do {
            try FileManager.default.createDirectory(atPath: docsDir, withIntermediateDirectories: true)
        } catch {
            throw PipelineError("\(out): cannot create the output folder (\((error as NSError).localizedDescription))")
        }
        for part in parts {
            let fd = open(part.documentsFile, O_RDONLY)
            guard fd >= 0 else { throw PipelineError("\(part.documentsFile): cannot be read") }
            part.fd = fd
            part.reader = LineReader(fd: fd, maxLine: Int.max / 4)
        }
        defer { for part in parts where part.fd >= 0 { close(part.fd) } }

        let total = parts.reduce(0) { $0 + $1.documentLines }
        let sinks = try BatchRunner.BatchSinks(directory: out)
        let queue = OrderedQueue<BatchRunner.Converted?>(count: total, window: 4 * max(1, jobs) + 4)
        let writer = Thread { sinks.consume(queue) }
        writer.stackSize = 1 << 22
        writer.start()
        let source = DocumentLines(parts: parts, sharded: sharded, total: total)
        let failure = FailureBox()
        DispatchQueue.concurrentPerform(iterations: max(1, jobs)) { _ in
            while let item = source.next(failure: failure) {
                queue.waitForRoom(item.index)
                if failure.error != nil || sinks.failed { queue.put(item.index, nil); continue }
                do {
                    let record = try DocumentRecord.decode(Data(item.line))
                    guard record.schema == schemaVersion else {
                        throw PipelineError("document \(record.document.id) is of output schema \(record.schema), not \(schemaVersion) (made by \(record.generator ?? "an older version")); convert it again with this version")
                    }
                    let target = (docsDir as NSString).appendingPathComponent(record.document.id + ".json")
                    if let dir = item.part.docsDirectory,
                       let data = FileManager.default.contents(atPath: (dir as NSString).appendingPathComponent(record.document.id + ".json")) {
                        try BatchRunner.writeAtomically(data, to: target)
                    } else {
                        // A part that is a stream's output has no docs/: the document's file is its line, as batch writes it.
                        try BatchRunner.writeAtomically(Data(item.line + [0x0A]), to: target)
                    }
                    queue.put(item.index, BatchRunner.Converted(record: record, line: .bytes(item.line + [0x0A]), csvRows: TargetsCSV.rows(record),
                                                                claims: ClaimExtractor.claims(record)))
                } catch {
                    failure.set(PipelineError("\(item.part.documentsFile): line \(item.lineNumber): \(error)"))
                    queue.put(item.index, nil)
                }
            }
        }
        queue.waitUntilDrained()
        if let error = failure.error {
            sinks.abandon()
            throw error
        }
        var summary = Summary()
        summary.findings = try sinks.finish(errors: errors)
        summary.documents = sinks.documents
        summary.errors = errors.count
        summary.parts = parts.count
        return summary
    }

    /// True when every part is a shard of one list, and all its shards are there; false when none is.
    static func checkShards(_ parts: [Part]) throws -> Bool {
        let manifests = parts.compactMap(\.manifest)
        if manifests.isEmpty { return false }
        guard manifests.count == parts.count else {
            let plain = parts.filter { $0.manifest == nil }.map(\.path)
            throw PipelineError("some parts are shards and some are not (\(plain.joined(separator: ", ")) \(plain.count == 1 ? "has" : "have") no \(ShardManifest.fileName))")
        }
        let first = manifests[0]
        for m in manifests where m.shards != first.shards || m.inputs != first.inputs {
            throw PipelineError("the parts are shards of different lists (\(first.shards) shards of \(first.inputs) inputs, and \(m.shards) of \(m.inputs))")
        }
        var seen = Set<Int>()
        for (m, part) in zip(manifests, parts) where !seen.insert(m.shard).inserted {
            throw PipelineError("\(part.path): shard \(m.shard)/\(m.shards) is given twice")
        }
        let missing = (0..<first.shards).filter { !seen.contains($0) }
        if !missing.isEmpty {
            throw PipelineError("shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(first.shards)" }.joined(separator: ", ")) missing")
        }
        return true
    }

    /// Counts a part's document lines and reads its errors.
    static func scan(_ part: Part) throws {
        let decoder = JSONDecoder()
        func error(_ line: ArraySlice<UInt8>, _ file: String, _ number: Int) throws -> BatchError {
            do {
                let e = try decoder.decode(ErrorLine.self, from: Data(line))
                return BatchError(path: e.path, reason: e.reason, message: e.message, byteOffset: e.byte_offset)
            } catch {
                throw PipelineError("\(file): line \(number): neither a document nor an error")
            }
        }
        if part.isFolder {
            let errorsFile = (part.path as NSString).appendingPathComponent("errors.jsonl")
            if let data = FileManager.default.contents(atPath: errorsFile) {
                for (n, line) in data.split(separator: 0x0A).enumerated() where !line.isEmpty {
                    part.errors.append(try error(ArraySlice(line), errorsFile, n + 1))
                }
            }
        }
        let fd = open(part.documentsFile, O_RDONLY)
        guard fd >= 0 else { throw PipelineError("\(part.documentsFile): cannot be read") }
        defer { close(fd) }
        let reader = LineReader(fd: fd, maxLine: Int.max / 4)
        var number = 0
        while case .line(let line)? = reader.next() {
            number += 1
            if line.isEmpty { continue }
            if isDocumentLine(line) { part.documentLines += 1; continue }
            if part.isFolder { throw PipelineError("\(part.documentsFile): line \(number): not a document") }
            part.errors.append(try error(line, part.path, number))
        }
    }

    /// A document line begins with its schema (`{"schema":`), as every writer of this tool writes it.
    static func isDocumentLine(_ line: ArraySlice<UInt8>) -> Bool {
        line.starts(with: Array(#"{"schema":"#.utf8))
    }

    /// The id of a document line without decoding all of it: the first `"id":"…"` after `"document":{`.
    static func documentID(_ line: [UInt8]) -> String? {
        let key = Array(#""document":{"id":""#.utf8)
        guard line.count > key.count else { return nil }
        var i = 0
        let limit = min(line.count - key.count, 4096)
        while i <= limit {
            if line[i] == key[0] && line[i..<(i + key.count)].elementsEqual(key) {
                var j = i + key.count
                var bytes: [UInt8] = [UInt8(ascii: "\"")]
                while j < line.count {
                    bytes.append(line[j])
                    if line[j] == UInt8(ascii: "\\") { j += 1; if j < line.count { bytes.append(line[j]) } }
                    else if line[j] == UInt8(ascii: "\"") { break }
                    j += 1
                }
                return try? JSONDecoder().decode(String.self, from: Data(bytes))
            }
            i += 1
        }
        return nil
    }

    struct Item {
        var index: Int
        var line: [UInt8]
        var lineNumber: Int
        var part: Part
    }

    /// The document lines of all parts in merged order, handed out one at a time to the workers.
    final class DocumentLines: @unchecked Sendable {
        let parts: [Part]
        let sharded: Bool
        let lock = NSLock()
        var heads: [(line: [UInt8], number: Int, position: Int)?]
        var lineNumbers: [Int]
        var started = false
        var index = 0
        var current = 0
        var ids = Set<String>()

        /// The number of document lines counted before: exactly this many items are handed out, placeholders
        /// after a failure, so that the writer's queue always drains.
        let total: Int

        init(parts: [Part], sharded: Bool, total: Int) {
            self.parts = parts
            self.sharded = sharded
            self.total = total
            heads = Array(repeating: nil, count: parts.count)
            lineNumbers = Array(repeating: 0, count: parts.count)
        }

        /// The next document line of part `k` and its position in the whole list (shards).
        func advance(_ k: Int, failure: FailureBox) -> (line: [UInt8], number: Int, position: Int)? {
            let part = parts[k]
            while case .line(let slice)? = part.reader!.next() {
                lineNumbers[k] += 1
                guard isDocumentLine(slice) else { continue }
                let line = Array(slice)
                var position = 0
                if sharded {
                    guard let id = documentID(line), let p = part.positions[id] else {
                        failure.set(PipelineError("\(part.documentsFile): line \(lineNumbers[k]): a document that \(ShardManifest.fileName) does not list"))
                        return nil
                    }
                    position = p
                }
                return (line, lineNumbers[k], position)
            }
            return nil
        }

        func next(failure: FailureBox) -> Item? {
            lock.lock(); defer { lock.unlock() }
            guard index < total else { return nil }
            if let item = take(failure: failure) { return item }
            if failure.error == nil { failure.set(PipelineError("the parts changed while they were read")) }
            defer { index += 1 }
            return Item(index: index, line: [], lineNumber: 0, part: parts[0])
        }

        private func take(failure: FailureBox) -> Item? {
            if failure.error != nil { return nil }
            if !started {
                started = true
                if sharded { for k in parts.indices { heads[k] = advance(k, failure: failure) } }
            }
            var chosen: Int
            var head: (line: [UInt8], number: Int, position: Int)
            if sharded {
                guard let k = heads.indices.filter({ heads[$0] != nil }).min(by: { heads[$0]!.position < heads[$1]!.position }) else { return nil }
                chosen = k
                head = heads[k]!
                heads[k] = advance(k, failure: failure)
            } else {
                while true {
                    guard current < parts.count else { return nil }
                    if let h = advance(current, failure: failure) { head = h; chosen = current; break }
                    current += 1
                }
                if let id = documentID(head.line), !ids.insert(id).inserted {
                    failure.set(PipelineError("document id \(id) is in more than one part (again in \(parts[chosen].documentsFile), line \(head.number))"))
                }
            }
            defer { index += 1 }
            return Item(index: index, line: head.line, lineNumber: head.number, part: parts[chosen])
        }
    }

    final class FailureBox: @unchecked Sendable {
        private let lock = NSLock()
        private var first: Error?
        var error: Error? { lock.lock(); defer { lock.unlock() }; return first }
        func set(_ e: Error) { lock.lock(); if first == nil { first = e }; lock.unlock() }
    }
}
