import ArgumentParser
import Foundation
import PolicyExtract

/// Which inputs a batch takes and how their sources are named: `--files-from`, `-0`, `--shard`, `--absolute-paths`.
struct InputSelectionOptions: ParsableArguments {
    @Option(name: .long, help: "Also convert the files, folders and archives listed in this file, one a line (`-`: standard input).")
    var filesFrom: String?
    @Flag(name: [.customShort("0"), .customLong("null")], help: "The --files-from list is NUL-separated (find -print0).")
    var nulSeparated = false
    @Option(name: .long, help: "Convert only every N-th input from the K-th (K/N, K from 0 to N-1), and write shard.json for `merge`.")
    var shard: String?
    @Flag(name: .long, help: "document.source is the absolute path (default: relative to the input given on the command line).")
    var absolutePaths = false

    func check() throws {
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes K/N with 0 ≤ K < N, as in 0/4 (got \(shard))") }
        if nulSeparated && filesFrom == nil { throw ValidationError("-0 describes the --files-from list; give --files-from") }
    }

    func listedFiles() throws -> [String] {
        guard let filesFrom else { return [] }
        do { return try BatchRunner.readFileList(filesFrom, nulSeparated: nulSeparated) } catch let e as InputError {
            throw ValidationError("--files-from \(e.path): \(e.message)")
        }
    }

    /// The inputs' sources named, then the shard's part of them with its manifest.
    func select(_ inputs: [BatchInput], roots: [String]) -> ([BatchInput], ShardManifest?) {
        let named = BatchRunner.nameSources(inputs, roots: roots, absolute: absolutePaths)
        guard let shard = shard.flatMap(Shard.init) else { return (named, nil) }
        let (chosen, manifest) = BatchRunner.select(named, shard: shard)
        return (chosen, manifest)
    }
}
