import Foundation

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

import Foundation

public enum ClaimExtractor {
    static let tierWords = ["世界级", "国家级", "省级"]

    /// The place a document (or one article of it) is about: the place name it mentions most in its title
    /// and opening (2000 characters; 400 for a further article), from the `places` lexicon.
    static func place(_ r: DocumentResult, article: Int) -> String? {
        r.places.indices.contains(article) ? r.places[article] : nil
    }

    /// Computes `place` for the document and each of its articles, in one scan of each opening.
    static func places(text: NormalizedText, structure: DocumentStructure, title: String?, lexicons: Lexicons) -> [String?] {
        let lexicon = lexicons.places
        let firsts = lexicons.scan.placeFirsts
        // In the text, the first characters of place names come from the candidate index when it was built
        // with these lexicons; in a title, each character is tested.
        let index = text.candidates.flatMap { $0.table === lexicons.scan.candidates ? $0 : nil }
        func best(_ title: ArraySlice<UInt32>, _ opening: Range<Int>) -> String? {
            var counts = [Int](repeating: 0, count: lexicon.count)
            var order: [Int] = []
            for (scope, inText) in [(title, false), (text.chars[opening], true)] {
                var k = scope.startIndex
                while k < scope.endIndex {
                    if inText, let index {
                        k = index.next(.placeFirst, from: k, to: scope.endIndex)
                        if k >= scope.endIndex { break }
                    } else if !firsts.contains(scope[k]) {
                        k += 1
                        continue
                    }
                    if let candidates = lexicons.scan.places.positions(startingWith: scope[k]) {
                        for i in candidates where k + lexicon[i].count <= scope.endIndex && scope[k..<(k + lexicon[i].count)].elementsEqual(lexicon[i]) {
                            if counts[i] == 0 { order.append(i) }
                            counts[i] += 1
                            break
                        }
                    }
                    k += 1
                }
            }
            var winner: (Int, Int)? = nil
            for i in order where winner == nil || counts[i] > winner!.1 { winner = (i, counts[i]) }
            return winner.map { makeString(lexicon[$0.0]) }
        }
        let titleScalars = ArraySlice(scalars((title ?? "")))
        var result: [String?] = []
        for a in structure.articles {
            if a.index == 0 {
                result.append(best(titleScalars, 0..<min(text.count, 2000)))
            } else {
                let t = ArraySlice(scalars(a.title))
                result.append(best(t, a.range.lowerBound..<min(a.range.upperBound, a.range.lowerBound + 400)))
            }
        }
        return result
    }

    /// A metric as compared across documents: a tier of clusters by its tier word, else the metric with
    /// leading verbs and spaces removed.
    static func metricKey(metric: String, unit: String, value: @autoclosure () -> String, threshold: String?, hasMembers: Bool) -> String {
        let m = Evaluation.key(metric)
        if let th = threshold { return "集群≥\(th)亿元" }
        // 集群 looked for once, before the tier words (most metrics name no cluster).
        if m.includes("集群") { for tier in tierWords where m.includes(tier) { return tier + "集群" } }
        if hasMembers, unit.endsWith("元") { return "集群规模\(value())\(unit)" }
        return m
    }

    /// The claims of one document, read from its record (what `extract` prints), so that a resumed batch, which
    /// decodes earlier outputs, builds exactly the claims a fresh run does.
    public static func claims(_ record: DocumentRecord) -> DocumentClaims {
        let document = record.document
        let id = document.id
        let namedClusters = Set(record.clusters.map(\.name))
        var claims: [Claim] = []
        for t in record.targets {
            let article = t.provenance.article
            let place = article > 0 && article < document.articles.count ? document.articles[article].place : document.place
            let subject = namedClusters.contains(t.subject) ? Evaluation.key(t.subject) : ""
            let (key, description) = keyAndDescription(place: place, year: t.year, subject: subject,
                                                       metric: metricKey(metric: t.metric, unit: t.unit, value: t.value.description,
                                                                         threshold: t.threshold.map { $0.yiYuan.description },
                                                                         hasMembers: !t.members.isEmpty), unit: t.unit)
            claims.append(Claim(key: key, description: description, value: t.value, unit: t.unit, comparator: t.comparator, members: t.members,
                                evidence: Finding.Evidence(document: id, span: t.provenance.span, text: t.provenance.text)))
        }
        let labels = record.labels.map { Label(text: $0.label, evidence: Finding.Evidence(document: id, span: $0.span, text: $0.text)) }
        return DocumentClaims(document: id, place: document.place, claims: claims, labels: labels)
    }

    static func keyAndDescription(place: String?, year: Int, subject: String, metric: String, unit: String) -> (String, String) {
        (claimKey(place: place, year: year, subject: subject, metric: metric, unit: unit),
         claimDescription(place: place, year: year, subject: subject, metric: metric, unit: unit))
    }

    static func claimDescription(place: String?, year: Int, subject: String, metric: String, unit: String) -> String {
        [place ?? "", String(year), subject, metric].filter { !$0.isEmpty }.joined(separator: " ") + " (\(unit))"
    }

    static func claimKey(place: String?, year: Int, subject: String, metric: String, unit: String) -> String {
        joinedKey(place ?? "?", year, subject, metric, Evaluation.unitKey(unit))
    }

    /// place|year|subject|metric|unit key: the form of every claim key.
    private static func joinedKey(_ place: String, _ year: Int, _ subject: String, _ metric: String, _ unitKey: String) -> String {
        [place, String(year), subject, metric, unitKey].joined(separator: "|")
    }

    /// The parts of a claim key (place, year, subject, metric and unit key), compared and hashed by their bytes:
    /// two targets have equal parts when their keys are equal, and no key string is made to find out.
    struct KeyParts: Hashable {
        let place: ByteKey, year: Int, subject: ByteKey, metric: ByteKey, unit: ByteKey
        /// The claim key these parts make.
        var key: String { joinedKey(place.string, year, subject.string, metric.string, unit.string) }
    }

    /// The claim key parts of a document's targets, read straight from the records (for the checks within
    /// one document; keys are built as `claims(_:)` builds them), in target order.
    static func targetClaimKeyParts(_ r: DocumentResult) -> [KeyParts] {
        let named = Set(r.clusters.map { ByteKey($0.name) })
        return r.targets.map { t in
            let parts = claimParts(for: t, r, named: named)
            return KeyParts(place: ByteKey(parts.place ?? "?"), year: t.year, subject: ByteKey(parts.subject), metric: ByteKey(parts.metric),
                            unit: ByteKey(Evaluation.unitKey(t.unit)))
        }
    }

    /// The claim of target `t`, whose key (`KeyParts.key`) is given.
    static func targetClaim(_ t: Target, key: String, _ r: DocumentResult) -> Claim {
        let parts = claimParts(for: t, r, named: Set(r.clusters.map { ByteKey($0.name) }))
        let description = claimDescription(place: parts.place, year: t.year, subject: parts.subject, metric: parts.metric, unit: t.unit)
        return Claim(key: key, description: description, value: t.value, unit: t.unit, comparator: t.comparator, members: t.members,
                     evidence: Finding.Evidence(document: r.info.id, span: t.span, text: t.text))
    }

    private static func claimParts(for t: Target, _ r: DocumentResult, named: Set<ByteKey>) -> (place: String?, subject: String, metric: String) {
        // Cluster names and subjects are both normalized text: compared by bytes.
        let subject = named.contains(ByteKey(t.subject)) ? Evaluation.key(t.subject) : ""
        let metric = metricKey(metric: t.metric, unit: t.unit, value: t.value.description, threshold: t.threshold.map { $0.yiYuan.description },
                               hasMembers: !t.members.isEmpty)
        return (place(r, article: t.article), subject, metric)
    }

    public static func claims(_ r: DocumentResult) -> DocumentClaims { claims(DocumentRecord(r)) }

    /// Quoted labels of two to eight Han characters: “强基韧链”.
    static func labels(_ r: DocumentResult) -> [(label: String, range: Range<Int>)] {
        var labels: [(String, Range<Int>)] = []
        let chars = r.text.chars
        var i = 0
        while i < chars.count {
            i = r.text.next(.openQuote, from: i, to: chars.count)
            if i >= chars.count { break }
            if chars[i] == 0x201C {
                var k = i + 1
                while k < chars.count, k - i <= 9, CharClass.isHan(chars[k]) { k += 1 }
                if k < chars.count, chars[k] == 0x201D, k - i - 1 >= 2, k - i - 1 <= 8 {
                    labels.append((r.text.text((i + 1)..<k), (i + 1)..<k))
                }
                i = k
                continue
            }
            i += 1
        }
        return labels
    }
}
