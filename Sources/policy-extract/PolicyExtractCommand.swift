import ArgumentParser
import Foundation
import PolicyExtract

@main
struct PolicyExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy-extract",
        abstract: "Turn Chinese policy documents into typed JSON records with provenance.",
        subcommands: [Extract.self, Batch.self, Validate.self, Eval.self, Bench.self]
    )

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
        abstract: "Extract one document and print its JSON to stdout.",
        discussion: "Reads FILE (UTF-8, UTF-16 with BOM, GB18030/GBK, Big5), runs the pipeline and prints one JSON object. On bad input prints one line naming the file and the reason to stderr and exits 1."
    )
    @Argument(help: "The document to extract (`-`: standard input).") var file: String
    @Flag(name: .long, help: "Print compact one-line JSON instead of indented JSON.") var compact = false
    @OptionGroup var options: PipelineOptions

    func run() throws {
        let pipeline = try options.load()
        let extractor = DocumentExtractor(pipeline: pipeline)
        do {
            let bytes = try FileInput.read(file)
            let id = file == FileInput.standardInput ? "stdin" : FileInput.documentID(file)
            let result = try extractor.extract(bytes: bytes, path: file, id: id)
            print(String(decoding: DocumentJSON.bytes(result, pretty: !compact), as: UTF8.self))
        } catch let error as InputError {
            writeStderr("policy-extract: \(error)")
            throw ExitCode(1)
        }
    }
}
