import Foundation

/// Stream conversion: JSON Lines in, JSON Lines out, in input order, one process for any number of lines.
///
/// Each input line is one object: `{"id": …, "text": …}` (the document's text), `{"id": …, "path": …}` (a file to
/// read) or `{"id": …, "base64": …}` (raw bytes in any encoding the decode stage handles); an optional `"source"`
/// sets `document.source` (default: the path, or else the id). Each output line is the compact document object
/// (`documents.jsonl`'s line) or, for a line that could not be converted, an error object with the fields of
/// `errors.jsonl` and the input's `id` and line number. A malformed line is an error line; the stream goes on.
///
/// Memory is flat: a reader takes lines only while fewer than `window` lines are between it and the writer, the
/// workers convert them in parallel, and the writer writes each output line with one `write` call as soon as every
/// line before it is written.
package final class StreamRunner: @unchecked Sendable {
    package struct Options: Sendable {
        /// Lines in flight by default: enough that the reader, the workers and the writer rarely wait for each other
        /// (with 4 × jobs, 100 000 one-sentence lines spent two thirds of their time handing lines between threads).
        package static func defaultWindow(jobs: Int) -> Int { 64 + 16 * max(1, jobs) }

        package var jobs: Int
        package var window: Int
        package var maxFileSize: Int
        package var pipeline: PipelineDefinition
        package init(jobs: Int, window: Int? = nil, maxFileSize: Int = FileInput.defaultMaxSize, pipeline: PipelineDefinition = .builtIn) {
            self.jobs = max(1, jobs)
            self.window = max(1, window ?? Self.defaultWindow(jobs: jobs))
            self.maxFileSize = maxFileSize
            self.pipeline = pipeline
        }
    }

    package struct Summary: Sendable {
        package var lines = 0
        package var converted = 0
        package var failed = 0
        /// The reader of the output went away (a closed pipe): the stream stopped early.
        package var outputClosed = false
    }

    /// One input line as JSON.
    struct Line: Decodable {
        var id: String?
        var text: String?
        var path: String?
        var base64: String?
        var source: String?
    }

    let options: Options
    package init(options: Options) { self.options = options }

    /// Reads lines from `input` until its end and writes one line per input line to `output` (file descriptors).
    package func run(input: Int32, output: Int32) -> Summary {
        let window = StreamWindow(window: options.window)
        let writer = FDWriter(fd: output)
        var summary = Summary()
        let counts = StreamCounts()
        let writerThread = Thread {
            while let line = window.take() {
                if writer.closed { continue }
                writer.write(line)
                if writer.closed { window.close() }
            }
            window.finishedWriting()
        }
        writerThread.stackSize = 1 << 22
        writerThread.start()
        let workers = StreamWorkQueue()
        let group = DispatchGroup()
        for _ in 0..<options.jobs {
            group.enter()
            let t = Thread { [options] in
                let extractor = DocumentExtractor(pipeline: options.pipeline)
                while let (index, bytes) = workers.take() {
                    let (line, ok) = Self.convert(bytes, lineNumber: index + 1, extractor: extractor, maxFileSize: options.maxFileSize)
                    counts.add(ok)
                    window.put(index, line)
                }
                group.leave()
            }
            t.stackSize = 1 << 22
            t.start()
        }
        let reader = LineReader(fd: input, maxLine: 4 * options.maxFileSize + 65_536)
        var index = 0
        while let line = reader.next() {
            if !window.waitForRoom(index) { break }
            switch line {
            case .line(let bytes): workers.put((index, bytes))
            case .tooLong(let n):
                counts.add(false)
                window.put(index, Self.errorLine(id: nil, lineNumber: index + 1, path: "-", reason: InputError.Reason.tooLarge.rawValue,
                                                 message: "line is \(n) bytes, over the limit of \(4 * options.maxFileSize + 65_536)"))
            }
            index += 1
        }
        workers.close()
        group.wait()
        window.setCount(index)
        window.waitUntilWritten()
        summary.lines = index
        (summary.converted, summary.failed) = counts.values
        summary.outputClosed = writer.closed
        return summary
    }

    /// The output line (with its line feed) for one input line, and whether it converted.
    static func convert(_ bytes: ArraySlice<UInt8>, lineNumber: Int, extractor: DocumentExtractor, maxFileSize: Int) -> ([UInt8], Bool) {
        var trimmed = bytes
        while let last = trimmed.last, last == 0x0D || last == 0x20 || last == 0x09 { trimmed.removeLast() }
        let line: Line
        do {
            line = try JSONDecoder().decode(Line.self, from: Data(trimmed))
        } catch {
            let reason = trimmed.isEmpty ? "empty line" : "not a JSON object with id and text, path or base64"
            return (errorLine(id: nil, lineNumber: lineNumber, path: "-", reason: "bad_line", message: "line \(lineNumber): " + reason), false)
        }
        let id = line.id ?? line.path.map(FileInput.documentID) ?? String(lineNumber)
        let given = [line.text != nil, line.path != nil, line.base64 != nil].filter { $0 }.count
        guard given == 1 else {
            return (errorLine(id: id, lineNumber: lineNumber, path: line.source ?? line.path ?? id, reason: "bad_line",
                              message: given == 0 ? "no text, path or base64" : "more than one of text, path and base64"), false)
        }
        let source = line.source ?? line.path ?? id
        do {
            let input: [UInt8]
            if let text = line.text {
                input = Array(text.utf8)
            } else if let path = line.path {
                input = try FileInput.read(path, maxSize: maxFileSize)
            } else if let encoded = line.base64, let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) {
                input = [UInt8](data)
            } else {
                return (errorLine(id: id, lineNumber: lineNumber, path: source, reason: "bad_line", message: "base64 cannot be decoded"), false)
            }
            if input.count > maxFileSize {
                throw InputError(path: source, reason: .tooLarge, message: "file is \(input.count) bytes, over the limit of \(maxFileSize)")
            }
            let result = try extractor.extract(bytes: input, path: source, id: id)
            return (DocumentJSON.withBytes(result, pretty: false, newline: true) { Array($0) }, true)
        } catch let e as InputError {
            return (errorLine(id: id, lineNumber: lineNumber, path: source, reason: e.reason.rawValue, message: e.message, byteOffset: e.byteOffset), false)
        } catch {
            return (errorLine(id: id, lineNumber: lineNumber, path: source, reason: "internal", message: "\(error)"), false)
        }
    }

    /// An error line: the fields of `errors.jsonl` (`path`, `reason`, `message`, `byte_offset`), then `id` and `line`.
    static func errorLine(id: String?, lineNumber: Int, path: String, reason: String, message: String, byteOffset: Int? = nil) -> [UInt8] {
        var fields = BatchError(path: path, reason: reason, message: message, byteOffset: byteOffset).fields
        fields.append(("id", id.map { .string($0) } ?? .null))
        fields.append(("line", .int(lineNumber)))
        return JSONValue.object(fields).serializedBytes() + [0x0A]
    }
}

extension BatchError {
    /// The members of an `errors.jsonl` line, in order.
    var fields: [(String, JSONValue)] {
        if case .object(let members) = json { return members }
        return []
    }
}

/// Writes whole lines to a file descriptor, each with one `write` call, so that processes writing to one output in
/// parallel (`xargs -P`) never interleave lines; stops quietly when the reader has gone (EPIPE).
///
/// A regular file takes each `write` whole (Linux holds the file position for it), but a pipe only up to `PIPE_BUF`
/// (4 096 bytes): a longer line could be cut by another writer's (two processes of `xargs -P2 extract --jsonl | cat`
/// did cut lines, mid-character). On a pipe, every line is written holding a POSIX record lock on the pipe itself
/// (`fcntl` locks belong to the process, so processes sharing the pipe exclude each other; Linux allows them on
/// pipes).
package final class FDWriter: @unchecked Sendable {
    let fd: Int32
    package private(set) var closed = false
    package private(set) var failure: Int32 = 0
    /// Whether `fd` is a pipe (or FIFO), whose long lines are written under a lock.
    private var isPipe = false

    package init(fd: Int32) {
        self.fd = fd
        FDWriter.ignoreSIGPIPE()
        var st = stat()
        isPipe = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO
    }

    /// Takes (`F_WRLCK`) or releases (`F_UNLCK`) the whole-pipe lock, waiting for it; false when it cannot be had.
    private func lockPipe(_ type: Int32) -> Bool {
        var lock = flock()
        lock.l_type = Int16(type)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 0
        lock.l_len = 0
        while true {
            let r = withUnsafeMutablePointer(to: &lock) { fcntl(fd, F_SETLKW, UnsafeMutableRawPointer($0)) }
            if r == 0 { return true }
            if errno != EINTR { return false }
        }
    }

    /// A closed pipe becomes EPIPE instead of a signal that ends the process.
    package static func ignoreSIGPIPE() { signal(SIGPIPE, SIG_IGN) }

    package func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    package func write(_ buffer: UnsafeRawBufferPointer) {
        guard !closed, var p = buffer.baseAddress else { return }
        // A short line is written whole by the kernel, but it must wait too: it would land inside a long line that
        // another writer is in the middle of.
        let locked = isPipe && lockPipe(F_WRLCK)
        defer { if locked { _ = lockPipe(F_UNLCK) } }
        var left = buffer.count
        while left > 0 {
            #if canImport(Glibc)
            let n = Glibc.write(fd, p, left)
            #else
            let n = Darwin.write(fd, p, left)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                closed = true
                return
            }
            p += n
            left -= n
        }
    }
}

/// Lines of a file descriptor, read in large blocks; a line longer than `maxLine` is skipped and reported by its length.
final class LineReader {
    enum Result { case line(ArraySlice<UInt8>), tooLong(Int) }
    let fd: Int32
    let maxLine: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var atEnd = false
    private var skipping = 0

    init(fd: Int32, maxLine: Int) {
        self.fd = fd
        self.maxLine = maxLine
    }

    func next() -> Result? {
        while true {
            if let nl = buffer[scanned...].firstIndex(of: 0x0A) {
                let line = buffer[start..<nl]
                start = nl + 1
                scanned = start
                if skipping > 0 {
                    let n = skipping + line.count
                    skipping = 0
                    return .tooLong(n)
                }
                return .line(ArraySlice(Array(line)))
            }
            scanned = buffer.count
            if buffer.count - start > maxLine {
                skipping += buffer.count - start
                start = buffer.count
                scanned = start
            }
            if atEnd {
                if start < buffer.count || skipping > 0 {
                    let line = buffer[start...]
                    start = buffer.count
                    scanned = start
                    if skipping > 0 { let n = skipping + line.count; skipping = 0; return .tooLong(n) }
                    return .line(ArraySlice(Array(line)))
                }
                return nil
            }
            if start > 0 && start >= buffer.count / 2 {
                buffer.removeSubrange(0..<start)
                scanned -= start
                start = 0
            }
            var block = [UInt8](repeating: 0, count: 1 << 16)
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { atEnd = true; continue }
            buffer.append(contentsOf: block[0..<n])
        }
    }
}

/// The lines between the reader and the writer: output slots filled in any order, written in index order.
final class StreamWindow: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Int: [UInt8]] = [:]
    private var nextToTake = 0
    private var count: Int? = nil
    private let window: Int
    private var closed = false
    private var written = false

    init(window: Int) { self.window = window }

    /// Waits until line `index` is within the window of the writer; false when the output has closed.
    func waitForRoom(_ index: Int) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while index >= nextToTake + window && !closed { condition.wait() }
        return !closed
    }

    func put(_ index: Int, _ line: [UInt8]) {
        condition.lock()
        slots[index] = line
        // Only the writer waits for a slot, and only for the next one.
        if index == nextToTake { condition.broadcast() }
        condition.unlock()
    }

    /// The total number of lines, known when the input has ended.
    func setCount(_ n: Int) {
        condition.lock()
        count = n
        condition.broadcast()
        condition.unlock()
    }

    /// Nothing more will be written: the reader stops taking lines.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func take() -> [UInt8]? {
        condition.lock(); defer { condition.unlock() }
        while true {
            if let line = slots.removeValue(forKey: nextToTake) {
                nextToTake += 1
                // The reader waits for room; waking it for every line costs more than the lines when they are short.
                if nextToTake % max(1, window / 4) == 0 || slots[nextToTake] == nil { condition.broadcast() }
                return line
            }
            if let count, nextToTake >= count { return nil }
            condition.wait()
        }
    }

    func finishedWriting() {
        condition.lock()
        written = true
        condition.broadcast()
        condition.unlock()
    }

    func waitUntilWritten() {
        condition.lock()
        while !written { condition.wait() }
        condition.unlock()
    }
}

/// Lines waiting for a worker (never more than the window holds).
final class StreamWorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [(Int, ArraySlice<UInt8>)] = []
    private var head = 0
    private var closed = false

    func put(_ item: (Int, ArraySlice<UInt8>)) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    func take() -> (Int, ArraySlice<UInt8>)? {
        condition.lock(); defer { condition.unlock() }
        while head >= items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 1024 && head * 2 > items.count { items.removeFirst(head); head = 0 }
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

final class StreamCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var converted = 0
    private var failed = 0
    func add(_ ok: Bool) { lock.lock(); if ok { converted += 1 } else { failed += 1 }; lock.unlock() }
    var values: (Int, Int) { lock.lock(); defer { lock.unlock() }; return (converted, failed) }
}
