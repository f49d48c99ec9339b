import ArgumentParser
import Foundation
import PolicyExtract

struct Stream: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a stream of documents: JSON Lines in (stdin), JSON Lines out (stdout), in input order.",
        discussion: """
        Each input line is {"id": …, "text": …}, {"id": …, "path": …} or {"id": …, "base64": …} (raw bytes in any \
        encoding the decode stage reads); an optional "source" sets document.source. Each output line is the \
        document's compact JSON (a line of documents.jsonl) or, for a line that could not be converted, an error \
        object with the fields of errors.jsonl (path, reason, message, byte_offset) and the line's id and number. \
        Memory stays flat whatever the number of lines: at most --window lines are in flight. A reader that \
        closes the output early ends the stream quietly. Exit code 0 all converted, 1 some lines failed.
        """
    )

    @Option(name: .long, help: "Parallel jobs (default: the number of cores).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(name: .long, help: "Lines in flight at most (default: 64 + 16 × jobs).") var window: Int?
    @Option(name: .long, help: "Documents larger than this many bytes are errors.") var maxFileSize: Int = FileInput.defaultMaxSize
    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let window, window < 1 { throw ValidationError("--window must be at least 1") }
    }

    func run() throws {
        let runner = StreamRunner(options: .init(jobs: jobs, window: window, maxFileSize: maxFileSize, pipeline: try options.load()))
        let summary = runner.run(input: 0, output: 1)
        if summary.outputClosed { return }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
