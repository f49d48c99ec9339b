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

    @Test func traditionalIsConvertedForMatching() {
        let r = DocumentExtractor().extract(text: "到二〇二五年，營業收入達到一千二百億元，規模以上企業達到650家。")
        #expect(r.info.convertedTraditional)
        #expect(r.amounts().map(\.text) == ["一千二百億元"])
        #expect(r.amounts().first?.q == "reach")
    }

    /// Four distinct Traditional characters make a document Traditional, wherever the fourth stands (the
    /// folding pass starts over, converting, when it meets it), also after characters that NFKC expands;
    /// three do not.
    @Test func traditionalThresholdIsFoundWhereverTheFourthStands() {
        let sentence = "到2025年，营业收入达到1200亿元。"
        for (extra, converted) in [("關於發", false), ("關於發國", true), ("關關於於發發", false), ("國關於發", true)] {
            let head = String(extra.prefix(2)), tail = String(extra.dropFirst(2))
            // NFKC expands ㍻ (one character, two) and ㈱ (one, three), before and after the Traditional ones.
            for text in ["㍻㈱\(extra)。\(sentence)", "㍻\(head)。\(sentence)㈱\(tail)", "\(sentence)㍻㈱\(extra)"] {
                let r = DocumentExtractor().extract(text: text)
                #expect(r.info.convertedTraditional == converted, "\(text)")
                let normalized = makeString(r.text.chars)
                #expect(normalized.contains("平成") && normalized.contains("(株)"), "\(normalized)")
                #expect(normalized.contains("关") == converted && normalized.contains("關") == !converted, "\(normalized)")
                #expect(r.amounts().map(\.yi) == ["1200"], "\(text)")
                for a in r.items(AmountMatcher.id) { #expect(makeString(r.text.original[a.span.start..<a.span.end]) == a.text) }
            }
        }
    }
}

/// The folding pass notes where spaces and ASCII commas stand for the digit-group pass; what it notes must
/// give the same text as finding them by a pass of their own, also where lines are rejoined before, where
/// NFKC makes spaces (ideographic, no-break and thin spaces) and where the pass starts over for Traditional.
@Suite struct SeparatorTests {
    @Test func separatorsNotedWhileFoldingGiveTheSameTextAsAScan() {
        let pieces = ["3", "929", ".90", "亿元", " ", "  ", "\u{3000}", "\u{00A0}", "\u{2009}", ",", "，", "000", "8,000,000.00",
                      "山 东 省", "到 2020 年", "\n", "发展", "經濟", "關於發國", "㍻", "(一)", "。", "、", "A B", "5 %", "\t"]
        var rng = SplitMix(state: 1008)
        // The fixtures as decoded (the GB18030 and Big5 ones too).
        let fixtures = Repo.fixtureNames.compactMap { name -> String? in
            let path = Repo.docs.appendingPathComponent(name).path
            guard let bytes = try? FileInput.read(path), let d = try? TextDecoder.decode(bytes, path: path) else { return nil }
            return makeString(d.scalars)
        }
        #expect(fixtures.count == Repo.fixtureNames.count)
        var texts = fixtures
        for _ in 0..<400 { texts.append((0..<Int.random(in: 1...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()) }
        // Fixture paragraphs broken across lines (rejoined before the digit-group pass).
        for f in fixtures { texts.append(f.replacingOccurrences(of: "，", with: "，\n")) }
        for text in texts {
            let original = scalars(text)
            let noted = TextNormalizer.normalize(original)
            let scanned = TextNormalizer.normalize(original, html: false, scanForSeparators: true)
            #expect(noted.chars == scanned.chars && noted.origin == scanned.origin, "\(text.prefix(80))")
        }
    }
}

/// Ranges cut out of the normalizer's arrays in place keep exactly the elements outside them, in order.
@Suite struct RemoveRangesTests {
    @Test func removingRangesInPlaceKeepsTheRestInOrder() {
        var rng = SplitMix(state: 1009)
        for _ in 0..<500 {
            let n = Int.random(in: 0...200, using: &rng)
            var ranges: [Range<Int>] = []
            var at = 0
            while at < n {
                let gap = Int.random(in: 0...20, using: &rng), length = Int.random(in: 1...6, using: &rng)
                let lower = at + gap
                if lower >= n { break }
                ranges.append(lower..<min(n, lower + length))
                at = ranges.last!.upperBound
            }
            var a = (0..<n).map { UInt32($0) }
            let expected = a.indices.filter { i in !ranges.contains { $0.contains(i) } }.map { UInt32($0) }
            removeRanges(&a, ranges)
            #expect(a == expected, "\(n) \(ranges)")
        }
    }
}

/// The normalizer's character tables are built at start-up in few ICU calls; built one character at a time
/// (the way each character is normalized by itself) they must come out the same.
@Suite struct NormalizationTableTests {
    @Test func batchedNFKCEqualsOneCharacterAtATime() {
        let batched = NormalizationTables.foldTable(batched: true)
        let single = NormalizationTables.foldTable(batched: false)
        #expect(batched.index == single.index)
        #expect(batched.pool == single.pool)
        // Some characters the table must fold: full-width A, the ideographic space, ㎡, ①, half-width ｶ.
        for (c, folded) in [(0xFF21, [0x41]), (0x3000, [0x20]), (0x33A1, [0x6D, 0x32]), (0x2460, [0x31]), (0xFF76, [0x30AB])] as [(Int, [UInt32])] {
            #expect(batched.index[c] >= 0 && batched.pool[Int(batched.index[c])] == folded, "U+\(String(c, radix: 16))")
        }
    }

    @Test func chunkedTransliterationEqualsOneCall() {
        let chunked = NormalizationTables.simplifiedTable(chunk: 512)
        let whole = NormalizationTables.simplifiedTable(chunk: 0x9FFF - 0x4E00 + 1)
        #expect(chunked == whole)
        // 營 → 营, 億 → 亿, 達 → 达; 中 has no other form.
        for (t, s) in [(0x71DF, 0x8425), (0x5104, 0x4EBF), (0x9054, 0x8FBE), (0x4E2D, 0)] as [(Int, UInt32)] {
            #expect(chunked[t - 0x4E00] == s)
        }
    }
}

@Suite struct PipelineDefinitionTests {
    @Test func embeddedDefaultEqualsPipelinesFolder() throws {
        let fm = FileManager.default
        var onDisk: [String: String] = [:]
        let base = Repo.pipelines.path
        let walker = fm.enumerator(atPath: base)!
        while let rel = walker.nextObject() as? String {
            guard rel.hasSuffix(".json") || rel.hasSuffix(".tsv") || rel.hasSuffix(".txt") else { continue }
            onDisk[rel] = try String(contentsOfFile: base + "/" + rel, encoding: .utf8)
        }
        #expect(onDisk.keys.sorted() == DefaultPipelineFiles.files.keys.sorted(), "run scripts/embed-default-pipeline.py")
        for (k, v) in onDisk { #expect(DefaultPipelineFiles.files[k] == v, "\(k) differs from the embedded copy: run scripts/embed-default-pipeline.py") }
    }

    @Test func loadsFromFolderAndRejectsUnknownNames() throws {
        let p = try PipelineDefinition.load(path: Repo.pipelines.appendingPathComponent("default.json").path)
        #expect(p.spec.matchers == PipelineDefinition.builtIn.spec.matchers)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bad = dir.appendingPathComponent("p.json")
        try #"{"name":"x","stages":["decode","normalize","segment","extract","emit"],"matchers":["amount","nope"],"lexicons":{}}"#.write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: PipelineError.self) { try PipelineDefinition.load(path: bad.path) }
        let reordered = dir.appendingPathComponent("r.json")
        try #"{"name":"x","stages":["decode","segment","normalize","extract","emit"],"matchers":["amount"],"lexicons":{}}"#.write(to: reordered, atomically: true, encoding: .utf8)
        #expect(throws: PipelineError.self) { try PipelineDefinition.load(path: reordered.path) }
        // A pipeline without resolve and validate runs, and finds no targets.
        let lean = dir.appendingPathComponent("lexicons")
        try FileManager.default.copyItem(at: Repo.pipelines.appendingPathComponent("lexicons"), to: lean)
        var spec = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: Repo.pipelines.appendingPathComponent("default.json"))) as? [String: Any])
        spec["stages"] = ["decode", "normalize", "segment", "extract", "emit"]
        let leanPath = dir.appendingPathComponent("lean.json")
        try JSONSerialization.data(withJSONObject: spec).write(to: leanPath)
        let p2 = try PipelineDefinition.load(path: leanPath.path)
        #expect(!p2.runs("resolve"))
        let r = DocumentExtractor(pipeline: p2).extract(text: "到2025年,营业收入达到1200亿元。")
        #expect(r.targets.isEmpty)
        #expect(r.items(AmountMatcher.id).count == 1)
    }
}

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

/// Control characters are found wherever they stand; tab, line feed, carriage return and form feed are text.
@Suite struct ControlCharacterTests {
    @Test func foundAtEveryPosition() {
        let allowed: [UInt32] = [0x09, 0x0A, 0x0D, 0x0C]
        for n in 1...40 {
            for at in 0..<n {
                var text = (0..<n).map { k in k % 5 == 0 ? allowed[k % allowed.count] : UInt32(0x4E00 + k) }
                #expect(TextDecoder.firstControl(text) == nil)
                text[at] = at % 2 == 0 ? 0x00 : 0x1B
                #expect(TextDecoder.firstControl(text) == at, "length \(n), control at \(at)")
            }
        }
    }

    /// The UTF-8 decoder finds them on its way (ASCII read four bytes at a time, one at a time, and in the
    /// last bytes), among ASCII and Chinese text and the allowed controls, and decoding refuses the file.
    @Test func foundByTheUTF8Decoder() throws {
        for n in 1...40 {
            for at in 0..<n {
                for control: UInt32 in [0x00, 0x1B, 0x1F] {
                    let allowed: [UInt32] = [0x09, 0x0A, 0x0D, 0x0C]
                    var text: [UInt32] = []
                    for k in 0..<n {
                        if k % 5 == 0 { text.append(allowed[k % 4]) } else if k % 3 == 0 { text.append(UInt32(0x4E00 + k)) } else { text.append(UInt32(0x41 + k % 26)) }
                    }
                    let clean = Array(makeString(text).utf8)
                    text[at] = control
                    let bytes = Array(makeString(text).utf8)
                    let outcome = bytes.withUnsafeBufferPointer { UTF8Scanner.decode($0) }
                    guard case .success(let scalars, let found) = outcome else { Issue.record("not decoded"); continue }
                    #expect(scalars == text && found == at, "length \(n), control at \(at)")
                    #expect(throws: InputError.self) { try TextDecoder.decode(bytes, path: "a") }
                    if case .success(_, let none) = clean.withUnsafeBufferPointer({ UTF8Scanner.decode($0) }) { #expect(none == nil) }
                }
            }
        }
    }
}

/// The strict UTF-8 scanner against the standard library's validation, on random and edge-case bytes.
@Suite struct UTF8ScannerTests {
    @Test func agreesWithStandardLibrary() {
        var rng = SplitMix(state: 1010)
        let pieces: [[UInt8]] = [
            [0x41], [0xE4, 0xB8, 0xAD], [0xEF, 0xBC, 0x8C], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xC0, 0xAF], [0xC2, 0xA9], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xE4, 0xB8], [0x80], [0xE9], [0x0A], [0x01], [0x1F], [0x09, 0x0D, 0x0C], [0x41, 0x42, 0x43],
        ]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            let expected = String(validating: bytes, as: UTF8.self).map { $0.unicodeScalars.map(\.value) }
            let got: [UInt32]? = bytes.withUnsafeBufferPointer { buffer in
                if case .success(let scalars, let control) = UTF8Scanner.decode(buffer) {
                    #expect(control == TextDecoder.firstControl(scalars))
                    return scalars
                }
                return nil
            }
            #expect(got == expected, "\(bytes.map { String($0, radix: 16) })")
        }
    }

    /// Long runs of three-byte sequences (read twelve bytes at a time), with an overlong form, a
    /// surrogate, a truncated sequence or an ASCII byte at any place in the run.
    @Test func threeByteRunsAgreeWithStandardLibrary() {
        var rng = SplitMix(state: 1011)
        let valid: [[UInt8]] = [[0xE4, 0xB8, 0xAD], [0xEF, 0xBC, 0x8C], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xE9, 0xBF, 0xBF]]
        let odd: [[UInt8]] = [[0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xE4, 0xB8], [0x41], [0xC2, 0xA9], [0xE4, 0x38, 0xAD]]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            let length = Int.random(in: 0...20, using: &rng)
            let oddAt = Int.random(in: -1..<max(length, 1), using: &rng)
            for k in 0..<length { bytes += k == oddAt ? odd.randomElement(using: &rng)! : valid.randomElement(using: &rng)! }
            let expected = String(validating: bytes, as: UTF8.self).map { $0.unicodeScalars.map(\.value) }
            let got: [UInt32]? = bytes.withUnsafeBufferPointer { buffer in
                if case .success(let scalars, let control) = UTF8Scanner.decode(buffer) {
                    #expect(control == TextDecoder.firstControl(scalars))
                    return scalars
                }
                return nil
            }
            #expect(got == expected, "\(bytes.map { String($0, radix: 16) })")
        }
    }
}

/// Strings made from scalar values (copied in without being validated again) against the standard
/// library's own: the same bytes, characters, equality and hash, at every length from empty to long; values
/// that are not scalars (surrogates, beyond U+10FFFF) are left out.
@Suite struct MakeStringTests {
    @Test func agreesWithStandardLibrary() {
        var rng = SplitMix(state: 1012)
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0x80...0x7FF, 0x4E00...0x9FFF, 0xE000...0xFFFD, 0x10000...0x10FFFF]
        for _ in 0..<3000 {
            let length = Int.random(in: 0...80, using: &rng)
            let asciiOnly = Bool.random(using: &rng)
            var values: [UInt32] = (0..<length).map { _ in
                (asciiOnly ? pools[0] : pools.randomElement(using: &rng)!).randomElement(using: &rng)!
            }
            var expectedScalars = values.compactMap(Unicode.Scalar.init)
            if !asciiOnly, length > 0, Bool.random(using: &rng) {
                values.insert([0xD800, 0xDFFF, 0x110000].randomElement(using: &rng)!, at: Int.random(in: 0...values.count, using: &rng))
                expectedScalars = values.compactMap(Unicode.Scalar.init)
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: expectedScalars)
            let expected = String(view)
            let made = makeString(values)
            #expect(made == expected)
            #expect(Array(made.utf8) == Array(expected.utf8))
            #expect(made.count == expected.count)
            #expect(made.hashValue == expected.hashValue)
            #expect(Set([made, expected]).count == 1)
        }
        #expect(makeString(scalars("abc")) == "abc" && makeString(scalars("abc")).hasPrefix("ab"))
        #expect(makeString(scalars("集群 ")).trimmingSpaces == "集群")
        // Characters left out, and texts long enough for the buffer not to be on the stack.
        for length in [1, 7, 100, 5_000, 70_000] {
            var values: [UInt32] = []
            for k in 0..<length {
                if k % 3 == 0 { values.append(0x20) } else if k % 5 == 0 { values.append(0x41) } else { values.append(UInt32(0x4E00 + k % 500)) }
            }
            let kept = values.filter { $0 != 0x20 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: kept.compactMap(Unicode.Scalar.init))
            #expect(makeString(values, without: { $0 == 0x20 }) == String(view))
            #expect(makeString(values, without: { _ in true }) == "")
            let utf8Length = values.reduce(0) { (sum: Int, c: UInt32) in sum + (c < 0x80 ? 1 : 3) }
            #expect(Array(makeString(values).utf8).count == utf8Length)
        }
    }
}
