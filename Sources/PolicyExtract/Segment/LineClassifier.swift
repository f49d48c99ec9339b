/// Classify lines — tells what one line of a document is: a heading with its rank, a table row, a list item,
/// a label line or prose.
///
/// One classifier serves both stages that read lines: the normalizer keeps a heading, table row or list item
/// apart from its neighbours (it never rejoins one to the line before or after), and the segmenter builds
/// the heading hierarchy and the tables from the same answer. A line is a trimmed range of the text; the
/// classifier reads the normalized characters, and the original text only where a space decides (`1 标题`).
/// Spaces may still stand in the characters (the normalizer asks before it drops them) or be gone (the
/// segmenter asks after): the answer is the same.
enum LineClassifier {
    /// What a line is, tested in this order.
    enum Kind: Equatable {
        /// A numbered or markdown heading (`一、`, `(一)`, `1.`, `(1)`, `1 标题`, `## 标题`), with its rank.
        case heading(Heading)
        /// A row of a table: a line that begins with `|` or holds a tab (a leading tab is an empty first cell).
        case tableRow
        /// A line set apart by the mark it begins with, that ranks no heading: a bullet or rule
        /// (`- [1] 李慧敏…`, `---`, `***`), a quotation (`>`), a bracketed aside (`(此件公开发布)`), or a
        /// number of one or two digits before `.`, `、` or a space (`1.5亿元…`).
        case listItem
        /// A short line that ends with a colon and holds no clause break (`主要目标:`): it introduces what
        /// follows and is never joined to it.
        case label
        /// Running text.
        case prose

        /// True for the kinds never joined to the line before or after.
        var standsApart: Bool {
            switch self {
            case .heading, .tableRow, .listItem: return true
            case .label, .prose: return false
            }
        }
    }

    /// A heading's rank and where its text and any run-in body are.
    struct Heading: Equatable {
        /// 0 for a markdown `#`, 1 for `一、`, 2 for `(一)`, 3 for `1.`, 4 for `(1)`; `1.1 标题` ranks by depth.
        var rank: Int
        /// The heading text (normalized range), without markup.
        var title: Range<Int>
        /// The text that runs on after the heading on the same line (`(一)目标。到2025年…` → `到2025年…`).
        var body: Range<Int>
    }

    /// A line of the text: its trimmed range, and where the whole line lies.
    struct Line {
        var start: Int   // first non-space char
        var end: Int     // after last non-space char
        var lineStart: Int
        var lineEnd: Int // index of the newline (or count)
        var range: Range<Int> { start..<end }
        var isBlank: Bool { start == end }
    }

    /// The longest run of Chinese numerals that numbers a heading (`二十一、`); a longer run before `、`
    /// is a list of figures, not a heading.
    static let maxHeadingNumerals = 3
    /// The most digits that number a heading or a list item (`12.`); a longer number that begins a line
    /// (`2025 年`) is running text.
    static let maxHeadingDigits = 2
    /// A paper-style heading (`1.1 标题`) is short and holds no full stop.
    static let maxPaperHeading = 40
    /// A heading's text ends at its first full stop or colon when that comes within this many characters.
    static let maxRunInTitle = 40
    /// The first clause of a long numbered paragraph (beyond `maxRunInTitle`) is its heading, up to this length.
    static let maxClauseTitle = 30

    /// Every line of `text`, trimmed of spaces and tabs.
    static func lines(_ text: [UInt32]) -> [Line] {
        var result: [Line] = []
        result.reserveCapacity(text.count / 32 + 8)  // a line per ~32 characters before any regrowth
        text.withUnsafeBufferPointer { chars in
            let n = chars.count
            var lineStart = 0
            while lineStart <= n {
                let i = firstIndex(of: 0x0A, in: chars, from: lineStart, to: n)
                var s = lineStart, e = i
                while s < e, chars[s] == 0x20 || chars[s] == 0x09 { s += 1 }
                while e > s, chars[e - 1] == 0x20 || chars[e - 1] == 0x09 { e -= 1 }
                result.append(Line(start: s, end: e, lineStart: lineStart, lineEnd: i))
                lineStart = i + 1
            }
        }
        return result
    }

    /// What the trimmed line `r` of `text` is.
    static func classify(_ text: NormalizedText, _ r: Range<Int>) -> Kind {
        if r.isEmpty { return .prose }
        if isTableRow(text, r) { return .tableRow }
        if let h = heading(text, r) { return .heading(h) }
        if isListItem(text.chars, r) { return .listItem }
        if isLabel(text.chars, r) { return .label }
        return .prose
    }

    /// True when line `r` is a table row: it begins with `|`, holds a tab, or follows one (an empty first cell).
    static func isTableRow(_ text: NormalizedText, _ r: Range<Int>) -> Bool {
        if r.isEmpty { return false }
        if text.chars[r.lowerBound] == UInt32(char: "|") { return true }
        return text.next(.tab, from: r.lowerBound, to: r.upperBound) < r.upperBound
            || (r.lowerBound > 0 && text.chars[r.lowerBound - 1] == 0x09)
    }

    /// True when line `r` begins with a list mark, or with a number of at most `maxHeadingDigits` digits
    /// before `.`, `、` or a space (asked after `heading`: a line that ranks a heading is one).
    static func isListItem(_ chars: [UInt32], _ r: Range<Int>) -> Bool {
        let s = r.lowerBound
        let marks = TextLexicon.standard
        if marks.listMarks.contains(chars[s]) { return true }
        var k = s
        while k < r.upperBound, CharClass.isChineseNumeral(chars[k]) { k += 1 }
        if k > s, k - s <= maxHeadingNumerals, k < r.upperBound, chars[k] == marks.enumerationComma { return true }
        k = s
        while k < r.upperBound, CharClass.isDigit(chars[k]) { k += 1 }
        if k > s, k - s <= maxHeadingDigits, k < r.upperBound {
            let d = chars[k]
            if d == UInt32(char: ".") || d == marks.enumerationComma || d == UInt32(char: " ") { return true }
        }
        return false
    }

    /// True when line `r` ends with a colon and holds no clause punctuation.
    static func isLabel(_ chars: [UInt32], _ r: Range<Int>) -> Bool {
        guard chars[r.upperBound - 1] == UInt32(char: ":") else { return false }
        let clausePunctuation = TextLexicon.standard.clausePunctuation
        for k in r where clausePunctuation.contains(chars[k]) { return false }
        return true
    }

    /// The numbered or markdown heading that starts line `r`, with the heading text and any run-in body.
    static func heading(_ text: NormalizedText, _ r: Range<Int>) -> Heading? {
        let chars = text.chars
        let marks = TextLexicon.standard
        let comma = marks.enumerationComma, fullStop = marks.fullStop
        var s = r.lowerBound
        var mdLevel = 0
        while s < r.upperBound, chars[s] == UInt32(char: "#") { mdLevel += 1; s += 1 }
        while s < r.upperBound, chars[s] == 0x20 || chars[s] == UInt32(char: "*") { s += 1 }
        if s >= r.upperBound { return nil }
        var rank: Int? = nil
        var k = s
        let c = chars[s]
        if CharClass.isChineseNumeral(c) {
            while k < r.upperBound, CharClass.isChineseNumeral(chars[k]) { k += 1 }
            if k < r.upperBound, chars[k] == comma, k - s <= maxHeadingNumerals { rank = 1 }
        } else if c == UInt32(char: "(") {
            k = s + 1
            if k < r.upperBound, CharClass.isChineseNumeral(chars[k]) {
                while k < r.upperBound, CharClass.isChineseNumeral(chars[k]) { k += 1 }
                if k < r.upperBound, chars[k] == UInt32(char: ")"), k - s <= maxHeadingNumerals + 1 { rank = 2 }
            } else if k < r.upperBound, CharClass.isDigit(chars[k]) {
                while k < r.upperBound, CharClass.isDigit(chars[k]) { k += 1 }
                if k < r.upperBound, chars[k] == UInt32(char: ")"), k - s <= maxHeadingDigits + 1 { rank = 4 }
            }
        } else if CharClass.isDigit(c) {
            while k < r.upperBound, CharClass.isDigit(chars[k]) { k += 1 }
            if k - s <= maxHeadingDigits, k < r.upperBound {
                let d = chars[k]
                if (d == UInt32(char: ".") || d == comma), k + 1 < r.upperBound, !CharClass.isDigit(chars[k + 1]) {
                    rank = 3
                } else if r.upperBound - s <= maxPaperHeading, !(s..<r.upperBound).contains(where: { chars[$0] == fullStop }) {
                    // Paper style: `1 标题`, `1.1 标题` (a space after the number in the original text).
                    var depth = 1
                    var e = k
                    while e + 1 < r.upperBound, chars[e] == UInt32(char: "."), CharClass.isDigit(chars[e + 1]) {
                        e += 1
                        while e < r.upperBound, CharClass.isDigit(chars[e]) { e += 1 }
                        depth += 1
                    }
                    let o = Int(text.origin[e - 1]) + 1
                    var h = e
                    while h < r.upperBound, chars[h] == 0x20 { h += 1 }  // the space, where not yet dropped
                    if h < r.upperBound, CharClass.isHan(chars[h]), o < text.original.count, text.original[o] == 0x20 || text.original[o] == marks.ideographicSpace {
                        rank = depth
                    }
                }
            }
        }
        if rank == nil, mdLevel > 0 { rank = max(0, mdLevel - 1) }
        guard let found = rank else { return nil }
        // The heading text ends at the first full stop or colon (a run-in heading), else the line.
        var e = s
        var titleEnd = r.upperBound
        var bodyStart = r.upperBound
        while e < r.upperBound {
            let ch = chars[e]
            if ch == fullStop || ch == UInt32(char: ":") {
                if e - s <= maxRunInTitle { titleEnd = e; bodyStart = e + 1 }
                break
            }
            e += 1
        }
        if titleEnd == r.upperBound, r.upperBound - s > maxRunInTitle {
            // A long numbered paragraph: the heading is its first clause.
            var f = s
            while f < r.upperBound, f - s < maxClauseTitle, ![UInt32(char: ","), UInt32(char: ";"), fullStop].contains(chars[f]) { f += 1 }
            titleEnd = f
            bodyStart = s
        }
        var t = titleEnd
        while t > s, chars[t - 1] == UInt32(char: "*") || chars[t - 1] == 0x20 { t -= 1 }
        var b = bodyStart
        while b < r.upperBound, chars[b] == 0x20 || chars[b] == UInt32(char: "*") { b += 1 }
        return Heading(rank: found, title: s..<t, body: b..<r.upperBound)
    }
}
