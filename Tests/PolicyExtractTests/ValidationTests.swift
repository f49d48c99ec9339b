import Foundation
import Testing
@testable import PolicyExtract

/// Every check's examples: documents that must and must not trigger it.
@Suite struct ValidationTests {
    static let documentCheckIDs = Validator.documentChecks.map { type(of: $0).id }

    func documents(_ texts: [String]) -> [DocumentResult] {
        let extractor = DocumentExtractor()
        return texts.enumerated().map { extractor.extract(text: $0.element, id: "doc\($0.offset + 1)") }
    }

    @Test("document check examples", arguments: documentCheckIDs)
    func documentCheck(_ id: String) {
        let check = Validator.documentChecks.first { type(of: $0).id == id }!
        for example in type(of: check).examples {
            let got = documents(example.texts).flatMap { check.run($0) }.map(\.severity.rawValue).sorted()
            #expect(got == example.expected.sorted(), "\(id) example at line \(example.line): \(example.texts)")
        }
    }

    @Test func crossDocumentCheckExamples() {
        let examples: [(any CrossDocumentCheck, [CheckExample])] = [
            (SameClaimCheck(), SameClaimCheck.examples), (NearIdenticalLabelCheck(), NearIdenticalLabelCheck.examples),
        ]
        for (check, list) in examples {
            for example in list {
                let claims = documents(example.texts).map(ClaimExtractor.claims)
                let got = check.run(claims).map(\.severity.rawValue).sorted()
                #expect(got == example.expected.sorted(), "\(type(of: check).id) example at line \(example.line): \(example.texts)")
            }
        }
    }

    @Test func fixturesFindWhatTheyMust() throws {
        // An absolute path: tests run in parallel, so none may change the process's working directory.
        let output = ValidationRun.run(paths: [Repo.docs.path], jobs: 2)
        let f = output.findings
        // 现代轻工 / 现代轻纺: one conflict naming both documents.
        let members = f.first { $0.check == SameClaimCheck.id && $0.severity == .conflict && $0.computed.includes("现代轻工") && $0.computed.includes("现代轻纺") }
        #expect(members != nil)
        #expect(Set(members?.evidence.map(\.document) ?? []) == ["000_49ccca5bbe7b47df", "001_e25bd0d301b55d09"])
        // The 4300 and 1500 totals, with their arithmetic.
        #expect(f.contains { $0.check == PartsTotalCheck.id && $0.stated == "exceed 4300 亿元" && $0.computed.includes("1500 + 1600 + 300 + 300 + 300 + 300 = 4300") })
        #expect(f.contains { $0.check == PartsTotalCheck.id && $0.stated == "exceed 1500 家" && $0.computed.includes("= 1520") && $0.severity == .consistent })
        // 7 versus 6.
        #expect(f.contains { $0.check == CountEnumerationCheck.id && $0.stated == "7 个" && $0.computed.hasPrefix("6 named") })
        // 强基韧链 / 强基链链.
        #expect(f.contains { $0.check == NearIdenticalLabelCheck.id && Set([$0.stated, $0.computed]) == ["强基韧链", "强基链链"] })
        // 002's shares, checked.
        #expect(f.filter { $0.check == ShareCheck.id && $0.evidence.first?.document == "002_823c9dc78815e142" && $0.severity == .consistent }.count >= 2)
        // 002's growth rates across a table's year columns, checked.
        #expect(f.filter { $0.check == GrowthCheck.id && $0.evidence.first?.document == "002_823c9dc78815e142" && $0.severity == .consistent }.count == 5)
        // No conflict between a province's and a city's 45%.
        #expect(!f.contains { $0.severity == .conflict && $0.stated.includes("45") })
        // The one conflict of the Fixtures is the member list; 等7个 naming six is info; every finding says why.
        #expect(f.filter { $0.severity == .conflict }.count == 1, "\(f.filter { $0.severity == .conflict }.map(\.claim))")
        #expect(f.contains { $0.check == CountEnumerationCheck.id && $0.stated == "7 个" && $0.severity == .info })
        #expect(f.allSatisfy { !$0.reason.isEmpty }, "\(f.filter { $0.reason.isEmpty }.map(\.check))")
        // 002's shares of 全国 recomputed from its table 2, in the sentence's order: 8.1% is 科技型's, not 小巨人's.
        #expect(f.contains { $0.check == TableShareCheck.id && $0.stated == "8.1%" && $0.severity == .warning && $0.detail == "matches 科技型中小企业, not 国家专精特新“小巨人”企业" })
        #expect(f.filter { $0.check == TableShareCheck.id && $0.severity == .consistent }.count == 2)
        // 122's totals against their rows, in the table's unit.
        #expect(f.contains { $0.check == TableTotalCheck.id && $0.stated == "7154.36 亿元" && $0.severity == .consistent })
        // Deterministic: the same run gives the same findings in the same order.
        let again = ValidationRun.run(paths: [Repo.docs.path], jobs: 1)
        #expect(again.findings.map { DocumentJSON.finding($0).serialized() } == f.map { DocumentJSON.finding($0).serialized() })
    }

    /// The validation gold's edited documents stay out of the fixtures, and every case names documents that exist.
    @Test func validationGoldIsWellFormed() throws {
        let data = try Data(contentsOf: Repo.root.appendingPathComponent("Fixtures/validation.json"))
        let gold = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(gold["cases"] as? [[String: Any]])
        #expect(cases.count >= 8)
        let sources = try String(contentsOf: Repo.root.appendingPathComponent("Fixtures/SOURCES.md"), encoding: .utf8)
        for c in cases {
            for d in c["documents"] as? [String] ?? [] {
                #expect(FileManager.default.fileExists(atPath: Repo.root.appendingPathComponent("Fixtures/" + d).path), "\(d)")
                if d.hasPrefix("validation/") { #expect(sources.includes((d as NSString).lastPathComponent), "\(d) is not marked in SOURCES.md") }
            }
        }
        let edited = try FileManager.default.contentsOfDirectory(atPath: Repo.root.appendingPathComponent("Fixtures/validation").path)
        #expect(!edited.isEmpty)
        #expect(Set(edited).isDisjoint(with: Set(Repo.fixtureNames)))
    }

    /// Table header cells that name a year column, as the growth check reads them.
    @Test(arguments: [
        ("2023年", 2023), (" 2023 年 ", 2023), ("1900年", 1900), ("2099年", 2099), ("2023", nil), ("1899年", nil),
        ("2100年", nil), ("20230年", nil), ("202年", nil), ("二〇二三年", nil), ("2023年底", nil), ("+202年", nil), ("", nil),
    ] as [(String, Int?)])
    func yearHeaderCells(_ cell: String, _ year: Int?) {
        let chars = scalars(cell)
        #expect(GrowthCheck.yearHeader(chars, 0..<chars.count) == year)
    }
}
