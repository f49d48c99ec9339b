import Foundation

/// `--shard K/N`: the inputs whose position in the whole list is K modulo N (K counts from 0, as Kubernetes'
/// `JOB_COMPLETION_INDEX` does). N machines given the same command line and the same files convert disjoint parts
/// of it without coordinating; `merge` puts the parts back in the order of one batch.
package struct Shard: Sendable, Equatable, CustomStringConvertible {
    package var index: Int
    package var count: Int

    package init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 0 ≤ K < N.
    package init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let n = Int(parts[1].trimmingCharacters(in: .whitespaces)), n >= 1, k >= 0, k < n else { return nil }
        self.init(index: k, count: n)
    }

    package var description: String { "\(index)/\(count)" }

    /// The positions in a list of `total` inputs that this shard takes.
    package func positions(of total: Int) -> StrideTo<Int> { stride(from: index, to: total, by: count) }
}

/// What a shard's output folder records of the whole list (`shard.json`), so that `merge` can restore the order of
/// one batch over everything: the shard, the number of inputs in the whole list, and each of its inputs' position,
/// id and source.
package struct ShardManifest: Codable, Sendable, Equatable {
    package struct Member: Codable, Sendable, Equatable {
        package var index: Int
        package var id: String
        package var source: String
    }

    package var generator: String
    package var schema: String
    package var shard: Int
    package var shards: Int
    package var inputs: Int
    package var members: [Member]

    package static let fileName = "shard.json"

    package init(shard: Shard, total: Int, members: [Member]) {
        generator = generatorName
        schema = schemaVersion
        self.shard = shard.index
        shards = shard.count
        inputs = total
        self.members = members
    }

    package func write(to directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        try BatchRunner.writeAtomically(data, to: (directory as NSString).appendingPathComponent(Self.fileName))
    }

    package static func read(from directory: String) throws -> ShardManifest? {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do { return try JSONDecoder().decode(ShardManifest.self, from: data) } catch {
            throw PipelineError("\(path): not a shard manifest (\(error))")
        }
    }
}

extension BatchRunner {
    /// The inputs of shard `shard` of the whole list, with the manifest that `merge` reads.
    package static func select(_ inputs: [BatchInput], shard: Shard) -> (inputs: [BatchInput], manifest: ShardManifest) {
        var chosen: [BatchInput] = []
        var members: [ShardManifest.Member] = []
        for i in shard.positions(of: inputs.count) {
            chosen.append(inputs[i])
            members.append(.init(index: i, id: inputs[i].id, source: inputs[i].source ?? inputs[i].path))
        }
        return (chosen, ShardManifest(shard: shard, total: inputs.count, members: members))
    }

    /// Names each input's `document.source` from the input roots given on the command line, so that two machines
    /// holding the same files under different folders write the same outputs.
    ///
    /// A relative root stays as typed (`Fixtures/docs/a.txt`: it is relative to where the command runs); an absolute
    /// root is written from its last component (`/data/corpus` → `corpus/sub/a.txt`, as `cd /data && … corpus`
    /// writes). With `absolute`, every source is the full absolute path instead. Archive members keep their `!/member`.
    package static func nameSources(_ inputs: [BatchInput], roots: [String], absolute: Bool = false) -> [BatchInput] {
        let cwd = FileManager.default.currentDirectoryPath
        let trimmedRoots = roots.map { root -> String in
            var r = root
            while r.count > 1 && r.hasSuffix("/") { r.removeLast() }
            return r
        }
        return inputs.map { input in
            var input = input
            let path = input.path
            if absolute {
                var file = path
                var member = ""
                if input.bytes != nil, let bang = path.range(of: "!/") {
                    file = String(path[..<bang.lowerBound])
                    member = String(path[bang.lowerBound...])
                }
                let full = file.hasPrefix("/") ? file : (cwd as NSString).appendingPathComponent(file)
                input.source = URL(fileURLWithPath: full).standardizedFileURL.path + member
                return input
            }
            guard path.hasPrefix("/") else { return input }
            // The longest absolute root that holds the input.
            var best: String? = nil
            for root in trimmedRoots where root.hasPrefix("/") {
                let holds = path == root || path.hasPrefix(root == "/" ? "/" : root + "/") || path.hasPrefix(root + "!/")
                if holds, root.count > (best?.count ?? -1) { best = root }
            }
            guard let root = best else { return input }
            let base = root == "/" ? "" : (root as NSString).lastPathComponent
            var rest = String(path.dropFirst(root.count))
            if rest.hasPrefix("/") && base.isEmpty { rest.removeFirst() }
            input.source = base + rest
            return input
        }
    }

    /// The paths listed in `list` (a file, or `-` for standard input): one a line, or NUL-separated with
    /// `nulSeparated` (`find -print0`); empty entries are skipped and a line's carriage return is dropped.
    package static func readFileList(_ list: String, nulSeparated: Bool) throws -> [String] {
        let data: Data
        if list == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: list) else {
                throw InputError(path: list, reason: .unreadable, message: "cannot read the list of files")
            }
            data = d
        }
        let separator: UInt8 = nulSeparated ? 0 : 0x0A
        return data.split(separator: separator, omittingEmptySubsequences: true).compactMap { part in
            var bytes = Array(part)
            if !nulSeparated, bytes.last == 0x0D { bytes.removeLast() }
            return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        }
    }
}
