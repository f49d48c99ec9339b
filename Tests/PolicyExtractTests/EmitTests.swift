import Foundation
import Testing
@testable import PolicyExtract

/// The direct byte writer against the `JSONValue` tree, on text that needs escaping.
@Suite struct EmitTests {
    @Test func writerEscapesLikeTheTree() throws {
        let text = "关于\"引号\"和\\反斜杠的通知\n\n一、目标\n到2025年，营业收入达到1200亿元\t（含“231”产业集群），占比12.3%。\u{1F600}𠀀达到5家。\n"
        let r = DocumentExtractor().extract(text: text, id: "escape\"\\")
        #expect(!r.items(AmountMatcher.id).isEmpty)
        for pretty in [false, true] {
            let direct = DocumentJSON.bytes(r, pretty: pretty)
            #expect(direct == DocumentJSON.object(r).serializedBytes(pretty: pretty))
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(direct)) as? [String: Any])
            let document = try #require(parsed["document"] as? [String: Any])
            #expect(document["id"] as? String == "escape\"\\")
            let sections = try #require(parsed["sections"] as? [[String: Any]])
            #expect(!sections.isEmpty)
        }
    }

    @Test func integersAndSpansReadAsDecimal() {
        // Every digit count and sign, the edges of the two-digit steps, and random values: each written as
        // `String(i)` writes it, alone and inside a compact span object.
        var values: [Int] = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 9999, 10_000, 99_999, 100_000, 1_000_000, Int.max, Int.min, -1, -10, -99, -100]
        var p = 1
        for _ in 0..<18 { p *= 10; values += [p - 1, p, p + 1, -p] }
        var rng = SplitMix(state: 1013)
        for _ in 0..<2000 { values.append(Int.random(in: -1_000_000_000...1_000_000_000, using: &rng)) }
        var issues = 0
        for v in values {
            var w = JSONBytesWriter(pretty: false)
            w.beginArray(inline: true); w.int(v); w.span(Span(start: v, end: v, line: v)); w.endArray()
            let expected = "[\(v),{\"start\":\(v),\"end\":\(v),\"line\":\(v)}]"
            if String(decoding: w.out, as: UTF8.self) != expected { issues += 1 }
        }
        #expect(issues == 0)
    }

    /// Written in chunks (a flush at each record once the buffer holds a few bytes), every fixture's JSON is the
    /// same text as written at once, in both layouts.
    @Test func chunkedWritingGivesTheSameBytes() throws {
        for name in Repo.fixtureNames {
            let r = try extract(Repo.docs.appendingPathComponent(name))
            for pretty in [false, true] {
                var chunks: [[UInt8]] = []
                DocumentJSON.stream(r, pretty: pretty, newline: true, chunk: 512) { chunks.append(Array($0)) }
                #expect(chunks.count > 1 || DocumentJSON.bytes(r, pretty: pretty).count < 512, "\(name): not written in chunks")
                #expect(chunks.flatMap { $0 } == DocumentJSON.bytes(r, pretty: pretty) + [0x0A], "\(name) (pretty: \(pretty))")
            }
        }
    }

    @Test func stringsReadBackAsWritten() throws {
        // Random strings around the eight-byte fast path: escapes at every position, multi-byte characters.
        let pieces: [String] = ["a", "Z", " ", "\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", "中", "，", "😀", "𠀀", "/", "12345678"]
        var rng = SplitMix(state: 1015)
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...24, using: &rng) { s += pieces.randomElement(using: &rng)! }
            var w = JSONBytesWriter(pretty: false)
            w.beginArray(inline: true); w.string(s); w.endArray()
            let parsed = try JSONSerialization.jsonObject(with: Data(w.out)) as? [String]
            #expect(parsed == [s], "\(Array(s.utf8))")
        }
    }

    @Test func integersAndEmptyContainers() {
        var w = JSONBytesWriter(pretty: false)
        w.beginObject()
        w.key("a"); w.int(0)
        w.key("b"); w.int(-1234567890123)
        w.key("c"); w.int(Int.max)
        w.key("d"); w.beginArray(inline: true); w.endArray()
        w.key("e"); w.beginObject(); w.endObject()
        w.endObject()
        #expect(String(decoding: w.out, as: UTF8.self) == "{\"a\":0,\"b\":-1234567890123,\"c\":\(Int.max),\"d\":[],\"e\":{}}")
    }
}

/// Decimal text: plain notation, exact, never exponent notation.
@Suite struct ExactDecimalTextTests {
    @Test(arguments: [
        (Int64(39299), -1, "3929.9"), (Int64(1), -8, "0.00000001"), (Int64(5), 11, "500000000000"), (Int64(0), 3, "0"),
        (Int64(-125), -2, "-1.25"), (Int64(-5), -3, "-0.005"), (Int64(123), 0, "123"), (Int64(100), -2, "1.00"),
        (Int64.max, 0, "9223372036854775807"), (Int64(-7), 2, "-700"), (Int64(12), -2, "0.12"),
    ])
    func description(_ significand: Int64, _ exponent: Int, _ text: String) {
        // Set the fields directly: the text follows them as they are (the initializer would drop trailing zeros).
        var d = ExactDecimal(0)
        d.significand = significand
        d.exponent = exponent
        #expect(d.description == text)
    }
}
