import CArchive
import Foundation
import ICUBridge

/// Reads `.zip`, `.tar`, `.tar.gz` and `.tgz` archives with libarchive, safely, accounting for every entry.
///
/// Entries are read into memory, never written to disk. Every entry other than a folder (and a hidden or
/// `__MACOSX/` one, skipped as hidden files in folders are) becomes a member or one error record, never
/// nothing. Refused, each as one error record: entries with an absolute path or a `..` component, links,
/// devices, FIFOs and sockets, and anything past the limits — an entry larger than `maxEntrySize`, an archive
/// that unpacks to more than `maxTotal` bytes or more than `maxRatio` times its own size (a zip bomb). After
/// such a bomb nothing more is unpacked, and each entry after it is one error record; listing them is itself
/// bounded (a compressed stream must be unpacked to be skipped): past `maxTotal` bytes skipped, the rest of
/// the archive is one record. Two entries of the same name are both read (their documents get distinct ids).
/// Archives inside archives are opened down to `maxDepth`. Entry names stored in GBK/GB18030 (common in
/// Chinese zip files) are decoded as such when they are not UTF-8.
package enum ArchiveReader {
    package struct Limits: Sendable {
        package var maxEntrySize: Int
        package var maxTotal: Int = 1 << 30
        package var maxRatio: Int = 200
        package var maxDepth: Int = 3
        /// Entries listed in one archive (with those inside it); past this the rest is one record.
        package var maxEntries: Int = 1 << 20
        package init(maxEntrySize: Int) { self.maxEntrySize = maxEntrySize }
    }

    package struct Member: Sendable {
        package var path: String      // archive path + "!/" + entry name
        package var name: String      // entry name
        package var bytes: [UInt8]
        /// The entry's place in its archive (1-based, `/`-joined through nested archives): two entries of
        /// one name differ here.
        package var position: String
    }

    static let extensions = [".zip", ".tar", ".tar.gz", ".tgz"]

    package static func isArchive(_ path: String) -> Bool {
        let lower = path.lowercased()
        return extensions.contains { lower.hasSuffix($0) }
    }

    /// What one archive (and those inside it) gave so far, and whether reading stops.
    final class Reading {
        let limits: Limits
        let shouldStop: () -> Bool
        var members: [Member] = []
        var errors: [BatchError] = []
        /// Bytes unpacked, over the whole archive.
        var total = 0
        /// Bytes of compressed streams (or of a stream that cannot seek) read over to list entries that were
        /// not unpacked.
        var skipped = 0
        /// Entries listed.
        var entries = 0
        /// Why nothing more is unpacked (a decompression bomb), once it is so.
        var refusal: String? = nil
        var stopped = false
        init(limits: Limits, shouldStop: @escaping () -> Bool) {
            self.limits = limits
            self.shouldStop = shouldStop
        }
    }

    /// Every text member of the archive at `path` (nested archives expanded), and an error per refused entry.
    /// `shouldStop` is asked between entries and between chunks of one (a signal stops the batch).
    package static func read(path: String, limits: Limits, shouldStop: @escaping () -> Bool = { false })
        -> (members: [Member], errors: [BatchError]) {
        let reading = Reading(limits: limits, shouldStop: shouldStop)
        var info = stat()
        guard stat(path, &info) == 0, let a = archive_read_new() else {
            return ([], [BatchError(path: path, reason: "unreadable", message: "archive cannot be read")])
        }
        defer { archive_read_free(a) }
        supportFormats(a)
        // Read from the file as it is unpacked: the archive itself is never held in memory. The descriptor is
        // ours (libarchive's own opening of a file name reads a FIFO to its end when closed, so a batch stopped
        // while a stream is read would wait for the writer to finish).
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return ([], [BatchError(path: path, reason: "unreadable", message: "archive cannot be read")]) }
        defer { close(fd) }
        guard archive_read_open_fd(a, fd, 1 << 16) == ARCHIVE_OK else {
            return ([], [BatchError(path: path, reason: "undecodable", message: "not a readable archive: \(message(a))")])
        }
        // The ratio test needs the archive's size: a stream (a FIFO) has none, and only `maxTotal` bounds it.
        let regular = info.st_mode & S_IFMT == S_IFREG
        let size = regular ? Int(info.st_size) : Int.max / (limits.maxRatio + 1)
        read(a, label: path, size: size, seekable: regular, depth: 1, position: "", reading)
        return (reading.members, reading.errors)
    }

    static func supportFormats(_ a: OpaquePointer) {
        archive_read_support_filter_all(a)
        archive_read_support_format_zip(a)
        archive_read_support_format_tar(a)
        archive_read_support_format_gnutar(a)
    }

    static func message(_ a: OpaquePointer) -> String {
        archive_error_string(a).map { String(cString: $0) } ?? "unknown error"
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

    /// What an entry that is neither a folder nor a regular file is, for its error record (nil: a link).
    static func specialKind(_ type: UInt32) -> String {
        switch type {
        case 0o020000: return "a character device"
        case 0o060000: return "a block device"
        case 0o010000: return "a FIFO"
        case 0o140000: return "a socket"
        default: return "of an unknown kind (mode \(String(type, radix: 8)))"
        }
    }

    /// Reads the archive opened in `a` (an archive member of `bytes`, or the file itself): each entry
    /// becomes a member or an error record.
    static func read(bytes: [UInt8], label: String, depth: Int, position: String, _ reading: Reading) {
        guard let a = archive_read_new() else {
            reading.errors.append(BatchError(path: label, reason: "internal", message: "libarchive unavailable"))
            return
        }
        defer { archive_read_free(a) }
        supportFormats(a)
        bytes.withUnsafeBytes { buffer in
            guard archive_read_open_memory(a, buffer.baseAddress, buffer.count) == ARCHIVE_OK else {
                reading.errors.append(BatchError(path: label, reason: "undecodable", message: "not a readable archive: \(message(a))"))
                return
            }
            read(a, label: label, size: bytes.count, seekable: true, depth: depth, position: position, reading)
        }
    }

    /// `seekable`: entries are skipped by seeking (a file or bytes in memory, not a stream).
    static func read(_ a: OpaquePointer, label: String, size: Int, seekable: Bool, depth: Int, position: String, _ reading: Reading) {
        let limits = reading.limits
        var entry: OpaquePointer? = nil
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var index = 0
        var last = ""  // the last entry's name, to say where a listing stopped
        while true {
            if reading.shouldStop() { reading.stopped = true; return }
            let status = archive_read_next_header(a, &entry)
            if status == ARCHIVE_EOF { return }
            guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else {
                let after = last.isEmpty ? "" : " after entry \(last)"
                reading.errors.append(BatchError(path: label, reason: "undecodable",
                                                 message: "archive is damaged\(after): \(message(a)); the entries after it cannot be listed"))
                return
            }
            index += 1
            reading.entries += 1
            // The stored bytes of the name (decoded here: UTF-8, else GB18030), else libarchive's UTF-8 form.
            var name = "?"
            if let rawName = archive_entry_pathname(entry) {
                name = decodeName(Array(UnsafeBufferPointer(start: UnsafeRawPointer(rawName).assumingMemoryBound(to: UInt8.self), count: strlen(rawName))))
            } else if let utf8 = archive_entry_pathname_utf8(entry) {
                name = String(cString: utf8)
            }
            last = name
            let memberPath = label + "!/" + name
            let here = position + "/\(index)"
            func refuse(_ reason: String, _ message: String) {
                reading.errors.append(BatchError(path: memberPath, reason: reason, message: message))
            }
            let type = UInt32(archive_entry_filetype(entry)) & 0o170000
            if type == 0o040000 { continue }  // a folder
            // Listing on past an entry that is not unpacked skips its data; in a compressed stream that means
            // unpacking it, so the bytes so skipped are bounded too.
            func skipWithinBudget(unread: Int?) -> Bool {
                guard !seekable || archive_filter_code(a, 0) != ARCHIVE_FILTER_NONE else { return true }  // skipped by seeking
                guard let unread else { return false }
                reading.skipped += unread
                return reading.skipped <= limits.maxTotal
            }
            func stopListing() {
                reading.errors.append(BatchError(path: label, reason: "too_large",
                                                 message: "entries after \(name) not listed: skipping to them would unpack more than \(limits.maxTotal) bytes"))
            }
            let declared = archive_entry_size_is_set(entry) != 0 ? Int(archive_entry_size(entry)) : nil
            if reading.entries > limits.maxEntries {
                reading.errors.append(BatchError(path: label, reason: "too_large",
                                                 message: "entries from \(name) on not listed: the archive holds more than \(limits.maxEntries) entries"))
                return
            }
            if let refusal = reading.refusal {
                refuse("too_large", "not read: \(refusal)")
                if !skipWithinBudget(unread: declared) { stopListing(); return }
                continue
            }
            if archive_entry_pathname(entry) == nil && archive_entry_pathname_utf8(entry) == nil {
                refuse("undecodable", "archive entry with an unreadable name")
                if !skipWithinBudget(unread: declared) { stopListing(); return }
                continue
            }
            if let reason = unsafeReason(name) {
                refuse("unsafe_path", "archive entry refused: \(reason)")
                if !skipWithinBudget(unread: declared) { stopListing(); return }
                continue
            }
            if type == 0o120000 || archive_entry_hardlink(entry) != nil || archive_entry_symlink(entry) != nil {
                refuse("unsafe_path", "archive entry refused: a link")
                continue
            }
            if type != 0o100000 {
                refuse("unsupported", "archive entry refused: \(specialKind(type)), not a file")
                if !skipWithinBudget(unread: declared) { stopListing(); return }
                continue
            }
            if (name as NSString).lastPathComponent.hasPrefix(".") || name.hasPrefix("__MACOSX/") {
                if !skipWithinBudget(unread: declared) { stopListing(); return }
                continue
            }
            var data: [UInt8] = []
            var refused: (reason: String, message: String)? = nil
            while true {
                if reading.shouldStop() { reading.stopped = true; return }
                let n = buffer.withUnsafeMutableBytes { archive_read_data(a, $0.baseAddress, $0.count) }
                if n == 0 { break }
                if n < 0 { refused = ("undecodable", "entry cannot be read: \(message(a))"); break }
                data.append(contentsOf: buffer[0..<n])
                reading.total += n
                if data.count > limits.maxEntrySize {
                    refused = ("too_large", "entry is over the limit of \(limits.maxEntrySize) bytes")
                    break
                }
                if reading.total > limits.maxTotal {
                    reading.refusal = "the archive unpacks to more than \(limits.maxTotal) bytes (a decompression bomb?), found at \(memberPath)"
                    refused = ("too_large", "archive unpacks to more than \(limits.maxTotal) bytes (a decompression bomb?)")
                    break
                }
                if reading.total > 16 << 20 && reading.total > limits.maxRatio * max(size, 1) {
                    reading.refusal = "the archive unpacks to more than \(limits.maxRatio) times its size (a decompression bomb?), found at \(memberPath)"
                    refused = ("too_large", "archive unpacks to more than \(limits.maxRatio) times its size (a decompression bomb?)")
                    break
                }
            }
            if let refused {
                refuse(refused.reason, refused.message)
                if !skipWithinBudget(unread: declared.map { max(0, $0 - data.count) }) { stopListing(); return }
                continue
            }
            if isArchive(name) {
                if depth < limits.maxDepth {
                    read(bytes: data, label: memberPath, depth: depth + 1, position: here, reading)
                    if reading.stopped || reading.entries > limits.maxEntries { return }
                } else {
                    refuse("unsupported", "archive nested deeper than \(limits.maxDepth) levels")
                }
                continue
            }
            reading.members.append(Member(path: memberPath, name: name, bytes: data, position: here))
        }
    }
}
