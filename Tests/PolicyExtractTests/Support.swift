import Foundation
import Testing
@testable import PolicyExtract

/// Paths inside the repository, found from this file's location.
enum Repo {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let docs = root.appendingPathComponent("Fixtures/docs")
    static let gold = root.appendingPathComponent("Fixtures/gold")
    static let pipelines = root.appendingPathComponent("Pipelines")

    static func fixture(_ prefix: String) -> URL {
        let names = try! FileManager.default.contentsOfDirectory(atPath: docs.path).sorted()
        return docs.appendingPathComponent(names.first { $0.hasPrefix(prefix) }!)
    }

    static var fixtureNames: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: docs.path).filter { !$0.hasPrefix(".") }.sorted()) ?? []
    }
}

/// One extractor per test process is enough for sequential tests; each test that runs in parallel
/// makes its own.
func extract(_ url: URL) throws -> DocumentResult {
    let bytes = try FileInput.read(url.path)
    return try DocumentExtractor().extract(bytes: bytes, path: url.path, id: FileInput.documentID(url.path))
}

extension DocumentResult {
    func amounts() -> [(text: String, yi: String, q: String, table: Bool)] {
        items(AmountMatcher.id).compactMap {
            if case .amount(let a) = $0.mention.value { return ($0.text, a.yiYuan.description, a.qualifier.rawValue, a.table) }
            return nil
        }
    }
    var docNumbers: [String] { items(DocNumberMatcher.id).map { text.text($0.mention.range) } }
    var dates: [String] {
        items(DateMatcher.id).compactMap { if case .date(let y, let m, let d, _) = $0.mention.value { return isoDate(y, m, d) }; return nil }
    }
}

/// Every item and record of `r` slices back to its text from the original at its span (`label` names the
/// document in a failure).
func expectSpansSliceBack(_ r: DocumentResult, _ label: String) {
    let original = r.text.original
    func text(_ s: Span) -> String { makeString(original[s.start..<s.end]) }
    for (id, items) in r.items {
        for item in items {
            #expect(item.span.start < item.span.end && item.span.end <= original.count, "\(label) \(id) \(item.text)")
            #expect(text(item.span) == item.text, "\(label) \(id)")
        }
    }
    for t in r.targets { #expect(text(t.span) == t.text, "\(label) target \(t.text)") }
    for d in r.departments { #expect(text(d.span) == d.text, "\(label) department \(d.text)") }
    for c in r.clusters { #expect(text(c.span) == c.text, "\(label) cluster \(c.text)") }
}

/// A seeded random number generator (SplitMix64): the randomized tests draw the same inputs on every run,
/// so a failure names an input that can be drawn again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
