import CArchive
import Foundation
import ICUBridge

/// Reads `.zip`, `.tar`, `.tar.gz` and `.tgz` archives with libarchive, safely.
///
/// Entries are read into memory, never written to disk. Refused, each as one error record: entries with
/// an absolute path or a `..` component, links, and anything past the limits — an entry larger than
/// `maxEntrySize`, an archive that unpacks to more than `maxTotal` bytes or more than `maxRatio` times its
/// own size (a zip bomb). Archives inside archives are opened down to `maxDepth`. Entry names stored in
/// GBK/GB18030 (common in Chinese zip files) are decoded as such when they are not UTF-8.
public enum ArchiveReader {
    public struct Limits: Sendable {
        public var maxEntrySize: Int
        public var maxTotal: Int = 1 << 30
        public var maxRatio: Int = 200
        public var maxDepth: Int = 3
        public init(maxEntrySize: Int) { self.maxEntrySize = maxEntrySize }
    }

    public struct Member: Sendable {
        public var path: String      // archive path + "!/" + entry name
        public var name: String      // entry name
        public var bytes: [UInt8]
    }

    static let extensions = [".zip", ".tar", ".tar.gz", ".tgz"]

    public static func isArchive(_ path: String) -> Bool {
        let lower = path.lowercased()
        return extensions.contains { lower.hasSuffix($0) }
    }

    /// Every text member of the archive at `path` (nested archives expanded), and an error per refused entry.
    public static func read(path: String, limits: Limits) -> (members: [Member], errors: [BatchError]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [BatchError(path: path, reason: "unreadable", message: "archive cannot be read")])
        }
        var members: [Member] = []
        var errors: [BatchError] = []
        var total = 0
        read(bytes: [UInt8](data), label: path, limits: limits, depth: 1, total: &total, members: &members, errors: &errors)
        return (members, errors)
    }

    static func decodeName(_ raw: [UInt8]) -> String {
        if let s = String(validating: raw, as: UTF8.self) { return s }
        let decoded = raw.withUnsafeBufferPointer { ICUCharsets.decodeStrictly($0, charset: "GB18030") }
        if case .decoded(let units) = decoded { return String(decoding: units, as: UTF16.self) }
        return String(decoding: raw, as: UTF8.self)
    }

    static func unsafeReason(_ name: String) -> String? {
        if name.hasPrefix("/") || name.hasPrefix("\\") || (name.count > 1 && name.dropFirst().hasPrefix(":")) { return "absolute path" }
        let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if parts.contains("..") { return "a '..' component" }
        return nil
    }

    static func read(bytes: [UInt8], label: String, limits: Limits, depth: Int, total: inout Int,
                     members: inout [Member], errors: inout [BatchError]) {
        guard let a = archive_read_new() else { errors.append(BatchError(path: label, reason: "internal", message: "libarchive unavailable")); return }
        defer { archive_read_free(a) }
        archive_read_support_filter_all(a)
        archive_read_support_format_zip(a)
        archive_read_support_format_tar(a)
        archive_read_support_format_gnutar(a)
        let opened = bytes.withUnsafeBytes { buffer in
            archive_read_open_memory(a, buffer.baseAddress, buffer.count)
        }
        guard opened == ARCHIVE_OK else {
            errors.append(BatchError(path: label, reason: "undecodable", message: "not a readable archive: \(String(cString: archive_error_string(a)))"))
            return
        }
        var entry: OpaquePointer? = nil
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let status = archive_read_next_header(a, &entry)
            if status == ARCHIVE_EOF { break }
            guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else {
                errors.append(BatchError(path: label, reason: "undecodable", message: "archive is damaged: \(String(cString: archive_error_string(a)))"))
                break
            }
            // The stored bytes of the name (decoded here: UTF-8, else GB18030), else libarchive's UTF-8 form.
            let name: String
            if let rawName = archive_entry_pathname(entry) {
                name = decodeName(Array(UnsafeBufferPointer(start: UnsafeRawPointer(rawName).assumingMemoryBound(to: UInt8.self), count: strlen(rawName))))
            } else if let utf8 = archive_entry_pathname_utf8(entry) {
                name = String(cString: utf8)
            } else {
                errors.append(BatchError(path: label + "!/?", reason: "undecodable", message: "archive entry with an unreadable name"))
                archive_read_data_skip(a)
                continue
            }
            let memberPath = label + "!/" + name
            let type = archive_entry_filetype(entry) & 0o170000
            if type == 0o040000 { continue }  // a directory
            if let reason = unsafeReason(name) {
                errors.append(BatchError(path: memberPath, reason: "unsafe_path", message: "archive entry refused: \(reason)"))
                continue
            }
            if type == 0o120000 || archive_entry_hardlink(entry) != nil || archive_entry_symlink(entry) != nil {
                errors.append(BatchError(path: memberPath, reason: "unsafe_path", message: "archive entry refused: a link"))
                continue
            }
            if type != 0o100000 { continue }
            if (name as NSString).lastPathComponent.hasPrefix(".") || name.hasPrefix("__MACOSX/") { continue }
            var data: [UInt8] = []
            var refused: String? = nil
            while true {
                let n = buffer.withUnsafeMutableBytes { archive_read_data(a, $0.baseAddress, $0.count) }
                if n == 0 { break }
                if n < 0 { refused = "entry cannot be read: \(String(cString: archive_error_string(a)))"; break }
                data.append(contentsOf: buffer[0..<n])
                total += n
                if data.count > limits.maxEntrySize { refused = "entry is over the limit of \(limits.maxEntrySize) bytes"; break }
                if total > limits.maxTotal { refused = "archive unpacks to more than \(limits.maxTotal) bytes (a decompression bomb?)"; break }
                if total > 16 << 20 && total > limits.maxRatio * max(bytes.count, 1) {
                    refused = "archive unpacks to more than \(limits.maxRatio) times its size (a decompression bomb?)"
                    break
                }
            }
            if let refused {
                errors.append(BatchError(path: memberPath, reason: refused.hasPrefix("entry cannot") ? "undecodable" : "too_large", message: refused))
                if total > limits.maxTotal || refused.contains("times its size") { break }
                continue
            }
            if isArchive(name) {
                if depth < limits.maxDepth {
                    read(bytes: data, label: memberPath, limits: limits, depth: depth + 1, total: &total, members: &members, errors: &errors)
                } else {
                    errors.append(BatchError(path: memberPath, reason: "unsupported", message: "archive nested deeper than \(limits.maxDepth) levels"))
                }
                continue
            }
            members.append(Member(path: memberPath, name: name, bytes: data))
        }
    }
}
