import ArgumentParser
import Foundation
import PolicyExtract

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join batch outputs (shards) or stream outputs into one batch output, with the cross-document checks over all.",
        discussion: """
        Each OUT is a batch output folder or a JSON Lines file written by `stream`. The documents are read back as \
        records (nothing is extracted again) and DIR gets what one batch over everything writes: docs/, \
        documents.jsonl, errors.jsonl, targets.csv, findings.json (every document's findings and the cross-document \
        ones over the union) and policy.sqlite. Shards (`batch --shard K/N`) come back in the order of the whole \
        list, and every shard must be given; other parts are joined in the order given. \
        Exit code 0 merged, 1 the parts hold errors, 2 usage error or parts that do not fit together.
        """
    )

    @Argument(help: "Batch output folders or stream outputs (.jsonl).") var parts: [String]
    @Option(name: .long, help: "Output folder.") var out: String
    @Option(name: .long, help: "Parallel jobs reading the records (default: the number of cores).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(name: .long, help: "No summary line.") var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if parts.isEmpty { throw ValidationError("give at least one batch output folder or stream output") }
    }

    func run() throws {
        let summary: ShardMerge.Summary
        do { summary = try ShardMerge.run(parts, to: out, jobs: jobs) } catch let e as PipelineError {
            writeStderr("policy-extract: \(e)")
            throw ExitCode(2)
        }
        if !quiet {
            writeStderr("merged \(summary.parts) parts: \(summary.documents) documents, \(summary.errors) errors, \(summary.findings) findings; outputs in \(out)")
        }
        if summary.errors > 0 { throw ExitCode(1) }
    }
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the tool's version and the version of its output schema.")

    func run() { print(PolicyExtractCommand.versionLine) }
}
