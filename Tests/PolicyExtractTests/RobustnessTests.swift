import Testing
import Foundation
@testable import PolicyExtract

/// Short texts made of the characters the scanners look at, in random order: the pipeline must finish
/// every one (a trap would stop the test run) and keep its span invariant.
@Suite struct RobustnessTests {
    static let alphabet = Array("一二三四五六七八九十百千万亿元〇○零两年月日号〔〕[]()（）【】、，。；：:！？%％个家项到至超过达以上左右级·—-~ \t\n#*|“”《》0123456789.,牵头单位责任单位抄送印发关于的通知集群产业省市县局厅委办占比例分别为增长百分之点文件本报讯<>&;")

    @Test func randomShortTextsNeverTrap() {
        var rng = SplitMix(state: 20_261_125)
        let extractor = DocumentExtractor()
        for i in 0..<800 {
            let n = Int.random(in: 1...60, using: &rng)
            let text = String((0..<n).map { _ in Self.alphabet.randomElement(using: &rng)! })
            let r = extractor.extract(text: text, id: "r\(i)")
            for items in r.items.values {
                for item in items {
                    #expect(makeString(r.text.original[item.span.start..<item.span.end]) == item.text)
                }
            }
            _ = DocumentJSON.object(r).serialized()
        }
    }

    /// Figures no 64-bit integer holds, written every way a document can: each once stopped the program
    /// (an arithmetic overflow or a Double too large for Int64). The pipeline must finish, keep its spans,
    /// and read such a figure as no value rather than a wrong one.
    @Test func figuresBeyond64BitsNeverTrap() {
        let extractor = DocumentExtractor()
        let texts = [
            // Chinese digits read one by one: 23 of them.
            "营业收入达到一二三四五六七八九〇一二三四五六七八九〇一二三亿元。",
            // 万 and 亿 groups beyond 9.2 × 10^18 (ICU gives up; the plain reading must too).
            "达到九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九亿元。",
            "达到三千八百三十万亿亿亿元，两万万元，十十十十元，〇〇〇〇亿元，百百百亿元。",
            // A Chinese percentage with more decimals than 64 bits hold.
            "比重达到百分之三十点一二三四五六七八九一二三四五六七八九一二三四五六七八九。",
            // A table whose figures make a growth rate beyond 64 bits at two decimals.
            "2020—2023年全市地区生产总值增长12.5%。\n表1\n指标\t2020年\t2023年\n全市\t0.000001\t99999999999999999\n",
            // A share whose part is astronomically larger than its total (1e+19 %).
            "共有1家,其中济南市拥有99999999999999999家,占全省比例为12.3%。",
            // Parts of a total whose exact sum needs more than 64 bits (19 decimals against 10^7).
            "一、总体要求\n（三）发展目标。到2025年，“231”产业集群营业收入超过100亿元。\n二、重点任务\n（一）高端装备产业集群\n1.发展目标\n到2025年，营业收入达到1.000000000000000001亿元。\n（二）高端化工产业集群\n1.发展目标\n到2025年，营业收入达到92233720亿元。\n",
        ]
        for (i, text) in texts.enumerated() {
            let r = extractor.extract(text: text, id: "big\(i)")
            for items in r.items.values {
                for item in items {
                    #expect(makeString(r.text.original[item.span.start..<item.span.end]) == item.text)
                }
            }
            _ = DocumentJSON.object(r).serialized()
        }
        // The share is reported in Double notation; parts too large to add exactly are not checked.
        #expect(extractor.extract(text: texts[5]).findings.map(\.computed) == ["1e+19% (99999999999999999家 / 1家)"])
        #expect(extractor.extract(text: texts[6]).targets.count == 3)
        #expect(!extractor.extract(text: texts[6]).findings.contains { $0.check == PartsTotalCheck.id })
        // The unreadable numerals are no amounts at all.
        #expect(extractor.extract(text: texts[0]).amounts().isEmpty)
        #expect(extractor.extract(text: texts[1]).amounts().isEmpty)
        // The building blocks, directly.
        #expect(ChineseNumeralReader.parse(scalars("九千万亿亿亿")) == nil)
        #expect(ChineseNumeralReader.parse(scalars("三千八百三十万")) == 38_300_000)
        #expect(ChineseNumeralReader().value(scalars("一二三四五六七八九〇一二三四五六七八九〇")[...]) == nil)
        #expect(ChineseNumeralReader().value(scalars("二〇二五")[...]) == 2025)
        #expect(ExactDecimal.sum(ExactDecimal(significand: Int64.max, exponent: 0), ExactDecimal(significand: 1, exponent: -1)) == nil)
        #expect(ExactDecimal.sum(ExactDecimal(significand: 12, exponent: 0), ExactDecimal(significand: 5, exponent: -1)) == ExactDecimal(significand: 125, exponent: -1))
        #expect(decimalText(1e30, 2) == "1e+30")
        #expect(decimalText(12.3158, 2) == "12.32")
    }

    /// Whole documents changed the way real files are: lines dropped, repeated and moved, figures, brackets,
    /// spaces and line breaks put in. Each one, read as UTF-8, keeps every span on its text; its GB18030 and
    /// UTF-16 copies give the same records; and with bytes overwritten it is either read (spans kept) or
    /// refused with an `InputError` that names a byte offset inside the file, never a trap.
    @Test func mutatedDocumentsKeepSpansAndAgreeAcrossEncodings() throws {
        var rng = SplitMix(state: 20_261_202)
        let extractor = DocumentExtractor()
        let pieces = Self.alphabet.map { String($0) } + ["到2025年，", "3 929.90亿元", "8,000,000.00", "鲁商发〔2016〕3号", "超1000亿",
            "千亿级", "百分之三十", "１２３", "\u{3000}", "\u{200B}", "\r\n", "\n\n", "一、", "（一）", "1.", "（1）", "## ", "\t"]
        var read = 0, refused = 0
        for name in Repo.fixtureNames {
            let bytes = try FileInput.read(Repo.docs.appendingPathComponent(name).path)
            guard let source = String(validating: bytes, as: UTF8.self) else { continue }  // the legacy-encoded ones
            var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                let i = Int.random(in: 0..<lines.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: if lines.count > 1 { lines.remove(at: i) }
                case 1: lines.insert(lines[Int.random(in: 0..<lines.count, using: &rng)], at: i)
                case 2: lines.swapAt(i, Int.random(in: 0..<lines.count, using: &rng))
                default:
                    var line = Array(lines[i])
                    for _ in 0..<Int.random(in: 1...6, using: &rng) {
                        line.insert(contentsOf: pieces.randomElement(using: &rng)!, at: Int.random(in: 0...line.count, using: &rng))
                    }
                    lines[i] = String(line)
                }
            }
            let text = lines.joined(separator: "\n")
            // A short document can lose every line: an empty file is refused, as it should be (tested elsewhere).
            if text.allSatisfy(\.isWhitespace) { continue }
            let utf8 = Array(text.utf8)
            let r = try extractor.extract(bytes: utf8, path: name, id: "m")
            expectSpansSliceBack(r, name)
            let expected = FixtureTests.records(r)
            var utf16le: [UInt8] = [0xFF, 0xFE]
            for u in text.utf16 { utf16le.append(UInt8(u & 0xFF)); utf16le.append(UInt8(u >> 8)) }
            for (label, copy) in [("GB18030", TextEncoder.encode(text, charset: "GB18030")!), ("UTF-16LE", utf16le)] {
                let c = try extractor.extract(bytes: copy, path: name, id: "m")
                #expect(c.info.encoding == label, "mutated \(name) detected as \(c.info.encoding)")
                #expect(FixtureTests.records(c) == expected, "mutated \(name) as \(label)")
            }
            // Bytes overwritten (mostly refused: UTF-8 broken, and neither GB18030 nor Big5), and the file cut
            // at any byte (read when the cut falls between characters).
            var overwritten = utf8
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                overwritten[Int.random(in: 0..<overwritten.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            let cut = Array(utf8[..<Int.random(in: 1..<utf8.count, using: &rng)])
            for damaged in [overwritten, cut] {
                do {
                    expectSpansSliceBack(try extractor.extract(bytes: damaged, path: name, id: "d"), name)
                    read += 1
                } catch let e as InputError {
                    #expect(e.path == name)
                    if let offset = e.byteOffset { #expect(offset >= 0 && offset < damaged.count, "\(name): offset \(offset)") }
                    refused += 1
                }
            }
        }
        #expect(read + refused >= 40)
    }

    @Test func htmlFragmentsNeverTrap() {
        var rng = SplitMix(state: 7)
        for _ in 0..<300 {
            let n = Int.random(in: 1...40, using: &rng)
            let text = String((0..<n).map { _ in Self.alphabet.randomElement(using: &rng)! })
            let t = TextNormalizer.normalize(text.unicodeScalars.map(\.value), html: true)
            #expect(t.origin.allSatisfy { Int($0) < max(1, t.original.count) })
        }
    }
}

/// The output of every synthetic shape grows in proportion to its input (each record repeats its sentence,
/// so a sentence that grew with the document once made the output grow with its square). Output size is
/// deterministic; the time of the same shapes is measured by `bench --scaling`, never asserted here.
@Suite struct ScalingTests {
    @Test(arguments: ScalingShapes.all.map(\.name))
    func outputGrowsInProportion(_ name: String) throws {
        let shape = try #require(ScalingShapes.all.first { $0.name == name })
        let extractor = DocumentExtractor()
        func outputBytes(_ n: Int) -> Int { DocumentJSON.withBytes(extractor.extract(text: shape.make(n), id: "s")) { $0.count } }
        let small = outputBytes(100), large = outputBytes(400)
        #expect(small > 0)
        let ratio = Double(large) / Double(small)
        #expect(ratio > 3 && ratio < 4.6, "\(name): output ×\(ratio) for 4× the input")
    }
}
