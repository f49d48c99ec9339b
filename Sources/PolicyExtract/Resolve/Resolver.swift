/// Resolve — binds extracted values into targets, and finds departments and clusters.
///
/// Runs after the matchers; reads their items, the segmented structure and the lexicons, and fills
/// `targets`, `departments` and `clusters` of the result. Every record carries the span of the text
/// it was read from.
struct Resolver {
    let lexicons: Lexicons

    func resolve(_ result: inout DocumentResult) {
        let ctx = ResolveContext(result: result, lexicons: lexicons)
        result.departments = DepartmentResolver(ctx: ctx).resolve()
        var (targets, goalYears) = TargetResolver(ctx: ctx).resolveWithYears()
        Self.bindDepartments(&targets, result.departments, ctx)
        result.targets = targets
        Self.markGoalYears(goalYears, in: &result, ctx)
        result.clusters = ClusterResolver(ctx: ctx).resolve()
    }

    /// Makes the years that targets were bound to deadline years: a year that opens a goal list without 到
    /// (`2023年经济社会发展的主要预期目标是:`, 213 泉州 and 235 福建; a caption `2016年…量化指标任务分工`, 220) becomes
    /// one, and `今年` read as a dated report's year (134) becomes a year of its own, its span on the word.
    static func markGoalYears(_ years: [(range: Range<Int>, year: Int)], in result: inout DocumentResult, _ ctx: ResolveContext) {
        guard !years.isEmpty else { return }
        var items = result.items(YearMatcher.id)
        var added = false
        for (range, year) in years where !range.isEmpty {
            if let i = items.firstIndex(where: { $0.mention.range == range }) {
                if case .year(let y, .other) = items[i].mention.value { items[i].mention.value = .year(y, .deadline) }
            } else if !items.contains(where: { $0.mention.range.overlaps(range) }) {
                let p = ctx.provenance(range)
                items.append(Item(mention: Mention(range: range, value: .year(year, .deadline)), span: p.span, text: p.text, section: p.section,
                                  sentenceRange: p.sentence, article: p.article, tableCell: nil))
                added = true
            }
        }
        if added { items.sort { $0.mention.range.lowerBound < $1.mention.range.lowerBound } }
        result.items[YearMatcher.id] = items
    }

    /// Binds each section's 牵头单位 and 责任单位 to the targets in that section: a statement binds to
    /// the targets under its nearest `(一)`-level (or higher) heading.
    static func bindDepartments(_ targets: inout [Target], _ departments: [Department], _ ctx: ResolveContext) {
        guard !targets.isEmpty, departments.contains(where: { ($0.role == .lead || $0.role == .responsible) && !$0.collective }) else { return }
        let sections = ctx.result.structure.sections
        // Paths compared by bytes (their strings are shared with the sections', so equal ones compare by
        // identity; `==` on Chinese text normalizes both sides whenever the storage differs).
        func samePath(_ a: ArraySlice<String>, _ b: ArraySlice<String>) -> Bool {
            guard a.count == b.count else { return false }
            var j = b.startIndex
            for x in a {
                if !x.sameBytes(b[j]) { return false }
                j += 1
            }
            return true
        }
        /// The section whose path is this one's less its last heading: the nearest before it, else after it.
        func parent(_ i: Int) -> Int? {
            let path = sections[i].path
            guard path.count > 1 else { return nil }
            let isParent = { (j: Int) in samePath(sections[j].path[...], path.dropLast()) }
            return (0..<i).reversed().first(where: isParent) ?? ((i + 1)..<sections.count).first(where: isParent)
        }
        func scope(_ section: Int) -> [String] {
            var s = sections[section]
            // A table or a `1.` heading binds at the level of its enclosing `(一)` heading.
            while s.rank > 2, s.path.count > 1, let p = parent(s.index) { s = sections[p] }
            return s.path
        }
        // Scopes in order of first use, found by comparing paths (no hashing of Chinese text).
        var scopes: [(key: [String], lead: [String], responsible: [String])] = []
        for d in departments where (d.role == .lead || d.role == .responsible) && !d.collective {
            let key = scope(d.section)
            let i = scopes.firstIndex(where: { samePath($0.key[...], key[...]) }) ?? { scopes.append((key, [], [])); return scopes.count - 1 }()
            // Names compared by bytes (all come from the normalized text; `==` normalizes Chinese on every call).
            if d.role == .lead, !scopes[i].lead.contains(where: { $0.sameBytes(d.name) }) { scopes[i].lead.append(d.name) }
            if d.role == .responsible, !scopes[i].responsible.contains(where: { $0.sameBytes(d.name) }) { scopes[i].responsible.append(d.name) }
        }
        if scopes.isEmpty { return }
        // The deepest scope that contains a section's path; targets of one section share it.
        var bestBySection: [Int: Int?] = [:]
        for i in targets.indices {
            let section = targets[i].section
            if bestBySection[section] == nil {
                let path = sections[section].path
                var best: Int? = nil
                for (k, scope) in scopes.enumerated() where !scope.key.isEmpty && scope.key.count <= path.count && samePath(path.prefix(scope.key.count), scope.key[...]) {
                    if best == nil || scope.key.count > scopes[best!].key.count { best = k }
                }
                bestBySection[section] = .some(best)
            }
            if let k = bestBySection[section]! {
                targets[i].lead = scopes[k].lead
                targets[i].responsible = scopes[k].responsible
            }
        }
    }
}

/// What the resolvers share: the document, the lexicons and helpers over the normalized text.
final class ResolveContext: CandidateScanning {
    let result: DocumentResult
    let lexicons: Lexicons
    let chars: [UInt32]
    let text: NormalizedText
    let structure: DocumentStructure
    let candidateTable: CandidateTable
    let candidateIndex: CandidateIndex?
    /// List bullets (`target_words`, role `list_mark`), trimmed from the start of a name.
    let listMarks: ScalarSet

    init(result: DocumentResult, lexicons: Lexicons) {
        self.result = result
        self.lexicons = lexicons
        self.chars = result.text.chars
        self.text = result.text
        self.structure = result.structure
        candidateTable = lexicons.scan.candidates
        candidateIndex = Self.index(of: result.text, for: candidateTable)
        // Made once per pipeline (a set is an 8 KB bitmap: made per document, it was allocated and cleared each time).
        let marks = lexicons.targetWords[.listMark]  // the words alone captured (the lexicons were copied into the closure)
        listMarks = lexicons.prepared.value("list marks") { ScalarSet(marks.filter { $0.count == 1 }.map { $0[0] }) }
    }

    /// For each section, the nearest heading on its path (deepest first) that names a cluster
    /// (`(一)高端装备产业集群` → 高端装备产业集群), or "" — computed once per document.
    lazy var clusterHeadingBySection: [String] = structure.sections.map { section in
        for heading in section.path.reversed() where ResolveContext.mayNameCluster(heading) {
            let name = ResolveContext.headingName(heading)
            if name.endsWith("集群") { return name }
        }
        return ""
    }

    /// `clusterHeadingBySection`, less the headings that read as a headline about clusters rather than a name
    /// (`山东:加快发展先进制造业集群`: a colon, a verb of the `cluster_stopwords` lexicon, 先进制造业): the subject a
    /// target under the heading takes.
    lazy var clusterSubjectBySection: [String] = {
        var checked: [String: String] = [:]
        return clusterHeadingBySection.map { name in
            if name.isEmpty { return name }
            if let known = checked[name] { return known }
            let u = scalars(name)
            var named = !u.contains(UInt32(char: ":")) && !u.indices.contains { u[$0...].starts(with: lexicons.clusterPhrases.advancedManufacturing) }
            if named {
                outer: for i in u.indices {
                    for w in lexicons.scan.clusterStopwords.words(startingWith: u[i]) ?? [] where u[i...].starts(with: w) { named = false; break outer }
                }
            }
            checked[name] = named ? name : ""
            return named ? name : ""
        }
    }()

    /// The full name of the place each article is about (`宁波` → `宁波市`, `山东` → `山东省`; `place_full_names`).
    lazy var placeFullNameByArticle: [String?] = result.places.map { $0.map { lexicons.placeFullNames[$0] ?? $0 + "市" } }

    /// The subject of a goal in a document about no known place: `全国` when its title names 国务院 or 全国, else "".
    lazy var centralSubject: String = {
        let title = result.info.title ?? ""
        return title.contains("国务院") || title.contains("全国") ? "全国" : ""
    }()

    /// The cluster names that are headings of their own sections.
    lazy var headingClusters: Set<String> = Set(structure.sections.compactMap { s -> String? in
        guard s.kind == .heading, let last = s.path.last, ResolveContext.mayNameCluster(last) else { return nil }
        let name = ResolveContext.headingName(last)
        return name.endsWith("集群") ? name : nil
    })


    func string(_ r: Range<Int>) -> String { text.text(r) }

    /// Span, original text, section, sentence and article for a normalized range.
    func provenance(_ r: Range<Int>) -> (span: Span, text: String, section: Int, sentence: Range<Int>?, article: Int) {
        let span = text.span(r)
        let unit = structure.unit(at: r.lowerBound)
        return (span, makeString(text.original[span.start..<span.end]), unit?.section ?? 0,
                unit?.range, structure.article(at: r.lowerBound))
    }


    /// Removes any of `words` from the start of `r`, repeatedly.
    func stripLeading(_ r: Range<Int>, _ words: [[UInt32]]) -> Range<Int> {
        var s = r.lowerBound
        var changed = true
        while changed && s < r.upperBound {
            changed = false
            let c = chars[s]  // a word's first character is compared before the word
            for w in words where w.first == c && s + w.count <= r.upperBound && has(w, at: s) { s += w.count; changed = true; break }
        }
        return s..<r.upperBound
    }

    /// Removes any of `words` from the end of `r`, repeatedly.
    func stripTrailing(_ r: Range<Int>, _ words: [[UInt32]]) -> Range<Int> {
        var e = r.upperBound
        var changed = true
        while changed && e > r.lowerBound {
            changed = false
            let c = chars[e - 1]  // a word's last character is compared before the word
            for w in words where w.last == c && e - w.count >= r.lowerBound && has(w, endingAt: e) { e -= w.count; changed = true; break }
        }
        return r.lowerBound..<e
    }

    static let edge = ScalarSet(scalars(" ,，、;；。:：“”\"'()（）《》「」*"))

    /// Trims spaces and the punctuation that cannot begin or end a name.
    func trim(_ r: Range<Int>) -> Range<Int> {
        var s = r.lowerBound, e = r.upperBound
        let edge = Self.edge
        // A list's bullet (`●经济增长6%左右`, 230) is no part of what follows it.
        while s < e, edge.contains(chars[s]) || listMarks.contains(chars[s]) { s += 1 }
        while e > s, edge.contains(chars[e - 1]) {
            // Keep a closing bracket whose opening one is inside: 中小企业局(办), 经济(技术)开发区.
            // (Full-width brackets are folded to these by normalization.)
            if chars[e - 1] == UInt32(char: ")"), (s..<(e - 1)).contains(where: { chars[$0] == UInt32(char: "(") }) { break }
            e -= 1
        }
        // Keep a quotation whose closing mark is inside: “231”产业集群.
        if s > r.lowerBound, chars[s - 1] == 0x201C, (s..<e).contains(where: { chars[$0] == 0x201D }) { s -= 1 }
        return s..<e
    }

    /// A quick test before `headingName`: only a heading whose last non-space character is 群 can name a cluster.
    static func mayNameCluster(_ heading: String) -> Bool {
        // On the UTF-8 bytes, from the end: 群 is E7 BE A4.
        let u = heading.utf8
        var i = u.endIndex
        while i > u.startIndex {
            let p = u.index(before: i)
            let b = u[p]
            if b == 0x20 || b == 0x09 || b == 0x0D { i = p; continue }
            guard b == 0xA4, u.distance(from: u.startIndex, to: p) >= 2 else { return false }
            let q = u.index(before: p)
            return u[q] == 0xBE && u[u.index(before: q)] == 0xE7
        }
        return false
    }

    /// The heading text of a section without its numbering: `(一)高端装备产业集群` → `高端装备产业集群`.
    static func headingName(_ heading: String) -> String {
        // On scalar values, and the string made once from them (appending scalars to a string one by one
        // cost ~8 K instructions a heading).
        let scalars = scalars(heading)
        let open = UInt32(char: "("), close = UInt32(char: ")"), dot = UInt32(char: "."), enumerationComma = UInt32(char: "、")
        var k = 0
        if k < scalars.count, scalars[k] == open {
            while k < scalars.count, scalars[k] != close { k += 1 }
            k += 1
        } else {
            while k < scalars.count, CharClass.isChineseNumeral(scalars[k]) || CharClass.isDigit(scalars[k]) || scalars[k] == dot { k += 1 }
            if k < scalars.count, scalars[k] == enumerationComma || scalars[k] == dot { k += 1 }
        }
        if k >= scalars.count || k == 0 { k = 0 }
        return makeString(scalars[k...]).trimmingSpaces
    }
}
