import Foundation
import Testing
@testable import PolicyExtract

/// The regression gate: accuracy against the gold annotations must not fall below the floors in
/// `Fixtures/eval-floors.json`, and the committed output snapshot must match what the tool produces.
@Suite struct AccuracyTests {
    /// Both sets: the training documents and the held-out ones (never written against) have floors of their own.
    @Test(arguments: EvaluationSet.allCases)
    func f1AtOrAboveFloors(_ set: EvaluationSet) throws {
        // Absolute paths: tests run in parallel, so none may change the process's working directory.
        func inRepo(_ path: String) -> String { Repo.root.appendingPathComponent(path).path }
        let evaluation = try Evaluation.run(paths: [inRepo(set.documents)], goldDirectory: inRepo(set.gold))
        #expect(evaluation.documents >= 20, "\(set.rawValue): only \(evaluation.documents) documents")
        #expect(evaluation.missingGold.isEmpty, "documents without gold: \(evaluation.missingGold)")
        let failures = try FloorCheck.check(evaluation, floorsPath: inRepo("Fixtures/eval-floors.json"), set: set)
        #expect(failures.isEmpty, "\(failures.joined(separator: "; "))\n\(evaluation.table())")
    }

    @Test func everyDocumentHasGold() throws {
        for name in Repo.fixtureNames {
            let id = FileInput.documentID(name)
            #expect(FileManager.default.fileExists(atPath: Repo.gold.appendingPathComponent(id + ".json").path), "no gold for \(name)")
        }
    }

    /// Regenerate with scripts/rebaseline.sh (a batch into Output/fixtures). A failure says which records changed
    /// (`diff`'s comparison), then the first differing lines.
    @Test("snapshot of every fixture's JSON", arguments: Repo.fixtureNames)
    func snapshot(_ name: String) throws {
        let path = "Fixtures/docs/" + name
        let bytes = try FileInput.read(Repo.root.appendingPathComponent(path).path)
        let result = try DocumentExtractor().extract(bytes: bytes, path: path, id: FileInput.documentID(name))
        let produced = String(decoding: DocumentJSON.bytes(result, pretty: true), as: UTF8.self) + "\n"
        // The direct byte writer and the JSONValue tree describe the same document, in both layouts.
        for pretty in [true, false] {
            #expect(DocumentJSON.bytes(result, pretty: pretty) == DocumentJSON.object(result).serializedBytes(pretty: pretty),
                    "\(name): byte writer and tree differ (pretty: \(pretty))")
        }
        let snapshotPath = Repo.root.appendingPathComponent("Output/fixtures/docs/\(FileInput.documentID(name)).json").path
        let committed = try String(contentsOfFile: snapshotPath, encoding: .utf8)
        if produced != committed {
            let a = committed.split(separator: "\n", omittingEmptySubsequences: false)
            let b = produced.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let context = { (lines: [Substring]) in lines[max(0, line - 2)..<min(lines.count, line + 3)].joined(separator: "\n") }
            let records = (try? RecordDiff.explain(old: DocumentRecord.decode(Data(committed.utf8)), new: DocumentRecord.decode(Data(produced.utf8))))
                .flatMap { $0 } ?? "no record differs (the layout does)"
            Issue.record("""
                \(name): output differs from Output/fixtures; records (committed → produced):
                \(records)
                First difference at line \(line + 1).
                --- committed
                \(context(a))
                +++ produced
                \(context(b))
                If the change is meant, regenerate with scripts/rebaseline.sh and commit the difference.
                """)
        }
    }

    @Test func schemaNamesEveryTopLevelKey() throws {
        let data = try Data(contentsOf: Repo.root.appendingPathComponent("schema/document.schema.json"))
        let schema = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let required = try #require(schema["required"] as? [String])
        let r = try extract(Repo.fixture("004_"))
        guard case .object(let pairs) = DocumentJSON.object(r) else { Issue.record("not an object"); return }
        #expect(Set(required).isSubset(of: Set(pairs.map(\.0))))
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(pairs.map(\.0)).isSubset(of: Set(properties.keys)), "a key is missing from the schema")
    }
}
