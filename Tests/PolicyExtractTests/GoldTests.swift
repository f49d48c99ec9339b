import Foundation
import Testing
@testable import PolicyExtract

/// The hand-written gold files decode into typed values; a wrong one is an error naming the file and the key.
@Suite struct GoldTests {
    @Test func everyGoldFileDecodes() throws {
        for folder in [Repo.gold, Repo.root.appendingPathComponent("Fixtures/heldout/gold")] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            #expect(!names.isEmpty)
            for name in names {
                let path = folder.appendingPathComponent(name).path
                let gold = try GoldDocument.read(try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
                // Every gold target has a text to find it by.
                #expect(gold.targets.allSatisfy { !$0.text.isEmpty }, "\(name): a target without its text")
            }
        }
        let validation = Repo.root.appendingPathComponent("Fixtures/validation.json").path
        let cases = try GoldFile.decode(ValidationGold.self, from: Data(contentsOf: URL(fileURLWithPath: validation)), path: validation).cases
        #expect(cases.count > 5)
    }

    @Test func aMissingListIsEmpty() throws {
        let gold = try GoldDocument.read(Data(#"{"doc": "x", "years": [2025]}"#.utf8), path: "x.json")
        #expect(gold.years == [2025] && gold.amounts.isEmpty && gold.targets.isEmpty)
    }

    @Test(arguments: [
        (#"{"years": ["2025"]}"#, "x.json: years[0] has the wrong type"),
        (#"{"amounts": [{"text": "10亿元"}]}"#, "x.json: amounts[0].yi_yuan is missing"),
        (#"{"departments": [{"name": "财政部", "role": null}]}"#, "x.json: departments[0].role is null"),
        (#"{"years": [2025"#, "x.json: not valid JSON"),
    ])
    func aWrongFileNamesItsPlace(_ text: String, _ message: String) {
        do {
            _ = try GoldDocument.read(Data(text.utf8), path: "x.json")
            Issue.record("decoded: \(text)")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }

    @Test func anUnknownSeverityIsNamed() {
        let text = #"{"cases": [{"name": "a", "documents": [], "expected": [{"check": "growth", "severity": "fatal"}]}]}"#
        do {
            _ = try GoldFile.decode(ValidationGold.self, from: Data(text.utf8), path: "v.json")
            Issue.record("decoded")
        } catch {
            #expect("\(error)".hasPrefix("v.json: cases[0].expected[0].severity"), "\(error)")
        }
    }
}
