import ArgumentParser
import Foundation
import PolicyExtract

@main
struct PolicyExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy-extract",
        abstract: "Turn Chinese policy documents into typed JSON records with provenance.",
        version: versionLine,
        subcommands: [Extract.self, Batch.self, Stream.self, Merge.self, Validate.self, Eval.self, Review.self, Diff.self, Bench.self,
                      Version.self]
    )

    /// What `--version` and `version` print: the generator every output names, and the output schema's version.
    static let versionLine = "\(generatorName) (output schema \(schemaVersion))"

    /// Exit codes: 0 success, 1 some input failed (or a check found a conflict), 2 usage error.
    static func main() {
        #if canImport(Glibc)
        // Keep freed heap memory for the next document instead of handing it back to the kernel after every
        // one (glibc trims the heap top above 128 KB by default, and each document then page-faults its
        // buffers in again: ~30 000 faults per 30 MB of input). Buffers up to 4 MB come from the heap.
        _ = glibcMallopt(-1 /* M_TRIM_THRESHOLD */, 64 << 20)
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, 4 << 20)
        #endif
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure || (error as? CleanExit) == nil && code != .success && code.rawValue == 64 {
                FileHandle.standardError.write((fullMessage(for: error) + "\n").data(using: .utf8)!)
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

#if canImport(Glibc)
/// glibc's `mallopt` (declared in malloc.h, which the Glibc module does not export).
@_silgen_name("mallopt") func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// Options every command that runs the pipeline shares.
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: "A pipeline definition (JSON) replacing the built-in default; lexicon paths are read relative to it.")
    var pipeline: String?

    func load() throws -> PipelineDefinition {
        guard let pipeline else { return .builtIn }
        do { return try PipelineDefinition.load(path: pipeline) } catch { throw ValidationError("\(error)") }
    }
}

func writeStderr(_ s: String) {
    FileHandle.standardError.write((s + "\n").data(using: .utf8)!)
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract documents and print their JSON to stdout.",
        discussion: """
        Reads each FILE (UTF-8, UTF-16 with BOM, GB18030/GBK, Big5), runs the pipeline and prints one JSON object. \
        One FILE: indented JSON (--compact for one line); on bad input one line naming the file and the reason on \
        stderr, exit 1. Several FILEs, or --jsonl: one compact line per document and, for a file that cannot be \
        converted, one error line with the fields of errors.jsonl (path, reason, message, byte_offset), each line \
        written with a single write so that parallel writers to one pipe never interleave; exit 1 when any failed.
        """
    )
    @Argument(help: "The documents to extract (`-`: standard input).") var files: [String]
    @Flag(name: .long, help: "Print compact one-line JSON instead of indented JSON.") var compact = false
    @Flag(name: .long, help: "JSON Lines: one compact line per document and one error line per failure.") var jsonl = false
    @Flag(name: .long, help: "document.source is the absolute path (default: the path as given, or from the last component of an absolute path).")
    var absolutePaths = false
    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
    }

    func run() throws {
        let pipeline = try options.load()
        let extractor = DocumentExtractor(pipeline: pipeline)
        let inputs = BatchRunner.nameSources(files.map { BatchInput(path: $0, id: $0 == FileInput.standardInput ? "stdin" : FileInput.documentID($0)) }, roots: files, absolute: absolutePaths)
        if files.count == 1 && !jsonl {
            let input = inputs[0]
            do {
                let bytes = try FileInput.read(input.path)
                let result = try extractor.extract(bytes: bytes, path: input.source ?? input.path, id: input.id)
                print(String(decoding: DocumentJSON.bytes(result, pretty: !compact), as: UTF8.self))
            } catch var error as InputError {
                error.path = input.path  // the file as typed, which the message names
                writeStderr("policy-extract: \(error)")
                throw ExitCode(1)
            }
            return
        }
        let out = FDWriter(fd: 1)
        var failed = 0
        for input in inputs {
            let source = input.source ?? input.path
            do {
                let bytes = try FileInput.read(input.path)
                let result = try extractor.extract(bytes: bytes, path: source, id: input.id)
                DocumentJSON.withBytes(result, pretty: false, newline: true) { out.write($0) }
            } catch let e as InputError {
                failed += 1
                out.write(BatchError(path: source, reason: e.reason.rawValue, message: e.message, byteOffset: e.byteOffset).json.serializedBytes() + [0x0A])
            }
            if out.closed { return }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
