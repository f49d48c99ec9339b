import Foundation
import Testing
@testable import PolicyExtract

/// The typed record and the fast JSON writer describe the same document: the writer's output decodes into exactly
/// the record made from the pipeline's result, and the record encoded by `JSONEncoder` is the same JSON tree.
@Suite struct RecordTests {
    /// A JSON text parsed into a tree whose objects compare without regard to key order; members whose value is
    /// null are left out (the writer writes them, `JSONEncoder` omits them).
    static func tree(_ data: Data) throws -> NSObject {
        func prune(_ any: Any) -> Any {
            if let d = any as? [String: Any] { return d.filter { !($0.value is NSNull) }.mapValues(prune) }
            if let a = any as? [Any] { return a.map(prune) }
            return any
        }
        return try #require(prune(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) as? NSObject)
    }

    @Test("writer output decodes to the record", arguments: Repo.fixtureNames)
    func writerAndRecordAgree(_ name: String) throws {
        let r = try extract(Repo.docs.appendingPathComponent(name))
        let record = DocumentRecord(r)
        for pretty in [true, false] {
            let decoded = try DocumentRecord.decode(Data(DocumentJSON.bytes(r, pretty: pretty)))
            #expect(decoded == record, "\(name): the writer's JSON (pretty: \(pretty)) does not decode to the record")
        }
        let encoded = try JSONEncoder().encode(record)
        #expect(try Self.tree(encoded) == Self.tree(Data(DocumentJSON.bytes(r))), "\(name): JSONEncoder and the writer give different trees")
    }

    @Test func everyProvenanceIndexPointsIntoTheDocument() throws {
        for name in Repo.fixtureNames {
            let record = DocumentRecord(try extract(Repo.docs.appendingPathComponent(name)))
            var provenances: [Provenance] = record.amounts.map(\.provenance) + record.years.map(\.provenance) + record.percents.map(\.provenance)
            provenances += record.counts.map(\.provenance) + record.dates.map(\.provenance) + record.docNumbers.map(\.provenance)
            provenances += record.targets.map(\.provenance) + record.departments.map(\.provenance) + record.clusters.map(\.provenance)
            for p in provenances {
                #expect(record.sections.indices.contains(p.section), "\(name): section \(p.section) of \(p.text)")
                if let s = p.sentence {
                    #expect(record.sentences.indices.contains(s), "\(name): sentence \(s) of \(p.text)")
                    let sentence = record.sentences[s].span
                    // The value stands inside the sentence it refers to (a target's phrase may run past it).
                    #expect(sentence.start <= p.span.start, "\(name): \(p.text) begins before its sentence")
                }
            }
            // Each sentence once, in document order.
            #expect(zip(record.sentences, record.sentences.dropFirst()).allSatisfy { $0.span.start < $1.span.start }, "\(name): sentences out of order")
        }
    }

    @Test func exactDecimalsRoundTripThroughJSON() throws {
        for text in ["0", "3929.9", "0.00000001", "500000000000", "-2.5", "9223372036854775807", "0.0001"] {
            let d = try #require(ExactDecimal(text))
            let back = try JSONDecoder().decode(ExactDecimal.self, from: JSONEncoder().encode(d))
            #expect(back == d, "\(text) came back as \(back)")
        }
    }
}
