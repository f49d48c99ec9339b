import Foundation
import Testing
@testable import PolicyExtract

/// The review site's pages: every record's span is a highlighted element whose text is the record's text, marks
/// that cross are written as fragments, and every finding link lands on an anchor of the page it names.
@Suite struct ReviewTests {
    /// The text of each `data-r` element inside `<pre id="text">`, fragments joined, and the class of its first one.
    static func highlighted(_ html: String) -> [Int: (text: String, kind: String)] {
        guard let start = html.range(of: "<pre id=\"text\">"), let end = html.range(of: "</pre>", range: start.upperBound..<html.endIndex) else { return [:] }
        let body = html[start.upperBound..<end.lowerBound]
        var out: [Int: (text: String, kind: String)] = [:]
        var open: [Int?] = []  // the record of each open <span>, nil for other marks
        var i = body.startIndex
        while i < body.endIndex {
            if body[i] == "<" {
                let close = body[i...].firstIndex(of: ">")!
                let tag = body[body.index(after: i)..<close]
                if tag.hasPrefix("/") { open.removeLast() } else {
                    var record: Int? = nil
                    if let r = tag.range(of: "data-r=\"") {
                        let digits = tag[r.upperBound...].prefix { $0.isNumber }
                        record = Int(digits)
                        let kind = tag.range(of: "class=\"m k-").map { String(tag[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
                        if out[record!] == nil { out[record!] = ("", kind) }
                    }
                    open.append(record)
                }
                i = body.index(after: close)
                continue
            }
            var ch = String(body[i])
            if body[i] == "&" {
                let semi = body[i...].firstIndex(of: ";")!
                ch = ["&amp;": "&", "&lt;": "<", "&gt;": ">"][String(body[i...semi])] ?? ""
                i = body.index(after: semi)
            } else {
                i = body.index(after: i)
            }
            for case let r? in open { out[r]!.text += ch }
        }
        return out
    }

    @Test("every record of every fixture is a highlighted element holding exactly its text", arguments: Repo.fixtureNames)
    func everyRecordIsHighlighted(_ name: String) throws {
        let r = try extract(Repo.docs.appendingPathComponent(name))
        let record = DocumentRecord(r)
        let records = ReviewRecord.all(record)
        let page = ReviewSite.documentPage(ReviewDocument(record: record, original: r.text.original), findings: [])
        let found = Self.highlighted(page)
        let declared: Int = record.declared.values.reduce(0) { $0 + $1.count }
        let kinds: Int = record.amounts.count + record.years.count + record.periods.count + record.dates.count + record.percents.count
            + record.counts.count + record.docNumbers.count
        #expect(records.count == kinds + declared + record.targets.count + record.clusters.count + record.departments.count)
        #expect(found.count == records.count, "\(name): \(found.count) highlighted of \(records.count) records")
        #expect(ReviewRecord.counts(record).reduce(0, +) == records.count, "\(name): the index counts differ from the page's records")
        #expect(ReviewRecord.counts(record).count == ReviewRecord.countKinds.count)
        for (k, rec) in records.enumerated() {
            #expect(found[k]?.text == rec.text, "\(name) record \(k) (\(rec.kind)): highlighted «\(found[k]?.text ?? "nothing")», record «\(rec.text)»")
            #expect(found[k]?.kind == rec.kind, "\(name) record \(k)")
        }
    }

    @Test func crossingMarksAreFragmentsOfOneRecord() {
        let text = scalars("ab<cd>ef")
        let html = ReviewMarks.html(text, [.init(start: 0, end: 4, kind: "amount", record: 0, anchor: "r0"),
                                           .init(start: 2, end: 7, kind: "year", record: 1, anchor: "r1"),
                                           .init(start: 3, end: 3, kind: "count", record: 2)])
        #expect(html == "<span class=\"m k-amount\" data-r=\"0\" id=\"r0\">ab<span class=\"m k-year\" data-r=\"1\" id=\"r1\">&lt;c</span></span>"
                + "<span class=\"m k-year\" data-r=\"1\">d&gt;e</span>f")
        let found = Self.highlighted("<pre id=\"text\">" + html + "</pre>")
        #expect(found[0]?.text == "ab<c" && found[1]?.text == "<cd>e" && found[2] == nil)
    }

    /// The site of the Fixtures: every link of the findings page and of each document's findings panel names an
    /// anchor that its page holds; a batch folder and the same inputs give the same site.
    @Test func findingLinksLandOnAnchorsAndBatchFoldersGiveTheSameSite() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fromInputs = dir.appendingPathComponent("inputs").path, fromBatch = dir.appendingPathComponent("batch").path
        let batch = dir.appendingPathComponent("out").path
        let runner = BatchRunner(options: .init(outputDirectory: batch, jobs: 2, resume: false, maxFileSize: FileInput.defaultMaxSize, pipeline: .builtIn))
        let (inputs, errors) = BatchRunner.collect([Repo.docs.path])
        _ = try runner.run(inputs, initialErrors: errors, progress: { _ in }, shouldStop: { false })
        #expect(try ReviewSite.build([Repo.docs.path], out: fromInputs) == Repo.fixtureNames.count)
        #expect(try ReviewSite.build([batch], out: fromBatch) == Repo.fixtureNames.count)

        func read(_ base: String, _ file: String) throws -> String { try String(contentsOfFile: (base as NSString).appendingPathComponent(file), encoding: .utf8) }
        func ids(_ html: String) -> Set<String> {
            Set(html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
        }
        struct FindingsData: Decodable { var docs: [String: String]; var findings: [Item]; struct Item: Decodable { var n: Int; var e: [[String]] } }
        let script = try read(fromInputs, "findings-data.js")
        let json = script.drop { $0 != "=" }.dropFirst().dropLast(2)
        let data = try JSONDecoder().decode(FindingsData.self, from: Data(json.utf8))
        #expect(data.findings.count >= 30 && Set(data.findings.map(\.n)) == Set(1...data.findings.count))
        var links = 0
        for f in data.findings {
            for e in f.e {
                links += 1
                #expect(data.docs[e[0]] != nil, "finding \(f.n): \(e[0]) has no page")
                #expect(ids(try read(fromInputs, "docs/\(e[0]).html")).contains(e[1]), "finding \(f.n): docs/\(e[0]).html has no #\(e[1])")
            }
        }
        #expect(links >= 30, "\(links) evidence links")
        let findingIDs = Set(data.findings.map { "f\($0.n)" })
        for name in Repo.fixtureNames {
            let page = try read(fromInputs, "docs/\(FileInput.documentID(name)).html")
            let anchors = ids(page)
            for link in page.components(separatedBy: "href=\"#").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
                #expect(anchors.contains(link), "\(name): #\(link) has no anchor")
            }
            for link in page.components(separatedBy: "href=\"../findings.html#").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
                #expect(findingIDs.contains(link), "\(name): findings.html#\(link) has no anchor")
            }
            #expect(page == (try read(fromBatch, "docs/\(FileInput.documentID(name)).html")), "\(name): the batch folder's page differs")
        }
        #expect(script == (try read(fromBatch, "findings-data.js")))
        #expect(try read(fromInputs, "index-data.js") == (try read(fromBatch, "index-data.js")))
    }

    /// A batch folder whose input changed since: the page says so instead of highlighting the wrong text.
    @Test func changedInputIsNotHighlighted() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("notice.txt")
        try "到2025年，全省营业收入达到1200亿元。".write(to: input, atomically: true, encoding: .utf8)
        let batch = dir.appendingPathComponent("out").path
        let runner = BatchRunner(options: .init(outputDirectory: batch, jobs: 1, resume: false, maxFileSize: FileInput.defaultMaxSize, pipeline: .builtIn))
        let (inputs, errors) = BatchRunner.collect([input.path])
        _ = try runner.run(inputs, initialErrors: errors, progress: { _ in }, shouldStop: { false })
        try "到2026年，全省营业收入达到1300亿元。".write(to: input, atomically: true, encoding: .utf8)
        let site = dir.appendingPathComponent("site").path
        try ReviewSite.build([batch], out: site)
        let page = try String(contentsOfFile: site + "/docs/notice.html", encoding: .utf8)
        #expect(!page.contains("<pre id=\"text\">") && page.contains("has changed since it was converted"))
    }

    /// `batch --review` writes the site of what it converted into DIR/review; `review` of that folder gives the same pages.
    @Test func batchWritesItsReviewSite() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = Repo.fixture("004_").path
        let out = dir.appendingPathComponent("out").path
        let r = try CommandLineTests().run(["batch", input, "--out", out, "--review", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let again = try CommandLineTests().run(["review", out, "--out", dir.appendingPathComponent("site").path])
        #expect(again.status == 0, "\(again.stderr)")
        for file in ["index.html", "index-data.js", "findings.html", "docs/\(FileInput.documentID(input)).html"] {
            let a = try String(contentsOfFile: out + "/review/" + file, encoding: .utf8)
            #expect(a == (try String(contentsOfFile: dir.path + "/site/" + file, encoding: .utf8)), "\(file)")
        }
    }

    @Test func goldMarksMissesAndFalsePositives() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let gold = dir.appendingPathComponent("gold")
        try FileManager.default.createDirectory(at: gold, withIntermediateDirectories: true)
        let input = dir.appendingPathComponent("notice.txt")
        try "到2025年，全省营业收入达到1200亿元，研发投入300亿元。".write(to: input, atomically: true, encoding: .utf8)
        // Gold that names 1200亿元 only: 300亿元 is a false positive; a gold amount that the text does not hold, a miss.
        try #"{"amounts": [{"text": "1200亿元", "yi_yuan": 1200, "qualifier": "reach"}, {"text": "500亿元", "yi_yuan": 500}], "years": [2025]}"#
            .write(to: gold.appendingPathComponent("notice.json"), atomically: true, encoding: .utf8)
        let site = dir.appendingPathComponent("site").path
        try ReviewSite.build([input.path], out: site, goldDirectory: gold.path)
        let page = try String(contentsOfFile: site + "/docs/notice.html", encoding: .utf8)
        #expect(page.contains("<span class=\"m k-false_positive\" data-g=\"") && page.contains(">300亿元</span>"))
        #expect(page.contains("500亿元 <small>(not located in the text)</small>"))
    }
}
