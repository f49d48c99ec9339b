import ArgumentParser
import Foundation
import PolicyExtract

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a review site: every document's text with its records highlighted, an index and the findings.",
        discussion: """
        Each argument is a batch output folder (its records are read, and each document's text is decoded again from \
        its source) or an input (file, folder, archive), run through the pipeline. Open OUT/index.html in a browser; \
        the site needs no network.
        """
    )
    @Argument(help: "Batch output folders, or files and folders to convert.") var inputs: [String]
    @Option(name: .long, help: "Folder to write the site into.") var out: String
    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one batch output folder, file or folder") }
    }

    func run() throws {
        let count = try ReviewSite.build(inputs, out: out, pipeline: try options.load())
        writeStderr("review site of \(count) documents: \(out)/index.html")
    }
}
