/// Document numbers (发文字号) — `鲁商发〔2016〕3号`, `国办发〔2016〕14号`, with `[ ]`, `( )`, `（ ）`,
/// `【 】` brackets.
///
/// Matches an issuer code of Han characters, a bracketed four-digit year and a serial followed by 号.
/// Produces issuer code, year and serial. Leading verbs and function words (根据, 印发, 和 …) are not
/// part of the issuer code.
package struct DocNumberMatcher: Matcher {
    package static let id = "doc_number"
    /// Starts from an opening bracket of the year (`bracketPairs`).
    package static let scan = ScanDeclaration(kind: .openingBracket, starts: { openings.contains($0) })
    package init() {}

    /// The brackets around a document number's year, opening to closing: 〔〕 [] () 【】 〖〗 (full-width （） are
    /// folded to () by the normalizer).
    static let bracketPairs: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [("〔", "〕"), ("[", "]"), ("(", ")"), ("【", "】"), ("〖", "〗")]
    /// The closing bracket of each opening one, as a lookup by character.
    static let closings: [UInt32: UInt32] = Dictionary(uniqueKeysWithValues: bracketPairs.map { ($0.open.value, $0.close.value) })
    /// The characters a document number's scan starts from: its opening brackets.
    static let openings = ScalarSet(bracketPairs.map(\.open.value))

    @inline(__always) static func closing(_ c: UInt32) -> UInt32? { openings.contains(c) ? closings[c] : nil }
    /// The words before a document number, from the `doc_number_words` lexicon.
    struct Words: Sendable {
        /// Verbs and function words before the issuer code that are not part of it (根据, 印发, 和 …), in the
        /// lexicon's order: the first that fits is stripped.
        var leading: [[UInt32]] = []
        /// Labels of a document number in a page's information block (文号, 发文字号, 编号), glued in front of the code.
        var labels: [[UInt32]] = []

        init(_ rows: [[String]], origin: String) throws {
            for r in rows {
                guard r.count >= 2, !r[1].isEmpty else { throw PipelineError("\(origin): \(DocNumberMatcher.lexicon) row \(r) needs a role and a word") }
                switch r[0] {
                case "leading_word": leading.append(scalars(r[1]))
                case "label": labels.append(scalars(r[1]))
                default: throw PipelineError("\(origin): \(DocNumberMatcher.lexicon) row \(r): unknown role \(r[0])")
                }
            }
        }
    }

    static let lexicon = "doc_number_words"

    /// The pipeline's words, read from its lexicon once.
    static func words(_ lexicons: Lexicons) throws -> Words {
        try lexicons.prepared.value(lexicon) { try Words(lexicons.rows(of: lexicon), origin: lexicons.origin) }
    }

    package static func prepare(_ lexicons: Lexicons) throws { _ = try words(lexicons) }

    /// The built-in pipeline's words, for the segmenter and the department resolver, which read document numbers
    /// without a pipeline's lexicons.
    static let builtInWords: Words = {
        do { return try words(PipelineDefinition.builtIn.lexicons) } catch { fatalError("the built-in pipeline is invalid: \(error)") }
    }()

    /// The document number at `i` (an opening bracket): the range from issuer code to 号.
    static func match(_ text: NormalizedText, bracketAt i: Int, words: Words = builtInWords) -> (Mention)? {
        let chars = text.chars
        guard let close = closing(chars[i]), i + 6 < chars.count else { return nil }
        let y = (i + 1)..<(i + 5)
        guard y.allSatisfy({ CharClass.isDigit(chars[$0]) }), chars[i + 5] == close else { return nil }
        let year = y.reduce(0) { $0 * 10 + Int(chars[$1] - 0x30) }
        guard year >= 1949, year <= 2099 else { return nil }
        var k = i + 6
        if k < chars.count, chars[k] == NumberMark.ordinal { k += 1 }
        let serialStart = k
        while k < chars.count, CharClass.isDigit(chars[k]) { k += 1 }
        guard k > serialStart, k - serialStart <= 6, k < chars.count, chars[k] == NumberMark.dayOrSerial else { return nil }
        let serial = (serialStart..<k).reduce(0) { $0 * 10 + Int(chars[$1] - 0x30) }
        var s = i
        while s > 0, CharClass.isHan(chars[s - 1]), i - s < 10 { s -= 1 }
        // Strip leading words that are not part of the code.
        var stripped = true
        while stripped, s < i {
            stripped = false
            for w in words.leading where text.has(w, at: s) && s + w.count < i {
                s += w.count; stripped = true; break
            }
        }
        // A label glued in front (…办公室文号瑞政办〔2011〕129号, 发文字号国发〔2018〕42号): the code starts after it.
        var j = i - 1
        search: while j >= s {
            for w in words.labels where j + w.count <= i && text.has(w, at: j) { s = j + w.count; break search }
            j -= 1
        }
        guard s < i else { return nil }
        let issuer = text.text(s..<i)
        return Mention(range: s..<(k + 1),
                       value: .docNumber(issuer: issuer, year: year, serial: serial, brackets: makeString([chars[i], close])))
    }

    /// True when the normalized line `r` is a document number and nothing else.
    static func lineIsDocNumber(_ text: NormalizedText, _ r: Range<Int>) -> Bool {
        for k in r where closing(text.chars[k]) != nil {
            if let m = match(text, bracketAt: k), m.range.upperBound == r.upperBound, m.range.lowerBound == r.lowerBound { return true }
        }
        return false
    }

    package func find(in ctx: MatchContext) -> [Mention] {
        guard let words = ctx.words.docNumberWords else { return [] }
        var result: [Mention] = []
        result.reserveCapacity(8)  // few per document
        var i = 0
        let chars = ctx.chars
        while i < chars.count {
            i = ctx.next(.openingBracket, from: i, to: chars.count)
            if i >= chars.count { break }
            if Self.closing(chars[i]) != nil, let m = Self.match(ctx.text, bracketAt: i, words: words) {
                result.append(m)
                i = m.range.upperBound
                continue
            }
            i += 1
        }
        return result
    }

    package static let examples: [MatcherExample] = [
        .init("鲁商发〔2016〕3号", ["鲁商发〔2016〕3号 => 鲁商发 2016 3"]),
        .init("《国务院办公厅关于…的指导意见》(国办发〔2016〕14号)", ["国办发〔2016〕14号 => 国办发 2016 14"]),
        .init("(鲁政办发〔2015〕13号)", ["鲁政办发〔2015〕13号 => 鲁政办发 2015 13"]),
        .init("济发〔2020〕16号", ["济发〔2020〕16号 => 济发 2020 16"]),
        .init("根据豫政[2023]5号文件", ["豫政[2023]5号 => 豫政 2023 5"]),
        .init("瑞政办（2011）129号", ["瑞政办（2011）129号 => 瑞政办 2011 129"]),
        .init("国发【2021】4号", ["国发【2021】4号 => 国发 2021 4"]),
        // A label before the number, as in a page's information block (125_ruian_notice: `文号 瑞政办〔2011〕129号`;
        // gov.cn's block of 国发〔2018〕42号: `发文字号：国发〔2018〕42号`), also with its separator lost.
        .init("文号 瑞政办〔2011〕129号 发布机构 市市级机关事务管理局信息公开", ["瑞政办〔2011〕129号 => 瑞政办 2011 129"]),
        .init("文号瑞政办〔2011〕129号", ["瑞政办〔2011〕129号 => 瑞政办 2011 129"]),
        .init("人民政府办公室文号瑞政办〔2011〕129号", ["瑞政办〔2011〕129号 => 瑞政办 2011 129"]),
        .init("发文字号：国发〔2018〕42号", ["国发〔2018〕42号 => 国发 2018 42"]),
        .init("发文字号国发〔2018〕42号", ["国发〔2018〕42号 => 国发 2018 42"]),
        // must not match
        .init("2022年LS0402流贷字第2022031701号", []),
        .init("行动计划(2015-2020年)", []),
        .init("支撑引领作用^[1-3]", []),
    ]
}
