import ICUBridge

/// A rule-based matcher: finds spans of one kind in a normalized document and resolves each into a
/// typed value.
///
/// Every matcher is a value type registered in `MatcherRegistry`, and carries `examples` — real phrases
/// with the spans and values it must produce, and phrases where it must produce nothing — which the
/// test suite runs, with variants (full-width digits, a multibyte prefix, inside a long paragraph).
package protocol Matcher: Sendable {
    static var id: String { get }
    static var examples: [MatcherExample] { get }
    /// Where the matcher's records are written and what their fields are (see `RecordOutput`); nil for the seven
    /// kinds whose records `DocumentJSON`, `DocumentRecord` and `BatchDatabase` write by name.
    static var output: RecordOutput? { get }
    /// Where the matcher's scan starts and what may follow a number that begins a match: the candidate index and
    /// the matcher's shortcut are built from this one declaration (see `ScanDeclaration`).
    static var scan: ScanDeclaration { get }
    /// Reads what the matcher needs from the pipeline's lexicons, once when the pipeline is loaded (see
    /// `Lexicons.prepared`); throws when a lexicon it needs is missing or malformed.
    static func prepare(_ lexicons: Lexicons) throws
    func find(in context: MatchContext) -> [Mention]
}

extension Matcher {
    package static var output: RecordOutput? { nil }
    package static func prepare(_ lexicons: Lexicons) throws {}
}

/// What a matcher's scan is built from, declared once beside its rule: the candidate kind it jumps between and
/// which characters are of that kind (`CandidateTable` sets its bits from the registered matchers' declarations),
/// and which characters may follow an integer that begins a match (`MatchContext.integerRuledOut` passes over an
/// integer followed by anything else without reading it). Lexicon-made sets (money units, measure words, area
/// units) are read from the pipeline's lexicons, the same lists the rule itself reads, so that a unit added to a
/// lexicon is a unit both for the rule and for its shortcut.
package struct ScanDeclaration: Sendable {
    let kind: Candidate
    let starts: @Sendable (UInt32) -> Bool
    let numberFollowers: (@Sendable (Lexicons) -> ScalarSet)?

    init(kind: Candidate, starts: @escaping @Sendable (UInt32) -> Bool, numberFollowers: (@Sendable (Lexicons) -> ScalarSet)? = nil) {
        self.kind = kind
        self.starts = starts
        self.numberFollowers = numberFollowers
    }
}

/// How a matcher's records appear in every output: the document's JSON array `key` (and the database table of
/// the same name), and the fields of each record after its provenance keys, in order. A matcher that declares
/// one produces `MentionValue.record` values whose `fields` follow it; the JSON writer, `DocumentRecord`, the
/// database and the example summaries then carry it without code of their own.
package struct RecordOutput: Sendable {
    package var key: String
    package var fields: [RecordField]

    package init(key: String, fields: [RecordField]) {
        self.key = key
        self.fields = fields
    }

    /// One field: its JSON key (also its database column), its JSON type, whether it may be null, and what it means.
    package struct RecordField: Sendable {
        package enum Kind: String, Sendable { case string, number, integer, boolean }
        package var name: String
        package var kind: Kind
        package var nullable: Bool
        package var meaning: String

        package init(_ name: String, _ kind: Kind, nullable: Bool = false, _ meaning: String) {
            self.name = name
            self.kind = kind
            self.nullable = nullable
            self.meaning = meaning
        }

        /// The SQLite column type.
        var sqlType: String {
            let t = kind == .string ? "TEXT" : kind == .number ? "REAL" : "INTEGER"
            return nullable ? t : t + " NOT NULL"
        }
    }
}

/// A value that describes itself to every output: its fields in the order its matcher's `RecordOutput` declares,
/// and the one-line summary the examples are written in.
package protocol RecordValue: Sendable {
    var fields: [FieldValue] { get }
    var summary: String { get }
}

/// One field's value: a string, an exact number, a boolean or null.
public enum FieldValue: Sendable, Equatable, Codable {
    case string(String)
    case number(ExactDecimal)
    case bool(Bool)
    case null

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else { self = .number(try c.decode(ExactDecimal.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let d): try c.encode(d)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        }
    }

    public static func optional(_ d: ExactDecimal?) -> FieldValue { d.map { .number($0) } ?? .null }

    /// The value as the review page and `diff` show it (`—` for null).
    public var display: String {
        switch self {
        case .string(let s): return s
        case .number(let d): return d.description
        case .bool(let b): return b ? "yes" : "no"
        case .null: return "—"
        }
    }
}

/// One example for a matcher: `text` must yield exactly `expected`, each written
/// `"<matched original text> => <value summary>"`. An empty list is a must-not-match case.
package struct MatcherExample: Sendable {
    package var text: String
    package var expected: [String]
    package var file: String
    package var line: Int

    package init(_ text: String, _ expected: [String], file: String = #filePath, line: Int = #line) {
        self.text = text
        self.expected = expected
        self.file = file
        self.line = line
    }
}

/// What one matcher found: a normalized range and a typed value.
package struct Mention: Sendable {
    package var range: Range<Int>
    package var value: MentionValue
}

package enum MentionValue: Sendable {
    case amount(AmountValue)
    case year(Int, YearKind)
    case period(start: Int, end: Int, unit: String)
    /// A full date and its kind (issue date, cut-off, deadline), decided once by `DateMatcher`.
    case date(year: Int, month: Int, day: Int, kind: DateKind)
    case percent(PercentValue)
    case count(CountValue)
    case docNumber(issuer: String, year: Int, serial: Int, brackets: String)
    /// The value of a matcher that declares its `RecordOutput`.
    case record(any RecordValue)
}

public enum YearKind: String, Sendable, Codable {
    /// 到2025年, 至2025年, 2025年前: a year by which something is to be done.
    case deadline
    /// 截至2023年底: the cut-off of a statistic.
    case cutoff
    case other
}

package struct AmountValue: Sendable {
    /// The number as written, in `unit`.
    package var value: ExactDecimal
    package var valueMax: ExactDecimal?
    package var unit: String
    package var yuan: ExactDecimal
    package var yuanMax: ExactDecimal?
    package var qualifier: Qualifier
    package var chineseNumeral: Bool
    package var table: Bool
    package var yiYuan: ExactDecimal { yuan.scaled(by: -8) }
    package var yiYuanMax: ExactDecimal? { yuanMax?.scaled(by: -8) }

    /// A money unit with 元 written out (亿 → 亿元, 万亿 → 万亿元, as in `超1000亿`); others as they are.
    /// Compared by bytes: units are normalized text.
    static func fullUnit(_ unit: String) -> String {
        unit.sameBytes("亿") ? "亿元" : unit.sameBytes("万亿") ? "万亿元" : unit
    }
}

package struct PercentValue: Sendable {
    package var value: ExactDecimal
    package var valueMax: ExactDecimal?
    /// `%` for a percentage, `个百分点` for percentage points.
    package var unit: String
    package var qualifier: Qualifier
    package var isPoints: Bool { unit != "%" }
}

package struct CountValue: Sendable {
    package var value: ExactDecimal
    package var valueMax: ExactDecimal?
    /// The measure word as written with any multiplier: 家, 个, 万千瓦.
    package var unit: String
    package var baseUnit: String
    /// `value × scale` is the count in `baseUnit`.
    package var scale: Int64
    package var qualifier: Qualifier
}

extension Mention {
    /// A one-line statement of the value, as the examples write it.
    package var summary: String {
        switch value {
        case .amount(let a):
            let max = a.yiYuanMax.map { "-\($0)" } ?? ""
            return "\(a.yiYuan)\(max)亿元 \(a.qualifier.rawValue)"
        case .year(let y, let kind): return "\(y) \(kind.rawValue)"
        case .period(let s, let e, let unit): return "\(s)-\(e)\(unit)"
        case .date(let y, let m, let d, let kind): return "\(isoDate(y, m, d)) \(kind.rawValue)"
        case .percent(let p):
            let max = p.valueMax.map { "-\($0)" } ?? ""
            return "\(p.value)\(max)\(p.unit) \(p.qualifier.rawValue)"
        case .count(let c):
            let max = c.valueMax.map { "-\($0)" } ?? ""
            return "\(c.value)\(max)\(c.unit) \(c.qualifier.rawValue)"
        case .docNumber(let issuer, let year, let serial, _): return "\(issuer) \(year) \(serial)"
        case .record(let v): return v.summary
        }
    }
}

func isoDate(_ y: Int, _ m: Int, _ d: Int) -> String {
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(y)-\(two(m))-\(two(d))"
}

/// What a matcher reads: the normalized document, the lexicons, and a numeral reader.
/// One per task (it holds an ICU handle).
package final class MatchContext: CandidateScanning {
    package let text: NormalizedText
    package let lexicons: Lexicons
    package let numerals: ChineseNumeralReader
    /// The normalized characters (the same array as `text.chars`, held directly for the scanners).
    let chars: [UInt32]
    let candidateTable: CandidateTable
    let candidateIndex: CandidateIndex?
    /// Results other matchers build on, computed once per document.
    lazy var yearPhrases: [(Range<Int>, Int)] = YearMatcher.scanYears(self)
    lazy var dateMentions: [Mention] = DateMatcher.scanText(self)
    lazy var periodMentions: [Mention] = PeriodMatcher.scanText(self)
    /// False to read every number in full (the tests compare the two ways: a shortcut must never lose a match).
    var shortcuts = true
    /// What the matchers read from the lexicons, prepared once per pipeline and held here: a scan reads it
    /// without a look-up by name (and without copying the lexicons) per document.
    let words: MatchWords

    package init(text: NormalizedText, lexicons: Lexicons, numerals: ChineseNumeralReader) {
        self.text = text
        self.lexicons = lexicons
        self.numerals = numerals
        self.chars = text.chars
        candidateTable = lexicons.scan.candidates
        candidateIndex = Self.index(of: text, for: candidateTable)
        words = MatchWords.of(lexicons)
    }


    /// Room for a matcher's mentions in a text of `count` characters, reserved at once (a list grown by
    /// doubling was reallocated and copied ~11 times a document).
    static func mentionRoom(_ count: Int) -> Int { count / 128 + 8 }

    /// The qualifier written just before offset `i` (达到, 超过, 约 …).
    func qualifierBefore(_ i: Int) -> Qualifier? {
        guard i > 0, i <= chars.count else { return nil }
        let last = chars[i - 1]  // a word's last character is compared before the word
        for q in lexicons.qualifiersBefore where q.word.last == last && has(q.word, endingAt: i) {
            // 超 inside 超过 is found as 超过; 达 must not be the end of 到达 only by accident — accept.
            return q.qualifier
        }
        return nil
    }

    /// The qualifier marker just after offset `i` (左右, 以上, 以内, 级 …), with its length.
    func qualifierAfter(_ i: Int) -> (Qualifier, Int)? {
        guard i >= 0, i < chars.count else { return nil }
        let first = chars[i]  // a word's first character is compared before the word
        for q in lexicons.qualifiersAfter where q.word.first == first && has(q.word, at: i) { return (q.qualifier, q.word.count) }
        return nil
    }

    /// A number's qualifier: the marker just after `end` (左右, 以上 …; not 级, which makes a tier), else the word
    /// just before `start` (达到, 超过, 约 …), else none.
    func qualifier(before start: Int, after end: Int) -> Qualifier {
        if let (after, _) = qualifierAfter(end), after != .level { return after }
        return qualifierBefore(start) ?? .none
    }

    /// The upper end of a range whose separator (`-`, `至`, `～` … of `number_words`) is at `k`: the Arabic number
    /// after it and where that ends, when `fits` accepts them (a larger value, the unit after it …); else nil.
    func rangeEnd(at k: Int, fits: (ExactDecimal, Int) -> Bool) -> (ExactDecimal, Int)? {
        guard k < chars.count, numberWords.rangeSeparators.contains(chars[k]), startsNumber(k + 1),
              let (b, bEnd) = arabicNumber(at: k + 1), fits(b, bEnd) else { return nil }
        return (b, bEnd)
    }

    /// An Arabic number starting at `i`: digits with an optional decimal part.
    func arabicNumber(at i: Int) -> (ExactDecimal, Int)? {
        let c = chars
        var k = i
        var sig: Int64 = 0
        var exp = 0
        var digits = 0
        while k < c.count, CharClass.isDigit(c[k]) {
            guard let a = sig.appendingDigit(Int64(c[k] - 0x30)) else { return nil }
            sig = a; k += 1; digits += 1
        }
        if digits == 0 { return nil }
        if k + 1 < c.count, c[k] == UInt32(char: "."), CharClass.isDigit(c[k + 1]) {
            k += 1
            while k < c.count, CharClass.isDigit(c[k]) {
                guard let a = sig.appendingDigit(Int64(c[k] - 0x30)) else { return nil }
                sig = a; exp -= 1; k += 1
            }
        }
        return (ExactDecimal(significand: sig, exponent: exp), k)
    }

    /// The matcher's declared number followers (`ScanDeclaration.numberFollowers`), made once per pipeline.
    func followers<M: Matcher>(of matcher: M.Type) -> ScalarSet {
        let id = ObjectIdentifier(M.self)
        for (m, set) in words.followers where m == id { return set }
        return Self.followers(of: M.self, lexicons)
    }

    /// The matcher's declared number followers, made from `lexicons` once per pipeline.
    static func followers<M: Matcher>(of matcher: M.Type, _ lexicons: Lexicons) -> ScalarSet {
        guard let make = M.scan.numberFollowers else { return ScalarSet([]) }
        return lexicons.prepared.value("scan followers: " + M.id) { make(lexicons) }
    }

    /// The end of the integer that starts at `i` when the character after it (if any) is not in
    /// `followers` — where `arabicNumber(at: i)` would end — else nil (no number starts at `i`, it has a
    /// fractional part, or it may be what the scanner looks for). A scanner that needs a given character after
    /// a number passes over the others without reading them (most numbers are followed by 年, 家 or 亿元).
    @inline(__always) func integerRuledOut(at i: Int, followers: ScalarSet) -> Int? {
        guard shortcuts, startsNumber(i) else { return nil }
        let c = chars
        var k = i
        while k < c.count, CharClass.isDigit(c[k]) { k += 1 }
        if k + 1 < c.count, c[k] == UInt32(char: "."), CharClass.isDigit(c[k + 1]) { return nil }
        return k >= c.count || !followers.contains(c[k]) ? k : nil
    }

    /// True when `i` can start a number (the character before is not part of one).
    @inline(__always) func startsNumber(_ i: Int) -> Bool {
        let c = chars
        guard i < c.count, CharClass.isDigit(c[i]) else { return false }
        if i == 0 { return true }
        let p = c[i - 1]
        return !CharClass.isDigit(p) && p != UInt32(char: ".") && !CharClass.isASCIILetter(p)
            && !(p == UInt32(char: "-") && i >= 2 && CharClass.isASCIILetter(c[i - 2]))
    }
}

/// Reads Chinese numerals with ICU's spell-out rules (locale zh), caching each distinct numeral.
/// One per task.
package final class ChineseNumeralReader {
    private let reader = SpelloutReader()
    private var cache: [[UInt32]: Int64?] = [:]
    /// The longest numeral read: 九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九, the largest 64 bits
    /// hold in 万/亿 groups, is 31 characters; a longer run (a page of 一亿一亿…) is no number, and ICU's
    /// reading of one takes time growing with the square of its length (a 240 000-character run: minutes).
    static let maxLength = 64
    /// Distinct numerals kept (a worker reads many documents; the cache starts over past this).
    static let maxCached = 4096

    package init() {}

    /// The value of a numeral such as 三千八百三十, 两千, 千 (= 一千), 二〇二五; nil when unreadable.
    package func value(_ numeral: ArraySlice<UInt32>) -> Int64? {
        if numeral.count > Self.maxLength { return nil }
        if cache.count >= Self.maxCached { cache.removeAll(keepingCapacity: true) }
        let key = Array(numeral)
        if let hit = cache[key] { return hit }
        var v: Int64? = nil
        var input = key
        if let first = input.first, first != NumberMark.ten, CharClass.chinesePlace(first) != nil { input.insert(NumberMark.one, at: 0) }
        if input.allSatisfy({ CharClass.chineseDigit($0) != nil }) && input.count > 1 {
            // Digit by digit: 二〇二五 → 2025.
            // Too many digits for 64 bits: unreadable, not a crash.
            var x: Int64? = 0
            for c in input { x = x?.appendingDigit(Int64(CharClass.chineseDigit(c)!)) }
            v = x
        } else if let reader, let d = reader.value(of: UTF16Text.units(input)), d >= 0, d < 9e15, d == d.rounded() {
            v = Int64(d)
        } else {
            v = Self.parse(input)
        }
        cache[key] = v
        return v
    }

    /// A plain reading of 万/亿-grouped numerals, used when ICU cannot read one; nil when unreadable or
    /// beyond 64 bits (亿亿亿…).
    static func parse(_ s: [UInt32]) -> Int64? {
        var total: Int64 = 0, section: Int64 = 0, digit: Int64 = -1
        var overflow = false
        @inline(__always) func add(_ a: Int64, _ b: Int64) -> Int64 { let (r, o) = a.addingReportingOverflow(b); overflow = overflow || o; return r }
        @inline(__always) func mul(_ a: Int64, _ b: Int64) -> Int64 { let (r, o) = a.multipliedReportingOverflow(by: b); overflow = overflow || o; return r }
        for c in s {
            if let d = CharClass.chineseDigit(c) { digit = Int64(d); continue }
            guard let p = CharClass.chinesePlace(c) else { return nil }
            if p >= 10_000 {
                section = add(section, max(digit, 0))
                total = mul(add(total, section), p)
                section = 0
            } else {
                section = add(section, mul(digit < 0 ? 1 : digit, p))
            }
            digit = -1
            if overflow { return nil }
        }
        if digit >= 0 { section = add(section, digit) }
        let value = add(total, section)
        return overflow ? nil : value
    }
}

/// Every matcher the tool knows, by id.
package enum MatcherRegistry {
    package static let all: [any Matcher] = [
        AmountMatcher(), YearMatcher(), PeriodMatcher(), DateMatcher(), PercentMatcher(), CountMatcher(), DocNumberMatcher(),
        AreaMatcher(),
    ]
    /// Every matcher's scan declaration, which the candidate table is built from.
    static let scans: [ScanDeclaration] = all.map { type(of: $0).scan }
    /// The matchers that declare their `RecordOutput`, in registry order, with their ids.
    static let declaredOutputs: [(id: String, output: RecordOutput)] = all.compactMap { m in
        type(of: m).output.map { (type(of: m).id, $0) }
    }
    package static var ids: [String] { all.map { type(of: $0).id } }
    package static func matcher(_ id: String) -> (any Matcher)? { all.first { type(of: $0).id == id } }
}

/// The words and characters around numbers that the number matchers read, by role, from the `number_words` lexicon
/// (a class: the matchers pass it to their helpers per candidate without copying its sets).
final class NumberWords: Sendable {
    /// Between the two ends of a range (30至50亿元, 10%-15%), in the lexicon's order.
    let rangeSeparatorCharacters: [UInt32]
    let rangeSeparators: ScalarSet
    /// Before a Chinese numeral, makes it vague or an ordinal (数十亿, 第一): no amount.
    let vagueBeforeNumeral: ScalarSet
    /// Before an amount right after another: an item of the same enumeration, taking the first one's verb.
    let enumerationJoiners: ScalarSet
    /// Joins bare numbers that share the percent unit written after the last (0.6和12.2个百分点), in the lexicon's order.
    let percentJoinerCharacters: [UInt32]
    let percentJoiners: ScalarSet
    /// 个百分点 and 百分点: the unit of a change in percentage points.
    let percentagePoints: [UInt32]
    /// 个百分点 as written in a percent record's unit.
    let percentagePointsText: String
    let percentagePointsShort: [UInt32]
    /// 百分之: a percentage written in words before its numeral.
    let spelledPercent: [UInt32]

    static let lexicon = "number_words"

    convenience init() { try! self.init([], origin: "", requireAll: false) }

    convenience init(_ rows: [[String]], origin: String) throws { try self.init(rows, origin: origin, requireAll: true) }

    private init(_ rows: [[String]], origin: String, requireAll: Bool) throws {
        var separators: [UInt32] = [], vague: [UInt32] = [], enumeration: [UInt32] = [], joiners: [UInt32] = []
        var points: [UInt32] = [], pointsText = "", pointsShort: [UInt32] = [], spelled: [UInt32] = []
        func one(_ r: [String]) throws -> UInt32 {
            let w = scalars(r[1])
            guard w.count == 1 else { throw PipelineError("\(origin): \(Self.lexicon) row \(r): a \(r[0]) is one character") }
            return w[0]
        }
        for r in rows {
            guard r.count >= 2, !r[1].isEmpty else { throw PipelineError("\(origin): \(Self.lexicon) row \(r) needs a role and a word") }
            switch r[0] {
            case "range_separator": separators.append(try one(r))
            case "vague_before_numeral": vague.append(try one(r))
            case "enumeration_joiner": enumeration.append(try one(r))
            case "percent_joiner": joiners.append(try one(r))
            case "percentage_points": points = scalars(r[1]); pointsText = r[1]
            case "percentage_points_short": pointsShort = scalars(r[1])
            case "spelled_percent": spelled = scalars(r[1])
            default: throw PipelineError("\(origin): \(Self.lexicon) row \(r): unknown role \(r[0])")
            }
        }
        for (role, w) in [("percentage_points", points), ("percentage_points_short", pointsShort), ("spelled_percent", spelled)]
        where requireAll && w.isEmpty {
            throw PipelineError("\(origin): \(Self.lexicon) has no \(role) row")
        }
        rangeSeparatorCharacters = separators
        rangeSeparators = ScalarSet(separators)
        vagueBeforeNumeral = ScalarSet(vague)
        enumerationJoiners = ScalarSet(enumeration)
        percentJoinerCharacters = joiners
        percentJoiners = ScalarSet(joiners)
        percentagePoints = points
        percentagePointsText = pointsText
        percentagePointsShort = pointsShort
        spelledPercent = spelled
    }

    /// The pipeline's number words, read from its lexicon once.
    static func of(_ lexicons: Lexicons) throws -> NumberWords {
        try lexicons.prepared.value(lexicon) { try NumberWords(lexicons.rows(of: lexicon), origin: lexicons.origin) }
    }
}

extension MatchContext {
    /// The pipeline's number words (prepared when the pipeline was loaded; read once per scan, never per character).
    var numberWords: NumberWords { words.numberWords }
}

/// What the matchers read from a pipeline's lexicons, made once per pipeline (`MatchWords.of`) and held by each
/// `MatchContext`: the number words, each registered matcher's number followers, and the words of the matchers
/// that read their own lexicon (nil, or the empty words, where a lexicon is missing, as the matchers read them).
final class MatchWords: Sendable {
    let numberWords: NumberWords
    /// Each registered matcher's `ScanDeclaration.numberFollowers`, by the matcher's type.
    let followers: [(ObjectIdentifier, ScalarSet)]
    let yearKindWords: YearMatcher.KindWords
    let docNumberWords: DocNumberMatcher.Words?
    let areaUnits: AreaMatcher.Units?

    private init(_ lexicons: Lexicons) {
        numberWords = (try? NumberWords.of(lexicons)) ?? NumberWords()
        func followers<M: Matcher>(_ m: M) -> (ObjectIdentifier, ScalarSet) { (ObjectIdentifier(M.self), MatchContext.followers(of: M.self, lexicons)) }
        self.followers = MatcherRegistry.all.map { followers($0) }
        yearKindWords = (try? YearMatcher.kindWords(lexicons)) ?? YearMatcher.KindWords()
        docNumberWords = try? DocNumberMatcher.words(lexicons)
        areaUnits = try? AreaMatcher.units(lexicons)
    }

    static let key = "match words"

    /// The pipeline's words, made the first time they are asked for.
    static func of(_ lexicons: Lexicons) -> MatchWords { lexicons.prepared.value(key) { MatchWords(lexicons) } }
}

/// Characters with a fixed role in the numbers and dates the matchers read, named for that role.
enum NumberMark {
    /// 一: the digit one, written before a bare place value (千 → 一千).
    static let one = UInt32(char: "一")
    /// 十, 百, 千: place values below 万.
    static let ten = UInt32(char: "十")
    static let hundred = UInt32(char: "百")
    static let thousand = UInt32(char: "千")
    /// 万 (10⁴) and 亿 (10⁸): multipliers written between a number and its unit.
    static let tenThousand = UInt32(char: "万")
    static let hundredMillion = UInt32(char: "亿")
    /// 点: the decimal point of a number in Chinese numerals (百分之三点五).
    static let decimalPoint = UInt32(char: "点")
    /// 第: makes the number after it an ordinal.
    static let ordinal = UInt32(char: "第")
    /// 级: a tier (千亿级).
    static let tier = UInt32(char: "级")
    /// 个: the measure word of 个百分点.
    static let measureGe = UInt32(char: "个")
    /// 年, 月, 日: the year, month and day of a date; 号: a day in speech (8月15号) and a document's serial (3号).
    static let year = UInt32(char: "年")
    static let month = UInt32(char: "月")
    static let day = UInt32(char: "日")
    static let dayOrSerial = UInt32(char: "号")
    /// 、: the enumeration comma between list items.
    static let listComma = UInt32(char: "、")
}
