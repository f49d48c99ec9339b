/// The highlights of a document page: one mark per record span, finding evidence and gold disagreement, and the
/// original text with every mark as an element.
///
/// Marks nest where their spans nest; a mark that crosses another is written as fragments that share its
/// `data-r` (only the first carries its `id`), so the text of a record's elements, joined, is always its span.
package enum ReviewMarks {
    /// A kind the legend turns on and off: its key (a CSS class suffix), label and colour.
    package struct Kind: Sendable {
        package var key: String
        package var label: String
        package var color: String
        /// Drawn as an underline (it holds other marks) rather than a background.
        package var underline: Bool
    }

    /// The legend, in order: the matchers' kinds, targets, clusters, departments by role, finding evidence and gold.
    package static let kinds: [Kind] = [
        Kind(key: "amount", label: "amount", color: "#f4b183", underline: false),
        Kind(key: "year", label: "year", color: "#9dc3e6", underline: false),
        Kind(key: "period", label: "period", color: "#bdd7ee", underline: false),
        Kind(key: "date", label: "date", color: "#c5b0d5", underline: false),
        Kind(key: "percent", label: "percent", color: "#a9d18e", underline: false),
        Kind(key: "count", label: "count", color: "#ffe699", underline: false),
        Kind(key: "doc_number", label: "doc number", color: "#d9d9d9", underline: false),
        Kind(key: "target", label: "target", color: "#c00000", underline: true),
        Kind(key: "cluster", label: "cluster", color: "#7030a0", underline: true),
    ] + DepartmentRole.allCases.map { role in
        Kind(key: "dept-" + role.rawValue, label: "department: " + role.rawValue, color: departmentColors[role.rawValue] ?? "#999", underline: false)
    } + [
        Kind(key: "evidence", label: "finding evidence", color: "#ff0000", underline: true),
        Kind(key: "miss", label: "gold: missed", color: "#ff00ff", underline: true),
        Kind(key: "false_positive", label: "gold: false positive", color: "#000000", underline: true),
    ]

    static let departmentColors = ["issuer": "#8faadc", "lead": "#ff9999", "responsible": "#ffc9c9", "cc": "#e2f0d9",
                                   "printer": "#ededed", "mentioned": "#dae3f3"]

    /// One highlight: `[start, end)` in original scalars, the legend kind, and what its element carries.
    package struct Mark: Sendable, Equatable {
        package var start: Int
        package var end: Int
        package var kind: String
        /// The record's index on the page (`data-r`), for records.
        package var record: Int?
        /// The element's `id` (an anchor), written on the first fragment only.
        package var anchor: String?
        /// A gold mark's index (`data-g`).
        package var gold: Int?

        package init(start: Int, end: Int, kind: String, record: Int? = nil, anchor: String? = nil, gold: Int? = nil) {
            (self.start, self.end, self.kind, self.record, self.anchor, self.gold) = (start, end, kind, record, anchor, gold)
        }

        func tag(first: Bool) -> String {
            var s = "<span class=\"m k-\(kind)\""
            if let record { s += " data-r=\"\(record)\"" }
            if let gold { s += " data-g=\"\(gold)\"" }
            if first, let anchor { s += " id=\"\(anchor)\"" }
            return s + ">"
        }
    }

    /// The text as HTML (escaped) with every mark whose span lies inside it as a `<span>`; marks sharing a start
    /// open longest first, so that the shorter nest inside.
    package static func html(_ text: [UInt32], _ marks: [Mark]) -> String {
        let valid = marks.indices.filter { marks[$0].start >= 0 && marks[$0].start < marks[$0].end && marks[$0].end <= text.count }
        var opens: [Int: [Int]] = [:]
        var closes: [Int: Set<Int>] = [:]
        for i in valid {
            opens[marks[i].start, default: []].append(i)
            closes[marks[i].end, default: []].insert(i)
        }
        let positions = Set(opens.keys).union(closes.keys).sorted()
        var out = ""
        out.reserveCapacity(text.count * 4 + valid.count * 40)
        var stack: [Int] = []
        var at = 0
        for p in positions {
            out += escape(text[at..<p])
            at = p
            if let closing = closes[p], let low = stack.firstIndex(where: { closing.contains($0) }) {
                let above = stack[low...]
                out += String(repeating: "</span>", count: above.count)
                let reopen = above.filter { !closing.contains($0) }
                stack.removeSubrange(low...)
                for m in reopen { out += marks[m].tag(first: false); stack.append(m) }
            }
            if let starting = opens[p] {
                for m in starting.sorted(by: { marks[$0].end != marks[$1].end ? marks[$0].end > marks[$1].end : $0 < $1 }) {
                    out += marks[m].tag(first: true)
                    stack.append(m)
                }
            }
        }
        out += escape(text[at...])
        out += String(repeating: "</span>", count: stack.count)
        return out
    }

    /// Scalars as HTML text: `&`, `<`, `>` escaped, a carriage return dropped (the page shows lines).
    static func escape(_ s: ArraySlice<UInt32>) -> String {
        var out = String.UnicodeScalarView()
        for v in s {
            switch v {
            case 0x26: out.append(contentsOf: "&amp;".unicodeScalars)
            case 0x3C: out.append(contentsOf: "&lt;".unicodeScalars)
            case 0x3E: out.append(contentsOf: "&gt;".unicodeScalars)
            default: if let u = Unicode.Scalar(v) { out.append(u) }
            }
        }
        return String(out)
    }
}

/// HTML and JavaScript escaping for the site.
enum HTML {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A path segment for an `href`: letters, digits and `-._~` as they are, everything else percent-encoded.
    static func pathSegment(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default: out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    /// JSON text made safe inside `<script>`: `</` cannot close the element.
    static func script(_ json: String) -> String { json.replacingOccurrences(of: "</", with: "<\\/") }
}

extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: Swift.max(0, n - count)) + self }
}
