import Foundation

/// A pipeline definition: the stages to run, the matchers enabled, and the lexicon files they read.
///
/// The default lives in `Pipelines/default.json` and is embedded in the binary
/// (`DefaultPipelineFiles`, SwiftPM resources), so the tool runs without the folder; `--pipeline FILE`
/// replaces it, with lexicon paths read relative to that file.
package struct PipelineDefinition: Sendable {
    package struct Spec: Codable, Sendable {
        package var name: String
        package var description: String?
        package var stages: [String]
        package var matchers: [String]
        package var lexicons: [String: String]
    }

    package static let knownStages = ["decode", "normalize", "segment", "extract", "resolve", "validate", "emit"]
    package static let requiredStages = ["decode", "normalize", "segment", "extract", "emit"]

    package var spec: Spec
    package var lexicons: Lexicons
    /// Where it came from: `built-in default` or a path.
    package var origin: String

    package func runs(_ stage: String) -> Bool { spec.stages.contains(stage) }
    package func enables(_ matcher: String) -> Bool { spec.matchers.contains(matcher) }

    /// The name errors give the built-in pipeline.
    static let builtInOrigin = "built-in default"

    package static let builtIn: PipelineDefinition = {
        do {
            return try PipelineDefinition(specText: DefaultPipelineFiles.files["default.json"]!, origin: builtInOrigin) { path in
                guard let text = DefaultPipelineFiles.files[path] else { throw PipelineError("built-in lexicon \(path) is missing") }
                return text
            }
        } catch {
            fatalError("the built-in pipeline is invalid: \(error)")
        }
    }()

    package static func load(path: String) throws -> PipelineDefinition {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PipelineError("\(path): cannot read the pipeline definition")
        }
        let dir = url.deletingLastPathComponent()
        return try PipelineDefinition(specText: text, origin: path) { rel in
            let p = dir.appendingPathComponent(rel).path
            guard let d = FileManager.default.contents(atPath: p), let t = String(data: d, encoding: .utf8) else {
                throw PipelineError("\(p): cannot read lexicon named in \(path)")
            }
            return t
        }
    }

    init(specText: String, origin: String, read: (String) throws -> String) throws {
        let spec: Spec
        do {
            spec = try JSONDecoder().decode(Spec.self, from: Data(specText.utf8))
        } catch {
            throw PipelineError("\(origin): not a valid pipeline definition: \(error)")
        }
        for stage in spec.stages where !Self.knownStages.contains(stage) {
            throw PipelineError("\(origin): unknown stage \"\(stage)\" (known: \(Self.knownStages.joined(separator: ", ")))")
        }
        for stage in Self.requiredStages where !spec.stages.contains(stage) {
            throw PipelineError("\(origin): the stage \"\(stage)\" is required")
        }
        // Each stage reads what the ones before it produce, so their order is fixed; resolve and validate
        // may be left out.
        let positions = spec.stages.compactMap { Self.knownStages.firstIndex(of: $0) }
        if positions != positions.sorted() || Set(positions).count != positions.count {
            throw PipelineError("\(origin): stages must appear once each, in the order \(Self.knownStages.joined(separator: " → "))")
        }
        for m in spec.matchers where !MatcherRegistry.ids.contains(m) {
            throw PipelineError("\(origin): unknown matcher \"\(m)\" (known: \(MatcherRegistry.ids.joined(separator: ", ")))")
        }
        var texts: [String: String] = [:]
        for (key, rel) in spec.lexicons { texts[key] = try read(rel) }
        self.spec = spec
        let lexicons = try Lexicons(texts: texts, origin: origin)
        for m in spec.matchers { try MatcherRegistry.matcher(m).map { try type(of: $0).prepare(lexicons) } }
        self.lexicons = lexicons
        self.origin = origin
    }
}

package struct PipelineError: Error, CustomStringConvertible, Sendable {
    package var description: String
    package init(_ d: String) { description = d }
}
