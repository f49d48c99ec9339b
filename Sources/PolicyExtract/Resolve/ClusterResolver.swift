/// Named industrial clusters — `青岛市智能家电集群`, `(一)高端装备产业集群`.
///
/// A cluster is a phrase ending in 集群 whose industry part is specific: generic phrases
/// (`先进制造业集群`, `“231”产业集群`, the `cluster_generic` lexicon) are not named clusters. The
/// place is a leading name ending in 市/省/县/区; the tier (the `cluster_keywords` lexicon) comes from the sentence or
/// from a list heading just above (`国家级先进制造业集群（3个）：`). One record per distinct name.
struct ClusterResolver {
    let ctx: ResolveContext
    /// The `cluster_phrases` lexicon.
    let words: ClusterPhrases

    init(ctx: ResolveContext) {
        self.ctx = ctx
        words = ctx.lexicons.clusterPhrases
    }

    func resolve() -> [Cluster] {
        let chars = ctx.chars
        var found = [ByteKey: Cluster](minimumCapacity: 16)
        var order: [ByteKey] = []
        var k = 0
        while k + 2 <= chars.count {
            k = ctx.next(.clusterCharacter, from: k, to: chars.count)  // the first character of 集群
            guard k + 2 <= chars.count else { break }
            guard chars[k] == words.cluster[0], chars[k + 1] == words.cluster[1] else { k += 1; continue }
            let end = k + 2
            // Never part of a longer word (集群内 is fine, 集群化 is not a name).
            if end < chars.count, words.notAfter.contains(chars[end]) { k = end; continue }
            var s = k
            while s > 0, k - s < 24 {
                if !isBoundary(s - 1) { s -= 1; continue }
                // A bracketed remark after a character of the name is part of it: 绿色石化(炼化一体化)产业集群,
                // 南京市新型电力(智能电网)装备集群.
                guard let open = remarkOpening(closingAt: s - 1) else { break }
                s = open
            }
            var name = ctx.trim(s..<end)
            // A list number before the name: 1.山东济南市中区(能源互联网)特色产业集群.
            var n = name.lowerBound
            while n < k, CharClass.isDigit(chars[n]) { n += 1 }
            if n > name.lowerBound, n - name.lowerBound <= 3, n < k, chars[n] == UInt32(char: ".") || chars[n] == UInt32(char: "、") { name = (n + 1)..<name.upperBound }
            // Cut at the last stop word before the industry.
            var cut = name.lowerBound
            var i = name.lowerBound
            scan: while i < k {
                var matched = false
                for w in ctx.lexicons.scan.clusterStopwords.words(startingWith: chars[i]) ?? [] where ctx.has(w, at: i) && i + w.count <= k {
                    // 的 after a district or city is part of the name, and what follows it is the industry, stop words
                    // and all: 南山区的新能源应用产业集群, 龙华区的大数据分析及应用软件产业集群.
                    if w.count == 1, chars[i] == words.possessive, i - cut >= 3, placeKind(cut..<i) == 2 { break scan }
                    // 和 between two industries of a name that begins with a place (南京市软件和信息服务集群), not
                    // between two names (徐州市工程机械集群和常州市…).
                    if w.count == 1, chars[i] == words.conjunction, cut == name.lowerBound, placeLength(at: cut, limit: i) != nil,
                       placeLength(at: i + 1, limit: k) == nil, !ctx.contains(words.cluster, in: cut..<i),
                       !(cut..<i).contains(where: { p in ctx.lexicons.scan.clusterStopwords.words(startingWith: chars[p])?.contains(where: { ctx.has($0, at: p) && p + $0.count <= i }) ?? false }) {
                        i += 1; matched = true; break
                    }
                    cut = i + w.count; i += w.count; matched = true; break
                }
                if !matched { i += 1 }
            }
            name = ctx.trim(cut..<end)
            // Drop a leading size or tier word that is not part of the name: 一批, 10个.
            name = ctx.stripLeading(name, ctx.lexicons.goalVerbs)
            // Places listed before the name share it: 苏州市、无锡市生物医药产业集群.
            var places: Range<Int>? = nil
            if name.lowerBound == s, let joint = placeList(before: name) {
                places = joint.lowerBound..<joint.upperBound
                name = joint.lowerBound..<name.upperBound
            }
            if let (ok, record) = cluster(name, places: places), ok {
                // One record per name; a name written again without 的 after its place (福田区的5G…, then 福田区5G…)
                // is the same name.
                let key = ByteKey(String(String.UnicodeScalarView(record.name.unicodeScalars.filter { $0.value != words.possessive })))
                if var existing = found[key] {
                    if existing.tier == nil, let t = record.tier { existing.tier = t; found[key] = existing }
                } else {
                    found[key] = record
                    order.append(key)
                }
            }
            k = end
        }
        return order.map { found[$0]! }
    }

    func isBoundary(_ i: Int) -> Bool {
        let c = ctx.chars[i]
        if CharClass.isClauseBreak(c) { return true }
        switch c {
        case UInt32(char: "、"), UInt32(char: "“"), UInt32(char: "”"), UInt32(char: "("), UInt32(char: ")"), UInt32(char: "《"), UInt32(char: "》"),
             UInt32(char: "\t"), UInt32(char: "|"), UInt32(char: "#"), UInt32(char: "*"), UInt32(char: "\u{3000}"): return true
        default: return false
        }
    }

    /// The opening bracket of a short remark whose closing bracket is at `close` (`(炼化一体化)`), when a name's
    /// character stands before it; nil otherwise.
    func remarkOpening(closingAt close: Int) -> Int? {
        let chars = ctx.chars
        guard close >= 2, chars[close] == UInt32(char: ")") else { return nil }
        var o = close - 1
        while o > 0, close - o <= 10, chars[o] != UInt32(char: "(") {
            if isBoundary(o) { return nil }
            o -= 1
        }
        guard chars[o] == UInt32(char: "("), o > 0, o < close - 1, CharClass.isHan(chars[o - 1]) else { return nil }
        return o
    }

    /// Places listed with 、 just before a name that begins with a place (`苏州市、无锡市生物医药…`,
    /// `重点培育滨州、文登、高密、蓬莱家纺…`): the range from the first place to the name's start, and where the
    /// name's own place ends; nil when the items before are not all places. An item is a known place (the `places`
    /// lexicon, 省/市 after it or not) or a name of 2–4 ideographs ending in 省/市/县/区; two-character items not
    /// known (文登) are taken when another item is known.
    func placeList(before name: Range<Int>) -> (lowerBound: Int, upperBound: Int)? {
        let chars = ctx.chars
        guard name.lowerBound > 1, chars[name.lowerBound - 1] == UInt32(char: "、") else { return nil }
        var items: [Range<Int>] = []
        var e = name.lowerBound - 1
        while e > 0 {
            var b = e
            while b > 0, !isBoundary(b - 1), e - b <= 12 { b -= 1 }
            var item = b..<e
            // The first item may follow a verb: 重点培育滨州.
            if b == 0 || chars[b - 1] != UInt32(char: "、") {
                var i = item.lowerBound
                while i < item.upperBound {
                    var matched = false
                    for w in ctx.lexicons.scan.clusterStopwords.words(startingWith: chars[i]) ?? [] where ctx.has(w, at: i) && i + w.count <= item.upperBound {
                        item = (i + w.count)..<item.upperBound; i += w.count; matched = true; break
                    }
                    if !matched { i += 1 }
                }
            }
            items.append(item)
            if b > 0, chars[b - 1] == UInt32(char: "、"), item.lowerBound == b { e = b - 1 } else { break }
        }
        var known = false, allShort = true
        for item in items {
            guard item.count >= 2, item.count <= 6, item.allSatisfy({ CharClass.isHan(chars[$0]) }) else { return nil }
            let kind = placeKind(item)
            if kind == 0 { if item.count != 2 { return nil } } else { known = true }
            if kind == 2 { allShort = false }
        }
        guard known else { return nil }
        // The name's own place: known or with 市/县/区/省, or — after two-character places — its first two characters.
        if placeLength(at: name.lowerBound, limit: name.upperBound) == nil && !allShort { return nil }
        return (items.last!.lowerBound, name.lowerBound)
    }


    /// 1 for a known place with nothing after it or 省/市 (滨州, 苏州市), 2 for 2–4 ideographs ending in 省/市/县/区, 0 otherwise.
    func placeKind(_ r: Range<Int>) -> Int {
        let chars = ctx.chars
        if let known = ctx.lexicons.scan.places.words(startingWith: chars[r.lowerBound]) {
            for w in known where ctx.has(w, at: r.lowerBound) {
                let rest = r.count - w.count
                if rest == 0 || (rest == 1 && (chars[r.upperBound - 1] == words.province || chars[r.upperBound - 1] == words.city)) { return 1 }
            }
        }
        if r.count <= 5, words.placeEndings.contains(chars[r.upperBound - 1]) { return 2 }
        return 0
    }

    /// The length of a place at `i` (a known place with 省/市 after it or not, or ideographs ending in 省/市/县/区
    /// within 4 characters), or nil.
    func placeLength(at i: Int, limit: Int) -> Int? {
        let chars = ctx.chars
        if let w = ctx.lexicons.scan.places.words(startingWith: chars[i])?.first(where: { ctx.has($0, at: i) }) {
            let e = i + w.count
            return e < limit && (chars[e] == words.province || chars[e] == words.city) ? w.count + 1 : w.count
        }
        for n in 2...4 where i + n < limit && words.placeEndings.contains(chars[i + n]) && (i..<(i + n)).allSatisfy({ CharClass.isHan(chars[$0]) }) {
            return n + 1
        }
        return nil
    }

    /// A place in full: a known place without 省/市 takes its full name (`place_full_names`, else 市 after it:
    /// 青岛 → 青岛市, 山东 → 山东省); others are kept as written.
    func fullPlace(_ p: String) -> String {
        guard let first = p.unicodeScalars.first, let known = ctx.lexicons.scan.places.words(startingWith: first.value) else { return p }
        let u = scalars(p)
        guard known.contains(where: { $0 == u }) else { return p }
        return ctx.lexicons.placeFullNames[p] ?? p + makeString([words.city])
    }

    /// `places`: the places listed before the name (`苏州市、无锡市`), when there are several.
    func cluster(_ r: Range<Int>, places listed: Range<Int>? = nil) -> (Bool, Cluster)? {
        guard r.count >= 4 else { return nil }
        // Worked on scalars; strings are made only for a cluster that is kept.
        // The name without spaces: the text itself when it has none (no copy).
        var full = ctx.chars[r]
        if full.contains(0x20) { full = ArraySlice(full.filter { $0 != 0x20 }) }
        var body = full
        if body.ends(with: words.cluster) { body = body.dropLast(2) }
        if body.ends(with: words.industry) { body = body.dropLast(2) }
        // Place: a leading name ending in 市/省/县/区 (or 开发区), or a known place name.
        var place: ArraySlice<UInt32>? = nil
        var industry = body
        let start = body.startIndex
        for i in 2...6 where start + i < body.endIndex {
            let u = body[start + i]
            // 省 ends a place only after a province's name (深圳省级… is no province).
            if u == words.province, ctx.lexicons.placeFullNames[makeString(body[start..<(start + i)])]?.unicodeScalars.last?.value != words.province { continue }
            if words.placeEndings.contains(u) && body[start..<(start + i)].allSatisfy(CharClass.isHan) {
                place = body[start...(start + i)]
                industry = body[(start + i + 1)...]
                break
            }
        }
        if place == nil, let known = ctx.lexicons.scan.places.words(startingWith: ctx.chars[r.lowerBound])?.first(where: { ctx.has($0, at: r.lowerBound) }) {
            place = known[...]
            industry = body.dropFirst(known.count)
        }
        // Several places: all of them, and the last one's own place (known, with 省/市/县/区, else two characters).
        var placeParts: [String] = []
        if let listed {
            let own = placeLength(at: listed.upperBound, limit: r.upperBound) ?? 2
            let placesEnd = listed.upperBound + own
            guard placesEnd < r.upperBound, !full.contains(0x20) else { return nil }
            var s = listed.lowerBound
            for k in listed.lowerBound...placesEnd where k == placesEnd || ctx.chars[k] == UInt32(char: "、") {
                placeParts.append(makeString(ctx.chars[s..<k]))
                s = k + 1
            }
            place = ctx.chars[listed.lowerBound..<placesEnd]
            industry = body[placesEnd...]
        }
        // 南山区的新能源应用: the 的 after the place is no part of the industry.
        if place != nil, industry.first == words.possessive { industry = industry.dropFirst() }
        // Latin letters name a technology (5G, AI); other ASCII is no part of a name.
        func isLetter(_ u: UInt32) -> Bool { (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) }
        if industry.contains(where: { $0 < 0x80 && !CharClass.isDigit($0) && !isLetter($0) && $0 != 0x20 && $0 != UInt32(char: "(") && $0 != UInt32(char: ")") }) { return nil }
        // Digits only in a money tier (通信设备2000亿级) or before a letter (5G信息技术应用).
        let digitsBeforeLetter = industry.indices.allSatisfy { j in
            guard CharClass.isDigit(industry[j]) else { return true }
            var e = j
            while e < industry.endIndex, CharClass.isDigit(industry[e]) { e += 1 }
            return e < industry.endIndex && isLetter(industry[e])
        }
        if industry.contains(where: CharClass.isDigit) && !industry.ends(with: words.sizeEnding) && !digitsBeforeLetter { return nil }
        if industry.contains(words.advancedManufacturing) { return nil }
        // Strip a size: 通信设备2000亿级 → 通信设备.
        if industry.last == words.level, let cut = industry.firstIndex(where: { CharClass.isDigit($0) || words.sizeNumerals.contains($0) }) {
            industry = industry[..<cut]
        }
        if industry.ends(with: words.manufacturing) { return nil }
        if place == nil { for g in words.general where industry.ends(with: g) || industry.starts(with: g) { return nil } }
        // A generic name (产业, 先进制造业 …) is looked up on the scalars, before a string is made.
        var kind = industry
        var stripped = true
        while stripped {
            stripped = false
            for w in words.batch where kind.count > w.count && kind.starts(with: w) { kind = kind.dropFirst(w.count); stripped = true; break }
        }
        if let first = kind.first, let generic = ctx.lexicons.scan.clusterGeneric.words(startingWith: first),
           generic.contains(where: { $0.count == kind.count && kind.elementsEqual($0) }) { return nil }
        // Fewer than two characters: counted on the scalars when every one is an ideograph (one character
        // each), else as the string counts them.
        let allHan = industry.allSatisfy(CharClass.isHan)
        if allHan && industry.count < 2 { return nil }
        let industryText = makeString(industry)
        if !allHan && industryText.count < 2 { return nil }
        // Without a place, a cluster is named only by a heading of its own: (一)高端装备产业集群.
        let isHeading = ctx.structure.unit(at: r.lowerBound)?.kind == .heading
        // Without a place or a heading, only a name in a list line under a tier is kept: the line is looked at
        // before the tier is looked for.
        let unanchored = place == nil && !isHeading
        // An item of an enumeration of cluster names (生物医药产业集群、智能制造装备产业集群、…) is a name.
        let enumerated = unanchored && enumeratedWithClusters(r)
        if unanchored && !enumerated && !listLine(r) { return nil }
        let tier = tierFor(r)
        if unanchored && !enumerated && tier == nil { return nil }
        let p = ctx.provenance(r)
        let status = p.sentence.map { u in words.goal.contains { ctx.contains($0, in: u) } } ?? false ? "goal" : "existing"
        // Canonical: every place in full, the industry, 产业集群; without a place, the document's place.
        var placeFull: String
        if !placeParts.isEmpty {
            placeFull = placeParts.map(fullPlace).joined(separator: "、")
        } else if let place {
            placeFull = fullPlace(makeString(place))
        } else {
            let names = ctx.placeFullNameByArticle
            placeFull = (names.indices.contains(p.article) ? names[p.article] : nil) ?? ""
        }
        let canonical = placeFull + industryText + words.canonicalEnding
        return (true, Cluster(name: makeString(full), canonical: canonical, place: place.map(makeString), industry: industryText, tier: tier, status: status, span: p.span,
                              text: p.text, section: p.section, sentenceRange: p.sentence, article: p.article))
    }

    /// True when a name joined to `r` by 、 (before or after) also ends in 集群: `r` is an item of a list of names.
    func enumeratedWithClusters(_ r: Range<Int>) -> Bool {
        let chars = ctx.chars
        if r.upperBound + 4 < chars.count, chars[r.upperBound] == UInt32(char: "、") {
            var e = r.upperBound + 1
            while e + 1 < chars.count, e - r.upperBound <= 24, !isBoundary(e) {
                if ctx.has(words.cluster, at: e) { return true }
                e += 1
            }
        }
        if r.lowerBound >= 3, chars[r.lowerBound - 1] == UInt32(char: "、"), ctx.has(words.cluster, endingAt: r.lowerBound - 1) { return true }
        return false
    }

    /// True when `r` sits in a line that lists names separated by 、 and nothing else.
    func listLine(_ r: Range<Int>) -> Bool {
        guard let unit = ctx.structure.unit(at: r.lowerBound) else { return false }
        let u = unit.range
        return u.contains { ctx.chars[$0] == UInt32(char: "、") } && !u.contains { ctx.chars[$0] == UInt32(char: ",") || ctx.chars[$0] == UInt32(char: "。") }
    }

    /// 世界级 / 国家级 / 省级: from the sentence, or from a list heading line just above.
    func tierFor(_ r: Range<Int>) -> String? {
        guard let unit = ctx.structure.unit(at: r.lowerBound) else { return nil }
        func tier(in r: Range<Int>) -> String? {
            ctx.lexicons.clusterTiers.first { ctx.contains($0.word, in: r) }?.tier
        }
        let sentence = unit.range
        // In a list line (names separated by 、), the heading line above decides.
        var previousEnd = unit.range.lowerBound - 1
        while previousEnd > 0, ctx.chars[previousEnd] == UInt32(char: "\n") || ctx.chars[previousEnd] == 0x20 { previousEnd -= 1 }
        if previousEnd > 0, ctx.chars[previousEnd] == UInt32(char: ":"), let above = ctx.structure.unit(at: previousEnd) {
            if let t = tier(in: above.range) { return t }
        }
        return tier(in: sentence)
    }
}
