import Foundation
import Testing
@testable import PolicyExtract

/// `diff`: identical outputs differ in nothing (exit 0); an edited record and an edited lexicon entry give the
/// added, removed and changed records expected (exit 1).
@Suite struct DiffTests {
    static let snapshot = Repo.root.appendingPathComponent("Output/fixtures").path

    @Test func identicalOutputsExitZero() throws {
        let r = try CommandLineTests().run(["diff", Self.snapshot, Self.snapshot])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("no difference (\(Repo.fixtureNames.count) documents)"))
    }

    /// Copies the snapshot's documents, edits one record of document 004 (its first amount's qualifier, its last year
    /// removed, a department added) and compares: exactly those three lines, exit 1, and the same in `--json`.
    @Test func editedRecordIsReported() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        for side in ["old", "new"] { try fm.copyItem(atPath: Self.snapshot + "/docs", toPath: dir.path + "/\(side)/docs") }
        let id = FileInput.documentID(Repo.fixture("004_").path)
        let path = dir.path + "/new/docs/\(id).json"
        var record = try DocumentRecord.decode(try Data(contentsOf: URL(fileURLWithPath: path)))
        let amount = record.amounts[0]
        let oldQualifier = amount.fields.qualifier
        let newQualifier: Qualifier = oldQualifier == .about ? .none : .about
        record.amounts[0].fields.qualifier = newQualifier
        let year = record.years.removeLast()
        var department = record.departments[0]
        department.provenance.span = Span(start: department.provenance.span.start + 100_000, end: department.provenance.span.end + 100_000, line: 9999)
        record.departments.append(department)
        try JSONEncoder().encode(record).write(to: URL(fileURLWithPath: path))

        let diff = try RecordDiff.compare(old: dir.path + "/old", new: dir.path + "/new")
        #expect(diff.documents.count == 1 && diff.unchanged == Repo.fixtureNames.count - 1)
        let kinds = diff.documents.first?.kinds ?? []
        #expect(kinds.map(\.kind) == ["amounts", "years", "departments"])
        let s = amount.provenance.span, y = year.provenance.span
        #expect(kinds.first { $0.kind == "amounts" }?.changed.map { $0.fields.map { "\($0.0) \($0.1) \($0.2)" } } == [["qualifier \(oldQualifier.rawValue) \(newQualifier.rawValue)"]])
        #expect(kinds.first { $0.kind == "years" }?.removed.map(\.key) == ["\(y.start)-\(y.end)"])
        #expect(kinds.first { $0.kind == "departments" }?.added.map(\.text) == [department.provenance.text])

        let r = try CommandLineTests().run(["diff", dir.path + "/old", dir.path + "/new"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("~ \(s.start)-\(s.end) line \(s.line) «\(amount.provenance.text)»: qualifier \(oldQualifier.rawValue) → \(newQualifier.rawValue)"), "\(r.stdout)")
        #expect(r.stdout.contains("- \(y.start)-\(y.end) line \(y.line) «\(year.provenance.text)»"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("1 of \(Repo.fixtureNames.count) documents differ; amounts ~1, years -1, departments +1\n"), "\(r.stdout)")
        let j = try CommandLineTests().run(["diff", "--json", dir.path + "/old", dir.path + "/new"])
        #expect(j.status == 1)
        struct Report: Decodable { var differs: Bool; var documents_changed: Int; var totals: [Total] }
        struct Total: Decodable, Equatable { var kind: String; var added: Int; var removed: Int; var changed: Int }
        let report = try JSONDecoder().decode(Report.self, from: Data(j.stdout.utf8))
        #expect(report.differs && report.documents_changed == 1)
        #expect(report.totals == [Total(kind: "amounts", added: 0, removed: 0, changed: 1), Total(kind: "years", added: 0, removed: 1, changed: 0),
                                  Total(kind: "departments", added: 1, removed: 0, changed: 0)])
    }

    /// The qualifier word 突破 (exceed) taken out of `qualifiers.tsv`: read in the Fixtures, it stands right before a
    /// figure five times — 突破 24% (a percentage), 突破1万亿元 (an amount, and the target it states), 突破4000亿元 twice
    /// (233: amounts, and the target they state) — and those records, and nothing else, change from exceed to none;
    /// in 233 the same goal stated a third time with 超 (exceed) no longer agrees with them and becomes a target of its own.
    @Test func editedLexiconEntryChangesOnlyItsRecords() throws {
        let dir = try BatchTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: Repo.pipelines.path, toPath: dir.path + "/Pipelines")
        let lexicon = dir.path + "/Pipelines/lexicons/qualifiers.tsv"
        let lines = try String(contentsOfFile: lexicon, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("突破\tbefore\texceed"))
        try lines.filter { $0 != "突破\tbefore\texceed" }.joined(separator: "\n").write(toFile: lexicon, atomically: true, encoding: .utf8)
        let edited = try PipelineDefinition.load(path: dir.path + "/Pipelines/default.json")
        let before = DocumentExtractor(), after = DocumentExtractor(pipeline: edited)
        var changes: [String] = [], added: [String] = []
        for name in Repo.fixtureNames {
            let url = Repo.docs.appendingPathComponent(name)
            let bytes = try FileInput.read(url.path)
            let a = try before.extract(bytes: bytes, path: url.path, id: name), b = try after.extract(bytes: bytes, path: url.path, id: name)
            guard let d = RecordDiff.compare(old: DocumentRecord(a), new: DocumentRecord(b)) else { continue }
            for k in d.kinds {
                #expect(k.removed.isEmpty, "\(name) \(k.kind)")
                added += k.added.map { "\(k.kind) \($0.text)" }
                for c in k.changed { changes.append("\(k.kind) \(c.new.text) " + c.fields.map { "\($0.0) \($0.1)→\($0.2)" }.joined()) }
            }
        }
        #expect(changes.sorted() == ["amounts 1万亿元 qualifier exceed→none", "amounts 4000亿元 qualifier exceed→none", "amounts 4000亿元 qualifier exceed→none",
                                     "percents 24% qualifier exceed→none", "targets 数字经济规模突破4000亿元 comparator exceed→nonerestated 2→1",
                                     "targets 集群营业收入总规模突破1万亿元 comparator exceed→none"])
        #expect(added == ["targets 数字经济规模超4000亿元"])
    }
}
