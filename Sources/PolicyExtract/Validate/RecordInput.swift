import Foundation

/// Earlier outputs as input to the checks: a batch output folder (its `documents.jsonl` and `errors.jsonl`) or a
/// JSON Lines file of documents (`documents.jsonl`, what `stream` or `extract --jsonl` wrote). The records are read
/// back, not extracted again.
package enum RecordInput {
    /// True for a folder holding `documents.jsonl` and for a `.jsonl` file.
    package static func isOutput(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        if isDirectory.boolValue { return FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("documents.jsonl")) }
        return path.lowercased().hasSuffix(".jsonl")
    }

    /// Each document's claims and findings, and the errors the output holds, in the order written.
    package static func read(_ path: String) -> (documents: [(DocumentClaims, [Finding])], errors: [BatchError]) {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let file = isDirectory.boolValue ? (path as NSString).appendingPathComponent("documents.jsonl") : path
        var documents: [(DocumentClaims, [Finding])] = []
        var errors: [BatchError] = []
        let decoder = JSONDecoder()
        if isDirectory.boolValue, let data = FileManager.default.contents(atPath: (path as NSString).appendingPathComponent("errors.jsonl")) {
            for line in data.split(separator: 0x0A) where !line.isEmpty {
                if let e = try? decoder.decode(ShardMerge.ErrorLine.self, from: Data(line)) {
                    errors.append(BatchError(path: e.path, reason: e.reason, message: e.message, byteOffset: e.byte_offset))
                }
            }
        }
        let fd = open(file, O_RDONLY)
        guard fd >= 0 else { return ([], [BatchError(path: file, reason: InputError.Reason.unreadable.rawValue, message: "cannot be read")]) }
        defer { close(fd) }
        let reader = LineReader(fd: fd, maxLine: Int.max / 4)
        var number = 0
        while case .line(let line)? = reader.next() {
            number += 1
            if line.isEmpty { continue }
            if ShardMerge.isDocumentLine(line) {
                do {
                    let record = try DocumentRecord.decode(Data(line))
                    documents.append((ClaimExtractor.claims(record), record.findings))
                } catch {
                    errors.append(BatchError(path: "\(file):\(number)", reason: "bad_line", message: "not a document record (\(error))"))
                }
            } else if let e = try? decoder.decode(ShardMerge.ErrorLine.self, from: Data(line)) {
                errors.append(BatchError(path: e.path, reason: e.reason, message: e.message, byteOffset: e.byte_offset))
            } else {
                errors.append(BatchError(path: "\(file):\(number)", reason: "bad_line", message: "neither a document nor an error"))
            }
        }
        return (documents, errors)
    }
}
