/// What a document claims, reduced to what the cross-document checks compare: small, so that a batch of
/// 100 000 documents keeps only these and never the documents themselves.
public struct Claim: Sendable {
    /// (place, year, subject, metric, unit) normalized: claims with the same key state the same thing.
    public var key: String
    /// Human words for the key: `山东 2025 超过3000亿元的产业集群 (个)`.
    public var description: String
    public var value: ExactDecimal
    public var unit: String
    public var comparator: Qualifier
    public var members: [String]
    public var evidence: Finding.Evidence
}

/// A quoted programme or campaign label (`“强基韧链”`), compared across documents for near-identical spellings.
public struct Label: Sendable {
    public var text: String
    public var evidence: Finding.Evidence
}

public struct DocumentClaims: Sendable {
    public var document: String
    public var place: String?
    public var claims: [Claim]
    public var labels: [Label]
}

public enum ClaimExtractor {
    static let tierWords = ["世界级", "国家级", "省级"]

    /// The place a document (or one article of it) is about: the place name it mentions most in its title
    /// and opening, from the `places` lexicon.
    static func place(_ r: DocumentResult, article: Int) -> String? {
        let places = PipelineDefinition.builtIn.lexicons.places.map(makeString)
        var scope: String
        if article > 0, article < r.structure.articles.count {
            let a = r.structure.articles[article]
            scope = a.title + r.text.text(a.range.lowerBound..<min(a.range.upperBound, a.range.lowerBound + 400))
        } else {
            scope = (r.info.title ?? "") + r.text.text(0..<min(r.text.count, 2000))
        }
        var best: (String, Int)? = nil
        for p in places {
            var count = 0
            var rest = Substring(scope)
            while let range = rest.range(of: p) { count += 1; rest = rest[range.upperBound...] }
            if count > 0, best == nil || count > best!.1 { best = (p, count) }
        }
        return best?.0
    }

    /// A metric as compared across documents: a tier of clusters by its tier word, else the metric with
    /// leading verbs and spaces removed.
    static func metricKey(_ t: Target) -> String {
        let m = Evaluation.key(t.metric)
        for tier in tierWords where m.includes(tier) && m.includes("集群") && t.threshold == nil { return tier + "集群" }
        if let th = t.threshold { return "集群≥\(th.yiYuan)亿元" }
        if !t.members.isEmpty, t.unit.hasSuffix("元") { return "集群规模\(t.value)\(t.unit)" }
        return m
    }

    public static func claims(_ r: DocumentResult) -> DocumentClaims {
        var claims: [Claim] = []
        let namedClusters = Set(r.clusters.map(\.name))
        var placeByArticle: [Int: String?] = [:]
        for t in r.targets {
            let place: String?
            if let known = placeByArticle[t.article] { place = known } else {
                place = Self.place(r, article: t.article)
                placeByArticle[t.article] = place
            }
            let subject = namedClusters.contains(t.subject) ? Evaluation.key(t.subject) : ""
            let metric = metricKey(t)
            let key = [place ?? "?", String(t.year), subject, metric, Evaluation.unitKey(t.unit)].joined(separator: "|")
            let description = [place ?? "", String(t.year), subject, metric].filter { !$0.isEmpty }.joined(separator: " ") + " (\(t.unit))"
            claims.append(Claim(key: key, description: description, value: t.value, unit: t.unit, comparator: t.comparator,
                                members: t.members, evidence: Finding.Evidence(document: r.info.id, span: t.span, text: t.text)))
        }
        // Quoted labels of two to eight Han characters: “强基韧链”.
        var labels: [Label] = []
        let chars = r.text.chars
        var i = 0
        while i < chars.count {
            if chars[i] == 0x201C {
                var k = i + 1
                while k < chars.count, k - i <= 9, CharClass.isHan(chars[k]) { k += 1 }
                if k < chars.count, chars[k] == 0x201D, k - i - 1 >= 2, k - i - 1 <= 8 {
                    let range = (i + 1)..<k
                    let span = r.text.span(range)
                    labels.append(Label(text: r.text.text(range), evidence: Finding.Evidence(document: r.info.id, span: span,
                                                                                        text: makeString(r.text.original[span.start..<span.end]))))
                }
                i = k
                continue
            }
            i += 1
        }
        return DocumentClaims(document: r.info.id, place: Self.place(r, article: 0), claims: claims, labels: labels)
    }
}
