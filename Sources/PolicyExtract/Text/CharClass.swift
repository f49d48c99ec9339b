/// Character classes over Unicode scalar values, used by every hand-written scanner. Which characters are
/// Han, CJK punctuation, numerals or clause breaks is read from `lexicons/text-characters.tsv` and
/// `lexicons/chinese-numerals.tsv` (see `TextLexicon`).
enum CharClass {
    /// The classes, read once.
    static let lexicon = TextLexicon.standard

    @inline(__always) static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isASCIILetter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    /// Han ideographs (`han_ranges`: CJK unified, extension A, compatibility, supplementary planes) and 〇.
    @inline(__always) static func isHan(_ c: UInt32) -> Bool {
        if c <= TextLexicon.lastOfPlane { return lexicon.han.contains(c) }
        return lexicon.hanBeyondPlane.contains { $0.contains(c) }
    }
    /// CJK punctuation that survives NFKC (`cjk_punctuation_ranges`): 、。〈〉《》「」『』【】〔〕 “ ” ‘ ’ — … ·
    @inline(__always) static func isCJKPunct(_ c: UInt32) -> Bool { lexicon.cjkPunctuation.contains(c) }
    @inline(__always) static func isSpace(_ c: UInt32) -> Bool { c == 0x20 }
    @inline(__always) static func isNewline(_ c: UInt32) -> Bool { c == 0x0A }
    /// The value of a Chinese digit (〇零一二两三四五六七八九, and ○ ◯ written for 〇).
    @inline(__always) static func chineseDigit(_ c: UInt32) -> Int? {
        guard lexicon.digits.contains(c) else { return nil }
        for (d, v) in lexicon.digitValues where d == c { return v }
        return nil
    }
    /// The value of a Chinese place numeral (十百千万亿).
    @inline(__always) static func chinesePlace(_ c: UInt32) -> Int64? {
        guard lexicon.places.contains(c) else { return nil }
        for (p, v) in lexicon.placeValues where p == c { return v }
        return nil
    }
    @inline(__always) static func isChineseNumeral(_ c: UInt32) -> Bool { lexicon.numerals.contains(c) }

    /// Clause delimiters (`clause_breaks`: ,;。:!? in normalized text, where full-width forms are folded)
    /// and the newline.
    @inline(__always) static func isClauseBreak(_ c: UInt32) -> Bool { c == 0x0A || lexicon.clauseBreaks.contains(c) }
}

extension UInt32 {
    /// The scalar value of a one-character string literal, for readable comparisons.
    @inline(__always) init(char: Unicode.Scalar) { self = char.value }
}

extension RandomAccessCollection where Index == Int {
    /// In a collection sorted by `position`, the first index whose element's position is at or after `bound`
    /// (`endIndex` when none is), found by halves.
    func firstIndex(atOrAfter bound: Int, by position: (Element) -> Int) -> Int {
        var lo = startIndex, hi = endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if position(self[mid]) < bound { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Scalar values of a string, for comparisons in scanners. The array is given room for one scalar per UTF-8
/// byte at once (`unicodeScalars.map` starts from an empty array and grows it several times).
func scalars(_ s: String) -> [UInt32] {
    var out: [UInt32] = []
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars { out.append(u.value) }
    return out
}

extension String {
    /// Lends the string's UTF-8 bytes to `body`: read in place for a native string (the usual case), else
    /// from a contiguous copy.
    @inline(__always) func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        var s = self
        return s.withUTF8(body)
    }

    /// Lends the UTF-8 bytes of this string and `other` to `body` (see `withUTF8Bytes(_:)`).
    @inline(__always) func withUTF8Bytes<R>(and other: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUTF8Bytes { p in other.withUTF8Bytes { q in body(p, q) } }
    }

    /// `hasPrefix` by UTF-8 bytes (the texts are normalized, so no canonical equivalence is needed;
    /// the standard library's version normalizes non-ASCII text on every call).
    func startsWith(_ prefix: String) -> Bool {
        withUTF8Bytes(and: prefix) { x, y in
            if y.count > x.count { return false }
            for i in 0..<y.count where x[i] != y[i] { return false }
            return true
        }
    }

    /// `hasSuffix` by UTF-8 bytes.
    func endsWith(_ suffix: String) -> Bool {
        withUTF8Bytes(and: suffix) { x, y in
            if y.count > x.count { return false }
            let offset = x.count - y.count
            for i in 0..<y.count where x[offset + i] != y[i] { return false }
            return true
        }
    }

    /// Byte-wise equality: what `==` answers for texts in one normalization form (the normalized text and
    /// what is built from it), without `==`'s normalization of non-ASCII text on every comparison.
    func sameBytes(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        return withUTF8Bytes(and: other) { p, q in
            if p.baseAddress == q.baseAddress { return true }  // one storage (a string copied, not rebuilt)
            for i in 0..<p.count where p[i] != q[i] { return false }
            return true
        }
    }

    /// True when `sub` occurs in the string: a byte search over UTF-8, without Foundation.
    func includes(_ sub: String) -> Bool {
        withUTF8Bytes(and: sub) { a, b in
            if b.isEmpty { return true }
            if b.count > a.count { return false }
            let first = b[0]
            var i = 0
            while i + b.count <= a.count {
                if a[i] == first {
                    var k = 1
                    while k < b.count && a[i + k] == b[k] { k += 1 }
                    if k == b.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}

/// Bitmaps over the Basic Multilingual Plane hold 1025 words: 1024 for the plane, and a last word that every
/// character beyond it reads (empty, or all set where those characters must take the slow way), so that a
/// test needs no branch on the plane.
enum PlaneBitmap {
    static let words = 1025
}

extension RandomAccessCollection where Element == UInt64, Index == Int {
    /// Bit `c` of a plane bitmap (see `PlaneBitmap`), as 0 or 1.
    @inline(__always) func planeBit(_ c: UInt32) -> UInt64 {
        (self[Swift.min(Int(c &>> 6), PlaneBitmap.words - 1)] &>> UInt64(c & 63)) & 1
    }
}

/// A set of BMP characters as a bitmap: membership in one load, for the scanners' first-character tests.
struct ScalarSet {
    private var bits = [UInt64](repeating: 0, count: PlaneBitmap.words)

    init<S: Sequence>(_ chars: S) where S.Element == UInt32 { for c in chars { insert(c) } }

    mutating func insert(_ c: UInt32) {
        guard c < 0x10000 else { return }
        bits[Int(c >> 6)] |= 1 << UInt64(c & 63)
    }

    @inline(__always) func contains(_ c: UInt32) -> Bool { bits.planeBit(c) != 0 }
}

/// Text held as an array of scalars, with the word tests every scanner uses.
protocol ScalarText {
    var chars: [UInt32] { get }
}

extension ScalarText {
    /// True when the text at `i` begins with `word`.
    @inline(__always) func has(_ word: [UInt32], at i: Int) -> Bool {
        let text = chars
        if i < 0 || i + word.count > text.count { return false }
        return text.withUnsafeBufferPointer { t in
            word.withUnsafeBufferPointer { w in
                for k in 0..<w.count where t[i + k] != w[k] { return false }
                return true
            }
        }
    }

    /// True when the text ending just before `end` is `word`.
    @inline(__always) func has(_ word: [UInt32], endingAt end: Int) -> Bool { has(word, at: end - word.count) }

    /// True when any of `words` occurs inside `range` (one pass, words looked up by first character).
    func containsAny(_ words: WordsByFirst, in range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound {
            if let group = words.words(startingWith: chars[k]) {
                for w in group where k + w.count <= range.upperBound && has(w, at: k) { return true }
            }
            k += 1
        }
        return false
    }

    /// True when `word` occurs anywhere inside `range`.
    func contains(_ word: [UInt32], in range: Range<Int>) -> Bool {
        let text = chars
        let lo = Swift.max(range.lowerBound, 0), hi = Swift.min(range.upperBound, text.count)
        return text.withUnsafeBufferPointer { occurs(word, in: $0, from: lo, to: hi) }
    }
}

/// True when `word` occurs within `from..<end` of `t`: the first character in a tight loop, the rest compared
/// only where it matches.
func occurs(_ word: [UInt32], in t: UnsafeBufferPointer<UInt32>, from lo: Int, to hi: Int) -> Bool {
    let n = word.count
    guard n > 0 else { return true }
    guard hi - lo >= n else { return false }
    return word.withUnsafeBufferPointer { w in
        let first = w[0]
        var k = lo
        let last = hi - n
        while k <= last {
            if t[k] == first {
                var j = 1
                while j < n && t[k + j] == w[j] { j += 1 }
                if j == n { return true }
            }
            k += 1
        }
        return false
    }
}

/// The first index in `from..<end` whose character is `a` or `b`, else `end`: eight characters compared at
/// a time, for the scans that look for one or two characters only (line breaks, spaces).
@inline(__always) func firstIndex(of a: UInt32, or b: UInt32, in p: UnsafeBufferPointer<UInt32>, from: Int, to end: Int) -> Int {
    var i = from
    if let base = p.baseAddress {
        let raw = UnsafeRawPointer(base)
        let va = SIMD8<UInt32>(repeating: a), vb = SIMD8<UInt32>(repeating: b)
        while i + 8 <= end {
            let v = raw.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<UInt32>.self)
            if any((v .== va) .| (v .== vb)) { break }
            i &+= 8
        }
    }
    while i < end, p[i] != a, p[i] != b { i += 1 }
    return i
}

/// The first index in `from..<end` whose character is `c`, else `end` (eight at a time).
@inline(__always) func firstIndex(of c: UInt32, in p: UnsafeBufferPointer<UInt32>, from: Int, to end: Int) -> Int {
    firstIndex(of: c, or: c, in: p, from: from, to: end)
}

/// `v` rounded to `places` decimals, written as a plain decimal (12.3158 → "12.32" for 2). A value beyond
/// what 64 bits hold at that precision (a document can state any figure) is written as Swift writes a
/// Double (`1e+30`), never a crash.
func decimalText(_ v: Double, _ places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    guard let significand = Int64(exactly: (v * scale).rounded()) else { return v.description }
    return ExactDecimal(significand: significand, exponent: -places).description
}

/// A small set of character pairs: a 16-bit hash of each pair in a bitmap answers most misses at once, and
/// the pairs, kept sorted, are searched by halves for the rest. Cheaper than `Set` hashing for the few
/// dozen pairs a word list gives.
struct PairSet {
    private let pairs: [UInt64]
    private let hashes: ScalarSet
    init(_ list: [(UInt32, UInt32)]) {
        pairs = Set(list.map { UInt64($0.0) << 32 | UInt64($0.1) }).sorted()
        hashes = ScalarSet(list.map { Self.hash($0.0, $0.1) })
    }

    @inline(__always) static func hash(_ a: UInt32, _ b: UInt32) -> UInt32 { (a &* 31 &+ b) & 0xFFFF }

    @inline(__always) func contains(_ a: UInt32, _ b: UInt32) -> Bool {
        guard hashes.contains(Self.hash(a, b)) else { return false }
        let key = UInt64(a) << 32 | UInt64(b)
        var lo = 0, hi = pairs.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if pairs[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < pairs.count && pairs[lo] == key
    }
}

/// Words grouped by their first character, for scanners that test every position: a lookup is one load
/// (a BMP bitmap and a small table), never a hash.
struct WordsByFirst {
    private var slot = [Int16](repeating: -1, count: 0x10000)
    /// One bit per character of the plane that begins a word: most characters begin none, and this 8 KB
    /// bitmap answers them from the first-level cache, where `slot` (128 KB per list) would not.
    private var present = [UInt64](repeating: 0, count: PlaneBitmap.words)
    private(set) var groups: [[[UInt32]]] = []
    /// For each group, the positions of its words in the list given.
    private var positionGroups: [[Int]] = []
    private var outsideBMP: [UInt32: Int] = [:]

    init(_ words: [[UInt32]]) {
        for (position, w) in words.enumerated().sorted(by: { $0.element.count > $1.element.count }) where !w.isEmpty {
            let f = w[0]
            var index: Int
            if f < 0x10000 {
                if slot[Int(f)] < 0 { slot[Int(f)] = Int16(groups.count); groups.append([]); positionGroups.append([]) }
                present[Int(f >> 6)] |= 1 << UInt64(f & 63)
                index = Int(slot[Int(f)])
            } else {
                if outsideBMP[f] == nil { outsideBMP[f] = groups.count; groups.append([]); positionGroups.append([]) }
                index = outsideBMP[f]!
            }
            groups[index].append(w)
            positionGroups[index].append(position)
        }
    }

    /// The position in `groups` of the words that begin with `c`.
    @inline(__always) func groupIndex(_ c: UInt32) -> Int? {
        if c < 0x10000 {
            guard present.planeBit(c) != 0 else { return nil }
            let s = slot[Int(c)]
            return s < 0 ? nil : Int(s)
        }
        return outsideBMP[c]
    }

    /// The positions in the list given of the words (longest first) that begin with `c`.
    @inline(__always) func positions(startingWith c: UInt32) -> [Int]? {
        groupIndex(c).map { positionGroups[$0] }
    }

    /// The words (longest first) that begin with `c`.
    @inline(__always) func words(startingWith c: UInt32) -> [[UInt32]]? {
        if c < 0x10000 {
            guard present.planeBit(c) != 0 else { return nil }
            let s = slot[Int(c)]
            return s < 0 ? nil : groups[Int(s)]
        }
        return outsideBMP[c].map { groups[$0] }
    }
}

/// Words grouped by their last character, longest first: for the tests "does the text ending here end
/// with one of these words".
struct WordsByLast {
    private let index: WordsByFirst
    private let words: [[[UInt32]]]

    init(_ list: [[UInt32]]) {
        // Index the reversed words by their first character (the last of the word).
        let reversed = list.filter { !$0.isEmpty }.map { Array($0.reversed()) }
        index = WordsByFirst(reversed)
        words = index.groups.map { $0.map { Array($0.reversed()) } }
    }

    /// The words (longest first) that end with `c`.
    @inline(__always) func words(endingWith c: UInt32) -> [[UInt32]]? {
        index.groupIndex(c).map { words[$0] }
    }
}


extension ArraySlice where Element == UInt32 {
    /// True when the slice ends with `word`.
    func ends(with word: [UInt32]) -> Bool {
        count >= word.count && self[(endIndex - word.count)...].elementsEqual(word)
    }

    /// True when `word` occurs in the slice.
    func contains(_ word: [UInt32]) -> Bool {
        withUnsafeBufferPointer { occurs(word, in: $0, from: 0, to: $0.count) }
    }
}

/// A string compared and hashed by its UTF-8 bytes: for keys built from normalized text, where the
/// standard library's Unicode-aware hashing (which normalizes every non-ASCII key) is not needed.
struct ByteKey: Hashable {
    let string: String
    init(_ string: String) { self.string = string }

    func hash(into hasher: inout Hasher) {
        string.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool { a.string.sameBytes(b.string) }
}

