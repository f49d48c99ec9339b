/// The characters and words the text stages read — normalize, classify lines, segment, and the character
/// classes every scanner uses — parsed from five lexicon files of `Pipelines/lexicons`:
/// `text-characters.tsv` (character classes and marks by role), `chinese-numerals.tsv` (numerals and their
/// values), `title-words.tsv` (the words a document's head is read by), and `html-entities.tsv` and
/// `html-tags.tsv` (what a page's text is read through). Read once, from the built-in
/// copy of the default pipeline; a missing role or a malformed row is an error that names the file.
struct TextLexicon: Sendable {
    static let charactersFile = "lexicons/text-characters.tsv"
    static let numeralsFile = "lexicons/chinese-numerals.tsv"
    static let titleWordsFile = "lexicons/title-words.tsv"
    static let htmlEntitiesFile = "lexicons/html-entities.tsv"
    static let htmlTagsFile = "lexicons/html-tags.tsv"

    /// The last code point of the Basic Multilingual Plane.
    static let lastOfPlane: UInt32 = 0xFFFF

    /// The built-in lexicon (the files of the default pipeline).
    static let standard: TextLexicon = {
        do { return try TextLexicon(files: DefaultPipelineFiles.files) } catch { fatalError("\(error)") }
    }()

    /// Han ideographs in the Basic Multilingual Plane, and the ranges beyond it.
    let han: ScalarSet
    let hanBeyondPlane: [ClosedRange<UInt32>]
    /// The block whose ideographs may have a Simplified form.
    let unifiedIdeographs: ClosedRange<UInt32>
    let cjkPunctuation: ScalarSet
    /// Full-width ASCII, folded to ASCII by `fullWidthOffset`.
    let fullWidthASCII: ClosedRange<UInt32>
    let fullWidthOffset: UInt32
    let ideographicSpace: UInt32
    let fullStop: UInt32
    let enumerationComma: UInt32
    /// Clause breaks other than the newline.
    let clauseBreaks: ScalarSet
    let clausePunctuation: ScalarSet
    let terminalPunctuation: ScalarSet
    let listMarks: ScalarSet
    let titleClosers: [UInt32]

    /// Numeral values: a digit (0–9) or a place (10, 100, …), and all numerals as one set.
    let digitValues: [(UInt32, Int)]
    let placeValues: [(UInt32, Int64)]
    let numerals: ScalarSet
    let digits: ScalarSet
    let places: ScalarSet

    let about: [UInt32]
    let fileLine: [UInt32]
    let newsLead: [UInt32]
    let docTypes: [[UInt32]]
    /// Named HTML character references → the character read.
    let htmlEntities: [String: UInt32]
    /// HTML elements that end a line, whose closing tag ends a table cell, whose content is dropped.
    let htmlLineBreakTags: Set<String>
    let htmlCellTags: Set<String>
    let htmlRawTextTags: Set<String>

    init(files: [String: String]) throws {
        func text(_ file: String) throws -> String {
            guard let t = files[file] else { throw PipelineError("\(file) is missing") }
            return t
        }
        // text-characters.tsv: role → value.
        let file = Self.charactersFile
        var roles: [String: String] = [:]
        for r in Lexicons.rows(try text(file)) {
            guard r.count >= 2, !r[1].isEmpty else { throw PipelineError("\(file): row \(r) needs a role and its characters") }
            roles[r[0]] = r[1]
        }
        func role(_ name: String) throws -> String {
            guard let v = roles[name] else { throw PipelineError("\(file): role \"\(name)\" is missing") }
            return v
        }
        func ranges(_ name: String) throws -> [ClosedRange<UInt32>] {
            try role(name).split(separator: " ").map { piece in
                let ends = piece.split(separator: "-").map { UInt32($0, radix: 16) }
                guard (1...2).contains(ends.count), let lo = ends[0], let hi = ends.last!, lo <= hi else {
                    throw PipelineError("\(file): role \"\(name)\": \"\(piece)\" is not a code point or a range of them in hex")
                }
                return lo...hi
            }
        }
        func set(_ rs: [ClosedRange<UInt32>]) -> ScalarSet {
            var s = ScalarSet([])
            for r in rs where r.lowerBound <= Self.lastOfPlane { for c in r.lowerBound...Swift.min(r.upperBound, Self.lastOfPlane) { s.insert(c) } }
            return s
        }
        func character(_ name: String) throws -> UInt32 {
            let s = scalars(try role(name))
            guard s.count == 1 else { throw PipelineError("\(file): role \"\(name)\" must be one character") }
            return s[0]
        }
        func codePoint(_ name: String) throws -> UInt32 {
            let rs = try ranges(name)
            guard rs.count == 1, rs[0].count == 1 else { throw PipelineError("\(file): role \"\(name)\" must be one code point") }
            return rs[0].lowerBound
        }
        let hanRanges = try ranges("han_ranges")
        han = set(hanRanges)
        hanBeyondPlane = hanRanges.filter { $0.upperBound > Self.lastOfPlane }
        let unified = try ranges("unified_ideograph_ranges")
        guard unified.count == 1 else { throw PipelineError("\(file): role \"unified_ideograph_ranges\" must be one range") }
        unifiedIdeographs = unified[0]
        cjkPunctuation = set(try ranges("cjk_punctuation_ranges"))
        let fullWidth = try ranges("fullwidth_ascii_ranges")
        guard fullWidth.count == 1, fullWidth[0].lowerBound > 0x7F else { throw PipelineError("\(file): role \"fullwidth_ascii_ranges\" must be one range above ASCII") }
        fullWidthASCII = fullWidth[0]
        fullWidthOffset = fullWidth[0].lowerBound - UInt32(char: "!")
        ideographicSpace = try codePoint("ideographic_space")
        fullStop = try character("full_stop")
        enumerationComma = try character("enumeration_comma")
        clauseBreaks = ScalarSet(scalars(try role("clause_breaks")))
        clausePunctuation = ScalarSet(scalars(try role("clause_punctuation")))
        terminalPunctuation = ScalarSet(scalars(try role("terminal_punctuation")))
        listMarks = ScalarSet(scalars(try role("list_marks")))
        titleClosers = scalars(try role("title_closers"))

        // chinese-numerals.tsv: character, value, digit or place.
        let nfile = Self.numeralsFile
        var digitValues: [(UInt32, Int)] = [], placeValues: [(UInt32, Int64)] = []
        for r in Lexicons.rows(try text(nfile)) {
            let c = scalars(r[0])
            guard r.count >= 3, c.count == 1, let v = Int64(r[1]) else { throw PipelineError("\(nfile): row \(r) needs a character, its value and digit or place") }
            switch r[2] {
            case "digit" where v >= 0 && v <= 9: digitValues.append((c[0], Int(v)))
            case "place" where v >= 10: placeValues.append((c[0], v))
            default: throw PipelineError("\(nfile): row \(r): a digit is worth 0–9, a place 10 or more")
            }
        }
        guard !digitValues.isEmpty, !placeValues.isEmpty else { throw PipelineError("\(nfile) needs digits and places") }
        self.digitValues = digitValues
        self.placeValues = placeValues
        digits = ScalarSet(digitValues.map(\.0))
        places = ScalarSet(placeValues.map(\.0))
        numerals = ScalarSet(digitValues.map(\.0) + placeValues.map(\.0))

        // title-words.tsv: role → word (doc_type repeats).
        let tfile = Self.titleWordsFile
        var words: [String: [[UInt32]]] = [:]
        for r in Lexicons.rows(try text(tfile)) {
            guard r.count >= 2, !r[1].isEmpty else { throw PipelineError("\(tfile): row \(r) needs a role and a word") }
            words[r[0], default: []].append(scalars(r[1]))
        }
        func word(_ name: String) throws -> [UInt32] {
            guard let w = words[name], w.count == 1 else { throw PipelineError("\(tfile): role \"\(name)\" needs exactly one word") }
            return w[0]
        }
        about = try word("about")
        fileLine = try word("file_line")
        newsLead = try word("news_lead")
        guard let types = words["doc_type"] else { throw PipelineError("\(tfile): role \"doc_type\" is missing") }
        docTypes = types

        // html-entities.tsv: name → code point in hex.
        let hfile = Self.htmlEntitiesFile
        var entities: [String: UInt32] = [:]
        for r in Lexicons.rows(try text(hfile)) {
            guard r.count >= 2, let v = UInt32(r[1], radix: 16) else { throw PipelineError("\(hfile): row \(r) needs a name and a code point in hex") }
            entities[r[0]] = v
        }
        htmlEntities = entities

        // html-tags.tsv: role → element name.
        let gfile = Self.htmlTagsFile
        var tags: [String: Set<String>] = [:]
        for r in Lexicons.rows(try text(gfile)) {
            guard r.count >= 2, !r[1].isEmpty else { throw PipelineError("\(gfile): row \(r) needs a role and an element name") }
            tags[r[0], default: []].insert(r[1].lowercased())
        }
        func tagSet(_ name: String) throws -> Set<String> {
            guard let t = tags[name] else { throw PipelineError("\(gfile): role \"\(name)\" is missing") }
            return t
        }
        htmlLineBreakTags = try tagSet("line_break")
        htmlCellTags = try tagSet("cell")
        htmlRawTextTags = try tagSet("raw_text")
    }
}
