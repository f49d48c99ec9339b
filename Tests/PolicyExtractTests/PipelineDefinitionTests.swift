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
        // A file with no line in DefaultPipelineFiles.embedded is not in the binary; one listed but gone is stale.
        let missing = onDisk.keys.filter { DefaultPipelineFiles.files[$0] == nil }.sorted()
        let stale = DefaultPipelineFiles.files.keys.filter { onDisk[$0] == nil }.sorted()
        #expect(missing.isEmpty, "Pipelines/ files without a line in DefaultPipelineFiles.embedded: \(missing)")
        #expect(stale.isEmpty, "DefaultPipelineFiles.embedded lists files Pipelines/ does not have: \(stale)")
        for (k, v) in onDisk where DefaultPipelineFiles.files[k] != nil { #expect(DefaultPipelineFiles.files[k] == v, "\(k) differs from the embedded copy") }
    }

    @Test func loadsFromFolderAndRejectsUnknownNames() throws {
        let p = try PipelineDefinition.load(path: Repo.pipelines.appendingPathComponent("default.json").path)
        #expect(p.spec.matchers == PipelineDefinition.builtIn.spec.matchers)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
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
        for key in ["year_kind_words", "area_units", "target_words", "department_phrases", "number_words", "doc_number_words"] { lexicons[key] = nil }
        spec["lexicons"] = lexicons
        let path = dir.appendingPathComponent("older.json")
        try JSONSerialization.data(withJSONObject: spec).write(to: path)
        let older = try PipelineDefinition.load(path: path.path)
        let text = "根据豫政[2023]5号文件,到2025年,新增耕地1.2万亩,营业收入达到1200亿元、1600亿元,单个项目投资30亿至50亿元,占比提高1.5个百分点和百分之十五。截至2023年底,已完成投资300亿元。"
        let a = DocumentExtractor(pipeline: older).extract(text: text), b = DocumentExtractor().extract(text: text)
        #expect(String(decoding: DocumentJSON.bytes(a, pretty: false), as: UTF8.self) == String(decoding: DocumentJSON.bytes(b, pretty: false), as: UTF8.self))
        #expect(DocumentRecord(a).declared["areas"]?.count == 1 && !a.targets.isEmpty)
        #expect(a.items(DocNumberMatcher.id).count == 1 && a.items(PercentMatcher.id).count == 2 && a.items(AmountMatcher.id).count == 4)
    }

    /// The number matchers and the document-number matcher read their words from the pipeline's lexicons: a
    /// pipeline whose `number_words` has no 至 reads no range written with it, one whose `doc_number_words` has no
    /// 根据 keeps it in the issuer code, and a malformed row is an error naming the lexicon.
    @Test func matcherWordsAreReadFromThePipelinesLexicons() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lexiconDir = dir.appendingPathComponent("lexicons")
        try FileManager.default.copyItem(at: Repo.pipelines.appendingPathComponent("lexicons"), to: lexiconDir)
        let spec = try Data(contentsOf: Repo.pipelines.appendingPathComponent("default.json"))
        let path = dir.appendingPathComponent("p.json")
        try spec.write(to: path)
        func rewrite(_ file: String, _ change: (String) -> String) throws {
            let url = lexiconDir.appendingPathComponent(file)
            try change(String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
        let text = "根据豫政[2023]5号文件,单个项目投资30亿至50亿元。"
        let before = DocumentExtractor().extract(text: text)
        #expect(before.items(AmountMatcher.id).count == 1)
        #expect(before.items(DocNumberMatcher.id).map { before.text.text($0.mention.range) } == ["豫政[2023]5号"])
        try rewrite("number-words.tsv") { $0.replacingOccurrences(of: "range_separator\t至\n", with: "") }
        try rewrite("doc-number-words.tsv") { $0.replacingOccurrences(of: "leading_word\t根据\n", with: "") }
        let changed = try PipelineDefinition.load(path: path.path)
        let after = DocumentExtractor(pipeline: changed).extract(text: text)
        #expect(after.items(AmountMatcher.id).map(\.mention.range) != before.items(AmountMatcher.id).map(\.mention.range))
        #expect(after.items(DocNumberMatcher.id).map { after.text.text($0.mention.range) } == ["根据豫政[2023]5号"])
        try rewrite("number-words.tsv") { $0 + "range_joiner\t至\n" }
        let error = #expect(throws: PipelineError.self) { try PipelineDefinition.load(path: path.path) }
        #expect(error.map { "\($0)".contains("number_words") } == true)
    }
}
