import ArgumentParser
import Foundation
import PolicyExtract

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert files and folders in parallel: one JSON per document, documents.jsonl, errors.jsonl.",
        discussion: """
        Inputs: files, folders (recursive) and .zip / .tar / .tar.gz archives of .txt, .md and .html files. \
        Writes DIR/docs/<id>.json for every document, DIR/documents.jsonl (one line per document, the object \
        `extract` prints), DIR/errors.jsonl (one line per file that could not be converted), DIR/targets.csv, \
        DIR/findings.json and the SQLite database DIR/policy.sqlite. \
        Exit code: 0 all converted, 1 some failed, 2 usage error, 130 stopped by a signal (resume with --resume).
        """
    )

    @Argument(help: "Files and folders (recursive) to convert.") var inputs: [String] = []
    @Option(name: .long, help: "Output folder (one batch at a time: a second batch on the same folder is refused).") var out: String
    // Values are taken as given (`--jobs -1`), so that a negative one is named in the message.
    @Option(name: .long, parsing: .unconditional, help: "Parallel jobs, at least 1 (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(name: .long, help: "Skip documents whose output is already complete for the same content hash.") var resume = false
    @Flag(name: .long, help: "No progress output.") var quiet = false
    @Flag(name: .long, help: "Write docs/<id>.json indented, as extract prints it (default: on one line, as in documents.jsonl).") var pretty = false
    @Option(name: .long, parsing: .unconditional, help: "Files larger than this many bytes (a positive number) are errors.")
    var maxFileSize: Int = FileInput.defaultMaxSize
    @Flag(name: .long, help: "Also write a review site of the outputs into DIR/review (open DIR/review/index.html).") var review = false
    @OptionGroup var selection: InputSelectionOptions
    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
        if maxFileSize < 1 { throw ValidationError("--max-file-size must be a positive number of bytes (got \(maxFileSize))") }
        if inputs.isEmpty && selection.filesFrom == nil { throw ValidationError("give at least one file or folder") }
        try selection.check()
        if let problem = OutputLock.problem(with: out) { throw ValidationError("--out: \(problem)") }
    }

    func run() throws {
        let pipeline = try options.load()
        // Taken before the inputs are read: a signal while an archive is unpacked stops the batch too.
        let stop = StopSignal.install()
        let roots = try inputs + selection.listedFiles()
        var (inputsFound, collectErrors) = BatchRunner.collect(roots, maxFileSize: maxFileSize, shouldStop: { stop.requested })
        if stop.requested {
            writeStderr("policy-extract: stopped by signal while reading the inputs; nothing was written. Resume with the same command and --resume.")
            throw ExitCode(130)
        }
        let manifest: ShardManifest?
        (inputsFound, manifest) = selection.select(inputsFound, roots: roots)
        let runner = BatchRunner(options: .init(outputDirectory: out, jobs: jobs, resume: resume, maxFileSize: maxFileSize, pipeline: pipeline,
                                                prettyDocuments: pretty))
        let reporter = ProgressReporter(quiet: quiet)
        let summary: BatchRunner.Summary
        do {
            summary = try runner.run(inputsFound, initialErrors: collectErrors, progress: { p in
                if p.done == p.total { stop.finishing() }
                reporter.update(p)
            }, shouldStop: { stop.requested })
        } catch let busy as OutputLock.Busy {
            reporter.finish()
            writeStderr("policy-extract: --out \(busy)")
            throw ExitCode(2)
        } catch let unwritable as OutputLock.Unwritable {
            reporter.finish()
            writeStderr("policy-extract: --out \(unwritable)")
            throw ExitCode(2)
        }
        reporter.finish()
        if let manifest, !summary.stopped { try manifest.write(to: out) }
        if manifest == nil { unlink((out as NSString).appendingPathComponent(ShardManifest.fileName)) }
        if summary.stopped {
            writeStderr("policy-extract: stopped by signal after \(summary.converted) documents; complete outputs are kept in \(out). Resume with the same command and --resume.")
            throw ExitCode(130)
        }
        if review { try ReviewSite.build([out], out: (out as NSString).appendingPathComponent("review")) }
        if !quiet {
            writeStderr("units \(summary.units): converted \(summary.documentLines), failed \(summary.errorLines) (reused \(summary.reused)); findings \(summary.findings); outputs in \(out)")
        }
        for e in summary.errors where !quiet { writeStderr("  error: \(e.path): \(e.message)\(e.byteOffset.map { " (byte offset \($0))" } ?? "")") }
        if !summary.accountedFor {
            writeStderr("policy-extract: units \(summary.units) not accounted for: documents.jsonl holds \(summary.documentLines) documents "
                        + "(the database \(summary.documentRows)), errors.jsonl \(summary.errorLines) failures (the database \(summary.errorRows)); "
                        + "the conversion counted \(summary.converted) converted and \(summary.failed) failed")
            throw ExitCode(1)
        }
        if summary.failed > 0 || summary.errorLines > 0 { throw ExitCode(1) }
    }
}

/// Progress on stderr: one updating line on a terminal, a plain line every few seconds otherwise.
final class ProgressReporter: @unchecked Sendable {
    let quiet: Bool
    let isTerminal = isatty(2) != 0
    let start = Date()
    var lastPrint = Date.distantPast
    let lock = NSLock()
    var printedLine = false

    init(quiet: Bool) { self.quiet = quiet }

    func update(_ p: BatchRunner.Progress) {
        if quiet { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        let interval: TimeInterval = isTerminal ? 0.1 : 5
        if now.timeIntervalSince(lastPrint) < interval && p.done != p.total { return }
        lastPrint = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let mbps = Double(p.bytes) / 1_000_000 / elapsed
        let rate = Double(p.done) / elapsed
        let eta = rate > 0 ? Double(p.total - p.done) / rate : 0
        let line = String(format: "%d/%d files  %.1f MB/s  %d errors  ETA %.0fs", p.done, p.total, mbps, p.errors, eta)
        if isTerminal {
            FileHandle.standardError.write(("\r\u{1B}[2K" + line).data(using: .utf8)!)
            printedLine = true
        } else {
            writeStderr(line)
        }
    }

    func finish() {
        if printedLine { FileHandle.standardError.write("\n".data(using: .utf8)!) }
    }
}

/// SIGINT / SIGTERM: ask the batch to stop after the documents in flight. Until every document is converted,
/// a second one ends the process at once (a read of a FIFO that nothing writes to never returns; every file
/// is written under a temporary name and renamed when complete, so what is there is complete, and the next
/// batch on the folder removes the temporary files); once the batch-wide files are being written, they are
/// finished first, so that they all come from one batch.
final class StopSignal: @unchecked Sendable {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0
    nonisolated(unsafe) static var secondEndsAtOnce: sig_atomic_t = 1
    var requested: Bool { StopSignal.flag != 0 }
    /// The batch-wide files are being written: a second signal no longer ends the process.
    func finishing() { StopSignal.secondEndsAtOnce = 0 }

    static func install() -> StopSignal {
        let handler: @convention(c) (Int32) -> Void = { _ in
            if StopSignal.flag != 0 && StopSignal.secondEndsAtOnce != 0 {
                let message: StaticString = "policy-extract: stopped by a second signal. Resume with the same command and --resume.\n"
                _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
                _exit(130)
            }
            StopSignal.flag = 1
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        // A parent may have started us with these signals blocked; take them.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        return StopSignal()
    }
}
