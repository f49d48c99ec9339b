import Foundation
import Testing
@testable import PolicyExtract

/// Language knowledge lives under `Pipelines/lexicons`, not in Swift: no source file writes a CJK or
/// full-width character as a hex literal.
@Suite struct SourceKnowledgeTests {
    /// Files allowed CJK hex literals while their knowledge is being moved to lexicons: none.
    static let pendingFiles: Set<String> = []

    /// CJK symbols and punctuation through the unified ideographs, and the half-width and full-width forms.
    static let knowledgeRanges: [ClosedRange<Int>] = [0x3000...0x9FFF, 0xFF00...0xFFEF]

    /// `file:line: literal` for every hex literal in `text` whose value falls in `knowledgeRanges`.
    static func cjkHexLiterals(in text: String, file: String) -> [String] {
        var found: [String] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(line)
            var i = 0
            while i + 2 < chars.count {
                let before: Character? = i > 0 ? chars[i - 1] : nil
                if chars[i] == "0", chars[i + 1] == "x", !(before.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false) {
                    var j = i + 2
                    while j < chars.count, chars[j].isHexDigit || chars[j] == "_" { j += 1 }
                    let digits = String(chars[(i + 2)..<j]).replacingOccurrences(of: "_", with: "")
                    if let v = Int(digits, radix: 16), knowledgeRanges.contains(where: { $0.contains(v) }) {
                        found.append("\(file):\(n + 1): 0x\(digits)")
                    }
                    i = j
                } else {
                    i += 1
                }
            }
        }
        return found
    }

    @Test func noCJKHexLiteralInSources() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        var found: [String] = []
        for file in files.sorted() where !Self.pendingFiles.contains(file) {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            found += Self.cjkHexLiterals(in: text, file: "Sources/" + file)
        }
        #expect(found.isEmpty, "CJK or full-width characters written as hex literals (move them to Pipelines/lexicons):\n\(found.joined(separator: "\n"))")
        for file in Self.pendingFiles { #expect(files.contains(file), "\(file) is listed as pending but does not exist") }
    }

    @Test func literalsAreFound() {
        let sample = "let a = 0x3002\nlet b = c & 0x8080_8080\nif u == 0xFF0C || u == 0x20 { }\nlet d = x0x4E00"
        #expect(Self.cjkHexLiterals(in: sample, file: "S.swift") == ["S.swift:1: 0x3002", "S.swift:3: 0xFF0C"])
    }

    /// Branches that test full-width forms after normalization are dead: the folding pass leaves no assigned
    /// character of the half-width and full-width forms block, and makes full-width ASCII and the
    /// ideographic space ASCII (so `，；：（` reach the classifier and the scanners as `,;:(`).
    @Test func foldingLeavesNoFullWidthForm() {
        for c in UInt32(0xFF00)...0xFFEF {
            guard let scalar = Unicode.Scalar(c), scalar.properties.generalCategory != .unassigned else { continue }
            let folded = TextNormalizer.normalize([0x7532, c, 0x4E59]).chars  // 甲 c 乙
            #expect(!folded.contains { (0xFF00...0xFFEF).contains($0) }, "U+\(String(c, radix: 16)) stays \(folded)")
            if (0xFF01...0xFF5E).contains(c) { #expect(folded.contains(c - 0xFEE0), "U+\(String(c, radix: 16)) is not folded to ASCII") }
        }
        #expect(TextNormalizer.normalize(scalars("（一）总体要求，目标；任务：")).chars == scalars("(一)总体要求,目标;任务:"))
        #expect(TextNormalizer.normalize([0x7532, 0x3000, 0x4E59, 0x3000, 0x31]).chars.allSatisfy { $0 != 0x3000 })
    }

    /// Every role of the text lexicons is read, and a missing one is an error that names its file.
    @Test func textLexiconNamesTheFileOfAMissingRole() throws {
        var files = DefaultPipelineFiles.files
        _ = try TextLexicon(files: files)
        files[TextLexicon.charactersFile] = files[TextLexicon.charactersFile]!.replacingOccurrences(of: "full_stop\t", with: "#")
        #expect(throws: PipelineError.self) { try TextLexicon(files: files) }
        do { _ = try TextLexicon(files: files) } catch {
            #expect("\(error)".contains("text-characters.tsv") && "\(error)".contains("full_stop"), "\(error)")
        }
        files = DefaultPipelineFiles.files
        files[TextLexicon.numeralsFile] = nil
        do { _ = try TextLexicon(files: files); Issue.record("no error") } catch {
            #expect("\(error)".contains("chinese-numerals.tsv"), "\(error)")
        }
    }

    /// The numeral lexicon gives the values the scanners read.
    @Test func numeralValues() {
        #expect(scalars("〇零○◯一二两三四五六七八九").map(CharClass.chineseDigit) == [0, 0, 0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(scalars("十百千万亿").map(CharClass.chinesePlace) == [10, 100, 1000, 10_000, 100_000_000])
        #expect(scalars("十百千万亿〇一").allSatisfy(CharClass.isChineseNumeral))
        #expect(!scalars("年月日元个0").contains(where: CharClass.isChineseNumeral))
        #expect(CharClass.chineseDigit(scalars("十")[0]) == nil && CharClass.chinesePlace(scalars("一")[0]) == nil)
    }

    /// The classes read from `text-characters.tsv` are the ones the code wrote out before (Unicode blocks;
    /// clause breaks in folded text).
    @Test func characterClassesAsBefore() {
        for c in UInt32(0)..<0x40010 {
            let han = (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3007 || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF)
            let punct = (c >= 0x3001 && c <= 0x303F && c != 0x3007) || (c >= 0x2010 && c <= 0x2027) || c == 0xB7
            let clause = [0x2C, 0x3B, 0x3002, 0x3A, 0x21, 0x3F, 0x0A].contains(c)
            if CharClass.isHan(c) != han || CharClass.isCJKPunct(c) != punct || CharClass.isClauseBreak(c) != clause {
                Issue.record("U+\(String(c, radix: 16))"); break
            }
        }
    }
}
