import Foundation
import Testing
@testable import PolicyExtract

/// What must hold over the bundled Fixtures.
@Suite struct FixtureTests {
    @Test func doc004AmountsNumberDate() throws {
        let r = try extract(Repo.fixture("004_"))
        let amounts = r.amounts()
        for v in ["1200", "1500", "1600", "2", "5", "30", "50"] {
            #expect(amounts.contains { $0.yi == v }, "004 lacks \(v) 亿元")
        }
        #expect(amounts.contains { $0.yi == "4300" && $0.q == "exceed" })
        #expect(r.docNumbers.contains("济发〔2020〕16号"))
        #expect(r.info.docNumber == "济发〔2020〕16号")
        #expect(r.dates.contains("2020-08-15"))
        #expect(r.info.date == "2020-08-15")
        #expect(r.info.title == "关于加快先进制造业集群开放创新发展的意见")
    }

    @Test func doc003NumbersDateTiers() throws {
        let r = try extract(Repo.fixture("003_"))
        #expect(r.docNumbers == ["鲁商发〔2016〕3号", "国办发〔2016〕14号", "鲁政办发〔2015〕13号", "鲁政发〔2016〕9号"])
        #expect(r.info.docNumber == "鲁商发〔2016〕3号")
        #expect(r.info.date == "2016-09-14")
        let amounts = r.amounts()
        #expect(amounts.contains { $0.text == "1000 亿" && $0.yi == "1000" && $0.q == "exceed" })
        #expect(amounts.contains { $0.text == "2000 亿级" && $0.yi == "2000" && $0.q == "level" })
        // The header block: nine organs written with spaces between characters.
        let organs = r.structure.header!.organs.map { r.text.text($0) }
        #expect(organs.count == 9)
        #expect(organs.first == "山东省商务厅")
    }

    @Test func doc002DigitGroupsAndTables() throws {
        let r = try extract(Repo.fixture("002_"))
        #expect(r.amounts().contains { $0.text == "3 929.90亿元" && $0.yi == "3929.9" })
        let counts = r.items(CountMatcher.id).compactMap { i -> (String, String)? in
            if case .count(let c) = i.mention.value { return (i.text, c.value.description) }; return nil
        }
        #expect(counts.contains { $0.0 == "33 222家" && $0.1 == "33222" })
        #expect(counts.contains { $0.0 == "1 782家" && $0.1 == "1782" })
        #expect(!r.items(YearMatcher.id).contains { if case .year(let y, _) = $0.mention.value { return y == 1782 || y == 2000 }; return false })
        // Table rows are table cells.
        #expect(r.structure.tables.count >= 2)
        let t = r.structure.tables[0]
        #expect(r.text.text(t.rows[0][0]) == "集群名称")
        #expect(t.rows.contains { row in row.contains { r.text.originalText($0) == "1 020" } })
        #expect(r.structure.sections[t.section].kind == .table)
    }

    @Test func doc000LoanTableInYuan() throws {
        let r = try extract(Repo.fixture("000_"))
        let cell = try #require(r.items(AmountMatcher.id).first { $0.text == "8,000,000.00" })
        guard case .amount(let a) = cell.mention.value else { Issue.record("not an amount"); return }
        #expect(a.yuan.description == "8000000")
        #expect(a.unit == "元")
        #expect(a.table)
        #expect(r.structure.sections[cell.section].kind == .table)
        // 序号 is not an amount.
        #expect(!r.items(AmountMatcher.id).contains { $0.tableCell?.header == "序号" })
    }

    @Test("every item's span slices back to its text", arguments: Repo.fixtureNames)
    func spansSliceBack(_ name: String) throws {
        let r = try extract(Repo.docs.appendingPathComponent(name))
        for (id, items) in r.items {
            // Items are in document order (the checks look sentences' items up by binary search).
            #expect(zip(items, items.dropFirst()).allSatisfy { $0.mention.range.lowerBound <= $1.mention.range.lowerBound }, "\(name) \(id) out of order")
        }
        expectSpansSliceBack(r, name)
    }

    @Test("GB18030 and UTF-16 copies give the same records", arguments: Repo.fixtureNames)
    func encodingsAgree(_ name: String) throws {
        let url = Repo.docs.appendingPathComponent(name)
        let bytes = try FileInput.read(url.path)
        let extractor = DocumentExtractor()
        let original = try extractor.extract(bytes: bytes, path: name, id: "x")
        let string = makeString(original.text.original)
        let gb = TextEncoder.encode(string, charset: "GB18030")!
        var utf16le: [UInt8] = [0xFF, 0xFE]
        for u in string.utf16 { utf16le.append(UInt8(u & 0xFF)); utf16le.append(UInt8(u >> 8)) }
        var utf16be: [UInt8] = [0xFE, 0xFF]
        for u in string.utf16 { utf16be.append(UInt8(u >> 8)); utf16be.append(UInt8(u & 0xFF)) }
        let expected = Self.records(original)
        for (label, copy) in [("GB18030", gb), ("UTF-16LE", utf16le), ("UTF-16BE", utf16be)] {
            let r = try extractor.extract(bytes: copy, path: name, id: "x")
            #expect(r.info.encoding == label, "\(name) detected as \(r.info.encoding)")
            #expect(Self.records(r) == expected, "\(name) as \(label)")
        }
    }

    /// The JSON of the records, without the document header (hash and encoding differ by design).
    static func records(_ r: DocumentResult) -> String {
        guard case .object(let pairs) = DocumentJSON.object(r) else { return "" }
        return JSONValue.object(pairs.filter { $0.0 != "document" }).serialized()
    }
}
