import Foundation
import Testing
import ICUBridge
@testable import PolicyExtract

@Suite struct PipelineDefinitionTests {
    @Test func embeddedDefaultEqualsPipelinesFolder() throws {
        let fm = FileManager.default
        var onDisk: [String: String] = [:]
        let base = Repo.pipelines.path
        let walker = fm.enumerator(atPath: base)!
        while let rel = walker.nextObject() as? String {
            guard rel.hasSuffix(".json") || rel.hasSuffix(".tsv") || rel.hasSuffix(".txt") else { continue }
            onDisk[rel] = try String(contentsOfFile: base + "/" + rel, encoding: .utf8)
        }
        #expect(onDisk.keys.sorted() == DefaultPipelineFiles.files.keys.sorted(), "run scripts/embed-default-pipeline.py")
        for (k, v) in onDisk { #expect(DefaultPipelineFiles.files[k] == v, "\(k) differs from the embedded copy: run scripts/embed-default-pipeline.py") }
    }

    @Test func loadsFromFolderAndRejectsUnknownNames() throws {
        let p = try PipelineDefinition.load(path: Repo.pipelines.appendingPathComponent("default.json").path)
        #expect(p.spec.matchers == PipelineDefinition.builtIn.spec.matchers)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bad = dir.appendingPathComponent("p.json")
        try #"{"name":"x","stages":["decode","normalize","segment","extract","emit"],"matchers":["amount","nope"],"lexicons":{}}"#.write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: PipelineError.self) { try PipelineDefinition.load(path: bad.path) }
        let reordered = dir.appendingPathComponent("r.json")
        try #"{"name":"x","stages":["decode","segment","normalize","extract","emit"],"matchers":["amount"],"lexicons":{}}"#.write(to: reordered, atomically: true, encoding: .utf8)
        #expect(throws: PipelineError.self) { try PipelineDefinition.load(path: reordered.path) }
        // A pipeline without resolve and validate runs, and finds no targets.
        let lean = dir.appendingPathComponent("lexicons")
        try FileManager.default.copyItem(at: Repo.pipelines.appendingPathComponent("lexicons"), to: lean)
        var spec = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: Repo.pipelines.appendingPathComponent("default.json"))) as? [String: Any])
        spec["stages"] = ["decode", "normalize", "segment", "extract", "emit"]
        let leanPath = dir.appendingPathComponent("lean.json")
        try JSONSerialization.data(withJSONObject: spec).write(to: leanPath)
        let p2 = try PipelineDefinition.load(path: leanPath.path)
        #expect(!p2.runs("resolve"))
        let r = DocumentExtractor(pipeline: p2).extract(text: "到2025年,营业收入达到1200亿元。")
        #expect(r.targets.isEmpty)
        #expect(r.items(AmountMatcher.id).count == 1)
    }

    /// A pipeline file written before a lexicon was added (it names only the lexicons of its time) still loads:
    /// the lexicons it does not name are the built-in ones, so it extracts what the built-in pipeline does.
    @Test func anOlderPipelineFileReadsTheBuiltInCopyOfNewerLexicons() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Repo.pipelines.appendingPathComponent("lexicons"), to: dir.appendingPathComponent("lexicons"))
        var spec = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: Repo.pipelines.appendingPathComponent("default.json"))) as? [String: Any])
        var lexicons = try #require(spec["lexicons"] as? [String: Any])
        for key in ["year_kind_words", "area_units", "target_words", "department_phrases"] { lexicons[key] = nil }
        spec["lexicons"] = lexicons
        let path = dir.appendingPathComponent("older.json")
        try JSONSerialization.data(withJSONObject: spec).write(to: path)
        let older = try PipelineDefinition.load(path: path.path)
        let text = "到2025年,新增耕地1.2万亩,营业收入达到1200亿元。截至2023年底,已完成投资300亿元。"
        let a = DocumentExtractor(pipeline: older).extract(text: text), b = DocumentExtractor().extract(text: text)
        #expect(String(decoding: DocumentJSON.bytes(a, pretty: false), as: UTF8.self) == String(decoding: DocumentJSON.bytes(b, pretty: false), as: UTF8.self))
        #expect(DocumentRecord(a).declared["areas"]?.count == 1 && !a.targets.isEmpty)
    }
}
