import ArgumentParser
import Foundation
import PolicyExtract

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare extraction with gold annotations: precision, recall and F1 per field, then every miss and false positive.",
        discussion: "Matching rules are in the README (section Accuracy). Exit code 1 when --floors is given and a field falls below its floor."
    )
    @Argument(help: "Documents or folders (default: the set's documents, Fixtures/docs for train).") var paths: [String] = []
    @Option(name: .long, help: "Folder of gold annotations, one <document id>.json each (default: the set's gold).") var gold: String?
    @Option(name: .long, help: "The annotated set: train (Fixtures/docs, which rules are written against) or heldout (Fixtures/heldout/docs, only scored).")
    var set: String = EvaluationSet.train.rawValue
    @Option(name: .long, help: "A JSON object of minimum F1 per field; fail when a field is below it.") var floors: String?
    @Flag(name: .long, help: "Print JSON for machines.") var json = false
    @Flag(name: .long, help: "Only the score table, without the list of misses.") var summary = false
    @Option(name: .long, help: "Also write a review site into this folder, with misses and false positives marked in the text.") var review: String?
    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if EvaluationSet(rawValue: set) == nil { throw ValidationError("--set must be train or heldout") }
    }

    func run() throws {
        let set = EvaluationSet(rawValue: self.set)!
        let evaluation = try Evaluation.run(paths: paths.isEmpty ? [set.documents] : paths, goldDirectory: gold ?? set.gold, pipeline: try options.load())
        if json {
            print(evaluation.json().serialized(pretty: true))
        } else {
            print("set: \(set.rawValue), documents: \(evaluation.documents)")
            print(evaluation.table())
            if !evaluation.missingGold.isEmpty { print("\nno gold for: " + evaluation.missingGold.joined(separator: ", ")) }
            if !summary {
                for kind in ["miss", "false_positive"] {
                    let list = evaluation.misses.filter { $0.kind == kind }
                    if list.isEmpty { continue }
                    print("\n\(kind == "miss" ? "misses" : "false positives") (\(list.count)):")
                    for m in list {
                        let at = m.span.map { " @\($0.start)-\($0.end) line \($0.line)" } ?? ""
                        print("  [\(m.field)] \(m.document)\(at): \(m.text)\(m.detail.isEmpty ? "" : "  (\(m.detail))")")
                    }
                }
            }
        }
        if let review { try ReviewSite.build(paths, out: review, pipeline: try options.load(), goldDirectory: gold) }
        if let floors {
            let failures = try FloorCheck.check(evaluation, floorsPath: floors, set: set)
            for f in failures { writeStderr("below floor: \(f)") }
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }
}
