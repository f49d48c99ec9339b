import Foundation
import Testing
import ICUBridge
@testable import PolicyExtract

@Suite struct DecodeTests {
    func error(_ bytes: [UInt8]) -> InputError? {
        do { _ = try TextDecoder.decode(bytes, path: "sample.txt"); return nil } catch let e as InputError { return e } catch { return nil }
    }

    @Test func randomBytesAreRefused() {
        var rng = SplitMix(state: 1007)
        for _ in 0..<20 {
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let e = error(bytes)
            #expect(e != nil)
            #expect(e?.path == "sample.txt")
            #expect(e?.reason == .binary || e?.reason == .undecodable)
        }
    }

    @Test func emptyAndWhitespace() {
        #expect(error([])?.reason == .empty)
        #expect(error(Array("  \n\n ".utf8))?.reason == .empty)
    }

    @Test func pngIsBinary() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]
        let e = error(png)
        #expect(e?.reason == .binary)
        #expect(e?.byteOffset != nil || e?.message.contains("control") == true)
    }

    @Test func truncatedGB18030NamesTheOffset() {
        let text = String(repeating: "山东省先进制造业集群发展", count: 30)
        var bytes = TextEncoder.encode(text, charset: "GB18030")!
        bytes.removeLast()  // half a character at the end
        let e = error(bytes)
        #expect(e?.reason == .undecodable)
        #expect(e?.byteOffset == bytes.count - 1)
    }

    /// The charset detector sees `TextDecoder.detectionSample` bytes (more when uncertain): windows of 400 characters from a dozen
    /// places in every fixture, in GB18030, and in Big5 where the text is Traditional, must each be told
    /// apart and decode to the window's text.
    @Test func detectionSampleTellsGB18030FromBig5() throws {
        var checked = (gb: 0, big5: 0)
        for name in Repo.fixtureNames {
            let bytes = try [UInt8](Data(contentsOf: Repo.docs.appendingPathComponent(name)))
            let text = makeString(try TextDecoder.decode(bytes, path: name).scalars)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let step = Swift.max(1, lines.count / 12)
            for start in stride(from: 0, to: lines.count, by: step) {
                let window = String(lines[start...].joined(separator: "\n").unicodeScalars.prefix(400))
                guard window.unicodeScalars.filter({ $0.value >= 0x80 }).count >= 20 else { continue }
                for charset in ["GB18030", "Big5"] {
                    // Big5 holds Traditional text only: a window with a character it lacks is not a Big5 text.
                    guard let encoded = TextEncoder.encode(window, charset: charset), !window.isEmpty else { continue }
                    let decoded = try TextDecoder.decode(encoded, path: name)
                    #expect(decoded.encoding == charset, "\(name) line \(start + 1) in \(charset)")
                    #expect(makeString(decoded.scalars) == window)
                    if charset == "GB18030" { checked.gb += 1 } else { checked.big5 += 1 }
                }
            }
        }
        #expect(checked.gb >= 250)
        #expect(checked.big5 >= 10)
    }

    /// A table of figures at the head of a Big5 file (a window of fixture 002 in Traditional characters)
    /// gives the detector too few multi-byte characters in its first sample: it rates GB18030 and Big5 alike
    /// at its floor, and GB18030 would decode the bytes into other characters. The longer second look decides.
    @Test func figuresAtTheHeadOfABig5FileAreTakenAsBig5() throws {
        let text = "省份\t2017 年\t2018 年\t2019 年\t2020 年\t2021 年\t2022 年\n山東\t22 042\t23 415\t24 495\t23 950\t24 706\t27 110\n"
            + "江蘇\t37 485\t40 133\t41 988\t42 932\t46 337\t49 023\n浙江\t21 160\t22 464\t23 850\t25 182\t28 522\t29 628\n"
            + "福建\t18 660\t19 443\t19 837\t21 111\t23 629\t25 535\n廣東\t34 421\t28 760\t39 447\t40 114\t43 603\t43 550\n\n"
            + "3 先進製造業集群韌性形成機制\n\n3.1 適應性主動循環機制\n\n先進製造業集群韌性是指集群在面對外部風險時吸收、適應、恢復以應對風險衝擊的過程與能力。"
            + "衝擊準備階段，提前識別潛在風險，完善應急預案，優化政策工具，展開系列補鏈、固鏈、強鏈工作；衝擊吸收階段，外部"
        let bytes = try #require(TextEncoder.encode(text, charset: "Big5"))
        // The first sample alone leaves the detector undecided.
        let firstWide = try #require(bytes.firstIndex { $0 >= 0x80 })
        let first = bytes.withUnsafeBufferPointer { b in
            CharsetWorkbench().detect(UnsafeBufferPointer(rebasing: b[firstWide..<(firstWide + TextDecoder.detectionSample)]))
        }
        #expect(TextDecoder.uncertain(first))
        let decoded = try TextDecoder.decode(bytes, path: "table.txt")
        #expect(decoded.encoding == "Big5")
        #expect(makeString(decoded.scalars) == text)
    }

    /// Japanese and Korean multi-byte text decodes as GB18030 byte for byte, into nonsense: refused instead,
    /// naming the encoding the detector found.
    @Test func japaneseAndKoreanEncodingsAreRefused() throws {
        let japanese = String(repeating: "政府は2025年までに半導体産業の集積を育成するため、総額5000億円を投資する計画であると発表した。", count: 3)
        let korean = String(repeating: "대한민국 정부는 2025년까지 반도체 산업 클러스터를 육성하기 위해 총 5천억 원을 투자할 계획이라고 밝혔다. ", count: 3)
        for (text, charset) in [(japanese, "Shift_JIS"), (japanese, "EUC-JP"), (korean, "EUC-KR")] {
            let e = error(try #require(TextEncoder.encode(text, charset: charset)))
            #expect(e?.reason == .unsupported, "\(charset)")
            #expect(e?.message.contains(charset) == true, "\(charset): \(e?.message ?? "no error")")
        }
    }

    @Test func encodingsAreDetected() throws {
        let text = "关于加快先进制造业集群开放创新发展的意见。到2025年，营业收入超过4300亿元。"
        #expect(try TextDecoder.decode(Array(text.utf8), path: "a").encoding == "UTF-8")
        #expect(try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "a").encoding == "UTF-8 (BOM)")
        let traditional = String(repeating: "關於加快先進製造業集群開放創新發展的意見。到2025年，營業收入超過四千三百億元。", count: 4)
        let decoded = try TextDecoder.decode(try #require(TextEncoder.encode(traditional, charset: "Big5")), path: "a")
        #expect(decoded.encoding == "Big5")
        #expect(makeString(decoded.scalars) == traditional)
    }

    @Test func directoryIsNotAFile() {
        do { _ = try FileInput.read(Repo.docs.path); Issue.record("no error") } catch let e as InputError {
            #expect(e.reason == .notAFile)
            #expect(e.description.hasPrefix(Repo.docs.path))
        } catch { Issue.record("\(error)") }
    }
}
