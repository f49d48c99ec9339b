/// The characters a scanner starts from: each matcher and resolver looks at a text only where one of its
/// kind occurs.
enum Candidate: Int, CaseIterable {
    /// The kinds the matchers start from; which characters each holds is the matchers' `ScanDeclaration`s'.
    /// 0–9: periods, counts, dates, areas.
    case digit
    /// A digit or a Chinese numeral: amounts.
    case numberStart
    /// A digit or 百 (百分之): percentages.
    case percentStart
    /// 年: years.
    case yearSuffix
    /// An opening bracket of a document number: 〔 [ ( 【 〖.
    case openingBracket
    /// 集: clusters.
    case clusterCharacter
    /// The first characters of the list labels and duty phrases (牵头单位, 责任单位, 抄送, 按职责分工负责 …).
    case departmentLabel
    /// The first characters of the issuing verbs (印发, 出台, 发布 …).
    case issueVerb
    /// The first characters of the central bodies and department suffixes of the pipeline's lexicons.
    case bodyWord
    /// “: quoted labels.
    case openQuote
    /// Tab: table rows.
    case tab
    /// The first characters of the place names of the pipeline's lexicons.
    case placeFirst
    /// The last characters of the central bodies and department suffixes of the pipeline's lexicons: a
    /// sentence without one (nor one within a word's length after it) names no body.
    case bodyWordLast
    /// 《: the title of a policy, which an issuing verb must be followed by.
    case titleOpen
}

/// A text scanned with a pipeline's lexicons (the matchers' and the resolvers' contexts).
protocol CandidateScanning: ScalarText {
    /// The lexicons' candidate table.
    var candidateTable: CandidateTable { get }
    /// The text's candidate index when it was built with `candidateTable`, else nil (held directly: the
    /// scanners ask for it once per candidate, and reading it through the text and the lexicons copied both).
    var candidateIndex: CandidateIndex? { get }
}

extension CandidateScanning {
    /// The first index in `from..<end` whose character is of `kind`, else `end`: through the text's index
    /// when it was built with these lexicons, else by testing each character.
    @inline(__always) func next(_ kind: Candidate, from: Int, to end: Int) -> Int {
        if let index = candidateIndex { return index.next(kind, from: from, to: end) }
        return candidateTable.scan(chars, kind, from: from, to: end)
    }

    /// `text.candidates` when it was built with `table`.
    static func index(of text: NormalizedText, for table: CandidateTable) -> CandidateIndex? {
        guard let index = text.candidates, index.table === table else { return nil }
        return index
    }
}

/// For every character of the Basic Multilingual Plane, one bit per `Candidate` kind it belongs to. Built
/// once per pipeline (the `bodyWord` and `placeFirst` kinds depend on its lexicons); no kind holds a
/// character outside the plane.
final class CandidateTable: @unchecked Sendable {
    let bits: [UInt16]
    /// One bit per character: a candidate of any kind. 8 KB, where `bits` is 128 KB: the scan of a text
    /// reads this first and `bits` only for candidates, which keeps it in the first-level cache.
    let any: [UInt64]
    /// The table without lexicon words (`bodyWord` is empty), for texts scanned outside a pipeline.
    static let standard = CandidateTable(bodyWordFirsts: ScalarSet([]), placeFirsts: ScalarSet([]), bodyWordLasts: ScalarSet([]))

    /// 集 of 集群: where a cluster's name may end.
    static let clusterCharacter = UInt32(char: "集")
    /// “ and 《: a quoted label, a policy's title.
    static let openingQuote = UInt32(char: "“")
    static let openingTitle = UInt32(char: "《")
    static let tab = UInt32(char: "\t")

    /// `scans`: the matchers' declarations, which make the kinds they start from (the registered matchers' unless
    /// a test gives others).
    init(bodyWordFirsts: ScalarSet, placeFirsts: ScalarSet, bodyWordLasts: ScalarSet, scans: [ScanDeclaration] = MatcherRegistry.scans) {
        var bits = [UInt16](repeating: 0, count: 0x10000)
        // The sets read once here, not once per character (each is a static read through a lazy initializer),
        // and each scan's test run over the plane in its own loop.
        let triggers = DepartmentResolver.triggers, issueVerbFirsts = DepartmentResolver.issueVerbFirsts
        bits.withUnsafeMutableBufferPointer { b in
            for s in scans {
                let bit = UInt16(1) << UInt16(s.kind.rawValue), starts = s.starts
                for c in UInt32(0)..<0x10000 where starts(c) { b[Int(c)] |= bit }
            }
            for c in UInt32(0)..<0x10000 {
                var m: UInt16 = 0
                @inline(__always) func set(_ kind: Candidate, _ yes: Bool) { if yes { m |= 1 << UInt16(kind.rawValue) } }
                set(.clusterCharacter, c == Self.clusterCharacter)
                set(.departmentLabel, triggers.contains(c))
                set(.issueVerb, issueVerbFirsts.contains(c))
                set(.bodyWord, bodyWordFirsts.contains(c))
                set(.openQuote, c == Self.openingQuote)
                set(.tab, c == Self.tab)
                set(.placeFirst, placeFirsts.contains(c))
                set(.bodyWordLast, bodyWordLasts.contains(c))
                set(.titleOpen, c == Self.openingTitle)
                b[Int(c)] |= m
            }
        }
        self.bits = bits
        var any = [UInt64](repeating: 0, count: PlaneBitmap.words)  // nothing beyond the plane is a candidate
        for c in 0..<0x10000 where bits[c] != 0 { any[c >> 6] |= 1 << UInt64(c & 63) }
        self.any = any
    }

    @inline(__always) func contains(_ c: UInt32, _ kind: Candidate) -> Bool {
        c < 0x10000 && bits[Int(c)] & (1 << UInt16(kind.rawValue)) != 0
    }

    /// The first index in `from..<end` whose character is of `kind`, else `end`, by testing each character
    /// (for a text without an index).
    func scan(_ chars: [UInt32], _ kind: Candidate, from: Int, to end: Int) -> Int {
        let stop = Swift.min(end, chars.count)
        let bit = UInt16(1) << UInt16(kind.rawValue)
        return chars.withUnsafeBufferPointer { p in
            bits.withUnsafeBufferPointer { t in
                var k = from
                // The 8 KB bitmap of all candidates first: most characters are none, and `bits` (128 KB) is read
                // only for those that are.
                let a = any
                while k < stop {
                    let c = p[k]
                    if a.planeBit(c) != 0, c < 0x10000, t[Int(c)] & bit != 0 { return k }
                    k += 1
                }
                return end
            }
        }
    }
}

/// Where each kind of candidate character occurs in one document, found in one pass over the text: a
/// scanner jumps from one candidate to the next instead of testing every character once per scanner.
///
/// `next` gives exactly what a test of every character would give. It keeps, per kind, where the last
/// answer was found, so a scanner moving forward costs one step per candidate; a call that goes back
/// searches from scratch. An index belongs to one document, which one thread processes.
final class CandidateIndex: @unchecked Sendable {
    let table: CandidateTable
    private let count: Int
    /// Positions of every kind, kind after kind, each in text order; kind `k` holds `starts[k]..<starts[k + 1]`.
    private let positions: UnsafeMutablePointer<Int32>
    private let starts: UnsafeMutablePointer<Int>
    private let cursors: UnsafeMutablePointer<Int>

    init(_ chars: [UInt32], table: CandidateTable) {
        self.table = table
        count = chars.count
        let kinds = Candidate.allCases.count
        starts = .allocate(capacity: kinds + 1)
        cursors = .allocate(capacity: kinds)
        // One pass over the text: the candidates and their kinds, written through pointers.
        let n = chars.count
        let hits = UnsafeMutablePointer<Int32>.allocate(capacity: max(n, 1))
        let masks = UnsafeMutablePointer<UInt16>.allocate(capacity: max(n, 1))
        let perKind = UnsafeMutablePointer<Int>.allocate(capacity: kinds)
        let fill = UnsafeMutablePointer<Int>.allocate(capacity: kinds)
        perKind.initialize(repeating: 0, count: kinds)
        defer { hits.deallocate(); masks.deallocate(); perKind.deallocate(); fill.deallocate() }
        var found = 0
        chars.withUnsafeBufferPointer { p in
            table.any.withUnsafeBufferPointer { a in
                // Without a branch on the character (a candidate is too common to predict): every
                // position is written, and kept by moving on only when it is a candidate.
                for i in 0..<n {
                    hits[found] = Int32(truncatingIfNeeded: i)
                    found &+= Int(truncatingIfNeeded: a.planeBit(p[i]))
                }
            }
            // Kinds per candidate, counted per kind on the way.
            table.bits.withUnsafeBufferPointer { t in
                for h in 0..<found {
                    let m = t[Int(p[Int(hits[h])])]
                    masks[h] = m
                    var rest = m
                    while rest != 0 {
                        perKind[rest.trailingZeroBitCount] &+= 1
                        rest &= rest &- 1
                    }
                }
            }
        }
        // Each kind's positions in its own part of one array.
        var total = 0
        for k in 0..<kinds { starts[k] = total; cursors[k] = total; fill[k] = total; total &+= perKind[k] }
        starts[kinds] = total
        positions = .allocate(capacity: max(total, 1))
        for h in 0..<found {
            var rest = masks[h]
            let at = hits[h]
            while rest != 0 {
                let k = rest.trailingZeroBitCount
                positions[fill[k]] = at
                fill[k] &+= 1
                rest &= rest &- 1
            }
        }
    }

    deinit {
        positions.deallocate()
        starts.deallocate()
        cursors.deallocate()
    }

    /// The first index in `from..<end` whose character is of `kind`, else `end`.
    @inline(__always) func next(_ kind: Candidate, from: Int, to end: Int) -> Int {
        let k = kind.rawValue
        let lo = starts[k], hi = starts[k + 1]
        var c = cursors[k]
        if c > lo && Int(positions[c - 1]) >= from {
            // Behind the last answer: search the kind's positions.
            var a = lo, b = c - 1
            while a < b {
                let m = (a + b) / 2
                if Int(positions[m]) < from { a = m + 1 } else { b = m }
            }
            c = a
        } else {
            while c < hi && Int(positions[c]) < from { c += 1 }
        }
        cursors[k] = c
        if c < hi {
            let p = Int(positions[c])
            if p < end { return p }
        }
        return end
    }
}
