import ArgumentParser
import Foundation
import PolicyExtract

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two outputs record by record: what was added, removed or changed, per document and kind.",
        discussion: """
        OLD and NEW are batch output folders, JSONL files (documents.jsonl) or one document's JSON. Records are keyed \
        by document, kind and span; findings by check, claim and evidence. Exit code 0 when nothing differs, 1 when \
        something does, 2 on a usage error or an unreadable output.
        """
    )
    @Argument(help: "The earlier output.") var old: String
    @Argument(help: "The later output.") var new: String
    @Flag(name: .long, help: "Print JSON for machines.") var json = false
    @Option(name: .long, help: "Records listed per document and kind (0: all).") var limit: Int = 8

    func run() throws {
        let diff: RecordDiff
        do { diff = try RecordDiff.compare(old: old, new: new) } catch {
            writeStderr("policy-extract: \(error)")
            throw ExitCode(2)
        }
        print(json ? diff.json().serialized(pretty: true) : diff.report(limit: limit))
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
