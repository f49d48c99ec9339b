import Foundation

/// The language knowledge the matchers read, parsed from the lexicon files a pipeline names.
///
/// Each file is plain text: one entry a line, tab-separated columns, `#` starts a comment.
package struct Lexicons: Sendable {
    package struct MoneyUnit: Sendable { package var word: [UInt32]; package var text: String; package var multiplier: Int64; package var bare: Bool }
    package struct QualifierWord: Sendable { package var word: [UInt32]; package var qualifier: Qualifier }
    package struct MeasureWord: Sendable { package var word: [UInt32]; package var text: String; package var baseUnit: String; package var scale: Int64 }
    /// A short form of a body's name and the full names it stands for: after a level or place (`local`),
    /// and standing alone for a central body (`central`); nil where the form is not used that way.
    package struct DepartmentAbbreviation: Sendable { package var short: String; package var local: String?; package var central: String? }

    package var moneyUnits: [MoneyUnit]
    package var qualifiersBefore: [QualifierWord]
    package var qualifiersAfter: [QualifierWord]
    package var notMoneyAfterYi: [[UInt32]]
    package var measureWords: [MeasureWord]
    package var tableIndexHeaders: [String]
    package var departmentSuffixes: [String]
    /// Words that give a cluster its tier, with the tier: (国家先进制造业集群, 国家级).
    package var clusterTiers: [(word: [UInt32], tier: String)]
    package var targetVerbs: [[UInt32]]
    package var goalVerbs: [[UInt32]]
    package var departmentStopwords: [[UInt32]]
    package var clusterGeneric: Set<String>
    package var clusterStopwords: [[UInt32]]
    package var places: [[UInt32]]
    /// Short forms of body names (`department_abbreviations`), keyed by the short form.
    package var departmentAbbreviations: [String: DepartmentAbbreviation]
    /// `places` as strings by first character, longest first, for reading a name's place.
    package var placeNamesByFirst: [Character: [String]]
    /// Lookup tables built once from the lists above, for the scanners.
    let scan: ScanTables
    /// Every named lexicon's rows, by key, for the matchers that read their own (`Matcher.prepare`).
    let named: [String: [[String]]]
    /// The pipeline definition the lexicons were named in, for errors.
    let origin: String
    /// What the matchers made of their lexicons when the pipeline was loaded, by key.
    let prepared = PreparedLexicons()

    /// The rows of lexicon `key`; an error naming the pipeline and the key when the pipeline names no such lexicon.
    /// A pipeline written before a lexicon existed (one that does not name it) reads the built-in copy; a key the
    /// built-in pipeline does not know either is an error naming the pipeline and the key.
    package func rows(of key: String) throws -> [[String]] {
        if let r = named[key] { return r }
        if origin != PipelineDefinition.builtInOrigin, let r = PipelineDefinition.builtIn.lexicons.named[key] { return r }
        throw PipelineError("\(origin): lexicon \"\(key)\" is not named")
    }

    /// Lexicon data parsed once per pipeline by a matcher's `prepare` and read by its `find`.
    final class PreparedLexicons: @unchecked Sendable {
        private var values: [String: any Sendable] = [:]
        private let lock = NSLock()

        /// The value stored under `key`, made by `make` the first time (outside the lock: `make` may read another
        /// prepared value; two threads that both make one keep the first).
        func value<T: Sendable>(_ key: String, _ make: () throws -> T) rethrows -> T {
            lock.lock()
            let stored = values[key] as? T
            lock.unlock()
            if let stored { return stored }
            let v = try make()
            lock.lock()
            defer { lock.unlock() }
            if let first = values[key] as? T { return first }
            values[key] = v
            return v
        }
    }

    final class ScanTables: @unchecked Sendable {
        let centralBodies: WordsByFirst
        let mentionSuffixes: WordsByFirst
        let departmentStopwords: WordsByFirst
        /// Place names (longest first, as `Lexicons.places`), by first character; `positions` index that list.
        let places: WordsByFirst
        let placeFirsts: ScalarSet

        /// First characters of the central bodies and the mention suffixes together, their last characters,
        /// and the length of the longest of them.
        let mentionFirsts: ScalarSet
        let mentionLasts: ScalarSet
        let mentionLongest: Int
        /// The characters each scanner starts from (`bodyWord`: `mentionFirsts`; `placeFirst`: `placeFirsts`).
        let candidates: CandidateTable
        /// The same words by their first two characters, and the one-character ones: a position where
        /// neither can begin a word is passed over before any word is compared.
        let bodyWordPairs: PairSet
        let bodyWordSingles: ScalarSet
        /// The two-character words, and a hash of the first three characters of the longer ones: a position
        /// whose pair begins words (工业, 国家, 市场) but whose third character continues none (工业园, 国家级)
        /// is passed over too.
        let bodyWordTwoCharacter: PairSet
        let bodyWordTriples: ScalarSet
        @inline(__always) static func tripleHash(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt32 { (a &* 961 &+ b &* 31 &+ c) & 0xFFFF }
        /// Place names, and each followed by 省 or 市, by their last character; `place` indexes `places`
        /// (longest first), `level` is 1 when 省/市 follows.
        let placeEndings: [UInt32: [(word: [UInt32], place: Int, level: Int)]]

        let clusterStopwords: WordsByFirst
        /// `Lexicons.clusterGeneric` as scalars by first character: a name is looked up without a string made.
        let clusterGeneric: WordsByFirst
        let centralEndings: WordsByLast
        let suffixEndings: WordsByLast

        /// First characters of the money units and of the qualifiers written after a value.
        let moneyUnitFirsts: ScalarSet
        let qualifierAfterFirsts: ScalarSet
        /// Measure words by first character; `positions` index `Lexicons.measureWords`.
        let measureWords: WordsByFirst

        /// 省 (province) and 市 (city), which follow a place name in a body's name.
        static let province = ("省" as Unicode.Scalar).value, city = ("市" as Unicode.Scalar).value

        /// `places` must be sorted longest first.
        init(central: [String], suffixes: [String], stopwords: [[UInt32]], places: [[UInt32]], clusterStopwords: [[UInt32]], measureWords: [[UInt32]],
             firstsOfMoneyUnits: [UInt32], firstsOfQualifiersAfter: [UInt32], clusterGeneric: Set<String>) {
            self.clusterGeneric = WordsByFirst(clusterGeneric.sorted().map(scalars))
            moneyUnitFirsts = ScalarSet(firstsOfMoneyUnits)
            qualifierAfterFirsts = ScalarSet(firstsOfQualifiersAfter)
            self.measureWords = WordsByFirst(measureWords)
            self.places = WordsByFirst(places)
            placeFirsts = ScalarSet(places.compactMap(\.first))
            self.clusterStopwords = WordsByFirst(clusterStopwords)
            let centralWords = central.map(scalars).sorted { $0.count > $1.count }
            centralEndings = WordsByLast(centralWords)
            suffixEndings = WordsByLast(suffixes.map(scalars))
            var endings: [UInt32: [(word: [UInt32], place: Int, level: Int)]] = [:]
            for (i, p) in places.enumerated() where !p.isEmpty {
                for (w, level) in [(p, 0), (p + [Self.province], 1), (p + [Self.city], 1)] { endings[w.last!, default: []].append((w, i, level)) }
            }
            placeEndings = endings
            centralBodies = WordsByFirst(centralWords)
            // Suffixes that name bodies on their own when they follow a level or place (not 办, 会, 院 …).
            let single: Set<String> = ["中心", "办", "会", "院", "小组", "部门"]
            let mentionSuffixWords = (suffixes.filter { !single.contains($0) } + ["部"]).map(scalars)
            mentionSuffixes = WordsByFirst(mentionSuffixWords)
            departmentStopwords = WordsByFirst(stopwords)
            mentionFirsts = ScalarSet((centralWords + mentionSuffixWords).compactMap(\.first))
            mentionLasts = ScalarSet((centralWords + mentionSuffixWords).compactMap(\.last))
            mentionLongest = (centralWords + mentionSuffixWords).map(\.count).max() ?? 0
            candidates = CandidateTable(bodyWordFirsts: mentionFirsts, placeFirsts: placeFirsts, bodyWordLasts: mentionLasts)
            let bodyWords = centralWords + mentionSuffixWords
            bodyWordPairs = PairSet(bodyWords.filter { $0.count >= 2 }.map { ($0[0], $0[1]) })
            bodyWordSingles = ScalarSet(bodyWords.filter { $0.count == 1 }.map { $0[0] })
            bodyWordTwoCharacter = PairSet(bodyWords.filter { $0.count == 2 }.map { ($0[0], $0[1]) })
            bodyWordTriples = ScalarSet(bodyWords.filter { $0.count >= 3 }.map { Self.tripleHash($0[0], $0[1], $0[2]) })
        }
    }
    package var centralBodies: [String]
    package var moneyContext: [[UInt32]]
    /// Full names of the places that are not cities (`place_full_names`: 山东 → 山东省, 北京 → 北京市); a place
    /// not listed is a city, its full name the short one and 市.
    package var placeFullNames: [String: String]
    /// The words roles and names of bodies are read by (`department_phrases`; the built-in file when a pipeline names none).
    var departmentPhrases: DepartmentPhrases
    /// The words cluster names are read by (`cluster_phrases`; the built-in file when a pipeline names none).
    var clusterPhrases: ClusterPhrases
    /// The words the target resolver reads, by role (`target_words`).
    package var targetWords: TargetWords
    /// The words of a table caption that names a unit, by role (`table_unit_words`).
    package var tableUnitWords: TableUnitWords
    /// The words claims are keyed and compared by, by role (`claim_words`).
    package var claimWords: ClaimWords
    /// The words the checks read, by role (`check_words`).
    package var checkWords: CheckWords

    static func rows(_ text: String?) -> [[String]] {
        guard let text else { return [] }
        return byteRows(text) ?? characterRows(text)
    }

    /// `rows` read over the UTF-8 bytes, which gives the same rows as reading by characters where every line break
    /// and tab is a character of its own: nil (read by characters) for a text with a carriage return (`\r\n` is
    /// one character) and for a line that begins with `#` and a non-ASCII character (which may combine with it).
    /// Every lexicon is read at start-up, and reading by characters cost about as much as the rest of loading them.
    private static func byteRows(_ text: String) -> [[String]]? {
        var text = text
        return text.withUTF8 { b -> [[String]]? in
            let n = b.count
            if b.contains(0x0D) { return nil }
            var rows: [[String]] = []
            var i = 0
            while i < n {
                var e = i
                while e < n && b[e] != 0x0A { e += 1 }
                if e > i {
                    if b[i] == UInt8(ascii: "#") {
                        if i + 1 < e && b[i + 1] >= 0x80 { return nil }
                    } else if !(i..<e).allSatisfy({ b[$0] == 0x20 || b[$0] == 0x09 }) {
                        var fields: [String] = []
                        var start = i
                        for k in i...e where k == e || b[k] == 0x09 {
                            fields.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<k]), as: UTF8.self).trimmingSpaces)
                            start = k + 1
                        }
                        rows.append(fields)
                    }
                }
                i = e + 1
            }
            return rows
        }
    }

    /// `rows` read by characters.
    private static func characterRows(_ text: String) -> [[String]] {
        text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            let l = line.hasSuffix("\r") ? line.dropLast() : line
            if l.hasPrefix("#") || l.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
            return l.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        }
    }

    init(texts: [String: String], origin: String) throws {
        // Each file's rows read once, here, and used for every field below.
        let parsed = texts.mapValues { Self.rows($0) }
        named = parsed
        self.origin = origin
        func need(_ key: String) throws -> [[String]] {
            guard let t = parsed[key] else { throw PipelineError("\(origin): lexicon \"\(key)\" is not named") }
            return t
        }
        func rowsOf(_ key: String) -> [[String]] { parsed[key] ?? [] }
        moneyUnits = try need("money_units").map { r in
            guard r.count >= 2, let m = Int64(r[1]) else { throw PipelineError("\(origin): money_units row \(r) needs a unit and an integer multiplier") }
            return MoneyUnit(word: scalars(r[0]), text: r[0], multiplier: m, bare: r.count > 2 && r[2] == "bare")
        }.sorted { $0.word.count > $1.word.count }
        var before: [QualifierWord] = [], after: [QualifierWord] = []
        for r in try need("qualifiers") {
            guard r.count >= 3, let q = Qualifier(rawValue: r[2]) else { throw PipelineError("\(origin): qualifiers row \(r) needs word, before/after, qualifier") }
            let w = QualifierWord(word: scalars(r[0]), qualifier: q)
            if r[1] == "after" { after.append(w) } else if r[1] == "before" { before.append(w) } else {
                throw PipelineError("\(origin): qualifiers row \(r): position must be before or after")
            }
        }
        qualifiersBefore = before.sorted { $0.word.count > $1.word.count }
        qualifiersAfter = after.sorted { $0.word.count > $1.word.count }
        notMoneyAfterYi = try need("not_money_after_yi").map { scalars($0[0]) }.sorted { $0.count > $1.count }
        measureWords = try need("measure_words").map { r in
            MeasureWord(word: scalars(r[0]), text: r[0], baseUnit: r.count > 1 && !r[1].isEmpty ? r[1] : r[0],
                        scale: r.count > 2 ? (Int64(r[2]) ?? 1) : 1)
        }.sorted { $0.word.count > $1.word.count }
        tableIndexHeaders = rowsOf("table_index_headers").map { $0[0] }
        departmentSuffixes = rowsOf("department_suffixes").map { $0[0] }.sorted { $0.count > $1.count }
        clusterTiers = rowsOf("cluster_keywords").filter { $0.count > 1 }.map { (scalars($0[0]), $0[1]) }
        targetVerbs = rowsOf("target_verbs").map { scalars($0[0]) }.sorted { $0.count > $1.count }
        goalVerbs = rowsOf("goal_verbs").map { scalars($0[0]) }.sorted { $0.count > $1.count }
        departmentStopwords = rowsOf("department_stopwords").map { scalars($0[0]) }.sorted { $0.count > $1.count }
        clusterGeneric = Set(rowsOf("cluster_generic").map { $0[0] })
        centralBodies = rowsOf("central_bodies").map { $0[0] }.sorted { $0.count > $1.count }
        moneyContext = rowsOf("money_context").map { scalars($0[0]) }
        placeFullNames = Dictionary(rowsOf("place_full_names").filter { $0.count >= 2 && !$0[1].isEmpty }.map { ($0[0], $0[1]) },
                                    uniquingKeysWith: { a, _ in a })
        let sortedPlaces = rowsOf("places").map { scalars($0[0]) }.sorted { $0.count > $1.count }
        scan = ScanTables(central: rowsOf("central_bodies").map { $0[0] },
                          suffixes: rowsOf("department_suffixes").map { $0[0] },
                          stopwords: rowsOf("department_stopwords").map { scalars($0[0]) },
                          places: sortedPlaces,
                          clusterStopwords: rowsOf("cluster_stopwords").map { scalars($0[0]) },
                          measureWords: measureWords.map(\.word),
                          firstsOfMoneyUnits: moneyUnits.compactMap(\.word.first),
                          firstsOfQualifiersAfter: qualifiersAfter.compactMap(\.word.first),
                          clusterGeneric: clusterGeneric)
        places = sortedPlaces
        var abbreviations: [String: DepartmentAbbreviation] = [:]
        for r in rowsOf("department_abbreviations") {
            guard r.count >= 2, !r[0].isEmpty, !r[1].isEmpty || (r.count > 2 && !r[2].isEmpty) else {
                throw PipelineError("\(origin): department_abbreviations row \(r) needs a short form and a local or a central full name")
            }
            abbreviations[r[0]] = DepartmentAbbreviation(short: r[0], local: r[1].isEmpty ? nil : r[1], central: r.count > 2 && !r[2].isEmpty ? r[2] : nil)
        }
        departmentAbbreviations = abbreviations
        var byFirst: [Character: [String]] = [:]
        for p in sortedPlaces.map(makeString) where !p.isEmpty { byFirst[p.first!, default: []].append(p) }
        placeNamesByFirst = byFirst
        clusterStopwords = rowsOf("cluster_stopwords").map { scalars($0[0]) }.sorted { $0.count > $1.count }
        departmentPhrases = try DepartmentPhrases(rows: (parsed["department_phrases"] ?? Self.rows(DefaultPipelineFiles.files[DepartmentPhrases.file])), origin: origin)
        clusterPhrases = try ClusterPhrases(rows: (parsed["cluster_phrases"] ?? Self.rows(DefaultPipelineFiles.files[ClusterPhrases.file])), origin: origin)
        // A pipeline written before the file existed reads the built-in copy.
        targetWords = try TargetWords(rows: (parsed["target_words"] ?? Self.rows(DefaultPipelineFiles.files["lexicons/target-words.tsv"])),
                                      origin: "\(origin): lexicon \"target_words\" (lexicons/target-words.tsv)")
        tableUnitWords = try TableUnitWords(rows: (parsed["table_unit_words"] ?? Self.rows(DefaultPipelineFiles.files["lexicons/table-unit-words.tsv"])),
                                            origin: "\(origin): lexicon \"table_unit_words\" (lexicons/table-unit-words.tsv)")
        claimWords = try ClaimWords(rows: (parsed["claim_words"] ?? Self.rows(DefaultPipelineFiles.files["lexicons/claim-words.tsv"])),
                                    origin: "\(origin): lexicon \"claim_words\" (lexicons/claim-words.tsv)")
        checkWords = try CheckWords(rows: (parsed["check_words"] ?? Self.rows(DefaultPipelineFiles.files["lexicons/check-words.tsv"])),
                                    origin: "\(origin): lexicon \"check_words\" (lexicons/check-words.tsv)")
    }
}

extension Lexicons {
    /// The roles of the words of the `target_words` lexicon (`target-words.tsv`): how each helps read a goal.
    package enum TargetRole: String, CaseIterable, Sendable {
        case goal, indicator, expected, listOpener = "list_opener", thisYear = "this_year", strive, wholeArea = "whole_area"
        case province, city, locative, change, rateOnly = "rate_only", connective, joiner, etc, batch, cluster, inside, of
        case listMark = "list_mark", share, respectively
        /// A metric that names only the kind of measure (数量, 总额 …), the thing measured being the subject
        /// (`开封市百亿企业` | `数量`): `eval` then compares a found metric with the gold subject and metric.
        case measureKind = "measure_kind"
    }
    /// The roles of the words of the `table_unit_words` lexicon (`table-unit-words.tsv`): how a caption names its unit.
    package enum TableUnitRole: String, CaseIterable, Sendable {
        /// 单位 — the label before a table's unit (`单位：亿元`).
        case unitLabel = "unit_label"
        /// 人民币 — the currency's name, written between the label and the unit (`单位：人民币元`).
        case currencyName = "currency_name"
    }
    package typealias TargetWords = RoleWords<TargetRole>
    package typealias TableUnitWords = RoleWords<TableUnitRole>

    /// The words of a `word <TAB> role` lexicon, by role; each role's words longest first.
    package struct RoleWords<Role: RawRepresentable & CaseIterable & Hashable & Sendable>: Sendable where Role.RawValue == String {
        /// Each role's words, at the role's position in `Role.allCases` (read by position, not by hashing the role).
        let byRole: [[[UInt32]]]
        /// For the roles whose words are single characters: the set of them (nil for the other roles), by position.
        let characterSets: [ScalarSet?]
        /// True when a role's position is its one-byte tag (a plain enumeration's cases, in `allCases` order):
        /// checked once here, the slower search by equality otherwise.
        let tagIsPosition: Bool

        /// Reads the rows; an unknown role, or a role without words, is an error that names the file (`origin`).
        init(rows: [[String]], origin: String) throws {
            var byRole: [Role: [[UInt32]]] = [:]
            for r in rows {
                guard r.count >= 2, !r[0].isEmpty, let role = Role(rawValue: r[1]) else {
                    throw PipelineError("\(origin): row \(r) needs a word and one of the roles \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                byRole[role, default: []].append(scalars(r[0]))
            }
            for role in Role.allCases where byRole[role] == nil { throw PipelineError("\(origin): no word has the role \(role.rawValue)") }
            let all = Array(Role.allCases)
            self.byRole = all.map { (byRole[$0] ?? []).sorted { $0.count > $1.count } }
            characterSets = all.map { role in
                guard let words = byRole[role], words.allSatisfy({ $0.count == 1 }) else { return nil }
                return ScalarSet(words.map { $0[0] })
            }
            tagIsPosition = MemoryLayout<Role>.size == 1
                && all.enumerated().allSatisfy { i, role in withUnsafeBytes(of: role) { Int($0[0]) } == i }
        }

        /// The position of `role` in `Role.allCases`.
        @inline(__always) private func position(_ role: Role) -> Int {
            if tagIsPosition { return withUnsafeBytes(of: role) { Int($0[0]) } }
            let all = Role.allCases
            return all.distance(from: all.startIndex, to: all.firstIndex(of: role)!)
        }

        /// The words of `role`, longest first.
        package subscript(_ role: Role) -> [[UInt32]] { byRole[position(role)] }
        /// True when `c` is one of the words of `role`, a role whose words are single characters.
        @inline(__always) func isCharacter(_ c: UInt32, _ role: Role) -> Bool { characterSets[position(role)]?.contains(c) ?? false }
        /// The longest word of `role` (for a role of one word: `goal`, `cluster`).
        func word(_ role: Role) -> [UInt32] { self[role].first ?? [] }
    }
}

/// How a number relates to its goal: 达到 → reach, 超过 → exceed, 以上 → at_least, 左右 → about,
/// 以内 → at_most, 级 → level (a tier such as 千亿级), none.
public enum Qualifier: String, Sendable, Codable, CaseIterable {
    case reach, exceed, atLeast = "at_least", about, atMost = "at_most", level, none
}

extension String {
    /// Without leading and trailing spaces, tabs and carriage returns (found on the UTF-8 bytes: all three
    /// are ASCII, so no character is cut).
    var trimmingSpaces: String {
        let u = utf8
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        var start = u.startIndex, end = u.endIndex
        while start < end, isSpace(u[start]) {
            let next = u.index(after: start)
            if u[start] == 0x0D, next < end, u[next] == 0x0A { break }  // "\r\n" is one character, not a space
            start = next
        }
        while end > start, isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
        if start == u.startIndex && end == u.endIndex { return self }
        return String(self[start..<end])
    }
}

/// The rows of a `kind <TAB> word` lexicon (department and cluster phrases), by kind. A row of an unknown kind or
/// without a word, a kind asked for that has no row, or a kind of single characters given a longer word is an
/// error naming the file and the pipeline it was read for.
struct KindedWords {
    private var byKind: [String: [[UInt32]]] = [:]
    private let file: String, origin: String

    init(rows: [[String]], kinds: [String], file: String, origin: String) throws {
        self.file = file
        self.origin = origin
        let known = Set(kinds)
        for r in rows {
            guard r.count >= 2, !r[1].isEmpty, known.contains(r[0]) else {
                throw PipelineError("\(origin): \(file): row \(r) needs one of the kinds \(kinds.joined(separator: ", ")) and a word")
            }
            byKind[r[0], default: []].append(scalars(r[1]))
        }
    }

    /// Every word of `kind`, in file order.
    func all(_ kind: String) throws -> [[UInt32]] {
        guard let words = byKind[kind], !words.isEmpty else { throw PipelineError("\(origin): \(file): no row of kind \(kind)") }
        return words
    }

    /// The one character of `kind`.
    func character(_ kind: String) throws -> UInt32 {
        let words = try all(kind)
        guard words.allSatisfy({ $0.count == 1 }) else { throw PipelineError("\(origin): \(file): \(kind) must be one character") }
        return words[0][0]
    }

    /// The characters of `kind`, each word one character.
    func characters(_ kind: String) throws -> ScalarSet {
        let words = try all(kind)
        guard words.allSatisfy({ $0.count == 1 }) else { throw PipelineError("\(origin): \(file): \(kind) must be single characters") }
        return ScalarSet(words.map { $0[0] })
    }
}
