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
