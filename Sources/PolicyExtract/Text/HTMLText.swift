/// The visible text of an HTML page, with the way back to the page's own characters.
///
/// Tags are dropped (block tags such as `<p>`, `<br>`, `<div>`, `<li>`, `<tr>` and headings become line
/// breaks, table cells become tabs), `<script>` and `<style>` are dropped with their content, and
/// character references (`&nbsp;`, `&amp;`, `&#20013;`, `&#x4E2D;`) are resolved. `origin[i]` is the index, in
/// the decoded page, of the character visible char `i` came from, so spans still point into the page.
enum HTMLText {
    static let blockTags: Set<String> = ["p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
                                         "article", "title", "ul", "ol", "header", "footer", "blockquote", "pre", "hr", "dd", "dt"]
    static let entities: [String: UInt32] = ["nbsp": 0x20, "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27,
                                             "ldquo": 0x201C, "rdquo": 0x201D, "lsquo": 0x2018, "rsquo": 0x2019, "mdash": 0x2014,
                                             "ndash": 0x2013, "hellip": 0x2026, "middot": 0xB7, "ensp": 0x20, "emsp": 0x3000]

    static func strip(_ s: [UInt32]) -> (chars: [UInt32], origin: [Int32]) {
        var chars: [UInt32] = []
        var origin: [Int32] = []
        chars.reserveCapacity(s.count / 2)
        origin.reserveCapacity(s.count / 2)
        let n = s.count
        var i = 0
        func lowerASCII(_ c: UInt32) -> Character { Character(Unicode.Scalar(c >= 0x41 && c <= 0x5A ? c + 0x20 : c)!) }
        while i < n {
            let c = s[i]
            if c == 0x3C {  // <
                var k = i + 1
                while k < n, s[k] != 0x3E { k += 1 }
                if k >= n { chars.append(c); origin.append(Int32(i)); i += 1; continue }
                // Comments and doctype: skipped whole.
                var name = ""
                var j = i + 1
                let closing = j < n && s[j] == 0x2F
                if closing { j += 1 }
                while j < k, (CharClass.isASCIILetter(s[j]) || CharClass.isDigit(s[j])) { name.append(lowerASCII(s[j])); j += 1 }
                if !closing, name == "script" || name == "style" {
                    // Skip to </script> or </style>.
                    let end = Array("</\(name)".unicodeScalars.map(\.value))
                    var m = k + 1
                    while m + end.count <= n {
                        var match = true
                        for t in 0..<end.count where lowerASCII(s[m + t]) != Character(Unicode.Scalar(end[t])!) { match = false; break }
                        if match { break }
                        m += 1
                    }
                    while m < n, s[m] != 0x3E { m += 1 }
                    i = m + 1
                    continue
                }
                if blockTags.contains(name) { chars.append(0x0A); origin.append(Int32(i)) }
                else if (name == "td" || name == "th") && closing { chars.append(0x09); origin.append(Int32(i)) }
                i = k + 1
                continue
            }
            if c == 0x26 {  // &
                var k = i + 1
                while k < n, k - i <= 10, s[k] != 0x3B, s[k] != 0x20, s[k] != 0x3C { k += 1 }
                if k < n, s[k] == 0x3B, k > i + 1 {
                    let body = String(String.UnicodeScalarView(s[(i + 1)..<k].compactMap(Unicode.Scalar.init)))
                    var value: UInt32? = entities[body]
                    if body.hasPrefix("#x") || body.hasPrefix("#X") { value = UInt32(body.dropFirst(2), radix: 16) }
                    else if body.hasPrefix("#") { value = UInt32(body.dropFirst()) }
                    if let v = value, Unicode.Scalar(v) != nil {
                        chars.append(v); origin.append(Int32(i))
                        i = k + 1
                        continue
                    }
                }
            }
            chars.append(c); origin.append(Int32(i))
            i += 1
        }
        return (chars, origin)
    }
}
