import ICUBridge

/// One node of a document's heading hierarchy.
public struct Section: Sendable {
    public enum Kind: String, Sendable, Codable { case root, header, title, article, heading, table }
    package var index: Int
    package var kind: Kind
    /// Heading texts from the top, e.g. `["二、重点任务", "(一)高端装备产业集群", "1.发展目标"]`.
    package var path: [String]
    /// 0 for a title or markdown `#`, 1 for `一、`, 2 for `(一)`, 3 for `1.`, 4 for `(1)`.
    package var rank: Int
    /// The heading line (normalized range), when the section has one.
    package var headingRange: Range<Int>?
    package var article: Int
}

/// A unit of text that a value is reported within: a sentence, a heading line, a table row.
package struct TextUnit: Sendable {
    package enum Kind: String, Sendable { case sentence, heading, title, header, tableRow = "table_row" }
    package var kind: Kind
    package var range: Range<Int>
    package var section: Int
    package var paragraph: Int
}

/// A tab-separated (or `|`-separated) table.
package struct Table: Sendable {
    package var index: Int
    package var section: Int
    /// Rows of cell ranges (normalized); row 0 is the header row.
    package var rows: [[Range<Int>]]
    /// The line just above the table, when it reads like a caption or a unit line (`单位：人民币元`).
    package var captionRanges: [Range<Int>]
    package var range: Range<Int>
}

/// The 公文 header block: issuing organs, the 文件 line and the document number line.
package struct HeaderBlock: Sendable {
    package var organs: [Range<Int>]
    package var range: Range<Int>
}

package struct Article: Sendable {
    package var index: Int
    package var title: String
    package var range: Range<Int>
}

/// The segmented document.
package struct DocumentStructure: Sendable {
    package var title: String?
    package var titleRange: Range<Int>?
    /// Organs named on the title line before 关于 (`中共济宁市委 济宁市人民政府 关于…`).
    package var titleOrgans: [Range<Int>] = []
    package var header: HeaderBlock?
    package var sections: [Section]
    package var units: [TextUnit]
    package var tables: [Table]
    package var articles: [Article]
    package var paragraphs: [Range<Int>]

    /// The unit holding normalized offset `i` (nil for blank text).
    package func unit(at i: Int) -> TextUnit? {
        var lo = 0, hi = units.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = units[mid].range
            if i < r.lowerBound { hi = mid - 1 } else if i >= r.upperBound { lo = mid + 1 } else { return units[mid] }
        }
        return nil
    }

    /// The index of the last article that starts at or before `i` (0 before any). Articles are in document
    /// order: a binary search (a scan of every article for each item grew with items × articles: 80 000
    /// short articles of one figure each took 26 s).
    package func article(at i: Int) -> Int {
        var lo = 0, hi = articles.count  // the first article starting after i is in lo..<hi … hi
        while lo < hi {
            let mid = (lo + hi) / 2
            if articles[mid].range.lowerBound <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? 0 : articles[lo - 1].index
    }
}

/// Segment — finds the header block, title, heading hierarchy, articles, paragraphs, sentences and
/// tables of a normalized document.
package final class Segmenter {
    private let breaker = SentenceBreaker()
    /// Buffers `sentences` keeps from one paragraph to the next.
    private var unitScratch: [UInt16] = []
    private var cutScratch: [Int] = []
    private var semicolonScratch: [Int] = []
    /// For each unit given to the sentence iterator, the scalar it stands for.
    private var unitScalarScratch: [Int32] = []
    /// One byte per BMP character, from ICU's Sentence_Break values: bit 0 for OLetter (a run may begin
    /// with it), bit 1 for the values a run may go on through (see `sentences`).
    static let sentenceClasses: [UInt8] = {
        let values = SentenceBreak.planeValues()
        let quiet: Set<SentenceBreak> = [.oLetter, .sContinue, .close, .numeric, .other]
        let flags = SentenceBreak.allCases.map { v in
            UInt8(v == .oLetter ? 1 : 0) | UInt8(quiet.contains(v) ? 2 : 0)
                | UInt8(v == .sTerm || v == .aTerm ? Segmenter.terminatorClass : 0) | UInt8(v == .sep || v == .cr || v == .lf ? Segmenter.separatorClass : 0)
                | UInt8(v == .close || v == .sp ? Segmenter.closingClass : 0)
        }
        return values.map { flags[Int($0.rawValue)] }
    }()
    /// Further bits of `sentenceClasses`: a terminator (STerm, ATerm), a paragraph separator (Sep, CR, LF), a
    /// closing mark or space (Close, Sp).
    static let terminatorClass: UInt8 = 4, separatorClass: UInt8 = 8, closingClass: UInt8 = 16

    /// True when the units of a paragraph hold no separator and no terminator before their final run of
    /// terminators, closing marks and spaces: UAX #29 breaks a sentence only after a separator (SB4) or after a
    /// terminator and the closing marks and spaces that follow it (SB11), so such a paragraph is one sentence
    /// and the iterator need not be asked (about half of the paragraphs: headings, list items, short lines).
    static func isOneSentence(_ units: UnsafeBufferPointer<UInt16>, _ classes: UnsafeBufferPointer<UInt8>) -> Bool {
        var afterTerminator = false
        for u in units {
            let t = classes[Int(u)]
            if t & separatorClass != 0 { return false }
            if t & terminatorClass != 0 { afterTerminator = true } else if afterTerminator && t & closingClass == 0 { return false }
        }
        return true
    }
    /// Whether a run that begins with an OLetter reaches the sentence iterator as its first character (see
    /// `sentences`); off only in the test that compares both ways.
    var collapsesIdeographs = true
    /// The longest sentence kept whole, in characters (the fixtures' longest is 426).
    static let maxSentence = 1_000
    /// The words a document's head is read by (`lexicons/title-words.tsv`): the document types a title ends
    /// with (…的通知), the word before a title's subject (关于), the end of a header's 文件 line, and the
    /// opening of a newspaper article (本报讯).
    static let docTypeWords = TextLexicon.standard.docTypes
    static let about = TextLexicon.standard.about
    static let fileLine = TextLexicon.standard.fileLine
    static let newsLead = TextLexicon.standard.newsLead
    static let fullStop = TextLexicon.standard.fullStop, enumerationComma = TextLexicon.standard.enumerationComma

    package init() {}

    struct Line {
        var range: Range<Int>  // trimmed
        var blank: Bool { range.isEmpty }
    }

    package func segment(_ text: NormalizedText) -> DocumentStructure {
        let chars = text.chars
        let lines = LineClassifier.lines(chars).map { Line(range: $0.range) }
        var structure = DocumentStructure(sections: [Section(index: 0, kind: .root, path: [], rank: -1, headingRange: nil, article: 0)],
                                          units: [], tables: [], articles: [], paragraphs: [])
        let nonBlank = lines.indices.filter { !lines[$0].blank }
        // Room for a unit per line and per sentence (one per ~25 characters here) and a paragraph per line,
        // made once rather than by doubling.
        structure.units.reserveCapacity(nonBlank.count + chars.count / 16)
        structure.paragraphs.reserveCapacity(nonBlank.count)
        // Header block: organs, a 文件 line, a document number line, near the top.
        var bodyStartLine = 0
        var headerEndLine = -1
        var fileLine = -1
        for li in nonBlank.prefix(20) {
            let r = lines[li].range
            if r.count <= 30, text.has(Self.fileLine, endingAt: r.upperBound), fileLine < 0 { fileLine = li }
            if r.count <= 30, DocNumberMatcher.lineIsDocNumber(text, r) { headerEndLine = li; break }
            // Header lines are short names, never sentences.
            if r.count > 40 || r.contains(where: { chars[$0] == Self.fullStop }) { break }
        }
        if headerEndLine >= 0 || fileLine >= 0 {
            let end = max(headerEndLine, fileLine)
            var organs: [Range<Int>] = []
            let organEnd = fileLine >= 0 ? fileLine : end
            for li in nonBlank where li <= organEnd {
                var r = lines[li].range
                if li == fileLine { r = r.lowerBound..<(r.upperBound - Self.fileLine.count) }
                if !r.isEmpty, li < end || li == fileLine { organs.append(r) }
            }
            let first = nonBlank.first ?? 0
            let range = lines[first].range.lowerBound..<lines[end].range.upperBound
            structure.header = HeaderBlock(organs: organs, range: range)
            structure.sections.append(Section(index: 1, kind: .header, path: ["header"], rank: 0, headingRange: nil, article: 0))
            for li in nonBlank where li <= end {
                structure.units.append(TextUnit(kind: .header, range: lines[li].range, section: 1, paragraph: -1))
            }
            headerEndLine = end
            bodyStartLine = end + 1
        }
        // Title.
        var titleLine = -1
        var titleSecondLine = -1
        for (position, li) in nonBlank.prefix(40).enumerated() {
            var r = lines[li].range
            // A trailing document number on the title line: 河南省人民政府 关于…的通知 豫政〔2023〕5号
            if let k = (r.lowerBound..<r.upperBound).reversed().first(where: { chars[$0] == 0x20 }), DocNumberMatcher.lineIsDocNumber(text, (k + 1)..<r.upperBound) {
                r = r.lowerBound..<k
            }
            var stripped = stripMarkup(text, r)
            guard stripped.count <= 90, let g = find(Self.about, in: text, stripped) else { continue }
            // A title broken over two lines: 国务院关于推动内蒙古高质量发展 / 奋力书写…的意见
            var twoLines = false
            if !endsWithDocType(text, stripped), position + 1 < nonBlank.count {
                let next = stripMarkup(text, lines[nonBlank[position + 1]].range)
                if next.count <= 40, endsWithDocType(text, next) { stripped = stripped.lowerBound..<next.upperBound; twoLines = true }
            }
            if endsWithDocType(text, stripped) {
                titleLine = li
                if twoLines { titleSecondLine = nonBlank[position + 1] }
                // Organs written before 关于 on the same line, separated by spaces.
                var organs: [Range<Int>] = []
                let s = stripped.lowerBound
                var pieceStart = s
                var k = s
                while k < g {
                    if chars[k] == 0x20 { if k > pieceStart { organs.append(pieceStart..<k) }; pieceStart = k + 1 }
                    k += 1
                }
                let spaced = !organs.isEmpty
                if k > pieceStart { organs.append(pieceStart..<k) }  // 濮阳市人民政府办公室关于…
                structure.titleOrgans = organs
                // Organs set apart by spaces are not part of the title; one written into it is.
                structure.titleRange = spaced ? g..<stripped.upperBound : stripped
                break
            }
        }
        if titleLine >= 0, titleLine < bodyStartLine {
            // The title sits in the header block (a title line above the document number): it is no organ.
            if var header = structure.header {
                header.organs.removeAll { lines[titleLine].range.contains($0.lowerBound) }
                structure.header = header
            }
            structure.units.removeAll { $0.kind == .header && lines[titleLine].range.contains($0.range.lowerBound) }
            structure.units.append(TextUnit(kind: .title, range: lines[titleLine].range, section: 0, paragraph: -1))
        }
        if titleLine < 0 {
            for li in nonBlank.prefix(10) where li >= bodyStartLine && chars[lines[li].range.lowerBound] == UInt32(char: "#") {
                titleLine = li; structure.titleRange = stripMarkup(text, lines[li].range); break
            }
        }
        if titleLine < 0, let li = nonBlank.first(where: { $0 >= bodyStartLine }) {
            let r = lines[li].range
            if r.count <= 60, !(r.contains { chars[$0] == Self.fullStop }), !LineClassifier.isTableRow(text, r) {
                titleLine = li
                structure.titleRange = stripMarkup(text, r)
            }
        }
        if let tr = structure.titleRange {
            structure.title = text.text(tr, without: { $0 == 0x20 || $0 == 0x0A })
        }
        // Body.
        var stack: [Int] = [0]  // section indexes
        var article = 0
        structure.articles.append(Article(index: 0, title: structure.title ?? "", range: 0..<chars.count))
        var li = bodyStartLine
        while li < lines.count {
            let line = lines[li]
            if line.blank { li += 1; continue }
            let r = line.range
            if li == titleSecondLine { li += 1; continue }
            if li == titleLine {
                let s = Section(index: structure.sections.count, kind: .title, path: [structure.title ?? text.text(r)], rank: 0, headingRange: r, article: article)
                structure.sections.append(s)
                stack = [0, s.index]
                structure.units.append(TextUnit(kind: .title, range: r, section: s.index, paragraph: -1))
                li += 1
                continue
            }
            let kind = LineClassifier.classify(text, r)
            // Tables: consecutive lines holding tabs or starting with '|'.
            if kind == .tableRow {
                var rows: [[Range<Int>]] = []
                var end = li
                var last = r
                while end < lines.count, !lines[end].blank {
                    let row = lines[end].range
                    if LineClassifier.isTableRow(text, row) {
                        if let cells = cells(text, row) { rows.append(cells) }
                    } else if row.count <= 20, !row.contains(where: { CharClass.isClauseBreak(chars[$0]) }),
                              ((end + 1)..<min(lines.count, end + 4)).contains(where: { !lines[$0].blank && LineClassifier.isTableRow(text, lines[$0].range) }),
                              !((end + 1)..<min(lines.count, end + 4)).contains(where: { lines[$0].blank }) {
                        rows.append([row])  // a section row inside the table (经常性收支项目)
                    } else {
                        break
                    }
                    last = row
                    end += 1
                }
                var captions: [Range<Int>] = []
                var p = li - 1
                while p >= 0, captions.count < 2 {
                    if !lines[p].blank {
                        if lines[p].range.count <= 80 { captions.append(lines[p].range) } else { break }
                    }
                    p -= 1
                }
                let tIndex = structure.tables.count
                let parentPath = structure.sections[stack.last!].path
                let tableSection = Section(index: structure.sections.count, kind: .table,
                                           path: parentPath + ["table \(tIndex + 1)"], rank: 99, headingRange: nil, article: article)
                structure.sections.append(tableSection)
                structure.tables.append(Table(index: tIndex, section: tableSection.index, rows: rows, captionRanges: captions,
                                              range: r.lowerBound..<last.upperBound))
                for row in li..<end where !lines[row].blank {
                    if lines[row].range.count <= Self.maxSentence {
                        structure.units.append(TextUnit(kind: .tableRow, range: lines[row].range, section: tableSection.index, paragraph: -1))
                        continue
                    }
                    for piece in rowPieces(chars, lines[row].range) {
                        structure.units.append(TextUnit(kind: .tableRow, range: piece, section: tableSection.index, paragraph: -1))
                    }
                }
                li = end
                continue
            }
            // Articles on a newspaper page: a `## ` heading followed by 本报讯.
            if chars[r.lowerBound] == UInt32(char: "#") {
                var next = li + 1
                while next < lines.count, lines[next].blank { next += 1 }
                if next < lines.count, text.has(Self.newsLead, at: lines[next].range.lowerBound) {
                    article += 1
                    let title = text.text(stripMarkup(text, r))
                    structure.articles[structure.articles.count - 1].range = structure.articles.last!.range.lowerBound..<r.lowerBound
                    structure.articles.append(Article(index: article, title: title, range: r.lowerBound..<chars.count))
                    let s = Section(index: structure.sections.count, kind: .article, path: [title], rank: 0, headingRange: r, article: article)
                    structure.sections.append(s)
                    stack = [0, s.index]
                    structure.units.append(TextUnit(kind: .heading, range: r, section: s.index, paragraph: -1))
                    li += 1
                    continue
                }
            }
            if case .heading(let heading) = kind {
                while stack.count > 1, structure.sections[stack.last!].rank >= heading.rank { stack.removeLast() }
                let parent = structure.sections[stack.last!]
                let headingText = text.text(heading.title, without: { $0 == 0x20 || $0 == 0x2A })
                // The parent's path and the heading, in one array made with room for both.
                var path = [String]()
                path.reserveCapacity(parent.path.count + 1)
                path.append(contentsOf: parent.path)
                path.append(headingText)
                let s = Section(index: structure.sections.count, kind: .heading, path: path,
                                rank: heading.rank, headingRange: heading.title, article: article)
                structure.sections.append(s)
                stack.append(s.index)
                if heading.body.lowerBound >= heading.title.upperBound {
                    structure.units.append(TextUnit(kind: .heading, range: heading.title, section: s.index, paragraph: -1))
                }
                if heading.body.count > 0 { addParagraph(text, heading.body, section: s.index, into: &structure) }
                li += 1
                continue
            }
            addParagraph(text, r, section: stack.last!, into: &structure)
            li += 1
        }
        // Units come out in order except around a title and header lines moved after the fact.
        let units = structure.units
        if !zip(units, units.dropFirst()).allSatisfy({ $0.range.lowerBound <= $1.range.lowerBound }) {
            structure.units.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        return structure
    }

    private func addParagraph(_ text: NormalizedText, _ r: Range<Int>, section: Int, into structure: inout DocumentStructure) {
        let p = structure.paragraphs.count
        structure.paragraphs.append(r)
        sentences(text, r) { s in
            structure.units.append(TextUnit(kind: .sentence, range: s, section: section, paragraph: p))
        }
    }

    /// Calls `body` with each sentence of the paragraph `r`, in order: ICU sentence boundaries, plus a split
    /// after `；`/`;`. The paragraph's UTF-16 and the boundaries go into buffers kept from one paragraph to
    /// the next.
    func sentences(_ text: NormalizedText, _ r: Range<Int>, _ body: (Range<Int>) -> Void) {
        guard !r.isEmpty else { return }
        // The buffers are written in place where the object holds them (each has that one owner; taking
        // them out and putting them back for every paragraph cost a dozen reference-count operations).
        cutScratch.removeAll(keepingCapacity: true)
        semicolonScratch.removeAll(keepingCapacity: true)
        if unitScratch.count < r.count || unitScalarScratch.count < r.count {
            let room = Swift.max(r.count, unitScratch.count * 2)
            unitScratch = [UInt16](repeating: 0, count: room)
            unitScalarScratch = [Int32](repeating: 0, count: room)
        }
        // One unit per scalar while the paragraph stays in the Basic Multilingual Plane (the usual case),
        // except that a run that begins with a letter of Sentence_Break class OLetter (an ideograph, most
        // often) and goes on through characters of the classes OLetter, SContinue, Close, Numeric and Other
        // (ideographs, commas, brackets and quotes, digits) reaches the iterator as its first character
        // alone. UAX #29 breaks a sentence only after STerm, ATerm, Sep, CR or LF (or Close and Sp that
        // follow one); the rules that look ahead from a terminator (SB8, SB8a, SB9–11) stop at an OLetter;
        // the only one that looks back past a character (SB7) needs an Upper or Lower one before an ATerm.
        // None of these can see into such a run, so it breaks as its first character does
        // (`collapsedIdeographsBreakAsTheWholeText` checks this against the iterator on every fixture). The
        // iterator reads far fewer units in Chinese text.
        var bmp = true
        var count = 0
        let collapse = collapsesIdeographs
        text.chars.withUnsafeBufferPointer { p in
            unitScratch.withUnsafeMutableBufferPointer { u in
                unitScalarScratch.withUnsafeMutableBufferPointer { m in
                    var j = 0
                    // Without a branch on the kind of character (letters and punctuation alternate
                    // unpredictably): every character is written, and the position moves on unless it
                    // continues a run.
                    var inRun = 0
                    let collapseBit = collapse ? 1 : 0
                    Self.sentenceClasses.withUnsafeBufferPointer { classes in
                    for k in r {
                        let c = p[k]
                        if c >= 0x10000 { bmp = false; break }
                        let t = Int(truncatingIfNeeded: classes[Int(truncatingIfNeeded: c)])
                        let letter = t & collapseBit
                        let continues = inRun & (t &>> 1)
                        u[j] = UInt16(truncatingIfNeeded: c)
                        m[j] = Int32(truncatingIfNeeded: k)
                        j &+= 1 &- continues
                        inRun = letter | continues
                        if c == 0x3B { semicolonScratch.append(k &+ 1) }
                    }
                    }
                    count = j
                }
            }
        }
        let oneSentence = bmp && collapse && unitScratch.withUnsafeBufferPointer { u in
            Self.sentenceClasses.withUnsafeBufferPointer { Self.isOneSentence(UnsafeBufferPointer(rebasing: u[0..<count]), $0) }
        }
        if oneSentence {
            // The paragraph's end is its only boundary (the merge below ends it there).
        } else if bmp {
            unitScratch.withUnsafeBufferPointer { breaker.boundaries(UnsafeBufferPointer(rebasing: $0[0..<count]), offset: 0, into: &cutScratch) }
            // Back from units to scalars: a boundary before unit p is before the scalar that unit stands for.
            for i in cutScratch.indices { cutScratch[i] = cutScratch[i] >= count ? r.upperBound : Int(unitScalarScratch[cutScratch[i]]) }
        } else {
            let slice = text.chars[r]
            let all = UTF16Text.units(slice)
            // Map UTF-16 offsets back to scalar offsets.
            var unitToScalar = [Int](repeating: 0, count: all.count + 1)
            var u = 0
            for (k, c) in slice.enumerated() {
                unitToScalar[u] = k
                u += c >= 0x10000 ? 2 : 1
            }
            unitToScalar[all.count] = slice.count
            cutScratch = breaker.boundaries(all).map { unitToScalar[$0] + r.lowerBound }
            semicolonScratch = r.filter { text.chars[$0] == 0x3B }.map { $0 + 1 }
        }
        // Both lists are in order: merged, then the paragraph's end.
        let cuts = cutScratch, semicolons = semicolonScratch
        var start = r.lowerBound
        var i = 0, j = 0
        text.chars.withUnsafeBufferPointer { p in
            while true {
                let cut: Int
                if i < cuts.count && (j >= semicolons.count || cuts[i] <= semicolons[j]) { cut = cuts[i]; i += 1 }
                else if j < semicolons.count { cut = semicolons[j]; j += 1 }
                else { cut = r.upperBound }
                if cut > start && cut <= r.upperBound {
                    var s = start, e = cut
                    while s < e, p[s] == 0x20 { s += 1 }
                    while e > s, p[e - 1] == 0x20 { e -= 1 }
                    // A sentence longer than `maxSentence` (a list of lines without any 。, joined as running
                    // text) is cut after its last clause break within the limit (，：、 or a line break),
                    // else at the limit: every record repeats its sentence, so one sentence of n characters
                    // holding m records made output of n × m characters (464 MB for an 83 KB file).
                    while e - s > Self.maxSentence {
                        var c = s + Self.maxSentence
                        while c > s + Self.maxSentence / 2, !(CharClass.isClauseBreak(p[c - 1]) || p[c - 1] == Self.enumerationComma) { c -= 1 }
                        if c == s + Self.maxSentence / 2 { c = s + Self.maxSentence }
                        var pe = c
                        while pe > s, p[pe - 1] == 0x20 { pe -= 1 }
                        if s < pe { body(s..<pe) }
                        s = c
                        while s < e, p[s] == 0x20 { s += 1 }
                    }
                    if s < e { body(s..<e) }
                    start = cut
                }
                if i >= cuts.count && j >= semicolons.count && cut == r.upperBound { break }
            }
        }
    }

    func endsWithDocType(_ text: NormalizedText, _ r: Range<Int>) -> Bool {
        var e = r.upperBound
        while e > r.lowerBound, TextLexicon.standard.titleClosers.contains(text.chars[e - 1]) { e -= 1 }
        return Self.docTypeWords.contains { text.has($0, endingAt: e) }
    }

    func stripMarkup(_ text: NormalizedText, _ r: Range<Int>) -> Range<Int> {
        var s = r.lowerBound, e = r.upperBound
        while s < e, text.chars[s] == UInt32(char: "#") || text.chars[s] == UInt32(char: "*") || text.chars[s] == 0x20 { s += 1 }
        while e > s, text.chars[e - 1] == UInt32(char: "*") || text.chars[e - 1] == 0x20 { e -= 1 }
        return s..<e
    }

    /// Where `word` first occurs in `r`.
    func find(_ word: [UInt32], in text: NormalizedText, _ r: Range<Int>) -> Int? {
        var k = r.lowerBound
        while k + word.count <= r.upperBound {
            if text.has(word, at: k) { return k }
            k += 1
        }
        return nil
    }

    /// A table row as units of at most `maxSentence` characters, cut after the last cell separator (tab or `|`)
    /// within the limit, else at it: every record repeats its unit's text, so one row of n cells holding n
    /// amounts made output of n² characters (200 MB for 5 000 cells).
    func rowPieces(_ chars: [UInt32], _ r: Range<Int>) -> [Range<Int>] {
        if r.count <= Self.maxSentence { return [r] }
        var pieces: [Range<Int>] = []
        var s = r.lowerBound
        while r.upperBound - s > Self.maxSentence {
            var c = s + Self.maxSentence
            while c > s + Self.maxSentence / 2, chars[c - 1] != 0x09, chars[c - 1] != UInt32(char: "|") { c -= 1 }
            if c == s + Self.maxSentence / 2 { c = s + Self.maxSentence }
            pieces.append(s..<c)
            s = c
        }
        pieces.append(s..<r.upperBound)
        return pieces
    }

    /// The cells of a table row; nil for a markdown separator row (`|---|---|`).
    func cells(_ text: NormalizedText, _ r: Range<Int>) -> [Range<Int>]? {
        let chars = text.chars
        let pipe = chars[r.lowerBound] == UInt32(char: "|")
        let sep: UInt32 = pipe ? UInt32(char: "|") : 0x09
        var lineStart = r.lowerBound
        // A row may begin with an empty first cell (a leading tab trimmed away).
        while lineStart > 0, chars[lineStart - 1] == 0x09 || chars[lineStart - 1] == 0x20 { lineStart -= 1 }
        var result: [Range<Int>] = []
        result.reserveCapacity(8)
        var s = pipe ? r.lowerBound + 1 : lineStart
        var k = s
        let end = r.upperBound
        while k <= end {
            if k == end || chars[k] == sep {
                var a = s, b = k
                while a < b, chars[a] == 0x20 || chars[a] == 0x09 { a += 1 }
                while b > a, chars[b - 1] == 0x20 || chars[b - 1] == 0x09 { b -= 1 }
                if !(pipe && k == end && a == b) { result.append(a..<b) }
                s = k + 1
            }
            k += 1
        }
        if pipe, result.allSatisfy({ c in c.allSatisfy { chars[$0] == UInt32(char: "-") || chars[$0] == UInt32(char: ":") } }) { return nil }
        return result
    }
}
