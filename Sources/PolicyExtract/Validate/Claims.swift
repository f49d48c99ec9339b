import Foundation

/// What a document claims, reduced to what the cross-document checks compare: small, so that a batch of
/// 100 000 documents keeps only these and never the documents themselves.
package struct Claim: Sendable {
    /// (place, year, subject, metric, unit) normalized: claims with the same key state the same thing.
    package var key: String
    /// Human words for the key: `山东 2025 超过3000亿元的产业集群 (个)`.
    package var description: String
    /// The value as stated, in `unit`.
    package var value: ExactDecimal
    package var unit: String
    /// The value in the unit of the key (亿元 for money; a 万/亿 prefix of any other unit taken into the value),
    /// so that `5000万元` and `0.5亿元` are one value.
    package var normalizedValue: ExactDecimal
    package var comparator: Qualifier
    package var members: [String]
    package var evidence: Finding.Evidence
    /// The date of issue of the claim's document (ISO), when known: a later document restating a goal revises it.
    package var date: String? = nil
    /// Why the claim's value or key is read with less than high confidence (nil: high confidence). A difference
    /// between claims is a conflict only when neither has a doubt.
    package var doubt: String? = nil
}

/// A quoted programme or campaign label (`“强基韧链”`), compared across documents for near-identical spellings.
package struct Label: Sendable {
    package var text: String
    package var evidence: Finding.Evidence
}

package struct DocumentClaims: Sendable {
    package var document: String
    package var place: String?
    package var date: String? = nil
    package var claims: [Claim]
    package var labels: [Label]
}

import Foundation

extension Lexicons {
    /// The roles of the words of the `claim_words` lexicon (`claim-words.tsv`): how each helps key and compare a claim.
    package enum ClaimRole: String, CaseIterable, Sendable {
        case tier, cluster, provinceLevel = "province_level", nationalMarker = "national_marker"
        case placeSuffix = "place_suffix", placeSuffixPart = "place_suffix_part", genericPlaceSuffix = "generic_place_suffix"
        case beforePlace = "before_place", notPlaceFirst = "not_place_first", notPlaceSecond = "not_place_second", notPlaceAfter = "not_place_after"
        case clauseWord = "clause_word", respectively, clauseBreak = "clause_break", sentenceBreak = "sentence_break"
        case listMark = "list_mark", listJoiner = "list_joiner", of, listLead = "list_lead", year, to
        case wholeCountry = "whole_country", wholeProvince = "whole_province", documentArea = "document_area"
        case areaWord = "area_word", comparedPlaceSuffix = "compared_place_suffix", comparedDrop = "compared_drop"
    }
    package typealias ClaimWords = RoleWords<ClaimRole>
}

extension Lexicons.RoleWords {
    /// The words of `role` as strings, longest first.
    func strings(_ role: Role) -> [String] { self[role].map { makeString($0) } }
    /// The words of `role`, a role whose words are single characters, as a set.
    func characters(_ role: Role) -> CharacterBits { CharacterBits(self[role].compactMap { $0.count == 1 ? $0[0] : nil }) }
}

/// A set of characters read in scanning loops: a plane bitmap (one load, no hashing) and, for characters
/// beyond the plane, a list.
struct CharacterBits: Sendable {
    private let plane: ScalarSet
    private let beyond: [UInt32]

    init(_ chars: [UInt32]) {
        plane = ScalarSet(chars)
        beyond = chars.filter { $0 > TextLexicon.lastOfPlane }
    }

    @inline(__always) func contains(_ c: UInt32) -> Bool {
        c <= TextLexicon.lastOfPlane ? plane.contains(c) : beyond.contains(c)
    }
}

package enum ClaimExtractor {
    /// The built-in `claim_words` lexicon.
    static let words = PipelineDefinition.builtIn.lexicons.claimWords
    static let tierWords = words.strings(.tier)
    static let clusterWord = words.strings(.cluster)[0]

    /// The place a document (or one article of it) is about: the most specific issuing or subject place (see `places`).
    static func place(_ r: DocumentResult, article: Int) -> String? {
        r.places.indices.contains(article) ? r.places[article] : nil
    }

    /// Province-level names of the `places` lexicon (provinces, autonomous regions, municipalities, SARs); every
    /// other name there is a city. A city is more specific than these.
    static let provinceLevel: Set<String> = Set(words.strings(.provinceLevel))
    /// The place of a national document (国务院, 中华人民共和国, a ministry).
    package static let national = "全国"
    /// Words of a title (or of a document's first line) that make the document national when it names no place.
    static let nationalMarkers: [[UInt32]] = words[.nationalMarker]
    /// What may follow a place name (`山东省`, `济宁市`, `松阳县`, `西藏自治区`).
    static let placeSuffixes = words.characters(.placeSuffix)
    /// Characters of a longer suffix after a place name (自, 治 of `自治区`, `自治州`).
    static let placeSuffixParts = words.characters(.placeSuffixPart)
    /// What makes two characters the name of a place although no lexicon has them: `开封市`, `松阳县` (区 and 州 end
    /// too many other words: 自治区, 消费区).
    static let genericPlaceSuffixes = words.characters(.genericPlaceSuffix)
    /// Characters that may stand right before a place name written with its suffix (`《开封市…》`, `据泉州市…`, `中共成都市委`).
    static let beforePlace = words.characters(.beforePlace)
    /// First characters that make `X?市` a common word (全市, 本市, 城市 …), never a place.
    static let notPlaceFirst = words.characters(.notPlaceFirst)
    /// Second characters that make `X?市` no place (省, 区, 全 and 本: `在全市`, `于本市`).
    static let notPlaceSecond = words.characters(.notPlaceSecond)
    /// What after `XY市` makes it a common word (场: `市场`, a market).
    static let notPlaceAfter = words.characters(.notPlaceAfter)

    /// A place name found in text: its name, where it starts and ends, and whether it is a city (or a county, a district).
    struct PlaceMention { var name: String; var start: Int; var end: Int; var specific: Bool }

    /// What the claims of a sentence's goals read from it, once per sentence: its characters (in the form goals are
    /// compared in), the places it names and whether it holds 分别 (respectively).
    struct SentenceFacts {
        let chars: [UInt32]
        let places: [PlaceMention]
        let hasRespectively: Bool

        init(_ sentence: String) {
            chars = scalars(Evaluation.key(sentence))
            places = ClaimExtractor.placeMentions(chars[...], lexicon: PipelineDefinition.builtIn.lexicons)
            hasRespectively = ClaimExtractor.firstIndex(of: ClaimExtractor.respectively, in: chars[...]) != nil
        }
    }

    /// The place names of `chars[range]`: names of the `places` lexicon, and two-character names written with their
    /// suffix (`开封市`, `松阳县`) where such a name can begin (after a non-Han character or one of `beforePlace`).
    static func placeMentions(_ chars: ArraySlice<UInt32>, lexicon: Lexicons) -> [PlaceMention] {
        var found: [PlaceMention] = []
        // The tables read at every position, held here rather than read from static storage per character.
        let han = CharClass.lexicon.han, placeFirsts = lexicon.scan.placeFirsts
        let genericPlaceSuffixes = Self.genericPlaceSuffixes, notPlaceFirst = Self.notPlaceFirst, notPlaceSecond = Self.notPlaceSecond
        let notPlaceAfter = Self.notPlaceAfter, beforePlace = Self.beforePlace
        @inline(__always) func isHan(_ c: UInt32) -> Bool { c <= TextLexicon.lastOfPlane ? han.contains(c) : CharClass.isHan(c) }
        var k = chars.startIndex
        while k < chars.endIndex {
            // Every place name begins with a Han character (most positions are passed over here).
            guard isHan(chars[k]) else { k += 1; continue }
            var matched = false
            for i in placeFirsts.contains(chars[k]) ? lexicon.scan.places.positions(startingWith: chars[k]) ?? [] : [] {
                let name = lexicon.places[i]
                guard k + name.count <= chars.endIndex, chars[k..<(k + name.count)].elementsEqual(name) else { continue }
                let text = makeString(name)
                found.append(PlaceMention(name: text, start: k, end: k + name.count, specific: !provinceLevel.contains(text)))
                k += name.count
                matched = true
                break
            }
            if matched { continue }
            if k + 2 < chars.endIndex, genericPlaceSuffixes.contains(chars[k + 2]), isHan(chars[k + 1]),
               !notPlaceFirst.contains(chars[k]), !genericPlaceSuffixes.contains(chars[k + 1]), !notPlaceSecond.contains(chars[k + 1]),
               k + 3 >= chars.endIndex || !notPlaceAfter.contains(chars[k + 3]),
               k == chars.startIndex || !isHan(chars[k - 1]) || beforePlace.contains(chars[k - 1]) {
                found.append(PlaceMention(name: makeString(chars[k..<(k + 2)]), start: k, end: k + 3, specific: true))
                k += 3
                continue
            }
            k += 1
        }
        return found
    }

    /// The place a text names at its beginning (`浙江省松阳县…`, `开封市推动…`, `山东:…`): the last, most specific, of
    /// the chain of places it opens with.
    static func openingPlace(_ chars: ArraySlice<UInt32>, lexicon: Lexicons) -> String? {
        var place: String? = nil
        var k = chars.startIndex
        while k < chars.endIndex {
            guard let m = placeMentions(chars[k..<min(chars.endIndex, k + 12)], lexicon: lexicon).first, m.start == k else { break }
            place = m.name
            k = m.end
            // 省, 市, 自治区 … after a lexicon name.
            while k < chars.endIndex, placeSuffixes.contains(chars[k]) || placeSuffixParts.contains(chars[k]) { k += 1 }
        }
        return place
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


    /// The place a document's claims are keyed to: its most specific issuing or subject place.
    ///
    /// In order: the chain of places the title opens with (`浙江省松阳县…` → 松阳), else the most specific place the title
    /// names; a city named by an issuer (`松阳县人民政府办公室`, `河南省濮阳市人民政府办公室` → 濮阳) over a province; 全国 for a
    /// title naming 国务院, 中华人民共和国, a ministry (`…部关于`); else the document's place (the place its opening names
    /// most), unless the opening names a city with 市 or 县 (`开封市`, `泉州市`) at least twice and half as often as that
    /// place, a province (a city plan cites its province's plan).
    static func claimPlace(title: String?, issuers: [String], opening: [String], documentPlace: String?) -> String? {
        let lexicons = PipelineDefinition.builtIn.lexicons
        let t = ArraySlice(scalars(title ?? ""))
        if let p = openingPlace(t, lexicon: lexicons) { return p }
        let inTitle = placeMentions(t, lexicon: lexicons)
        if let city = inTitle.first(where: \.specific) { return city.name }
        let byIssuers = issuers.compactMap { openingPlace(ArraySlice(scalars($0)), lexicon: lexicons) }
        if let city = byIssuers.first(where: { !provinceLevel.contains($0) }) { return city }
        if let province = inTitle.first { return province.name }
        if let province = byIssuers.first { return province }
        if let n = nationalPlace(title: title) { return n }
        guard documentPlace == nil || provinceLevel.contains(documentPlace!) else { return documentPlace }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for text in opening {
            let chars = scalars(Evaluation.key(text))
            for m in placeMentions(chars[...], lexicon: lexicons) {
                if counts[m.name] == nil { order.append(m.name) }
                counts[m.name, default: 0] += 1
            }
            // A name found with its suffix (泉州市) counts wherever the text names it (泉州全市, 2023年泉州).
            for m in placeMentions(chars[...], lexicon: lexicons) where m.end - m.start == 3 && !provinceLevel.contains(m.name) {
                let name = scalars(m.name)
                var n = 0, k = 0
                while let at = firstIndex(of: name, in: chars[k...]) { n += 1; k = at + name.count }
                counts[m.name]! += max(0, n - 1)
            }
        }
        let top = documentPlace.map { counts[$0] ?? 0 } ?? 0
        if let city = order.filter({ !provinceLevel.contains($0) }).max(by: { counts[$0]! < counts[$1]! }), counts[city]! >= 2, counts[city]! * 2 >= top {
            return city
        }
        return documentPlace
    }

    /// A metric as compared across documents: a tier of clusters by its tier word, else the metric with
    /// leading verbs and spaces removed.
    static func metricKey(metric: String, unit: String, value: @autoclosure () -> String, threshold: String?, hasMembers: Bool) -> String {
        var m = Evaluation.key(metric)
        // `…率分别达到65%和`: the metric ends before 分别 (the values after it are the list's).
        if let cut = m.range(of: respectivelyWord) { m = String(m[..<cut.lowerBound]) }
        if let th = threshold { return "集群≥\(th)亿元" }
        // 集群 looked for once, before the tier words (most metrics name no cluster).
        if m.includes(clusterWord) { for tier in tierWords where m.includes(tier) { return tier + clusterWord } }
        if hasMembers, unit.endsWith("元") { return "集群规模\(value())\(unit)" }
        return m
    }

    /// The key a name is compared by: normalized (NFKC, Simplified script, no spaces). A subject that is a named
    /// cluster is keyed by the cluster's canonical name (`ClusterRecord.canonical`: `青岛智能家电集群` and
    /// `青岛市智能家电产业集群` are one subject); other names, such as the members of a list, by themselves.
    static func canonicalName(_ name: String) -> String { Evaluation.key(name) }

    /// What a claim is built from, whether read from a document's record or from the pipeline's result.
    struct Source {
        var year: Int, subject: String, metric: String, comparator: Qualifier, value: ExactDecimal, valueMax: ExactDecimal?
        var unit: String, thresholdYiYuan: ExactDecimal?, members: [String]
        /// The goal's own text (original), its span, and the sentence it was read from (normalized text).
        var text: String, span: Span, sentence: SentenceFacts?
        /// The place of the document or of the goal's article.
        var place: String?
        /// The canonical name of the named cluster the subject is, or nil.
        var clusterCanonical: String?
    }

    /// The place a document's claims are keyed to (see `claimPlace(title:issuers:opening:documentPlace:)`), read from
    /// the pipeline's result.
    static func claimPlace(_ r: DocumentResult) -> String? {
        let opening = r.structure.units.filter { $0.kind == .sentence && $0.range.lowerBound < 2000 }.map { r.text.text($0.range) }
        return claimPlace(title: r.info.title, issuers: r.departments.filter { $0.role == .issuer }.map(\.canonical),
                          opening: opening, documentPlace: place(r, article: 0))
    }

    /// 全国 for a document that names no place and whose title names 国务院, 中华人民共和国, a ministry (`…部关于`) ….
    static func nationalPlace(title: String?) -> String? {
        guard let title else { return nil }
        let t = scalars(title)
        return nationalMarkers.contains(where: { firstIndex(of: $0, in: t[...]) != nil }) ? national : nil
    }

    /// The claims of one document, read from its record (what `extract` prints), so that a resumed batch, which
    /// decodes earlier outputs, builds exactly the claims a fresh run does.
    package static func claims(_ record: DocumentRecord) -> DocumentClaims {
        let document = record.document
        let id = document.id
        let namedClusters = Dictionary(record.clusters.map { ($0.name, $0.canonical) }, uniquingKeysWith: { a, _ in a })
        // The one opening text a record keeps: the sentences records were read from, in the first 2000 characters.
        let opening = record.sentences.filter { $0.span.start < 2000 }.map(\.text)
        let documentPlace = claimPlace(title: document.title, issuers: record.departments.filter { $0.role == .issuer }.map(\.canonical),
                                       opening: opening, documentPlace: document.place)
        var facts: [Int: SentenceFacts] = [:]  // several goals share a sentence
        let claims = record.targets.map { t -> Claim in
            let article = t.provenance.article
            let place = article > 0 && article < document.articles.count ? document.articles[article].place : documentPlace
            let sentence = t.provenance.sentence.flatMap { i -> SentenceFacts? in
                guard record.sentences.indices.contains(i) else { return nil }
                if let f = facts[i] { return f }
                let f = SentenceFacts(record.sentences[i].text)
                facts[i] = f
                return f
            }
            let source = Source(year: t.year, subject: t.subject, metric: t.metric, comparator: t.comparator, value: t.value, valueMax: t.valueMax,
                                unit: t.unit, thresholdYiYuan: t.threshold?.yiYuan, members: t.members, text: t.provenance.text,
                                span: t.provenance.span, sentence: sentence, place: place, clusterCanonical: namedClusters[t.subject])
            return claim(source, document: id, date: document.date)
        }
        let labels = record.labels.map { Label(text: $0.label, evidence: Finding.Evidence(document: id, span: $0.span, text: $0.text)) }
        return DocumentClaims(document: id, place: document.place, date: document.date, claims: claims, labels: labels)
    }

    /// The claims of a document's targets, read straight from the pipeline's result (for the checks within one
    /// document; built as `claims(_:)` builds them), in target order.
    static func targetClaims(_ r: DocumentResult, only indices: [Int]? = nil) -> [Claim] {
        let named = Dictionary(r.clusters.map { (ByteKey($0.name), $0.canonical) }, uniquingKeysWith: { a, _ in a })
        var facts: [Int: SentenceFacts] = [:]  // several goals share a sentence
        let documentPlace = claimPlace(r)
        return (indices ?? Array(r.targets.indices)).map { r.targets[$0] }.map { t in
            let sentence = t.sentenceRange.map { range -> SentenceFacts in
                if let f = facts[range.lowerBound] { return f }
                let f = SentenceFacts(r.text.text(range))
                facts[range.lowerBound] = f
                return f
            }
            let source = Source(year: t.year, subject: t.subject, metric: t.metric, comparator: t.comparator, value: t.value, valueMax: t.valueMax,
                                unit: t.unit, thresholdYiYuan: t.threshold?.yiYuan, members: t.members, text: t.text, span: t.span,
                                sentence: sentence, place: t.article == 0 ? documentPlace : place(r, article: t.article),
                                clusterCanonical: named[ByteKey(t.subject)])
            return claim(source, document: r.info.id, date: nil)
        }
    }

    /// The claim of one goal: its key (place, year, subject, metric, unit), its value in the key's unit, and any doubt.
    static func claim(_ t: Source, document: String, date: String?) -> Claim {
        var doubts: [String] = []
        var subject = t.clusterCanonical.map(canonicalName) ?? ""
        var subjectWords = subject
        // A figure of a 分别 list belongs to the subject named at its position.
        let goal = scalars(Evaluation.key(t.text))
        switch enumerationSubject(t.sentence, goal: goal) {
        case .none: break
        case .bound(let name, let list, let position, let count):
            // Keyed with its list: the names of a list may leave out what they share (花生种植、收获: 花生's 收获).
            subject = canonicalName(list) + "#" + canonicalName(name)
            subjectWords = "\(name) (\(position + 1) of \(count) in \(list)…分别)"
        case .unbound(let list):
            // Never grouped with a goal of another sentence: its subject is the list and its place in it.
            subject = "分别:" + list
            subjectWords = "one of \(list) (分别, not bound to its subject)"
            doubts.append("its subject could not be bound in a 分别 list")
        }
        // A figure is keyed to the place its sentence names before it, else to the document's.
        let place = sentencePlace(t.sentence, goal: goal, documentPlace: t.place) ?? t.place
        if place == nil { doubts.append("the document names no place") }
        let metric = metricKey(metric: t.metric, unit: t.unit, value: t.value.description,
                               threshold: t.thresholdYiYuan.map(\.description), hasMembers: !t.members.isEmpty)
        if metric.isEmpty && subject.isEmpty { doubts.append("the goal names no metric") }
        if t.valueMax != nil { doubts.append("the value is a range") }
        let (unitKey, normalized) = normalizedUnit(t.unit, t.value)
        if t.members.contains(where: readsAsClause) { doubts.append("a listed member reads as a clause") }
        let key = joinedKey(place ?? "?", t.year, subject, metric, unitKey)
        let description = [place ?? "", String(t.year), subjectWords, metric].filter { !$0.isEmpty }.joined(separator: " ") + " (\(unitKey))"
        return Claim(key: key, description: description, value: t.value, unit: t.unit, normalizedValue: normalized, comparator: t.comparator,
                     members: t.members, evidence: Finding.Evidence(document: document, span: t.span, text: t.text), date: date,
                     doubt: doubts.isEmpty ? nil : doubts.joined(separator: "; "))
    }

    /// Words that make a listed name a clause rather than a name (`…还先后引进了…`, `在全市培育形成数字产业`).
    static let clauseWords = words.strings(.clauseWord)

    static func readsAsClause(_ member: String) -> Bool {
        member.unicodeScalars.count > 12 || clauseWords.contains { member.includes($0) }
    }

    /// The units of the `claim_units` lexicon (`claim-units.tsv`): money units with the power of ten that takes a
    /// value in them to the key's money unit (the one of power 0: 亿元), and prefixes of other units with theirs
    /// (万 of 万吨: 4), each list in file order.
    struct ClaimUnits: Sendable {
        static let file = "lexicons/claim-units.tsv"
        var money: [(unit: String, power: Int)] = []
        var prefixes: [(prefix: String, power: Int)] = []
        /// The money unit claims are keyed in.
        var moneyKey: String
        /// Every character of the money units and prefixes: a unit with none of them is kept as it is.
        var characters: Set<Unicode.Scalar>

        /// Reads `unit <TAB> money|prefix <TAB> power of ten` rows; a malformed row, or no money unit of power 0, is
        /// an error naming the file (`origin`).
        init(rows: [[String]], origin: String) throws {
            for r in rows {
                guard r.count >= 3, !r[0].isEmpty, let power = Int(r[2]), r[1] == "money" || r[1] == "prefix" else {
                    throw PipelineError("\(origin): row \(r) needs a unit, money or prefix, and a power of ten")
                }
                if r[1] == "money" { money.append((r[0], power)) } else { prefixes.append((r[0], power)) }
            }
            guard let key = money.first(where: { $0.power == 0 })?.unit else { throw PipelineError("\(origin): no money unit has the power 0") }
            moneyKey = key
            characters = Set((money.map(\.unit) + prefixes.map(\.prefix)).flatMap(\.unicodeScalars))
        }
    }

    /// The built-in `claim_units` lexicon.
    static let units: ClaimUnits = {
        let origin = "built-in default: lexicon \"claim_units\" (\(ClaimUnits.file))"
        do {
            return try ClaimUnits(rows: PipelineDefinition.builtIn.lexicons.rows(of: "claim_units"), origin: origin)
        } catch {
            fatalError("\(error)")
        }
    }()

    /// A unit as claims are keyed (`亿元` for every money unit; `千瓦` for `万千瓦`), and the value in it.
    static func normalizedUnit(_ unit: String, _ value: ExactDecimal) -> (String, ExactDecimal) {
        let u = Evaluation.unitKey(unit)
        // Most units (%, 个, 家, 项) have no prefix and no money: kept as they are.
        guard u.unicodeScalars.contains(where: units.characters.contains) else { return (u, value) }
        for (name, power) in units.money where u == name { return (units.moneyKey, value.scaled(by: power)) }
        for (prefix, power) in units.prefixes where u.hasPrefix(prefix) && u.unicodeScalars.count > prefix.unicodeScalars.count {
            let base = String(String.UnicodeScalarView(u.unicodeScalars.dropFirst(prefix.unicodeScalars.count)))
            // 万人次, 万吨 …; 个百分点 and 家 have no prefix.
            return (base, value.scaled(by: power))
        }
        return (u, value)
    }

    /// What a `分别` list makes of a goal: not in one, bound to the subject at its position, or in one whose
    /// subjects could not be told apart (the list's text given).
    enum Enumeration: Equatable { case none, bound(String, list: String, position: Int, count: Int), unbound(String) }

    /// 分别 ("respectively"), which pairs the names of a list with the values after it.
    static let respectively = words[.respectively][0]
    static let respectivelyWord = makeString(respectively)
    static let clauseBreaks = words.characters(.clauseBreak)
    static let sentenceBreaks = words.characters(.sentenceBreak)
    static let listMarks = words.characters(.listMark)
    static let listJoiners = words.characters(.listJoiner)
    /// 的, which ends a listed name's own words; 年, which follows a year's digits; 到, before a year.
    static let ofMarks = words.characters(.of)
    static let yearMarks = words.characters(.year)
    static let toMarks = words.characters(.to)
    /// Words that open a clause before a list but name nothing in it (其中, 同时, 同期).
    static let listLeads = words[.listLead]
    /// Words before a goal naming the whole country, the whole province, the document's own place.
    static let areaNames: [(word: [UInt32], name: String)] =
        words[.wholeCountry].map { ($0, national) } + words[.wholeProvince].map { ($0, wholeProvince) } + words[.documentArea].map { ($0, "") }
    /// The name 全省 is kept under in a city's document (its province, which the key cannot name).
    static let wholeProvince = words.strings(.wholeProvince)[0]

    /// Binds a goal of `A、B、C分别为x、y、z` (or `…的…率分别达到x%、y%、z%`) to its subject: the names before 分别
    /// in the goal's clause, split at 、 (and 和/及/与), paired in order with the numbers after it; the goal's
    /// value is the last number of its own text.
    static func enumerationSubject(sentence: String?, goalText: String) -> Enumeration {
        enumerationSubject(sentence.map(SentenceFacts.init), goal: scalars(Evaluation.key(goalText)))
    }

    static func enumerationSubject(_ facts: SentenceFacts?, goal g: [UInt32]) -> Enumeration {
        guard let facts, facts.hasRespectively, !g.isEmpty else { return .none }
        let s = facts.chars
        guard let p = firstIndex(of: g, in: s[...]) else { return .none }
        let end = p + g.count
        // The 分别 of the goal's clause: the last before the goal's end, with no sentence break between.
        var f: Int? = nil
        var k = end - respectively.count
        while k >= 0 {
            if sentenceBreaks.contains(s[k]) && k < end - 1 { break }
            if s[k..<(k + respectively.count)].elementsEqual(respectively) { f = k; break }
            k -= 1
        }
        guard let f else { return .none }
        var c = f
        while c > 0, !clauseBreaks.contains(s[c - 1]) { c -= 1 }
        var list = Array(s[c..<f])
        // A leading 其中 or year phrase (到2025年) is not a subject.
        for lead in listLeads where list.starts(with: lead) { list.removeFirst(lead.count) }
        if let year = list.firstIndex(where: yearMarks.contains), year <= 6, list[..<year].allSatisfy({ $0 &- 0x30 < 10 || toMarks.contains($0) }) {
            list.removeFirst(year + 1)
        }
        let listText = makeString(list[...])
        // The numbers after 分别, to the end of the clause.
        var numbers: [Range<Int>] = []
        var q = f + respectively.count
        while q < s.count, !(clauseBreaks.contains(s[q]) && q >= end) {
            if s[q] &- 0x30 < 10 {
                let a = q
                while q < s.count, s[q] &- 0x30 < 10 || s[q] == 0x2E { q += 1 }
                numbers.append(a..<q)
            } else { q += 1 }
        }
        guard let position = numbers.lastIndex(where: { $0.lowerBound < end }) else { return .unbound(listText) }
        var names = split(list, at: listMarks)
        if names.count == 1 || names.count < numbers.count { names = names.dropLast() + split(names.last ?? [], at: listJoiners) }
        names = names.map { n in n.firstIndex(where: ofMarks.contains).map { Array(n[..<$0]) } ?? n }.filter { !$0.isEmpty }
        guard names.count == numbers.count, names.count >= 2 else { return .unbound(listText) }
        return .bound(makeString(names[position][...]), list: listText, position: position, count: names.count)
    }

    static func split(_ s: [UInt32], at separators: CharacterBits) -> [[UInt32]] {
        s.split(omittingEmptySubsequences: false) { separators.contains($0) }.map(Array.init)
    }

    static func firstIndex(of word: [UInt32], in s: ArraySlice<UInt32>) -> Int? {
        guard !word.isEmpty, s.count >= word.count else { return nil }
        var k = s.startIndex
        while k + word.count <= s.endIndex {
            if s[k] == word[0], s[k..<(k + word.count)].elementsEqual(word) { return k }
            k += 1
        }
        return nil
    }

    /// The place a goal's sentence names before the goal's value (`其中济南市…`, `全省…`), if any: a place name,
    /// or 全国; 全省 in a city's document is its province, which the key cannot name, so it is kept apart (`全省@宁波`);
    /// 全市, 全县, 本市 are the document's place.
    static func sentencePlace(_ sentence: String?, goalText: String, documentPlace: String?) -> String? {
        sentencePlace(sentence.map(SentenceFacts.init), goal: scalars(Evaluation.key(goalText)), documentPlace: documentPlace)
    }

    static func sentencePlace(_ facts: SentenceFacts?, goal g: [UInt32], documentPlace: String?) -> String? {
        guard let facts else { return nil }
        let s = facts.chars
        let end = firstIndex(of: g, in: s[...]).map { $0 + g.count } ?? s.count
        var place: (name: String, at: Int)? = facts.places.last(where: { $0.end <= end }).map { ($0.name, $0.start) }
        for (w, name) in areaNames {
            var k = 0
            while k + w.count <= end {
                if s[k..<(k + w.count)].elementsEqual(w), place == nil || k > place!.at { place = (name, k) }
                k += 1
            }
        }
        guard let found = place else { return nil }
        switch found.name {
        case "": return documentPlace
        case wholeProvince:
            guard let d = documentPlace else { return wholeProvince }
            return provinceLevel.contains(d) ? d : wholeProvince + "@" + d
        default: return found.name
        }
    }

    /// place|year|subject|metric|unit key: the form of every claim key.
    static func joinedKey(_ place: String, _ year: Int, _ subject: String, _ metric: String, _ unitKey: String) -> String {
        [place, String(year), subject, metric, unitKey].joined(separator: "|")
    }

    package static func claims(_ r: DocumentResult) -> DocumentClaims { claims(DocumentRecord(r)) }

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
