/// Named industrial clusters — `青岛市智能家电集群`, `(一)高端装备产业集群`.
///
/// A cluster is a phrase ending in 集群 whose industry part is specific: generic phrases
/// (`先进制造业集群`, `“231”产业集群`, the `cluster_generic` lexicon) are not named clusters. The
/// place is a leading name ending in 市/省/县/区; the tier (the `cluster_keywords` lexicon) comes from the sentence or
/// from a list heading just above (`国家级先进制造业集群（3个）：`). One record per distinct name.
struct ClusterResolver {
    let ctx: ResolveContext
    static let jiqun = scalars("集群")
    static let chanye = scalars("产业")


    func resolve() -> [Cluster] {
        let chars = ctx.chars
        var found: [String: Cluster] = [:]
        var order: [String] = []
        var k = 0
        while k + 2 <= chars.count {
            guard chars[k] == 0x96C6, chars[k + 1] == 0x7FA4 else { k += 1; continue }  // 集群
            let end = k + 2
            // Never part of a longer word (集群内 is fine, 集群化 is not a name).
            if end < chars.count, chars[end] == 0x5316 { k = end; continue }  // 化
            var s = k
            while s > 0, !isBoundary(s - 1), k - s < 24 { s -= 1 }
            var name = ctx.trim(s..<end)
            // Cut at the last stop word before the industry.
            var cut = name.lowerBound
            var i = name.lowerBound
            while i < k {
                var matched = false
                for w in ctx.lexicons.scan.clusterStopwords.words(startingWith: chars[i]) ?? [] where ctx.has(w, at: i) && i + w.count <= k {
                    cut = i + w.count; i += w.count; matched = true; break
                }
                if !matched { i += 1 }
            }
            name = ctx.trim(cut..<end)
            // Drop a leading size or tier word that is not part of the name: 一批, 10个.
            name = ctx.stripLeading(name, ctx.lexicons.goalVerbs)
            if let (ok, record) = cluster(name), ok {
                if var existing = found[record.name] {
                    if existing.tier == nil, let t = record.tier { existing.tier = t; found[record.name] = existing }
                } else {
                    found[record.name] = record
                    order.append(record.name)
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
        case 0x3001, 0x201C, 0x201D, 0x28, 0x29, 0x300A, 0x300B, 0x09, 0x7C, 0x23, 0x2A, 0x3000: return true
        default: return false
        }
    }

    func cluster(_ r: Range<Int>) -> (Bool, Cluster)? {
        guard r.count >= 4 else { return nil }
        let full = ctx.string(r).filter { $0 != " " }
        var body = full
        if body.endsWith("集群") { body.removeLast(2) }
        if body.endsWith("产业") { body.removeLast(2) }
        // Place: a leading name ending in 市/省/县/区 (or 开发区), or a known place name.
        var place: String? = nil
        var industry = body
        let scalarsOfBody = Array(body.unicodeScalars)
        for (i, u) in scalarsOfBody.enumerated() where i >= 2 && i <= 6 && (u == "市" || u == "省" || u == "县" || u == "区")
            && scalarsOfBody[..<i].allSatisfy({ CharClass.isHan($0.value) }) {
            place = String(String.UnicodeScalarView(scalarsOfBody[...i]))
            industry = String(String.UnicodeScalarView(scalarsOfBody[(i + 1)...]))
            break
        }
        if place == nil, let known = ctx.lexicons.scan.places.words(startingWith: ctx.chars[r.lowerBound])?.first(where: { ctx.has($0, at: r.lowerBound) }) {
            place = makeString(known)
            industry = String(String.UnicodeScalarView(scalarsOfBody.dropFirst(known.count)))
        }
        if industry.unicodeScalars.contains(where: { $0.isASCII && !CharClass.isDigit($0.value) && $0 != " " }) { return nil }
        if industry.unicodeScalars.contains(where: { CharClass.isDigit($0.value) }) && !industry.endsWith("亿级") { return nil }
        if industry.includes("先进制造业") { return nil }
        // Strip a size: 通信设备2000亿级 → 通信设备.
        if industry.endsWith("级"), let cut = industry.unicodeScalars.firstIndex(where: { CharClass.isDigit($0.value) || $0 == "千" || $0 == "百" || $0 == "万" }) {
            industry = String(industry.unicodeScalars[..<cut])
        }
        if industry.count < 2 || ctx.lexicons.clusterGeneric.contains(industry) { return nil }
        if industry.endsWith("制造业") { return nil }
        if place == nil { for g in ["优势", "新兴", "特色", "主导", "重点", "传统"] where industry.endsWith(g) || industry.startsWith(g) { return nil } }
        // Without a place, a cluster is named only by a heading of its own: (一)高端装备产业集群.
        let isHeading = ctx.structure.unit(at: r.lowerBound)?.kind == .heading
        let listedUnderTier = tierFor(r) != nil && listLine(r)
        if place == nil && !isHeading && !listedUnderTier { return nil }
        let p = ctx.provenance(r)
        let tier = tierFor(r)
        let goalWords = ["打造", "培育", "建设", "形成", "到20"]
        let status = goalWords.contains { p.sentence.includes($0) } ? "goal" : "existing"
        return (true, Cluster(name: full, place: place, industry: industry, tier: tier, status: status, span: p.span, text: p.text,
                              section: p.section, sentence: p.sentence, article: p.article))
    }

    /// True when `r` sits in a line that lists names separated by 、 and nothing else.
    func listLine(_ r: Range<Int>) -> Bool {
        guard let unit = ctx.structure.unit(at: r.lowerBound) else { return false }
        let u = unit.range
        return u.contains { ctx.chars[$0] == 0x3001 } && !u.contains { ctx.chars[$0] == UInt32(char: ",") || ctx.chars[$0] == 0x3002 }
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
        while previousEnd > 0, ctx.chars[previousEnd] == 0x0A || ctx.chars[previousEnd] == 0x20 { previousEnd -= 1 }
        if previousEnd > 0, ctx.chars[previousEnd] == UInt32(char: ":"), let above = ctx.structure.unit(at: previousEnd) {
            if let t = tier(in: above.range) { return t }
        }
        return tier(in: sentence)
    }
}
