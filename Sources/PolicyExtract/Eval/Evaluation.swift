import Foundation

/// Accuracy against hand-checked gold annotations (`Fixtures/gold/<doc>.json`).
///
/// Fields and matching rules (also in the README):
/// - `amounts`: one per occurrence; a found amount matches a gold one with the same value in 亿元
///   (and upper end for ranges) whose text agrees after normalization (NFKC, no spaces), one text
///   containing the other — so `500亿级以上` and `500亿级` agree. `amount_qualifiers` counts the matched
///   pairs whose qualifier also agrees, over all amounts.
/// - `years`: the set of deadline years. `dates`: the set of ISO dates, cut-off and deadline dates excluded.
/// - `doc_numbers`: the set of numbers, normalized. `clusters`: the set of names, normalized.
/// - `targets`: one per goal; matched on year, value and unit (normalized: 亿 → 亿元; money compared in 亿元).
///   `target_comparators` also requires the comparator.
/// - `departments`: the set of (name, role), names normalized; collective addressees are left out. When a
///   document's gold gives `canonical` names, the set of (canonical, role) instead (中国共产党… and 中共… agree).
package struct Evaluation {
    package struct FieldScore: Sendable {
        package var field: String
        package var truePositives = 0
        package var falsePositives = 0
        package var falseNegatives = 0
        package var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        package var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
        package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    package struct Miss: Sendable {
        package var field: String
        package var kind: String  // "miss" or "false_positive"
        package var document: String
        package var text: String
        package var detail: String
        package var span: Span?
    }

    package static let fields = ["amounts", "amount_qualifiers", "years", "dates", "doc_numbers", "targets", "target_comparators", "target_subjects", "target_metrics",
                                      "departments", "clusters"]

    /// Fields scored on matched pairs only, left out of `overall`.
    static let secondaryFields: Set<String> = ["amount_qualifiers", "target_comparators", "target_subjects", "target_metrics"]

    package var scores: [String: FieldScore] = [:]
    package var misses: [Miss] = []
    package var documents = 0
    package var missingGold: [String] = []

    /// Place names stripped from the front of a subject or metric before comparing (the `places` lexicon).
    package var placeNames: [String]

    package init(placeNames: [String]? = nil) {
        self.placeNames = (placeNames ?? PipelineDefinition.builtIn.lexicons.places.map { makeString($0) }).sorted { $0.count > $1.count }
        for f in Self.fields { scores[f] = FieldScore(field: f) }
    }

    package var overall: FieldScore {
        var o = FieldScore(field: "overall")
        for f in Self.fields where !Self.secondaryFields.contains(f) {
            o.truePositives += scores[f]!.truePositives
            o.falsePositives += scores[f]!.falsePositives
            o.falseNegatives += scores[f]!.falseNegatives
        }
        return o
    }

    /// The CJK Unified Ideographs block (一 … 鿿), which the Traditional → Simplified table covers.
    static let unifiedIdeographs = ("一" as Unicode.Scalar).value...("鿿" as Unicode.Scalar).value

    /// NFKC, Traditional → Simplified, no spaces: the form names and texts are compared in.
    package static func key(_ s: String) -> String {
        let tables = NormalizationTables.shared
        // Most names are already in that form: no character that folding, the Traditional mapping or the
        // space rule would change. They are returned as they are.
        let unchanged = tables.changed.withUnsafeBufferPointer { changed in
            s.unicodeScalars.allSatisfy { u in
                let c = u.value
                return c < 0x10000 && c != 0x20 && c != 0x0A && c != 0x09 && (changed[Int(c >> 6)] >> UInt64(c & 63)) & 1 == 0
            }
        }
        if unchanged { return s }
        let simplified = tables.simplified
        var out: [UInt32] = []
        out.reserveCapacity(s.utf8.count)
        @inline(__always) func add(_ c: UInt32) {
            var f = c
            if Self.unifiedIdeographs.contains(f), simplified[Int(f - Self.unifiedIdeographs.lowerBound)] != 0 {
                f = simplified[Int(f - Self.unifiedIdeographs.lowerBound)]
            }
            if f == 0x20 || f == 0x0A || f == 0x09 { return }
            out.append(f)
        }
        for u in s.unicodeScalars {
            let c = u.value
            // Most characters are unchanged by NFKC: only those with a folding go through the table's list.
            if c >= 0x80, let folded = tables.fold(c) { for f in folded { add(f) } } else { add(c) }
        }
        return makeString(out)
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return abs(x - y) <= max(1e-9, abs(y) * 1e-9)
        default: return false
        }
    }

    /// Money in the unit claims are keyed in (亿元), so that 1 万亿元 and 10000 亿元 compare equal: the money
    /// units of the `claim_units` lexicon with their powers of ten.
    static func inYi(_ v: Double, _ unit: String) -> (Double, String) {
        let units = ClaimExtractor.units
        guard let money = units.money.first(where: { $0.unit == unit }), money.power != 0 else { return (v, unit) }
        var scaled = v
        for _ in 0..<abs(money.power) { scaled = money.power > 0 ? scaled * 10 : scaled / 10 }
        return (scaled, units.moneyKey)
    }

    static func unitKey(_ u: String) -> String {
        let k = key(u)
        // Compared by bytes: `key` gives normalized text, and `switch` on Chinese literals normalizes both
        // sides on every comparison.
        if k.sameBytes("百分点") { return "个百分点" }
        return AmountValue.fullUnit(k)
    }

    /// Where a gold text occurs in the document (its first occurrence), for reporting a miss.
    static func locate(_ text: String, in r: DocumentResult) -> Span? {
        let needle = text.unicodeScalars.map(\.value)
        let hay = r.text.original
        guard !needle.isEmpty, needle.count <= hay.count else { return nil }
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) {
                return Span(start: i, end: i + needle.count, line: r.text.line(ofOriginal: i))
            }
            i += 1
        }
        return nil
    }

    mutating func count(_ field: String, tp: Int = 0, fp: Int = 0, fn: Int = 0) {
        scores[field]!.truePositives += tp
        scores[field]!.falsePositives += fp
        scores[field]!.falseNegatives += fn
    }

    /// Compares one document's result with its gold annotation.
    package mutating func add(_ r: DocumentResult, gold: GoldDocument) {
        documents += 1
        let doc = r.info.id
        // Amounts: matched on value, texts agreeing; the qualifier scored on the matched pairs.
        let foundAmounts: [Candidate] = r.items(AmountMatcher.id).compactMap { i in
            guard case .amount(let a) = i.mention.value else { return nil }
            return Candidate(key: Self.key(i.text), value: a.yiYuan.doubleValue, valueMax: a.yiYuanMax?.doubleValue, secondary: a.qualifier.rawValue,
                             text: i.text, detail: "\(a.yiYuan.doubleValue) 亿元 \(a.qualifier.rawValue)", span: i.span)
        }
        let goldAmounts: [Candidate] = gold.amounts.map { g in
            let q = g.qualifier ?? "none"
            return Candidate(key: Self.key(g.text), value: g.yiYuan, valueMax: g.yiYuanMax, secondary: q,
                             text: g.text, detail: "\(g.yiYuan) 亿元 \(q)", span: Self.locate(g.text, in: r))
        }
        scoreMatched("amounts", "amount_qualifiers", doc, found: foundAmounts, gold: goldAmounts) { f, g in
            Self.close(f.value, g.value) && Self.close(f.valueMax, g.valueMax) && (f.key.contains(g.key) || g.key.contains(f.key))
        }
        // Sets.
        let years = Set(r.items(YearMatcher.id).compactMap { i -> String? in
            if case .year(let y, .deadline) = i.mention.value { return String(y) }; return nil
        })
        compareSets("years", doc, r, found: years, gold: Set(gold.years.map(String.init)))
        let dates = Set(r.items(DateMatcher.id).compactMap { i -> String? in
            guard case .date(let y, let m, let d, .date) = i.mention.value else { return nil }
            return isoDate(y, m, d)
        })
        compareSets("dates", doc, r, found: dates, gold: Set(gold.dates))
        compareSets("doc_numbers", doc, r, found: Set(r.items(DocNumberMatcher.id).map { Self.key(r.text.text($0.mention.range)) }),
                    gold: Set(gold.docNumbers.map(Self.key)))
        compareSets("clusters", doc, r, found: Set(r.clusters.map { Self.key($0.name) }),
                    gold: Set(gold.clusters.map { Self.key($0.name) }))
        // Departments: by canonical name when the gold gives one (one entry per body and role), else by name.
        let goldDepartments = gold.departments
        // 中国共产党 and its short form 中共 open the same canonical name.
        let byCanonical = goldDepartments.contains { $0.canonical != nil }
        func departmentKey(_ n: String) -> String {
            let k = Self.key(n)
            return byCanonical && k.hasPrefix("中国共产党") ? "中共" + k.dropFirst(5) : k
        }
        compareSets("departments", doc, r, found: Set(r.departments.filter { !$0.collective }.map {
                        departmentKey(byCanonical ? $0.canonical : $0.name) + " / " + $0.role.rawValue
                    }),
                    gold: Set(goldDepartments.map { d in departmentKey((byCanonical ? d.canonical : nil) ?? d.name) + " / " + d.role }))
        // Targets: matched on year, value and unit; the comparator scored on the matched pairs.
        let foundTargets: [Candidate] = r.targets.map { t in
            let (value, unit) = Self.inYi(t.value.doubleValue, Self.unitKey(t.unit))
            return Candidate(key: "\(t.year) \(unit)", value: value, valueMax: nil, secondary: t.comparator.rawValue, text: t.text,
                             detail: "\(t.year): \(value) \(unit) \(t.comparator.rawValue)", span: t.span, subject: t.subject, metric: t.metric)
        }
        let goldTargets: [Candidate] = gold.targets.map { g in
            let (goldValue, unit) = Self.inYi(g.value ?? .nan, Self.unitKey(g.unit))
            let value: Double? = goldValue.isNaN ? nil : goldValue
            let comparator = g.comparator ?? "none"
            return Candidate(key: "\(g.year) \(unit)", value: value, valueMax: nil, secondary: comparator, text: g.text,
                             detail: "\(g.year): \(value ?? 0) \(unit) \(comparator)", span: Self.locate(g.text, in: r),
                             subject: g.subject ?? "", metric: g.metric ?? "")
        }
        let pairs = scoreMatched("targets", "target_comparators", doc, found: foundTargets, gold: goldTargets) { f, g in
            f.key == g.key && Self.close(f.value, g.value)
        }
        // Subjects and metrics (`target_subjects`, `target_metrics`): scored on the matched pairs only, so that
        // precision = recall = F1 = the share of matched targets that agree (see `subjectAgrees`, `metricAgrees`).
        for (k, gi) in pairs {
            let f = foundTargets[k], g = goldTargets[gi]
            let fs = bare(f.subject), fm = bare(f.metric), gs = bare(g.subject), gm = bare(g.metric)
            for (field, agrees) in [("target_subjects", Self.subjectAgrees(fs, fm, gs, gm)), ("target_metrics", Self.metricAgrees(fs, fm, gs, gm))] {
                if agrees { count(field, tp: 1); continue }
                count(field, fp: 1, fn: 1)
                misses.append(Miss(field: field, kind: "miss", document: doc, text: g.text,
                                   detail: "found \(f.subject) | \(f.metric), gold \(g.subject) | \(g.metric)", span: f.span))
            }
        }
    }

    /// One found or gold value of a field matched one for one (amounts, targets).
    struct Candidate {
        var key: String
        var value: Double?
        var valueMax: Double?
        /// The qualifier or comparator, scored separately on the matched pairs.
        var secondary: String
        var text: String
        var detail: String
        var span: Span?
        /// For targets: the subject and metric.
        var subject = ""
        var metric = ""
    }

    /// Words that name the whole area of the document (`全市`) or the document's own place (`我省`).
    /// (`area_word` of the `claim_words` lexicon.)
    static let areaWords = ClaimExtractor.words.strings(.areaWord)
    /// What may follow a place name dropped from the front of a subject or metric (`自治区`, `省`, `市` …), longest first.
    static let placeSuffixes = ClaimExtractor.words.strings(.comparedPlaceSuffix)
    /// Marks dropped from a subject or metric when compared: commas, colons, quotes, book-title marks, brackets.
    static let dropped: Set<Character> = Set(ClaimExtractor.words.strings(.comparedDrop).compactMap(\.first))

    /// A subject or metric in the form it is compared in: `key`, quotes, brackets and list marks dropped, and
    /// leading place names (`全市`, `宁波市`, `山东`) removed.
    func bare(_ s: String) -> String {
        // A bracketed remark (`（培育认定）`) is dropped with its brackets.
        var depth = 0
        var kept = ""
        for c in Self.key(s) {
            if c == "(" || c == "（" { depth += 1; continue }
            if c == ")" || c == "）" { depth = max(0, depth - 1); continue }
            if depth == 0 && !Self.dropped.contains(c) { kept.append(c) }
        }
        var k = Substring(kept)
        var changed = true
        while changed {
            changed = false
            if let w = Self.areaWords.first(where: { k.hasPrefix($0) }) { k = k.dropFirst(w.count); changed = true; continue }
            if let p = placeNames.first(where: { k.hasPrefix($0) && k.count > $0.count }) {
                k = k.dropFirst(p.count)
                if let suffix = Self.placeSuffixes.first(where: { k.hasPrefix($0) }) { k = k.dropFirst(suffix.count) }
                changed = true
                continue
            }
            // A place the lexicon does not know: two or three characters and 省/市/县/区 (泉州市, 开封市).
            let chars = Array(k.prefix(4))
            if let n = [2, 3].first(where: { chars.count > $0 && "省市县区".contains(chars[$0]) }), k.count > n + 1 {
                k = k.dropFirst(n + 1)
                changed = true
            }
        }
        return String(k)
    }

    /// A found subject agrees with the gold one when the gold subject is named in what was found (its subject
    /// and metric together) and the found subject says nothing the gold subject and metric do not: both
    /// compared as `bare` forms, by containment; an empty subject on either side names the document's place.
    static func subjectAgrees(_ fs: String, _ fm: String, _ gs: String, _ gm: String) -> Bool {
        (gs.isEmpty || (fs + fm).contains(gs)) && (fs.isEmpty || (gs + gm).contains(fs))
    }

    /// A found metric agrees with the gold one when it is not empty (unless the gold one is), holds nothing beyond
    /// the gold subject and metric (no verb or connective such as `推出`, `其中`), and either names the gold metric
    /// (with the subject) or is at least half of it (`独角兽企业` for `独角兽企业数量`).
    static func metricAgrees(_ fs: String, _ fm: String, _ gs: String, _ gm: String) -> Bool {
        if fm.isEmpty { return gm.isEmpty }
        let named = gm.isEmpty || Self.measureWords.contains(gm)
        return (gs + gm).contains(fm) && (named || (fs + fm).contains(gm) || (gm.contains(fm) && 2 * fm.count >= gm.count))
    }

    /// Gold metrics that name only the kind of measure, the thing measured being the subject (`开封市百亿企业` |
    /// `数量`): the found metric must then lie within the gold subject and metric, and nothing more.
    static let measureWords = Set(PipelineDefinition.builtIn.lexicons.targetWords.strings(.measureKind))

    /// Greedy one-for-one matching in document order: each gold value takes the first unused found
    /// value that `matches`; `secondaryField` also requires `secondary` to agree.
    /// Returns the matched pairs (found index, gold index).
    @discardableResult
    mutating func scoreMatched(_ field: String, _ secondaryField: String, _ doc: String, found: [Candidate], gold: [Candidate],
                               matches: (Candidate, Candidate) -> Bool) -> [(Int, Int)] {
        var used = [Bool](repeating: false, count: found.count)
        var pairs: [(Int, Int)] = []
        for (gi, g) in gold.enumerated() {
            if let k = found.indices.first(where: { !used[$0] && matches(found[$0], g) }) {
                used[k] = true
                pairs.append((k, gi))
                count(field, tp: 1)
                if found[k].secondary == g.secondary { count(secondaryField, tp: 1) } else {
                    count(secondaryField, fp: 1, fn: 1)
                    misses.append(Miss(field: secondaryField, kind: "miss", document: doc, text: g.text,
                                       detail: "\(secondaryField == "amount_qualifiers" ? "qualifier" : "comparator") \(found[k].secondary), gold \(g.secondary)",
                                       span: found[k].span))
                }
            } else {
                count(field, fn: 1)
                count(secondaryField, fn: 1)
                misses.append(Miss(field: field, kind: "miss", document: doc, text: g.text, detail: g.detail, span: g.span))
            }
        }
        for (k, f) in found.enumerated() where !used[k] {
            count(field, fp: 1)
            count(secondaryField, fp: 1)
            misses.append(Miss(field: field, kind: "false_positive", document: doc, text: f.text, detail: f.detail, span: f.span))
        }
        return pairs
    }

    mutating func compareSets(_ field: String, _ doc: String, _ r: DocumentResult, found: Set<String>, gold: Set<String>) {
        count(field, tp: found.intersection(gold).count, fp: found.subtracting(gold).count, fn: gold.subtracting(found).count)
        func spanOf(_ m: String) -> Span? { Self.locate(String(m.split(separator: " / ").first ?? Substring(m)), in: r) }
        for m in gold.subtracting(found).sorted() { misses.append(Miss(field: field, kind: "miss", document: doc, text: m, detail: "", span: spanOf(m))) }
        for m in found.subtracting(gold).sorted() { misses.append(Miss(field: field, kind: "false_positive", document: doc, text: m, detail: "", span: spanOf(m))) }
    }

    /// Runs the pipeline over `paths` and compares each document with `goldDirectory/<id>.json`.
    package static func run(paths: [String], goldDirectory: String, pipeline: PipelineDefinition = .builtIn) throws -> Evaluation {
        var evaluation = Evaluation(placeNames: pipeline.lexicons.places.map(makeString))
        let (inputs, errors) = BatchRunner.collect(paths)
        if let e = errors.first { throw PipelineError("\(e.path): \(e.message)") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: goldDirectory, isDirectory: &isFolder), isFolder.boolValue else {
            throw PipelineError("\(goldDirectory): no such folder of gold annotations")
        }
        let extractor = DocumentExtractor(pipeline: pipeline)
        for input in inputs {
            let goldPath = (goldDirectory as NSString).appendingPathComponent(FileInput.documentID(input.path) + ".json")
            // No gold for a document is reported; a gold file that is not a JSON object stops the evaluation.
            guard let data = FileManager.default.contents(atPath: goldPath) else {
                evaluation.missingGold.append(input.path)
                continue
            }
            let gold = try GoldDocument.read(data, path: goldPath)
            let bytes = try input.read()
            let result = try extractor.extract(bytes: bytes, path: input.path, id: FileInput.documentID(input.path))
            evaluation.add(result, gold: gold)
        }
        // The validation gold beside the gold folder (`Fixtures/validation.json`), when there is one.
        try evaluation.addFindings(goldPath: ((goldDirectory as NSString).deletingLastPathComponent as NSString).appendingPathComponent("validation.json"),
                                   pipeline: pipeline)
        return evaluation
    }

    package func table() -> String {
        func pct(_ v: Double) -> String {
            let s = String(Int((v * 1000).rounded()))
            let padded = String(repeating: "0", count: max(0, 4 - s.count)) + s
            return padded.prefix(padded.count - 3) + "." + padded.suffix(3)
        }
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        func lpad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        var lines = [pad("field", 20) + lpad("tp", 6) + lpad("fp", 6) + lpad("fn", 6) + lpad("precision", 11) + lpad("recall", 9) + lpad("F1", 8)]
        for s in Self.fields.map({ scores[$0]! }) + [overall] + Self.findingFields.compactMap({ scores[$0] }) {
            lines.append(pad(s.field, 20) + lpad(String(s.truePositives), 6) + lpad(String(s.falsePositives), 6) + lpad(String(s.falseNegatives), 6)
                         + lpad(pct(s.precision), 11) + lpad(pct(s.recall), 9) + lpad(pct(s.f1), 8))
        }
        return lines.joined(separator: "\n")
    }

    package func json() -> JSONValue {
        func score(_ s: FieldScore) -> JSONValue {
            .object([("tp", .int(s.truePositives)), ("fp", .int(s.falsePositives)), ("fn", .int(s.falseNegatives)),
                     ("precision", .number(String(s.precision))), ("recall", .number(String(s.recall))), ("f1", .number(String(s.f1)))])
        }
        return .object([
            ("documents", .int(documents)),
            ("fields", .object(Self.fields.map { ($0, score(scores[$0]!)) })),
            ("overall", score(overall)),
            ("validation", .object(Self.findingFields.compactMap { f in scores[f].map { (f, score($0)) } })),
            ("missing_gold", .strings(missingGold)),
            ("errors", .array(misses.map { m in
                .object([("field", .string(m.field)), ("kind", .string(m.kind)), ("document", .string(m.document)), ("text", .string(m.text)),
                         ("detail", .string(m.detail)), ("span", m.span.map { .object([("start", .int($0.start)), ("end", .int($0.end)), ("line", .int($0.line))]) } ?? .null)])
            })),
        ])
    }
}
