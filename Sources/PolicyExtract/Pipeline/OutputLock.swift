import Foundation

/// One batch per output folder: `DIR/.policy-extract.lock` holds the process id of the batch writing there.
///
/// The file is locked with `flock`, which the kernel releases when its holder ends however it ends, so a lock
/// file left by a batch that was killed (a stale lock of a dead process) is simply taken over; a second batch
/// while the first runs is refused with a message naming the folder and the first batch's pid. The file is
/// removed when the batch ends. Where `flock` is not supported (some network file systems), the pid in the
/// file decides: a lock whose process no longer runs is taken over.
package final class OutputLock {
    package static let fileName = ".policy-extract.lock"

    /// Another batch holds the folder.
    package struct Busy: Error, CustomStringConvertible {
        package var folder: String
        package var pid: Int32?
        package var description: String {
            let holder = pid.map { "another batch (pid \($0))" } ?? "another batch"
            return "\(folder) is being written by \(holder); wait for it to end or give another --out"
        }
    }

    /// The output folder cannot be made or written.
    package struct Unwritable: Error, CustomStringConvertible {
        package var folder: String
        package var reason: String
        package var description: String { "\(folder): \(reason)" }
    }

    let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Makes the folder when it is missing and takes its lock, or throws `Busy` or `Unwritable`.
    package static func acquire(outputDirectory: String) throws -> OutputLock {
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw Unwritable(folder: outputDirectory, reason: "cannot create the output folder (\((error as NSError).localizedDescription))")
        }
        let path = (outputDirectory as NSString).appendingPathComponent(fileName)
        // A lock file removed by its holder between our open and our flock is not the lock any more: try again.
        for _ in 0..<100 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw Unwritable(folder: outputDirectory, reason: "cannot create the lock file (\(String(cString: strerror(errno))))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let holder = readPid(fd)
                if code == EWOULDBLOCK || code == EINTR {
                    close(fd)
                    throw Busy(folder: outputDirectory, pid: holder)
                }
                // No flock here: the pid decides.
                if let holder, holder != getpid(), processRuns(holder) {
                    close(fd)
                    throw Busy(folder: outputDirectory, pid: holder)
                }
            }
            var opened = stat(), named = stat()
            guard fstat(fd, &opened) == 0, stat(path, &named) == 0, opened.st_ino == named.st_ino, opened.st_dev == named.st_dev else {
                close(fd)
                continue
            }
            let text = Array("\(getpid())\n".utf8)
            guard ftruncate(fd, 0) == 0, text.withUnsafeBytes({ pwrite(fd, $0.baseAddress, $0.count, 0) }) == text.count else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw Unwritable(folder: outputDirectory, reason: "cannot write the lock file (\(reason))")
            }
            return OutputLock(path: path, fd: fd)
        }
        throw Busy(folder: outputDirectory, pid: nil)
    }

    /// Removes the lock file and lets the folder go.
    package func release() {
        guard fd >= 0 else { return }
        unlink(path)
        close(fd)
        fd = -1
    }

    deinit { release() }

    static func readPid(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func processRuns(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// Why `folder` cannot be a batch's output folder, or nil: an empty name, `-` (standard output is not a
    /// folder), a file, or a folder (or, for one yet to be made, its nearest existing parent) that cannot be
    /// written. Checked before any input is read; what only writing shows (a full disk, a read-only mount
    /// for root) is found when the batch starts.
    package static func problem(with folder: String) -> String? {
        if folder.isEmpty { return "an output folder must be named (got an empty name)" }
        if folder == "-" { return "a batch writes a folder of files, not standard output (extract prints one document)" }
        var path = folder
        while true {
            var info = stat()
            if stat(path, &info) == 0 {
                if info.st_mode & S_IFMT != S_IFDIR {
                    return path == folder ? "\(folder) is a file, not a folder" : "cannot make \(folder): \(path) is a file, not a folder"
                }
                if access(path, W_OK | X_OK) != 0 {
                    return path == folder ? "\(folder) is not writable" : "cannot make \(folder): \(path) is not writable"
                }
                return nil
            }
            // Missing (or under a file, which the walk up meets): its parent decides.
            var parent = (path as NSString).deletingLastPathComponent
            if parent.isEmpty { parent = path.hasPrefix("/") ? "/" : "." }
            if parent == path { return nil }
            path = parent
        }
    }

    /// Removes the temporary files (`<name>.tmp-<pid>[-<n>]`, and SQLite's `-journal`, `-wal`, `-shm` beside
    /// them) that a batch stopped before its renames left in `DIR` and `DIR/docs`. Called with the lock held,
    /// so none of them belongs to a running batch. Returns how many were removed.
    @discardableResult
    package static func removeTemporaryFiles(in outputDirectory: String) -> Int {
        var removed = 0
        for folder in [outputDirectory, (outputDirectory as NSString).appendingPathComponent("docs")] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where isTemporary(name) {
                if unlink((folder as NSString).appendingPathComponent(name)) == 0 { removed += 1 }
            }
        }
        return removed
    }

    /// `x.json.tmp-123`, `x.json.tmp-123-456`, `policy.sqlite.tmp-123-journal`: the temporary name of a file a
    /// batch writes (JSON, JSONL, CSV, SQLite); not `a.tmp-1.json` (the output of an input named `a.tmp-1.txt`)
    /// nor a file of the user's (`notes.tmp-2024`).
    static func isTemporary(_ name: String) -> Bool {
        guard let marker = name.range(of: ".tmp-", options: .backwards) else { return false }
        let written = name[..<marker.lowerBound]
        guard [".json", ".jsonl", ".csv", ".sqlite"].contains(where: { written.hasSuffix($0) }) else { return false }
        var rest = Substring(name[marker.upperBound...])
        for suffix in ["-journal", "-wal", "-shm"] where rest.hasSuffix(suffix) { rest = rest.dropLast(suffix.count) }
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
