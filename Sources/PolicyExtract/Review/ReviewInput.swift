import Foundation

/// One document as the review site shows it: its record, the original text its spans count in, and, with gold,
/// the misses and false positives of the evaluation.
package struct ReviewDocument: Sendable {
    package var record: DocumentRecord
    /// The original decoded text (Unicode scalars); nil when the input could not be read again.
    package var original: [UInt32]?
    /// Why `original` is missing (the input moved, or changed since the batch).
    package var textNote: String?
    /// Misses and false positives against gold (`eval --review`); empty otherwise.
    package var gold: [GoldMark]

    package init(record: DocumentRecord, original: [UInt32]?, textNote: String? = nil, gold: [GoldMark] = []) {
        (self.record, self.original, self.textNote, self.gold) = (record, original, textNote, gold)
    }
}

/// A disagreement with the gold annotation: a gold value not found (`miss`) or a found one not in gold (`false_positive`).
package struct GoldMark: Sendable, Equatable {
    package var kind: String
    package var field: String
    package var text: String
    package var detail: String
    /// Where it stands in the original text, when it could be located.
    package var span: Span?

    package init(kind: String, field: String, text: String, detail: String, span: Span?) {
        (self.kind, self.field, self.text, self.detail, self.span) = (kind, field, text, detail, span)
    }
}

/// Reads what a review is built from: batch output folders (records decoded as `DocumentRecord`, the text decoded
/// again from each record's `source`) or inputs (files, folders, archives) run through the pipeline in process.
package enum ReviewInput {
    /// A folder written by `batch`: it holds `documents.jsonl` or `docs/` beside `findings.json`.
    package static func isBatchFolder(_ path: String) -> Bool {
        let fm = FileManager.default
        func exists(_ name: String) -> Bool { fm.fileExists(atPath: (path as NSString).appendingPathComponent(name)) }
        return exists("documents.jsonl") || (exists("docs") && exists("findings.json"))
    }

    /// Every finding of a batch folder (`findings.json`: each document's and the cross-document ones).
    package static func batchFindings(_ folder: String) throws -> [Finding] {
        let path = (folder as NSString).appendingPathComponent("findings.json")
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        struct File: Decodable { var findings: [Finding] }
        do { return try JSONDecoder().decode(File.self, from: data).findings } catch {
            throw PipelineError("\(path): not a findings file (\(error))")
        }
    }

    /// Calls `body` with each document record of a batch folder, in its order: the lines of `documents.jsonl`, read
    /// a block at a time, or else `docs/*.json` sorted by name.
    package static func forEachBatchRecord(_ folder: String, _ body: (DocumentRecord) throws -> Void) throws {
        let jsonl = (folder as NSString).appendingPathComponent("documents.jsonl")
        if FileManager.default.fileExists(atPath: jsonl) {
            try forEachLine(jsonl) { line, number in
                do { try body(try DocumentRecord.decode(line)) } catch let error as DecodingError {
                    throw PipelineError("\(jsonl) line \(number): not a document record (\(error))")
                }
            }
            return
        }
        let docs = (folder as NSString).appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs))?.filter { $0.hasSuffix(".json") }.sorted() ?? []
        for name in names {
            let path = (docs as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { throw PipelineError("\(path): cannot be read") }
            do { try body(try DocumentRecord.decode(data)) } catch let error as DecodingError {
                throw PipelineError("\(path): not a document record (\(error))")
            }
        }
    }

    /// The non-empty lines of a file (1-based numbers), read 1 MB at a time.
    static func forEachLine(_ path: String, _ body: (Data, Int) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw PipelineError("\(path): cannot be read") }
        defer { try? handle.close() }
        var pending = Data()
        var number = 0
        func emit(_ line: Data) throws {
            number += 1
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { try body(line, number) }
        }
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(chunk)
            var start = pending.startIndex
            while let nl = pending[start...].firstIndex(of: 0x0A) {
                try emit(Data(pending[start..<nl]))
                start = pending.index(after: nl)
            }
            pending = Data(pending[start...])
        }
        if !pending.isEmpty { try emit(pending) }
    }

    /// The original text of a record, decoded again from its `source` (a file, or `archive!/member`), tried as written
    /// and then relative to the batch folder's parent. The bytes must hash to the record's `sha256`: spans count in
    /// that text and no other.
    package static func originalText(of record: DocumentRecord, batchFolder: String?, archives: ArchiveCache) -> (text: [UInt32]?, note: String?) {
        let source = record.document.source
        var candidates = [source]
        if let batchFolder, !source.hasPrefix("/") {
            let parent = ((batchFolder as NSString).standardizingPath as NSString).deletingLastPathComponent
            candidates.append((parent as NSString).appendingPathComponent(source))
        }
        var found: [UInt8]? = nil
        for path in candidates {
            if let bang = path.range(of: "!/") {
                if let bytes = archives.member(archive: String(path[..<bang.lowerBound]), path: path) { found = bytes; break }
            } else if let bytes = try? FileInput.read(path) {
                found = bytes; break
            }
        }
        guard let bytes = found else { return (nil, "the input \(source) could not be read again: the text is not shown") }
        guard SHA256.hex(bytes) == record.document.sha256 else {
            return (nil, "the input \(source) has changed since it was converted (its SHA-256 differs): the text is not shown")
        }
        guard let decoded = try? TextDecoder.decode(bytes, path: source) else { return (nil, "the input \(source) no longer decodes") }
        return (decoded.scalars, nil)
    }

    /// Archives read once each for the members that records name.
    package final class ArchiveCache {
        private var members: [String: [String: [UInt8]]] = [:]
        package init() {}
        func member(archive: String, path: String) -> [UInt8]? {
            if members[archive] == nil {
                let (found, _) = ArchiveReader.read(path: archive, limits: ArchiveReader.Limits(maxEntrySize: FileInput.defaultMaxSize))
                var byPath: [String: [UInt8]] = [:]
                for m in found { byPath[m.path] = m.bytes }
                members[archive] = byPath
            }
            return members[archive]?[path]
        }
    }

    /// The documents of inputs (files, folders, archives) run through the pipeline, one at a time, with their
    /// original text; `gold` names a folder of gold annotations whose misses and false positives are marked.
    package static func forEachInputDocument(_ paths: [String], pipeline: PipelineDefinition, goldDirectory: String? = nil,
                                            errors: ([BatchError]) -> Void = { _ in },
                                            _ body: (ReviewDocument) throws -> Void) throws {
        let (inputs, collectErrors) = BatchRunner.collect(paths)
        var failed = collectErrors
        let extractor = DocumentExtractor(pipeline: pipeline)
        for input in inputs {
            let result: DocumentResult
            do {
                result = try extractor.extract(bytes: try input.read(), path: input.path, id: input.id)
            } catch let e as InputError {
                failed.append(BatchError(path: e.path, reason: e.reason.rawValue, message: e.message, byteOffset: e.byteOffset))
                continue
            }
            var marks: [GoldMark] = []
            if let goldDirectory {
                let goldPath = (goldDirectory as NSString).appendingPathComponent(FileInput.documentID(input.path) + ".json")
                if let data = FileManager.default.contents(atPath: goldPath) {
                    let gold = try GoldDocument.read(data, path: goldPath)
                    var one = Evaluation()
                    one.add(result, gold: gold)
                    marks = one.misses.map { GoldMark(kind: $0.kind, field: $0.field, text: $0.text, detail: $0.detail, span: $0.span) }
                }
            }
            try body(ReviewDocument(record: DocumentRecord(result), original: result.text.original, gold: marks))
        }
        errors(failed)
    }
}
