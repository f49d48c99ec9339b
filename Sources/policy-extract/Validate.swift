import ArgumentParser
import Foundation
import PolicyExtract

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cross-check figures within each document and across documents, with evidence.",
        discussion: "Runs the pipeline on every document (a batch output or a JSON Lines file of documents is read back instead), then the checks: parts against totals, counts against enumerations, stated shares against their figures, the same claim in several documents, near-identical labels. Exit code 1 when a conflict is found."
    )
    enum Format: String, ExpressibleByArgument { case json, text }

    @Argument(help: "Files and folders of documents, batch output folders and .jsonl files of documents (read back as records, not extracted again).") var paths: [String]
    @Option(name: .long, help: "json (an object whose `findings` key holds the list; the default when stdout is not a terminal) or text (grouped by severity).")
    var format: Format?
    @Option(name: .long, parsing: .unconditional, help: "Parallel jobs, at least 1.") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    }

    func run() throws {
        let output = ValidationRun.run(paths: paths, pipeline: try options.load(), jobs: jobs)
        let chosen = format ?? (isatty(1) != 0 ? .text : .json)
        switch chosen {
        case .json: print(ValidationRun.json(output).serialized(pretty: true))
        case .text: print(ValidationRun.report(output))
        }
        for e in output.errors { writeStderr("policy-extract: \(e.path): \(e.message)") }
        if output.findings.contains(where: { $0.severity == .conflict }) || !output.errors.isEmpty { throw ExitCode(1) }
    }
}
