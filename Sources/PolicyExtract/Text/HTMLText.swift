/// The visible text of an HTML page, with the way back to the page's own characters.
///
/// Tags are dropped (block tags such as `<p>`, `<br>`, `<div>`, `<li>`, `<tr>` and headings become line
/// breaks, table cells become tabs), `<script>` and `<style>` are dropped with their content, comments
/// (`<!-- … -->`), `<!DOCTYPE …>` and `<?xml …?>` are dropped whole, and character references (`&nbsp;`,
/// `&amp;`, `&#20013;`, `&#x4E2D;`) are resolved. As in a browser, a `<` that does not begin a tag (`a < b`,
/// `<中国制造2025>`, `<<`) is text, and a quoted attribute value may hold `>` (`<a title="x>y">`). `origin[i]`
/// is the index, in the decoded page, of the character visible char `i` came from, so spans still point into
/// the page.
///
/// One pass, whatever the page: a tag's end is looked for at most up to the next `<` (past it, the tag ends
/// at the first `>`, found by a search that never goes back), so a page of unclosed tags, comments or quotes
/// takes time in proportion to its length (a search from every `<` to the end of the page once made 2 MB of
/// `<` run for hours).
enum HTMLText {
    /// Elements that end a line (`lexicons/html-tags.tsv`, `line_break`).
    static let blockTags: Set<String> = TextLexicon.standard.htmlLineBreakTags
    /// Elements whose closing tag ends a table cell (`cell`).
    static let cellTags: Set<String> = TextLexicon.standard.htmlCellTags
    /// Named character references (`lexicons/html-entities.tsv`).
    static let entities: [String: UInt32] = TextLexicon.standard.htmlEntities
    /// Elements whose content is not text: dropped up to their closing tag (to the end of the page without one).
    static let rawTextTags: Set<String> = TextLexicon.standard.htmlRawTextTags

    static let lt = UInt32(("<" as Unicode.Scalar).value), gt = UInt32((">" as Unicode.Scalar).value)
    static let slash = UInt32(("/" as Unicode.Scalar).value), bang = UInt32(("!" as Unicode.Scalar).value)
    static let question = UInt32(("?" as Unicode.Scalar).value), equals = UInt32(("=" as Unicode.Scalar).value)
    static let doubleQuote = UInt32(("\"" as Unicode.Scalar).value), singleQuote = UInt32(("'" as Unicode.Scalar).value)
    static let ampersand = UInt32(("&" as Unicode.Scalar).value), semicolon = UInt32((";" as Unicode.Scalar).value)
    static let space = UInt32((" " as Unicode.Scalar).value)
    static let commentOpen = Array("<!--".unicodeScalars.map(\.value)), commentClose = Array("-->".unicodeScalars.map(\.value))

    static func strip(_ s: [UInt32]) -> (chars: [UInt32], origin: [Int32]) {
        var chars: [UInt32] = []
        var origin: [Int32] = []
        chars.reserveCapacity(s.count / 2)
        origin.reserveCapacity(s.count / 2)
        let n = s.count
        var firstGreater = ForwardSearch([gt])
        var commentEnd = ForwardSearch(commentClose)
        var rawTextEnd: [String: ForwardSearch] = [:]
        var i = 0
        func at(_ k: Int) -> UInt32 { k < n ? s[k] : 0 }
        func emit(_ c: UInt32, _ from: Int) { chars.append(c); origin.append(Int32(from)) }
        while i < n {
            let c = s[i]
            if c == lt {
                let next = at(i + 1)
                let isTag = CharClass.isASCIILetter(next) || (next == slash && CharClass.isASCIILetter(at(i + 2)))
                let isComment = ForwardSearch.matches(commentOpen, in: s, at: i)
                let isBogus = next == bang || next == question || next == slash
                guard isTag || isComment || isBogus else { emit(c, i); i += 1; continue }
                if isComment, let close = commentEnd.first(in: s, from: i + 2) {
                    i = close + commentClose.count
                    continue
                }
                var end: Int? = nil
                if isTag { end = tagEnd(s, from: i + 1) }
                if end == nil { end = firstGreater.first(in: s, from: i + 1) }
                // Neither a `>` before the next `<` nor any later one: the `<` is text.
                guard let tagEnd = end else { emit(c, i); i += 1; continue }
                var name = ""
                let closing = next == slash
                if isTag {
                    var j = closing ? i + 2 : i + 1
                    while j < tagEnd, CharClass.isASCIILetter(s[j]) || CharClass.isDigit(s[j]) {
                        name.unicodeScalars.append(Unicode.Scalar(s[j] | (CharClass.isASCIILetter(s[j]) ? 0x20 : 0))!)
                        j += 1
                    }
                }
                let tagStart = i
                i = tagEnd + 1
                if !closing, rawTextTags.contains(name) {
                    // Dropped to its closing tag's `>` (`</script`, any case), or to the end of the page.
                    var search = rawTextEnd[name] ?? ForwardSearch(Array("</\(name)".unicodeScalars.map(\.value)), ignoringASCIICase: true)
                    let close = search.first(in: s, from: i)
                    rawTextEnd[name] = search
                    guard let close, let closeEnd = firstGreater.first(in: s, from: close) else { i = n; continue }
                    i = closeEnd + 1
                    continue
                }
                if blockTags.contains(name) { emit(0x0A, tagStart) }
                else if closing, cellTags.contains(name) { emit(0x09, tagStart) }
                continue
            }
            if c == ampersand {
                var k = i + 1
                while k < n, k - i <= 10, s[k] != semicolon, s[k] != space, s[k] != lt { k += 1 }
                if k < n, s[k] == semicolon, k > i + 1 {
                    let body = String(String.UnicodeScalarView(s[(i + 1)..<k].compactMap(Unicode.Scalar.init)))
                    var value: UInt32? = entities[body]
                    if body.hasPrefix("#x") || body.hasPrefix("#X") { value = UInt32(body.dropFirst(2), radix: 16) }
                    else if body.hasPrefix("#") { value = UInt32(body.dropFirst()) }
                    if let v = value, Unicode.Scalar(v) != nil {
                        emit(v, i)
                        i = k + 1
                        continue
                    }
                }
            }
            emit(c, i)
            i += 1
        }
        return (chars, origin)
    }

    /// The `>` that ends the tag whose name starts at `start`: the first one outside a quoted attribute value
    /// (`="…"`, `='…'`), looked for up to the next `<` only (nil past it, or at the end of the page).
    static func tagEnd(_ s: [UInt32], from start: Int) -> Int? {
        var quote: UInt32 = 0
        var afterEquals = false
        var k = start
        while k < s.count {
            let c = s[k]
            if c == lt { return nil }
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == gt {
                return k
            } else if afterEquals && (c == doubleQuote || c == singleQuote) {
                quote = c
            }
            if c == equals { afterEquals = true } else if !(c == space || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C) { afterEquals = false }
            k += 1
        }
        return nil
    }
}

/// The first place at or after a start where a pattern occurs, for starts that never go back: a search
/// resumes where the last one stopped instead of from each start, so all the searches over one text
/// together look at each character once (per pattern length).
struct ForwardSearch {
    let pattern: [UInt32]
    let ignoringASCIICase: Bool
    /// The last search's start and the first occurrence at or after it (nil: none to the end).
    private var searchedFrom = Int.max
    private var found: Int? = nil

    init(_ pattern: [UInt32], ignoringASCIICase: Bool = false) {
        self.pattern = pattern
        self.ignoringASCIICase = ignoringASCIICase
    }

    mutating func first(in s: [UInt32], from start: Int) -> Int? {
        if start >= searchedFrom {
            guard let f = found else { return nil }  // none after an earlier start: none after this one
            if f >= start { return f }  // none between the earlier start and f
        }
        searchedFrom = start
        found = nil
        var k = start
        while k + pattern.count <= s.count {
            if Self.matches(pattern, in: s, at: k, ignoringASCIICase: ignoringASCIICase) { found = k; break }
            k += 1
        }
        return found
    }

    static func matches(_ pattern: [UInt32], in s: [UInt32], at k: Int, ignoringASCIICase: Bool = false) -> Bool {
        guard k >= 0, k + pattern.count <= s.count else { return false }
        for t in 0..<pattern.count {
            var c = s[k + t]
            if ignoringASCIICase && CharClass.isASCIILetter(c) { c |= 0x20 }
            if c != pattern[t] { return false }
        }
        return true
    }
}
