import Foundation

/// Reading one input file, with errors that name the file and the reason.
///
/// A regular file is read whole when it is within the size limit. Anything else that can be opened for
/// reading — standard input (`-` or `/dev/stdin`) from a pipe, a FIFO, a character device such as
/// `/dev/zero` — is read as a stream up to the limit and refused past it, so no input can make the tool read
/// without end or hold more than the limit in memory.
package enum FileInput {
    package static let defaultMaxSize = 64 * 1024 * 1024
    /// The path that names standard input.
    package static let standardInput = "-"

    package static func read(_ path: String, maxSize: Int = defaultMaxSize) throws -> [UInt8] {
        if path == standardInput { return try stream(fd: 0, path: path, maxSize: maxSize, expected: 0) }
        var info = stat()
        guard stat(path, &info) == 0 else { throw InputError(path: path, reason: .unreadable, message: failure(errno, opening: true)) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw InputError(path: path, reason: .notAFile, message: "is a directory, not a file") }
        if kind == S_IFREG, Int(info.st_size) > maxSize {
            throw InputError(path: path, reason: .tooLarge, message: "file is \(info.st_size) bytes, over the limit of \(maxSize)")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(path: path, reason: .unreadable, message: failure(errno, opening: true)) }
        defer { close(fd) }
        return try stream(fd: fd, path: path, maxSize: maxSize, expected: kind == S_IFREG ? Int(info.st_size) : 0)
    }

    /// The bytes of `fd` to its end, refused once they pass `maxSize` (a file that grows while it is read, a
    /// stream without end).
    static func stream(fd: Int32, path: String, maxSize: Int, expected: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(max(expected, 0), maxSize) + 1)
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, reason: .unreadable, message: failure(errno, opening: false))
            }
            if n == 0 { return bytes }
            if bytes.count + n > maxSize {
                let what = path == standardInput || expected == 0 ? "input holds" : "file is"
                throw InputError(path: path, reason: .tooLarge, message: "\(what) more than \(maxSize) bytes, over the limit")
            }
            bytes.append(contentsOf: buffer[0..<n])
        }
    }

    static func failure(_ code: Int32, opening: Bool) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "no such file"
        case EACCES, EPERM: return "cannot be read (permission denied)"
        case ELOOP: return "a link that leads back to itself"
        case EISDIR: return "is a directory, not a file"
        default: return "cannot be \(opening ? "opened" : "read") (\(String(cString: strerror(code))))"
        }
    }

    /// The document id of a path: its file name without extension.
    package static func documentID(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }
}
