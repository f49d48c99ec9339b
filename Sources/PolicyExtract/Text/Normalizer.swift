import ICUBridge

/// The text a document is matched on, with the way back to the original.
///
/// `chars` is the normalized text; `origin[i]` is the index, in the original scalars, of the character
/// that normalized char `i` came from. Every span reported to a user is converted back through
/// `origin`, so it always slices the original text.
package struct NormalizedText: Sendable, ScalarText {
    package let original: [UInt32]
    package internal(set) var chars: [UInt32] { didSet { candidates = nil } }
    package internal(set) var origin: [Int32]
    /// Where the scanners' candidate characters are (built by the pipeline after normalization).
    var candidates: CandidateIndex? = nil
    /// Start offsets (original scalars) of every line; line numbers are 1-based.
    package let lineStarts: [Int]
    /// True when Traditional characters were mapped to Simplified ones.
    package internal(set) var convertedTraditional: Bool

    init(original: [UInt32], chars: [UInt32], origin: [Int32], convertedTraditional: Bool) {
        self.original = original
        self.chars = chars
        self.origin = origin
        self.convertedTraditional = convertedTraditional
        var starts = [0]
        starts.reserveCapacity(original.count / 24 + 8)  // a line per ~24 characters before any regrowth
        original.withUnsafeBufferPointer { p in
            var i = firstIndex(of: 0x0A, in: p, from: 0, to: p.count)
            while i < p.count {
                starts.append(i + 1)
                i = firstIndex(of: 0x0A, in: p, from: i + 1, to: p.count)
            }
        }
        lineStarts = starts
    }

    package var count: Int { chars.count }

    /// The original range covered by the normalized range `r` (never empty for a non-empty `r`).
    package func originalRange(_ r: Range<Int>) -> Range<Int> {
        if r.isEmpty {
            let at = r.lowerBound < origin.count ? Int(origin[r.lowerBound]) : original.count
            return at..<at
        }
        return Int(origin[r.lowerBound])..<(Int(origin[r.upperBound - 1]) + 1)
    }

    /// The 1-based line of an original offset.
    package func line(ofOriginal offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    package func span(_ r: Range<Int>) -> Span {
        let o = originalRange(r)
        return Span(start: o.lowerBound, end: o.upperBound, line: line(ofOriginal: o.lowerBound))
    }

    /// The original text under the normalized range `r`.
    package func originalText(_ r: Range<Int>) -> String { makeString(original[originalRange(r)]) }

    /// The normalized text of `r`.
    package func text(_ r: Range<Int>) -> String { makeString(chars[r]) }

    /// The normalized text of `r` without the characters `drop` names (spaces, markup).
    func text(_ r: Range<Int>, without drop: (UInt32) -> Bool) -> String { makeString(chars[r], without: drop) }

    @inline(__always) package subscript(i: Int) -> UInt32 { i >= 0 && i < chars.count ? chars[i] : 0 }

    /// The first index in `from..<end` whose character is of `kind` (one that no lexicon decides), else `end`.
    func next(_ kind: Candidate, from: Int, to end: Int) -> Int {
        if let index = candidates { return index.next(kind, from: from, to: end) }
        if kind == .tab {
            // The tab is the kind's one character: eight compared at a time (line classification asks this of
            // every line while the text is normalized, before it has an index).
            let stop = Swift.min(end, chars.count)
            if from >= stop { return end }
            let k = chars.withUnsafeBufferPointer { firstIndex(of: CandidateTable.tab, in: $0, from: from, to: stop) }
            return k < stop ? k : end
        }
        return CandidateTable.standard.scan(chars, kind, from: from, to: end)
    }

}

/// A span of original text: Unicode scalar offsets, end exclusive, with its 1-based line.
public struct Span: Sendable, Equatable, Hashable, Comparable {
    public var start: Int
    public var end: Int
    public var line: Int
    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

/// Normalize — builds the matching view of a document.
///
/// Produces: full-width forms and other compatibility characters folded by NFKC (ICU), Traditional
/// characters mapped to Simplified when the document holds enough of them (ICU
/// `Traditional-Simplified`), digit groups written with spaces, thin spaces or commas joined
/// (`3 929.90`, `8,000,000.00`), spaces between the letters of a spaced header line and around numbers
/// dropped (`山 东 省 商 务 厅`, `到 2020 年`), and a paragraph broken across a line break rejoined.
package enum TextNormalizer {
    /// Format characters the folding pass drops: the byte-order mark (U+FEFF, a zero-width no-break space
    /// inside a text), the zero-width space, non-joiner and joiner, and the word joiner.
    static let byteOrderMark: UInt32 = 0xFEFF
    static let zeroWidthSpace: UInt32 = 0x200B, zeroWidthJoiner: UInt32 = 0x200D, wordJoiner: UInt32 = 0x2060
    static let droppedFormatCharacters: [UInt32] = [byteOrderMark] + Array(zeroWidthSpace...zeroWidthJoiner) + [wordJoiner]

    /// How many distinct Traditional-only characters make a document Traditional.
    static let traditionalThreshold = 4

    package static func normalize(_ original: [UInt32], html: Bool = false) -> NormalizedText {
        normalize(original, html: html, scanForSeparators: false)
    }

    /// `scanForSeparators`: find the spaces and commas by a pass over the folded text instead of taking the
    /// ones the folding pass noted (the tests compare the two).
    static func normalize(_ original: [UInt32], html: Bool, scanForSeparators: Bool) -> NormalizedText {
        let tables = NormalizationTables.shared
        // An HTML page is matched on its visible text; origins still point into the page.
        var visibleOrigin: [Int32]? = nil
        var input = original
        if html {
            let stripped = HTMLText.strip(original)
            input = stripped.chars
            visibleOrigin = stripped.origin
        }
        let simplified = tables.simplified
        let lexicon = TextLexicon.standard
        let unifiedFirst = lexicon.unifiedIdeographs.lowerBound, unifiedSpan = lexicon.unifiedIdeographs.upperBound - unifiedFirst
        let fullWidthFirst = lexicon.fullWidthASCII.lowerBound, fullWidthLast = lexicon.fullWidthASCII.upperBound
        let fullWidthOffset = lexicon.fullWidthOffset, ideographicSpace = lexicon.ideographicSpace
        let n = input.count
        // Pass 1: character folding, written through pointers into storage left uninitialized (every element
        // read later is written first; the tail is cut off). The arrays grow, and the pass goes on, only when
        // NFKC expands characters beyond the room left.
        // Whether the document is written in Traditional characters is found on the way: the ideographs that
        // have a Simplified form take the slow path and are counted; at the `traditionalThreshold`-th distinct
        // one the pass starts over, converting (a pass of its own over every document cost ~1 % of the time).
        var chars = [UInt32](unsafeUninitializedCapacity: n + 16) { _, c in c = n + 16 }
        var origin = [Int32](unsafeUninitializedCapacity: n + 16) { _, c in c = n + 16 }
        var count = 0
        var i = 0
        var convert = false
        // The distinct ones met so far (fewer than `traditionalThreshold`: a short list, no hashing).
        var traditionalSeen: [UInt32] = []
        // Where the output has a space or the input an ASCII comma: the only places the digit-group and
        // space pass acts on (a full-width comma, folded to `,` and far more common, is never a group comma).
        var separators: [Int32] = []
        while i < n {
            var needed = 0
            var startOver = false
            input.withUnsafeBufferPointer { src in
            simplified.withUnsafeBufferPointer { simp in
            tables.slowPath.withUnsafeBufferPointer { slowPath in
            chars.withUnsafeMutableBufferPointer { dst in
            origin.withUnsafeMutableBufferPointer { org in
                let room = dst.count
                while i < n {
                    let c = src[i]
                    // Most characters stay as they are: one bit says so.
                    if slowPath.planeBit(c) == 0 {
                        dst[count] = c
                        org[count] = Int32(truncatingIfNeeded: i)
                        count &+= 1
                        i &+= 1
                        continue
                    }
                    var out = c
                    if c < 0x80 {
                        if c == 0x20 || c == 0x2C {
                            separators.append(Int32(truncatingIfNeeded: count))
                        } else if c == 0x0D {
                            if i + 1 < n, src[i + 1] == 0x0A { i += 1; continue }
                            out = 0x0A
                        } else if c == 0x0C {
                            out = 0x0A
                        }
                    } else if c &- unifiedFirst <= unifiedSpan {
                        let s = simp[Int(c &- unifiedFirst)]
                        if convert {
                            if s != 0 { out = s }
                        } else if s != 0 {
                            if !traditionalSeen.contains(c) { traditionalSeen.append(c) }
                            if traditionalSeen.count >= traditionalThreshold { startOver = true; return }
                        }
                    } else if c >= fullWidthFirst && c <= fullWidthLast {
                        out = c - fullWidthOffset  // full-width ASCII, as NFKC folds it, without a table lookup
                    } else if c == ideographicSpace {
                        out = 0x20
                        separators.append(Int32(truncatingIfNeeded: count))
                    } else if c == byteOrderMark || (c >= zeroWidthSpace && c <= zeroWidthJoiner) || c == wordJoiner {
                        i += 1
                        continue  // byte-order mark and zero-width characters: dropped
                    } else if let folded = tables.fold(c) {
                        if count + folded.count + (n - i) >= room { needed = folded.count + 16; return }
                        for var f in folded {
                            if convert, f &- unifiedFirst <= unifiedSpan, simp[Int(f &- unifiedFirst)] != 0 { f = simp[Int(f &- unifiedFirst)] }
                            if f == 0x20 { separators.append(Int32(truncatingIfNeeded: count)) }
                            dst[count] = f
                            org[count] = Int32(i)
                            count += 1
                        }
                        i += 1
                        continue
                    }
                    dst[count] = out
                    org[count] = Int32(i)
                    count += 1
                    i += 1
                }
            }
            }
            }
            }
            }
            if startOver {
                convert = true
                i = 0
                count = 0
                separators.removeAll(keepingCapacity: true)
                continue
            }
            if needed > 0 {
                chars += [UInt32](repeating: 0, count: n + needed)
                origin += [Int32](repeating: 0, count: n + needed)
            }
        }
        let convertTraditional = convert
        chars.removeSubrange(count...)
        origin.removeSubrange(count...)
        if let map = visibleOrigin { for k in 0..<origin.count { origin[k] = map[Int(origin[k])] } }
        // The arrays handed over (`consume`): the text is then their one owner, and the passes below change
        // them in place.
        var text = NormalizedText(original: original, chars: consume chars, origin: consume origin, convertedTraditional: convertTraditional)
        let joined = rejoinBrokenLines(&text)
        joinDigitGroupsAndDropSpaces(&text, separators: scanForSeparators ? Self.separators(text.chars) : shifted(separators, removing: joined))
        return text
    }

    // MARK: - Broken paragraphs

    /// The line breaks (with the spaces around them) that join the lines of a broken paragraph, in order.
    static func brokenLineJoins(_ text: NormalizedText) -> [Range<Int>] {
        let chars = text.chars
        let infos = LineClassifier.lines(chars)
        let clausePunctuation = TextLexicon.standard.clausePunctuation, terminalPunctuation = TextLexicon.standard.terminalPunctuation
        var drop: [Range<Int>] = []
        var a = 0
        while a < infos.count {
            let A = infos[a]
            if A.isBlank { a += 1; continue }
            var b = a + 1
            while b < infos.count, infos[b].isBlank, b - a <= 3 { b += 1 }
            guard b < infos.count, !infos[b].isBlank else { a = b; continue }
            let B = infos[b]
            let last = chars[A.end - 1]
            let first = chars[B.start]
            var joinable = !terminalPunctuation.contains(last)
                && (CharClass.isHan(first) || CharClass.isDigit(first))
                && (CharClass.isHan(last) || CharClass.isDigit(last) || last == UInt32(char: "%"))
            var kindB = LineClassifier.Kind.prose
            if joinable {
                kindB = LineClassifier.classify(text, B.range)
                joinable = !kindB.standsApart && (A.end - A.start >= 50 || !LineClassifier.classify(text, A.range).standsApart)
            }
            if joinable {
                // Both halves must read like running text, and the second must not be a label line.
                var clausesA = false, clausesB = false
                for k in A.start..<A.end where clausePunctuation.contains(chars[k]) { clausesA = true; break }
                for k in B.start..<B.end where clausePunctuation.contains(chars[k]) { clausesB = true; break }
                joinable = (clausesA || A.end - A.start >= 50) && (clausesB || B.end - B.start >= 30) && kindB != .label
            }
            if joinable { drop.append(A.end..<B.start) }
            a = b
        }
        return drop
    }

    /// Joins the lines of a paragraph broken across a line break; returns the ranges removed (in order).
    static func rejoinBrokenLines(_ text: inout NormalizedText) -> [Range<Int>] {
        let drop = brokenLineJoins(text)
        remove(drop, from: &text)
        return drop
    }

    /// Removes `ranges` (in order, not overlapping) from the text's characters and origins, in place: the
    /// arrays are taken out of the text so that each has one owner, and the kept runs moved down (a copy of
    /// both into new arrays cost an allocation and a write of every character).
    static func remove(_ ranges: [Range<Int>], from text: inout NormalizedText) {
        if ranges.isEmpty { return }
        var chars = text.chars, origin = text.origin
        text.chars = []; text.origin = []
        removeRanges(&chars, ranges)
        removeRanges(&origin, ranges)
        text.chars = chars; text.origin = origin
    }

    /// `positions` (in order) after the ranges `removed` (in order, not overlapping) are cut out of the
    /// text: positions inside a removed range are left out, the others move back.
    static func shifted(_ positions: [Int32], removing removed: [Range<Int>]) -> [Int32] {
        if removed.isEmpty { return positions }
        var out: [Int32] = []
        out.reserveCapacity(positions.count)
        var r = 0, gone = 0
        for p in positions {
            let q = Int(p)
            while r < removed.count, removed[r].upperBound <= q { gone += removed[r].count; r += 1 }
            if r < removed.count, removed[r].contains(q) { continue }
            out.append(Int32(truncatingIfNeeded: q - gone))
        }
        return out
    }

    // MARK: - Spaces and digit groups

    /// Every space and comma of the text, as `joinDigitGroupsAndDropSpaces` needs them at least.
    static func separators(_ chars: [UInt32]) -> [Int32] {
        var out: [Int32] = []
        for (i, c) in chars.enumerated() where c == 0x20 || c == 0x2C { out.append(Int32(truncatingIfNeeded: i)) }
        return out
    }

    /// Joins digit groups and drops spaces. `separators` holds, in order, at least every position of a
    /// space and of a comma that was a comma in the original text (`normalize` collects them while folding;
    /// other positions are passed over as they would be anyway).
    static func joinDigitGroupsAndDropSpaces(_ text: inout NormalizedText, separators: [Int32]) {
        remove(digitGroupAndSpaceDrops(text, separators: separators), from: &text)
    }

    /// The separators `joinDigitGroupsAndDropSpaces` removes, as ranges in order.
    static func digitGroupAndSpaceDrops(_ text: NormalizedText, separators: [Int32]) -> [Range<Int>] {
        let chars = text.chars
        let origin = text.origin
        let n = chars.count
        var drops: [Range<Int>] = []
        var lastGroupJoinEnd = -1  // index just after the last separator joined as a digit group
        var i = 0
        @inline(__always) func isWordish(_ c: UInt32) -> Bool { CharClass.isHan(c) || CharClass.isCJKPunct(c) }
        var s = 0
        while i < n {
            // Runs without a space or comma are kept whole: on to the next separator.
            while s < separators.count, Int(separators[s]) < i { s += 1 }
            if s == separators.count { break }
            i = Int(separators[s])
            let c = chars[i]
            let isSpace = c == 0x20
            let isGroupComma = c == UInt32(char: ",") && text.original[Int(origin[i])] == UInt32(char: ",")
            if isSpace || isGroupComma {
                var j = i + 1
                if isSpace { while j < n, chars[j] == 0x20 { j += 1 } }
                let left: UInt32? = i > 0 && chars[i - 1] != 0x0A ? chars[i - 1] : nil
                let right: UInt32? = j < n && chars[j] != 0x0A ? chars[j] : nil
                var dropRun = false
                if let l = left, let r = right, CharClass.isDigit(l), CharClass.isDigit(r), j - i == 1,
                   isDigitGroup(chars, separator: i, previousJoinEnd: lastGroupJoinEnd) {
                    dropRun = true
                    lastGroupJoinEnd = j
                } else if isSpace {
                    if left == nil || right == nil {
                        dropRun = true
                    } else if let l = left, let r = right {
                        let lw = isWordish(l), rw = isWordish(r)
                        if CharClass.isHan(l) && CharClass.isHan(r) {
                            dropRun = tokenLength(chars, from: i - 1, step: -1) == 1 || tokenLength(chars, from: j, step: 1) == 1
                        } else if lw || rw {
                            let other = lw ? r : l
                            dropRun = isWordish(other) || CharClass.isDigit(other) || other == UInt32(char: "%")
                                || (other < 0x80 && !CharClass.isASCIILetter(other))
                        } else if CharClass.isDigit(l) && r == UInt32(char: "%") {
                            dropRun = true
                        }
                    }
                }
                if dropRun {
                    drops.append(i..<j)
                    i = j
                    continue
                }
            }
            i += 1
        }
        return drops
    }

    /// Length (capped at 2) of the run of non-space characters starting at `from`, walking by `step`.
    static func tokenLength(_ chars: [UInt32], from: Int, step: Int) -> Int {
        var k = from, count = 0
        while k >= 0, k < chars.count, chars[k] != 0x20, chars[k] != 0x0A, chars[k] != 0x09, count < 2 {
            count += 1
            k += step
        }
        return count
    }

    /// True when the separator at `separator` sits inside a digit group: 1–3 digits before it (or
    /// exactly 3 after an earlier joined group), exactly 3 digits after it, then a non-digit.
    static func isDigitGroup(_ chars: [UInt32], separator: Int, previousJoinEnd: Int) -> Bool {
        var k = separator - 1
        while k >= 0, CharClass.isDigit(chars[k]) { k -= 1 }
        let leftStart = k + 1
        let leftCount = separator - leftStart
        if leftStart == previousJoinEnd {
            if leftCount != 3 { return false }
        } else {
            if leftCount < 1 || leftCount > 3 { return false }
            if k >= 0, chars[k] == UInt32(char: ".") { return false }
        }
        var r = separator + 1
        var rightCount = 0
        while r < chars.count, CharClass.isDigit(chars[r]) { r += 1; rightCount += 1 }
        return rightCount == 3
    }
}

/// Character tables built once per process from ICU: NFKC of every BMP character that changes under
/// it, and the Simplified form of every CJK Unified Ideograph that has a one-character one.
final class NormalizationTables: @unchecked Sendable {
    static let shared = NormalizationTables()

    /// Index `c` minus the first unified ideograph → Simplified scalar, or 0 when the character has no different Simplified form.
    let simplified: [UInt32]
    /// One bit per BMP character that the folding pass changes or drops, or that has a Simplified form. A
    /// plane bitmap (see `PlaneBitmap`) whose last word is all set.
    let changed: [UInt64]
    /// `changed` and the characters whose places the folding pass notes (space, ASCII comma): the ones it
    /// does not copy as they are without a look.
    let slowPath: [UInt64]

    private let foldIndex: [Int32]     // BMP scalar → index into `foldPool`, or -1
    private let foldPool: [[UInt32]]

    private init() {
        let simplified = Self.simplifiedTable()
        self.simplified = simplified
        let (index, pool) = Self.foldTable()
        foldIndex = index
        foldPool = pool
        // The characters the folding pass changes or drops, as `normalize` treats them one by one.
        // A plane bitmap whose last word is all set: characters beyond the plane go the way of changed ones.
        var changed = [UInt64](repeating: 0, count: PlaneBitmap.words - 1) + [UInt64.max]
        func mark(_ c: Int) { changed[c >> 6] |= 1 << UInt64(c & 63) }
        let lexicon = TextLexicon.standard
        for c in [0x0D, 0x0C, Int(lexicon.ideographicSpace)] + TextNormalizer.droppedFormatCharacters.map(Int.init) { mark(c) }
        for c in lexicon.fullWidthASCII { mark(Int(c)) }
        for c in 0x80..<0x10000 where index[c] >= 0 { mark(c) }
        for k in simplified.indices where simplified[k] != 0 { mark(Int(lexicon.unifiedIdeographs.lowerBound) + k) }
        self.changed = changed
        // Spaces and ASCII commas too: the pass notes where they are for the digit-group and space pass.
        for c in [0x20, 0x2C] { mark(c) }
        slowPath = changed
    }

    /// Index `c` minus the first unified ideograph → the Simplified form of CJK Unified Ideograph `c` when it is one character and
    /// differs, else 0. The ideographs go through the transliterator one a line (no rule spans two
    /// characters), `chunk` of them a call: ICU replaces in place, moving the rest of the text at every
    /// replacement, so one call over all 20 992 cost ~116 M instructions in moves alone.
    static func simplifiedTable(chunk: Int = 512) -> [UInt32] {
        let block = TextLexicon.standard.unifiedIdeographs
        let base = block.lowerBound
        var simplified = [UInt32](repeating: 0, count: block.count)
        guard let t = Transliterator(id: "Traditional-Simplified") else { return simplified }
        var input: [UInt16] = []
        input.reserveCapacity(chunk * 2)
        var first = 0
        while first < simplified.count {
            let last = min(first + chunk, simplified.count)
            input.removeAll(keepingCapacity: true)
            for k in first..<last { input.append(UInt16(base + UInt32(k))); input.append(0x0A) }
            guard let out = t.transliterate(input) else { first = last; continue }
            var index = first
            var lineStart = 0
            for (i, u) in out.enumerated() where u == 0x0A {
                if i - lineStart == 1, index < last, UInt32(out[lineStart]) != base + UInt32(index) {
                    simplified[index] = UInt32(out[lineStart])
                }
                index += 1
                lineStart = i + 1
            }
            first = last
        }
        return simplified
    }

    /// NFKC of every BMP character outside ASCII, the unified ideographs and the surrogates that it changes:
    /// index by scalar → position in the pool, or -1. The characters are normalized in one call, each on a
    /// line of its own: a line feed is a starter that composes with nothing and stops reordering, so each
    /// line is the NFKC of its character alone (a test compares every character with `batched: false`). If
    /// the output does not come back as one line per character, each is normalized by itself.
    static func foldTable(batched: Bool = true) -> (index: [Int32], pool: [[UInt32]]) {
        let block = TextLexicon.standard.unifiedIdeographs
        let characters = (0x80...0xFFFF).filter { !(block.contains(UInt32($0)) || ($0 >= 0xD800 && $0 <= 0xDFFF)) }
        var index = [Int32](repeating: -1, count: 0x10000)
        var pool: [[UInt32]] = []
        func record(_ c: Int, _ out: ArraySlice<UInt16>) {
            if out.count == 1 && UInt32(out.first!) == UInt32(c) { return }
            index[c] = Int32(pool.count)
            pool.append(UTF16Text.scalars(Array(out)))
        }
        if batched {
            var input: [UInt16] = []
            input.reserveCapacity(characters.count * 2)
            for c in characters { input.append(UInt16(c)); input.append(0x0A) }
            if let out = ICUNormalizer.nfkc(input), out.lazy.filter({ $0 == 0x0A }).count == characters.count {
                var next = 0
                var lineStart = 0
                for (i, u) in out.enumerated() where u == 0x0A {
                    record(characters[next], out[lineStart..<i])
                    next += 1
                    lineStart = i + 1
                }
                return (index, pool)
            }
        }
        for c in characters {
            guard let out = ICUNormalizer.nfkc([UInt16(c)]) else { continue }
            record(c, out[...])
        }
        return (index, pool)
    }

    /// The NFKC form of one character, or nil when it is unchanged.
    @inline(__always) func fold(_ c: UInt32) -> [UInt32]? {
        if c < 0x10000 {
            let k = foldIndex[Int(c)]
            return k < 0 ? nil : foldPool[Int(k)]
        }
        guard let out = ICUNormalizer.nfkc(UTF16Text.units([c])) else { return nil }
        let folded = UTF16Text.scalars(out)
        return folded == [c] ? nil : folded
    }
}

/// Removes `ranges` (in order, not overlapping, within the array) from `array` in place: each kept run is
/// moved down over what was removed before it.
func removeRanges<T: BitwiseCopyable>(_ array: inout [T], _ ranges: [Range<Int>]) {
    guard let first = ranges.first else { return }
    let n = array.count
    var w = first.lowerBound
    array.withUnsafeMutableBufferPointer { p in
        guard let base = p.baseAddress else { return }
        for (k, r) in ranges.enumerated() {
            let next = k + 1 < ranges.count ? ranges[k + 1].lowerBound : n
            let length = next - r.upperBound
            if length > 0 { (base + w).moveInitialize(from: base + r.upperBound, count: length) }  // overlapping: a memmove
            w += length
        }
    }
    array.removeLast(n - w)
}
