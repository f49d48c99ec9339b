/// Departments — government and Party bodies with their role.
///
/// Roles: `issuer` (the organs of the 公文 header block, those named before 关于 on the title line, and a
/// body that 印发/出台/发布 a policy in a report), `lead` (牵头单位, or `X牵头` inline), `responsible`
/// (责任单位, `Y按职责分工负责`, `Y配合`), `cc` (抄送), `printer` (the `…办公室 2016年9月14日印发` line) and
/// `mentioned` (any other body, found by its suffix in the `department_suffixes` lexicon and a
/// leading level or place: 省, 市, 县, 国家, 中共 …). Lists split on 、 and ，; 等 is stripped; collective
/// addressees (`有关县市区、功能区`) are kept with `collective: true`.
struct DepartmentResolver {
    let ctx: ResolveContext
    /// The `department_phrases` lexicon.
    let words: DepartmentPhrases

    init(ctx: ResolveContext) {
        self.ctx = ctx
        words = ctx.lexicons.departmentPhrases
    }

    /// First characters of the labels and phrases the list scanner looks for, and of the issuing verbs, for the
    /// candidate index (built once per process, from the built-in lexicon).
    static var triggers: ScalarSet { DepartmentPhrases.builtIn.triggers }
    static var issueVerbFirsts: ScalarSet { DepartmentPhrases.builtIn.issueVerbFirsts }

    @inline(__always) func endsWithAny(_ words: WordsByLast, _ end: Int, notBefore start: Int) -> [UInt32]? {
        guard end > start, end <= ctx.chars.count, let group = words.words(endingWith: ctx.chars[end - 1]) else { return nil }
        for w in group where end - w.count >= start && ctx.has(w, endingAt: end) { return w }
        return nil
    }
    /// True when the two characters at `e - 1` and `e` form one of `notEndings`.
    @inline(__always) func notEnding(at e: Int) -> Bool {
        words.notEndings.contains(ctx.chars[e - 1], ctx.chars[e])
    }
    /// True when a known place name begins at `i`.
    @inline(__always) func placeBegins(at i: Int) -> Bool {
        guard i < ctx.chars.count, let known = ctx.lexicons.scan.places.words(startingWith: ctx.chars[i]) else { return false }
        return known.contains { ctx.has($0, at: i) }
    }
    func resolve() -> [Department] {
        var result: [Department] = []
        let structure = ctx.structure
        // Issuers: the header block and the title line.
        if let header = structure.header {
            for organ in header.organs where looksLikeBody(organ) { add(&result, organ, .issuer) }
        }
        for organ in structure.titleOrgans where looksLikeBody(organ) { add(&result, organ, .issuer) }
        if structure.titleOrgans.isEmpty { for organ in spacedTitleOrgans() { add(&result, organ, .issuer) } }
        let chars = ctx.chars
        let firstListedFrom = firstListedConvention()
        for unit in structure.units {
            let r = unit.range
            var k = r.lowerBound
            while k < r.upperBound {
                k = ctx.next(.departmentLabel, from: k, to: r.upperBound)
                if k >= r.upperBound { break }
                if ctx.has(words.leadLabel, at: k), isColon(k + words.leadLabel.count) {
                    let listStart = skipColon(k + words.leadLabel.count, r)
                    let listEnd = listEndAt(listStart, r)
                    for item in splitList(listStart..<listEnd) { add(&result, item.0, .lead, collective: item.1) }
                    k = listEnd; continue
                }
                if let label = words.responsibleLabels.first(where: { ctx.has($0, at: k) && isColon(k + $0.count) }) {
                    let listStart = skipColon(k + label.count, r)
                    let listEnd = listEndAt(listStart, r, allowComma: true)
                    for item in splitList(listStart..<listEnd) { add(&result, item.0, .responsible, collective: item.1) }
                    k = listEnd; continue
                }
                if ctx.has(words.ccLabel, at: k), k + 2 < r.upperBound, chars[k + 2] == UInt32(char: ":") || chars[k + 2] == UInt32(char: "：") {
                    let listStart = k + 3
                    let listEnd = listEndAt(listStart, r, allowComma: true)
                    for item in splitList(listStart..<listEnd) { add(&result, item.0, .cc, collective: item.1) }
                    k = listEnd; continue
                }
                // A division-of-labour bracket: (X、Y等负责), (X、Y牵头负责), perhaps under the first-listed convention.
                if ctx.has(words.duty, at: k) {
                    bracketDuty(&result, at: k, firstListedFrom: firstListedFrom)
                    k += words.duty.count; continue
                }
                // X会同Y: X leads, Y works with it (not where they issue a policy together: 省商务厅会同…制定了《…》).
                if ctx.has(words.jointWork, at: k) {
                    jointWork(&result, at: k, r)
                    k += words.jointWork.count; continue
                }
                // (X牵头,Y、Z配合)
                if let phrase = words.supportPhrases.first(where: { ctx.has($0, at: k) }) {
                    let after = k + phrase.count
                    if after < chars.count, chars[after] == UInt32(char: ")") || chars[after] == UInt32(char: ";") || chars[after] == UInt32(char: "。") {
                        var s = k
                        while s > r.lowerBound, !isListBoundary(chars[s - 1]) || chars[s - 1] == UInt32(char: "、") { s -= 1 }
                        if s < k, s > 0, chars[s - 1] == UInt32(char: ",") || chars[s - 1] == UInt32(char: ";"),
                           bracketHasLead(before: s) {
                            for item in splitList(s..<k) where looksLikeBody(item.0) { add(&result, item.0, .responsible, collective: item.1) }
                        }
                    }
                    k = after; continue
                }
                // Inline: (X牵头,Y按职责分工负责)
                if ctx.has(words.lead, at: k), !ctx.has(words.leadLabel, at: k) {
                    var s = k
                    while s > r.lowerBound, !isListBoundary(chars[s - 1]) || chars[s - 1] == UInt32(char: "、") { s -= 1 }
                    // The list opens after (, a comma or ; — which may end the previous sentence unit.
                    if s < k, s > 0, chars[s - 1] == UInt32(char: "(") || chars[s - 1] == UInt32(char: ",") || chars[s - 1] == UInt32(char: ";") {
                        for item in splitList(s..<k) where looksLikeBody(item.0) { add(&result, item.0, .lead, collective: item.1) }
                    } else if let you = (s..<k).last(where: { chars[$0] == words.agent[0][0] }), you + 1 < k {
                        // 由X牵头, 建立由X、Y牵头的…机制.
                        for item in splitList((you + 1)..<k) where looksLikeBody(item.0) { add(&result, item.0, .lead, collective: item.1) }
                    }
                    k += words.lead.count; continue
                }
                if let phrase = words.dutyPhrases.first(where: { ctx.has($0, at: k) }) {
                    if bracketOpening(before: k) != nil { k += phrase.count - words.duty.count; continue }  // read at its 负责
                    var s = k
                    while s > r.lowerBound, !isListBoundary(chars[s - 1]) || chars[s - 1] == UInt32(char: "、") { s -= 1 }
                    if s < k, s > 0, [UInt32(char: ","), UInt32(char: "("), UInt32(char: ";")].contains(chars[s - 1]) {
                        for item in splitList(s..<k) where looksLikeBody(item.0) { add(&result, item.0, .responsible, collective: item.1) }
                    }
                    k += phrase.count; continue
                }
                k += 1
            }
            // Printer: …办公室 2016年9月14日印发 on a line of its own.
            if unit.kind != .tableRow, ctx.has(words.printed, endingAt: r.upperBound),
               let date = ctx.result.items(DateMatcher.id).first(where: { r.contains($0.mention.range.lowerBound) && $0.mention.range.upperBound + 2 >= r.upperBound }) {
                let name = ctx.trim(r.lowerBound..<date.mention.range.lowerBound)
                if !name.isEmpty, name.count <= 30 {
                    add(&result, name, .printer)
                } else if name.isEmpty, let ui = structure.units.lastIndex(where: { $0.range.upperBound <= r.lowerBound }),
                          structure.units[ui].range.count <= 30, looksLikeBody(structure.units[ui].range) {
                    // The printing organ on the line above the date: 山东省商务厅办公室 / 2016年9月14日印发.
                    add(&result, structure.units[ui].range, .printer)
                }
            }
            // An issuing verb is followed by a policy's title (《…》) in the same sentence: none, no issuer.
            if unit.kind == .sentence || unit.kind == .title, ctx.next(.titleOpen, from: r.lowerBound, to: r.upperBound) < r.upperBound {
                issuersInSentence(&result, r)
            }
        }
        signatures(&result)
        addressees(&result)
        mentioned(&result)
        canonicalize(&result)
        return result
    }

    /// Sets each record's canonical name: the document's places are read from its issuers; an item of a
    /// list written without a place or level takes the one of the item before it (`省商务厅、财政厅`).
    func canonicalize(_ result: inout [Department]) {
        let canonicalizer = DepartmentCanonicalizer(lexicons: ctx.lexicons)
        let title = ctx.structure.units.first.map { ctx.string($0.range) } ?? ""
        var places = canonicalizer.documentPlaces(issuers: result.filter { $0.role == .issuer }.map(\.name),
                                                  others: result.filter { $0.role != .issuer }.map(\.name), title: title)
        if places.province == nil, places.city == nil { places = mostNamedPlaces() }
        // The place or level written before each record's stem, by where the record ends.
        var prefixByEnd: [Int: String] = [:]
        var seen: [ByteKey: (canonical: String, prefix: String?)] = [:]
        for i in result.indices.sorted(by: { result[$0].span.start < result[$1].span.start }) {
            let d = result[i]
            var inherited: String? = nil
            if d.span.start > 0, let previous = prefixByEnd[d.span.start - 1] {
                let separator = ctx.text.original[d.span.start - 1]
                if separator == UInt32(char: "、") || separator == UInt32(char: "，") || separator == UInt32(char: ",") { inherited = previous }
            }
            // Names recur: each (name, inherited place) is read once.
            let key = ByteKey(inherited.map { d.name + "\t" + $0 } ?? d.name)
            let read: (canonical: String, prefix: String?)
            if let known = seen[key] { read = known } else {
                let parts = canonicalizer.parts(d.name)
                read = (canonicalizer.canonical(d.name, places: places, inherited: inherited), parts.place ?? parts.level.map(String.init))
                seen[key] = read
            }
            result[i].canonical = read.canonical
            if let prefix = read.prefix ?? inherited { prefixByEnd[d.span.end] = prefix }
        }
    }

    /// A body's name standing alone on a line just above the date of the document — the signature —
    /// or alone on a line among the first lines: the issuer.
    func signatures(_ result: inout [Department]) {
        let units = ctx.structure.units
        let dates = ctx.result.items(DateMatcher.id)
        for (i, unit) in units.enumerated() where unit.kind != .tableRow && unit.range.count <= 30 && looksLikeBody(unit.range) {
            if ctx.chars[unit.range].contains(where: { $0 == UInt32(char: ",") || $0 == UInt32(char: "、") }) { continue }  // , 、
            var isSignature = false
            // Body lines stacked above a date line: 商务部办公厅 / 财政部办公厅 / 2024年8月24日
            var j = i + 1
            while j < units.count, units[j].range.count <= 30, looksLikeBody(units[j].range), !dates.contains(where: { units[j].range.contains($0.mention.range.lowerBound) }) { j += 1 }
            if j < units.count, j - i <= 6, let d = dates.first(where: { units[j].range.contains($0.mention.range.lowerBound) }),
               units[j].range.count - d.mention.range.count <= 2, !ctx.has(words.printed, at: d.mention.range.upperBound) { isSignature = true }
            // The organ on the line right after the document number (瑞政办〔2011〕129号 / 瑞安市人民政府办公室).
            if i > 0, DocNumberMatcher.lineIsDocNumber(ctx.text, units[i - 1].range) { isSignature = true }
            if i < 8, unit.kind == .header || unit.kind == .sentence, ctx.result.structure.paragraphs.firstIndex(where: { $0.contains(unit.range.lowerBound) }).map({ $0 < 3 }) ?? true {
                isSignature = isSignature || unit.range.count == ctx.result.structure.paragraphs.first(where: { $0.contains(unit.range.lowerBound) })?.count
            }
            if isSignature {
                let unitName = ctx.text.text(unit.range, without: { $0 == UInt32(char: " ") })
                let unitStart = ctx.text.span(unit.range).start
                if !result.contains(where: { $0.role == .issuer && $0.name == unitName }),
                   !result.contains(where: { $0.role == .printer && $0.span.start == unitStart }) {
                    add(&result, unit.range, .issuer)
                }
            }
        }
    }

    /// The addressees of a notice: the line ending in a colon at its head (各市商务局、发展和改革委员会…：).
    func addressees(_ result: inout [Department]) {
        let paragraphs = ctx.structure.paragraphs.prefix(4)
        for p in paragraphs {
            let last = ctx.chars[p.upperBound - 1]
            guard last == UInt32(char: ":") || last == UInt32(char: "："), p.count <= 200, !p.contains(where: { ctx.chars[$0] == UInt32(char: "。") }) else { continue }
            // An address line lists bodies and little else.
            let all = splitList(p.lowerBound..<(p.upperBound - 1))
            guard !all.isEmpty, all.filter({ looksLikeBody($0.0) || $0.1 }).count * 5 >= all.count * 3 else { continue }
            // Groups separated by commas; a group opened by 各 (各省、自治区、直辖市人民政府) is collective.
            var groupCollective = false
            var previousEnd = p.lowerBound
            for item in all {
                let gap = previousEnd..<item.0.lowerBound
                if gap.contains(where: { ctx.chars[$0] == UInt32(char: ",") }) || previousEnd == p.lowerBound {
                    groupCollective = ctx.chars[item.0.lowerBound] == words.each[0] && !looksLikeBody(item.0)
                }
                previousEnd = item.0.upperBound
                let name = ctx.text.text(item.0, without: { $0 == UInt32(char: " ") })
                // 各市商务局 names a class of bodies and counts; 国务院各部委 or 各省 do not.
                let classOfBodies = ctx.has(words.each, at: item.0.lowerBound) && looksLikeBody(item.0)
                guard !groupCollective, (!item.1 || classOfBodies), !ctx.contains(words.each, in: (item.0.lowerBound + 1)..<item.0.upperBound),
                      looksLikeBody(item.0) else { continue }
                if !result.contains(where: { $0.name.sameBytes(name) }) { add(&result, item.0, .mentioned) }
            }
            break
        }
    }

    /// Bodies written one after another, separated by spaces, before 关于 on the first line of the document, however
    /// long the title after them (`成都市发展和改革委员会 中共成都市委社会工作部 成都市规划和自然资源局 …关于印发…的通知`):
    /// the joint issuers. Every piece must be a body; none when the line has no such run.
    func spacedTitleOrgans() -> [Range<Int>] {
        let chars = ctx.chars
        var lineEnd = 0
        while lineEnd < chars.count, chars[lineEnd] != UInt32(char: "\n") { lineEnd += 1 }
        var about = 0
        while about + words.about.count <= lineEnd, !ctx.has(words.about, at: about) { about += 1 }
        guard about + words.about.count <= lineEnd, about > 0, chars[about - 1] == UInt32(char: " ") else { return [] }
        var pieces: [Range<Int>] = []
        var start = 0
        for k in 0...about where k == about || chars[k] == UInt32(char: " ") {
            if k > start { pieces.append(start..<k) }
            start = k + 1
        }
        guard pieces.count >= 2, pieces.allSatisfy({ looksLikeBody($0) && ctx.chars[$0].allSatisfy(CharClass.isHan) }) else { return [] }
        return pieces
    }

    /// Where the first-listed convention is declared (`…负责。列第一位者为牵头单位，下同）`): it holds in that
    /// bracket and every later one. Nil when the document has none.
    func firstListedConvention() -> Int? {
        let chars = ctx.chars
        guard let word = words.firstListed.first else { return nil }
        var k = 0
        while k + word.count <= chars.count {
            if chars[k] == word[0], ctx.has(word, at: k), let open = bracketOpening(before: k) {
                // The declaration follows a 负责 in the same bracket and names the lead (牵头).
                let inside = open..<min(chars.count, k + 16)
                if ctx.contains(words.duty, in: inside), ctx.contains(words.lead, in: inside) { return open }
            }
            k += 1
        }
        return nil
    }

    /// The opening bracket of the bracket `k` is in, within 160 characters of the same paragraph.
    func bracketOpening(before k: Int) -> Int? {
        var s = k - 1
        while s >= 0, k - s <= 160 {
            let c = ctx.chars[s]
            if c == UInt32(char: "(") { return s }
            if c == UInt32(char: ")") || c == UInt32(char: "\n") { return nil }
            s -= 1
        }
        return nil
    }

    /// True when the bracket holding `s` names a lead before it: (X牵头,…).
    func bracketHasLead(before s: Int) -> Bool {
        guard let open = bracketOpening(before: s) else { return false }
        var k = open
        while k + words.lead.count <= s { if ctx.has(words.lead, at: k) { return true }; k += 1 }
        return false
    }

    /// A bracket whose list ends with 负责: `（工业和信息化部、发展改革委等负责。列第一位者为牵头单位，下同）`,
    /// `（农业农村部、工业和信息化部牵头负责）`, `（人力资源社会保障部、财政部，各省级人民政府按职责分工负责）`.
    /// All listed bodies are lead with 牵头负责; under the first-listed convention the first is lead and the rest
    /// responsible; otherwise all are responsible. A list with a 牵头 inside is read by the inline rule.
    func bracketDuty(_ result: inout [Department], at k: Int, firstListedFrom: Int?) {
        let chars = ctx.chars
        guard let open = bracketOpening(before: k), k - open > 1 else { return }
        // The bracket closes after 负责, or after the convention's sentence.
        var close = k + words.duty.count
        while close < chars.count, close - k < 40, chars[close] != UInt32(char: ")"), chars[close] != UInt32(char: "\n") { close += 1 }
        guard close < chars.count, chars[close] == UInt32(char: ")") else { return }
        // (X、Y牵头负责): the inline 牵头 rule has made them lead.
        if ctx.has(words.lead, endingAt: k) { return }
        var list = ctx.stripTrailing(open + 1..<k, words.bracketTails)
        // (X牵头,Y、Z按职责分工负责): X is read by the inline 牵头 rule; the bodies after the comma are responsible.
        var q = list.upperBound - words.lead.count
        while q >= list.lowerBound, !ctx.has(words.lead, at: q) { q -= 1 }
        if q >= list.lowerBound {
            guard let comma = (q..<list.upperBound).first(where: { chars[$0] == UInt32(char: ",") || chars[$0] == UInt32(char: ";") }) else { return }
            list = (comma + 1)..<list.upperBound
            for item in splitList(list) where looksLikeBody(item.0) || item.1 {
                add(&result, item.0, .responsible, collective: item.1 || !looksLikeBody(item.0) || ctx.chars[item.0].contains(words.each[0]))  // 各
            }
            return
        }
        let items = splitList(list)
        guard items.contains(where: { looksLikeBody($0.0) }), items.allSatisfy({ looksLikeBody($0.0) || $0.1 }) else { return }
        let firstListed = firstListedFrom.map { open >= $0 } ?? false
        for (i, item) in items.enumerated() {
            let role: DepartmentRole = firstListed && i == 0 ? .lead : .responsible
            add(&result, item.0, role, collective: item.1 || !looksLikeBody(item.0) || ctx.chars[item.0].contains(words.each[0]))  // 各
        }
    }

    /// `生态环境部会同国家发展改革委、工业和信息化部…等部门组织…`: the body before 会同 is lead, those after it
    /// responsible. Several bodies listed before it all lead (`发展改革委、农业部会同财政部`); a word such as 已, 将 or
    /// 要 may stand between the lead and 会同 (`扶贫办已会同交通部`). A short name that opens its clause is the lead
    /// even without a level or place word (`国资委会同财政部`, as central documents write their ministries).
    /// Not where they issue a policy together (`…会同…制定了《…》` in one clause), where they are issuers.
    func jointWork(_ result: inout [Department], at k: Int, _ r: Range<Int>) {
        let chars = ctx.chars
        let title = ctx.next(.titleOpen, from: k, to: r.upperBound)
        if title < r.upperBound, !(k..<title).contains(where: { CharClass.isClauseBreak(chars[$0]) }) { return }
        var s = k
        while s > r.lowerBound, !CharClass.isClauseBreak(chars[s - 1]), chars[s - 1] != UInt32(char: "、"), chars[s - 1] != UInt32(char: "(") { s -= 1 }
        let leadEnd = ctx.stripTrailing(s..<k, words.beforeJointWork).upperBound
        // A class of bodies (省、市商务主管部门) leads nothing by name.
        guard let lead = bodyEnding(at: leadEnd, from: s) ?? clauseOpeningBody(s..<leadEnd), looksLikeBody(lead),
              !ctx.has(words.classOfBodies, endingAt: lead.upperBound) else { return }
        var leads = [lead]
        // Bodies listed before it with 、 lead with it.
        var itemEnd = s
        while itemEnd > r.lowerBound + 1, chars[itemEnd - 1] == UInt32(char: "、") {
            var b = itemEnd - 1
            while b > r.lowerBound, !CharClass.isClauseBreak(chars[b - 1]), chars[b - 1] != UInt32(char: "、"), chars[b - 1] != UInt32(char: "(") { b -= 1 }
            guard let other = bodyEnding(at: itemEnd - 1, from: b) ?? clauseOpeningBody(b..<(itemEnd - 1)), looksLikeBody(other),
                  !ctx.has(words.classOfBodies, endingAt: other.upperBound) else { break }
            leads.append(other)
            itemEnd = b
        }
        var partners: [Range<Int>] = []
        var i = k + words.jointWork.count
        while i < r.upperBound {
            // The longest body name that starts at i, within 22 characters.
            var best: Range<Int>? = nil
            var e = min(r.upperBound, i + 22)
            while e >= i + 2 {
                if looksLikeBody(i..<e), !(e < r.upperBound && notEnding(at: e)), !chars[i..<e].contains(where: { CharClass.isClauseBreak($0) || $0 == UInt32(char: "、") }) {
                    best = i..<e; break
                }
                e -= 1
            }
            guard let found = best else { break }
            let body = ctx.stripTrailing(found, words.listTails)
            partners.append(body)
            i = found.upperBound
            if found != body { break }
            if i < r.upperBound, chars[i] == UInt32(char: "、") { i += 1; continue }
            break
        }
        let named = partners.filter { !ctx.has(words.each, at: $0.lowerBound) && !ctx.has(words.concerned, at: $0.lowerBound) && !ctx.has(words.related, at: $0.lowerBound) }
        for l in leads.reversed() { add(&result, l, .lead) }
        for p in named { add(&result, p, .responsible) }
    }

    /// The whole of `r` when it is a short name of a body alone at the opening of its clause (`国资委`, `振兴东北办`):
    /// ideographs only, at most 12, ending in a department suffix.
    func clauseOpeningBody(_ r: Range<Int>) -> Range<Int>? {
        let t = ctx.trim(r)
        guard t.count >= 2, t.count <= 12, ctx.chars[t].allSatisfy(CharClass.isHan), looksLikeBody(t),
              !ctx.has(words.each, at: t.lowerBound), !ctx.has(words.concerned, at: t.lowerBound) else { return nil }
        return t
    }

    func isColon(_ i: Int) -> Bool {
        i < ctx.chars.count && (ctx.chars[i] == UInt32(char: ":") || ctx.chars[i] == UInt32(char: "："))
    }

    func skipColon(_ i: Int, _ r: Range<Int>) -> Int {
        var k = i
        while k < r.upperBound, ctx.chars[k] == UInt32(char: ":") || ctx.chars[k] == UInt32(char: "：") || ctx.chars[k] == UInt32(char: " ") { k += 1 }
        return k
    }

    /// A list runs to `;`, `。`, `)` or the end; with `allowComma`, a comma continues it (责任单位 lists
    /// end with `,有关县市区、功能区`).
    func listEndAt(_ start: Int, _ r: Range<Int>, allowComma: Bool = false) -> Int {
        var k = start
        var depth = 0
        while k < r.upperBound {
            let c = ctx.chars[k]
            if c == UInt32(char: "(") { depth += 1 }
            if c == UInt32(char: ")") { if depth == 0 { break }; depth -= 1 }
            if c == UInt32(char: ";") || c == UInt32(char: "。") || c == UInt32(char: "\n") { break }
            if !allowComma && c == UInt32(char: ",") { break }
            k += 1
        }
        return k
    }

    @inline(__always) func isListBoundary(_ c: UInt32) -> Bool {
        CharClass.isClauseBreak(c) || c == UInt32(char: "(") || c == UInt32(char: ")") || c == UInt32(char: "、")
    }

    /// Items of a list of bodies: split on 、 and , and 和; strips 等 and leading 由.
    func splitList(_ r: Range<Int>) -> [(Range<Int>, Bool)] {
        var items: [(Range<Int>, Bool)] = []
        var s = r.lowerBound
        var k = r.lowerBound
        while k <= r.upperBound {
            if k == r.upperBound || ctx.chars[k] == UInt32(char: "、") || ctx.chars[k] == UInt32(char: ",") {
                var piece = ctx.trim(s..<k)
                piece = ctx.stripTrailing(piece, words.listTails)
                piece = ctx.stripLeading(piece, words.agent)
                piece = ctx.trim(piece)
                if !piece.isEmpty {
                    // Tested on the piece's characters: 各…/有关… (unless a body), 功能区, …县市区, …功能区.
                    let opensClass = ctx.has(words.each, at: piece.lowerBound)
                        || (piece.count >= words.concerned.count && ctx.has(words.concerned, at: piece.lowerBound))
                    let collective = (opensClass && !looksLikeBody(piece))
                        || words.collectiveEndings.contains { ctx.has($0, endingAt: piece.upperBound) && piece.count >= $0.count }
                    items.append((piece, collective))
                }
                s = k + 1
            }
            k += 1
        }
        // 有关县市区、功能区: the second half of a collective pair is collective too (up to four characters).
        for i in items.indices where i > 0 && items[i - 1].1 && characterCount(items[i].0) <= 4 { items[i].1 = true }
        return items
    }


    /// The number of characters of `r` as a string counts them: one per ideograph.
    func characterCount(_ r: Range<Int>) -> Int {
        ctx.chars[r].allSatisfy(CharClass.isHan) ? r.count : ctx.string(r).count
    }


    /// A name of 2–30 characters (spaces aside) that ends in a central body's name, or in a department
    /// suffix without a word that rejects it (关于, 文件, :), and names no institute, school or company.
    func looksLikeBody(_ r: Range<Int>) -> Bool {
        // The ending decides first (most ranges tested end in neither): the rest reads the whole range.
        let central = endsWithAny(ctx.lexicons.scan.centralEndings, r.upperBound, notBefore: r.lowerBound) != nil
        if !central, endsWithAny(ctx.lexicons.scan.suffixEndings, r.upperBound, notBefore: r.lowerBound) == nil,
           endsWithAny(words.extraSuffixEndings, r.upperBound, notBefore: r.lowerBound) == nil { return false }
        var length = 0
        for k in r where ctx.chars[k] != UInt32(char: " ") { length += 1 }
        if length < 2 || length > 30 { return false }
        if ctx.containsAny(words.nonGovernmentIndex, in: r) { return false }
        if central { return true }
        return !ctx.containsAny(words.rejectIndex, in: r)
    }


    /// The level of the body named by the characters of `r` other than spaces (the name `add` records):
    /// 国家 for a central body or a ministry (…部), else the first 省, 市 or 县/区 among its first eight.
    func level(_ r: Range<Int>) -> String? {
        // Read in place, spaces skipped (no copy of the name).
        let chars = ctx.chars
        func startsWith(_ word: [UInt32]) -> Bool {
            var k = r.lowerBound
            for w in word {
                while k < r.upperBound, chars[k] == UInt32(char: " ") { k += 1 }
                if k == r.upperBound || chars[k] != w { return false }
                k += 1
            }
            return true
        }
        var last = r.upperBound
        while last > r.lowerBound, chars[last - 1] == UInt32(char: " ") { last -= 1 }
        if last > r.lowerBound, chars[last - 1] == words.ministry[0] { return words.nationalLevel }
        if words.nationalPrefixes.contains(where: startsWith) { return words.nationalLevel }
        var seen = 0
        for k in r where chars[k] != UInt32(char: " ") {
            let u = chars[k]
            if u == words.province { return words.provinceLevel }
            if u == words.city { return words.cityLevel }
            if words.county.contains(u) { return words.countyLevel }
            seen += 1
            if seen == 8 { break }
        }
        return nil
    }

    func add(_ result: inout [Department], _ r: Range<Int>, _ role: DepartmentRole, collective: Bool = false) {
        var trimmed = ctx.trim(r)
        // A label before the name (发文机关：国务院) is not part of it.
        if let colon = trimmed.last(where: { ctx.chars[$0] == UInt32(char: ":") || ctx.chars[$0] == UInt32(char: "：") }) { trimmed = ctx.trim((colon + 1)..<trimmed.upperBound) }
        guard !trimmed.isEmpty else { return }
        // Two bodies written together (中共河南省委办公厅河南省人民政府办公厅): each is recorded.
        if let cut = gluedBoundary(trimmed) {
            add(&result, trimmed.lowerBound..<cut, role, collective: collective)
            add(&result, cut..<trimmed.upperBound, role, collective: collective)
            return
        }
        let name = ctx.text.text(trimmed, without: { $0 == UInt32(char: " ") })
        let p = ctx.provenance(trimmed)
        result.append(Department(name: name, canonical: name, role: role, level: level(trimmed), collective: collective, span: p.span, text: p.text,
                                 section: p.section, sentenceRange: p.sentence, article: p.article))
    }

    /// The province (…省) and the city (…市) the opening of the document names most often, of the places the
    /// `places` lexicon lists (`《开封市推动制造业高质量发展实施方案》…市政府`): for a document whose title and
    /// issuers name none.
    func mostNamedPlaces() -> DepartmentCanonicalizer.Places {
        let chars = ctx.chars
        let end = min(chars.count, 3000)
        var counts: [String: Int] = [:]
        var k = 0
        while k < end {
            k = ctx.next(.placeFirst, from: k, to: end)
            if k >= end { break }
            if let known = ctx.lexicons.scan.places.words(startingWith: chars[k]), let w = known.first(where: { ctx.has($0, at: k) }) {
                let after = k + w.count
                if after < chars.count, chars[after] == words.province || chars[after] == words.city {  // 省 市
                    counts[makeString(w + [chars[after]]), default: 0] += 1
                    k = after + 1; continue
                }
                k = after; continue
            }
            k += 1
        }
        func best(_ level: String) -> String? {
            counts.filter { $0.key.hasSuffix(level) }.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        return DepartmentCanonicalizer.Places(province: best(words.provinceLevel), city: best(words.cityLevel), county: nil)
    }

    /// Where a second body's name begins inside `r`: after a complete name ending in 办公厅, 办公室, 委员会,
    /// 人民政府, 局, 部 or 委, at 中共 or a known place, when both parts are bodies
    /// (`中共河南省委办公厅河南省人民政府办公厅`, `成都市发展和改革委员会中共成都市委社会工作部`).
    func gluedBoundary(_ r: Range<Int>) -> Int? {
        guard r.count >= 8 else { return nil }
        var k = r.lowerBound + 3
        while k <= r.upperBound - 3 {
            let c = ctx.chars[k]
            if c == words.party[0] && ctx.has(words.party, at: k) || placeBegins(at: k) {
                let first = r.lowerBound..<k
                if looksLikeBody(first), looksLikeBody(k..<r.upperBound), !notEnding(at: k),
                   words.gluedEndings.contains(where: { ctx.has($0, endingAt: k) }) { return k }
            }
            k += 1
        }
        return nil
    }

    /// `山东省人民政府办公厅日前印发《…》`, `省商务厅会同省发展改革委…制定了《…》`.
    func issuersInSentence(_ result: inout [Department], _ r: Range<Int>) {
        let chars = ctx.chars
        var k = r.lowerBound
        while k < r.upperBound {
            // The next first character of an issuing verb (印 发 出 制 联); every verb is two characters or
            // more, and its second character decides quickly (发展 is common, 发布 is not).
            k = ctx.next(.issueVerb, from: k, to: r.upperBound)
            if k >= r.upperBound { break }
            guard k + 1 < chars.count, words.issueVerbSeconds.contains(chars[k], chars[k + 1]),
                  let verb = words.issueVerbs.first(where: { ctx.has($0, at: k) }) else { k += 1; continue }
            let after = k + verb.count
            // The policy must follow: 《, perhaps after 的 or 了.
            var open = after
            // 制定了《…》 issues; 制定的《…》 only drafted.
            let drafted = verb.starts(with: words.draftVerb)
            if open < r.upperBound, (chars[open] == words.possessive && !drafted) || chars[open] == words.perfective { open += 1 }
            guard open < r.upperBound, chars[open] == UInt32(char: "《") else { k = after; continue }
            // Words of time (日前, 近日) and a date (4月2日, 于2024年8月24日) between the issuer and the verb.
            var end = ctx.stripTrailing(r.lowerBound..<k, words.timeWords).upperBound
            end = ctx.stripTrailing(withoutDate(r.lowerBound..<end), words.timeWords).upperBound
            // Bodies before the verb: …A会同B、C…
            var s = end
            while s > r.lowerBound, !CharClass.isClauseBreak(chars[s - 1]), chars[s - 1] != UInt32(char: "》"), chars[s - 1] != UInt32(char: "”") { s -= 1 }
            let span = s..<end
            var names: [Range<Int>] = []
            var pieceStart = span.lowerBound
            var i = span.lowerBound
            while i <= span.upperBound {
                if i == span.upperBound || chars[i] == UInt32(char: "、") || ctx.has(words.jointWork, at: i) || ctx.has(words.jointly, at: i) {
                    names.append(pieceStart..<i)
                    if i < span.upperBound, chars[i] != UInt32(char: "、") { i += 2 } else { i += 1 }
                    pieceStart = i
                    continue
                }
                i += 1
            }
            // 根据X印发的《…》 cites another body's policy: X is mentioned, not this document's issuer.
            let cited = words.citing.contains { ctx.has($0, at: span.lowerBound) }
            for n in names {
                guard let body = bodyEnding(at: n.upperBound, from: n.lowerBound) else { continue }
                add(&result, body, cited ? .mentioned : .issuer)
            }
            end = after
            k = after
        }
    }

    /// `r` without a date written at its end in digits (`4月2日`, `2024年8月24日`, `于4月2日`), as news writes it
    /// between an issuer and its verb: `湖北省人民政府办公厅4月2日发布《…》`.
    func withoutDate(_ r: Range<Int>) -> Range<Int> {
        let chars = ctx.chars
        var e = r.upperBound
        func digits() -> Bool {
            let end = e
            while e > r.lowerBound, CharClass.isDigit(chars[e - 1]) { e -= 1 }
            return e < end && end - e <= 4
        }
        guard e > r.lowerBound, chars[e - 1] == words.dateDay else { return r }
        e -= 1
        guard digits(), e > r.lowerBound, chars[e - 1] == words.dateMonth else { return r }
        e -= 1
        guard digits() else { return r }
        let monthDay = e
        if e > r.lowerBound, chars[e - 1] == words.dateYear {
            e -= 1
            if !digits() { e = monthDay }
        }
        if e > r.lowerBound, words.dateOn.contains(chars[e - 1]) { e -= 1 }
        return r.lowerBound..<e
    }

    /// The body whose name ends at `end` (a department suffix), starting no earlier than `from`:
    /// the name runs back to a stop word, then starts at its first level or place word.
    func bodyEnding(at end: Int, from: Int) -> Range<Int>? {
        // A central body, perhaps with its general office: 财政部, 国家发展改革委办公厅.
        let office = endsWithAny(words.officeEndings, end, notBefore: from)
        // The stem without the office, then the whole (two passes, without a list made for them).
        for pass in 0..<2 {
            let stemEnd = pass == 0 ? end - (office?.count ?? 0) : end
            guard let c = endsWithAny(ctx.lexicons.scan.centralEndings, stemEnd, notBefore: from) else { continue }
            var start = stemEnd - c.count
            // 国家工信部, 山东省发改委: a level or place written before the short name.
            if ctx.has(words.national, endingAt: start), !(c.starts(with: words.national)) { start -= 2 }
            else if start > 0, let endings = ctx.lexicons.scan.placeEndings[ctx.chars[start - 1]] {
                // The longest place (first in the list) written there, bare or with 省/市; bare wins.
                var best: (place: Int, level: Int, count: Int)? = nil
                for e in endings where ctx.has(e.word, endingAt: start) {
                    if best == nil || e.place < best!.place || (e.place == best!.place && e.level < best!.level) { best = (e.place, e.level, e.word.count) }
                }
                if let best { start -= best.count }
            }
            return max(from, start)..<end
        }
        guard endsWithAny(ctx.lexicons.scan.suffixEndings, end, notBefore: from) != nil || ctx.has(words.ministry, endingAt: end) else { return nil }
        if endsWithAny(words.excludedEndingWords, end, notBefore: from) != nil { return nil }
        var s = from
        var i = from
        while i < end {
            var matched = false
            for w in ctx.lexicons.scan.departmentStopwords.words(startingWith: ctx.chars[i]) ?? [] where ctx.has(w, at: i) && i + w.count < end
                && !words.stopwordExceptions.contains(where: { ctx.has($0, at: i) }) {
                s = i + w.count; i += w.count; matched = true; break
            }
            if !matched { i += 1 }
        }
        // Start at a place name (a known one, or up to three characters before 省/市/县 at the start of
        // the phrase), else at the first level word (省, 市, 国家, 中共 …).
        var start: Int? = nil
        var k = s
        while k < end - 1, !CharClass.isHan(ctx.chars[k]) { k += 1 }
        if placeBegins(at: k) {
            start = k
        } else {
            var j = k + 1
            while j <= min(k + 3, end - 2) {
                let c = ctx.chars[j]
                if (c == words.province || c == words.city || c == words.countyLevelCharacter), (k..<j).allSatisfy({ CharClass.isHan(ctx.chars[$0]) }) { start = k; break }
                j += 1
            }
        }
        while start == nil, k < end - 1 {
            if placeBegins(at: k) { start = k; break }
            if words.anchorFirsts.contains(ctx.chars[k]), let a = words.anchors.first(where: { ctx.has($0, at: k) }) {
                let next = k + a.count
                if a.count == 1, next < end, words.notPlaceAfterLevel.contains(ctx.chars[next]) { k += 1; continue }
                start = k
                break
            }
            k += 1
        }
        guard var st = start, end - st <= 22 else { return nil }
        // 国务院和省委: two bodies joined by 和; the name is the second.
        var j = st
        while j < end - 2 {
            if ctx.chars[j] == words.conjunction, words.anchors.contains(where: { ctx.has($0, at: j + 1) }) { st = j + 1 }
            j += 1
        }
        // Two characters are enough for 省委, 市委, 县委; otherwise at least three (省政府, 市科技局).
        if end - st < 3 {
            let c = ctx.chars
            let isLevel = end - st == 2 && words.levels.contains(c[st])
            guard isLevel && c[st + 1] == words.committee else { return nil }  // 委
        }
        return st..<end
    }

    /// Other bodies named anywhere: a department suffix preceded by a level or place.
    func mentioned(_ result: inout [Department]) {
        var known = Set<ByteKey>(minimumCapacity: result.count + 32)  // room for the names met, at once
        for d in result { known.insert(ByteKey(d.name)) }
        // Issuers' names written together on a title line (no separator but a space) are read no further.
        let issuerSpans = result.filter { $0.role == .issuer }.map { $0.span.start..<$0.span.end }
        let chars = ctx.chars
        let centralByFirst = ctx.lexicons.scan.centralBodies
        let suffixByFirst = ctx.lexicons.scan.mentionSuffixes
        let scan = ctx.lexicons.scan
        for unit in ctx.structure.units where unit.kind == .sentence || unit.kind == .heading {
            let r = unit.range
            // A body's name found below begins with a central body or a suffix at some k in r, which ends
            // with one of their last characters before r's end plus the longest word: without one, r names
            // none (most sentences; the scan below cost ~450 instructions a first character).
            let wordsEndBefore = min(chars.count, r.upperBound + scan.mentionLongest - 1)
            if ctx.next(.bodyWordLast, from: r.lowerBound, to: wordsEndBefore) >= wordsEndBefore { continue }
            var k = r.lowerBound
            while k < r.upperBound {
                k = ctx.next(.bodyWord, from: k, to: r.upperBound)
                if k >= r.upperBound { break }
                // No central body or suffix begins with these two characters (发展, 新兴, 工业 …): next.
                if !scan.bodyWordSingles.contains(chars[k]) {
                    if k + 1 >= chars.count || !scan.bodyWordPairs.contains(chars[k], chars[k + 1]) { k += 1; continue }
                    // Nor with these three (工业园, 国家级, 市场化), unless the two are a word of their own.
                    if !scan.bodyWordTwoCharacter.contains(chars[k], chars[k + 1]),
                       k + 2 >= chars.count || !scan.bodyWordTriples.contains(Lexicons.ScanTables.tripleHash(chars[k], chars[k + 1], chars[k + 2])) {
                        k += 1; continue
                    }
                }
                let centralHere = centralByFirst.words(startingWith: chars[k])
                let suffixHere = suffixByFirst.words(startingWith: chars[k])
                if centralHere == nil && suffixHere == nil { k += 1; continue }
                var matchedEnd: Int? = nil
                for c in centralHere ?? [] where ctx.has(c, at: k) {
                    var e = k + c.count
                    // 人民银行济宁市中心支行, 工信部电子第五研究所: the short name begins a longer one.
                    if placeBegins(at: e) { break }
                    // 国务院有关部门 (a class of bodies), 国务院领导同志 (its people): no mention of the body itself.
                    if ctx.has(words.concerned, at: e) || words.peopleAfter.contains(where: { ctx.has($0, at: e) }) { break }
                    var tail = e
                    while tail < r.upperBound, tail - e < 12, CharClass.isHan(chars[tail]) { tail += 1 }
                    if ctx.containsAny(words.nonGovernmentIndex, in: e..<tail) { break }
                    for office in words.office where ctx.has(office, at: e) { e += office.count; break }
                    if e < r.upperBound, notEnding(at: e) { break }
                    matchedEnd = e
                    break
                }
                if matchedEnd == nil {
                    for s in suffixHere ?? [] where ctx.has(s, at: k) {
                        var e = k + s.count
                        // 人民政府 + 办公厅, 委员会 + 办公室: a longer name goes on.
                        var extended = true
                        while extended {
                            extended = false
                            if e < chars.count, let next = suffixByFirst.words(startingWith: chars[e]) {
                                for s2 in next where s2.count >= 2 && ctx.has(s2, at: e) { e += s2.count; extended = true; break }
                            }
                        }
                        // The suffix must end the word: not 局面, 委托, 部分, 办法.
                        if e < r.upperBound, notEnding(at: e) { continue }
                        matchedEnd = e
                        break
                    }
                }
                guard let e = matchedEnd else { k += 1; continue }
                var from = e - 1
                while from > r.lowerBound, e - from < 22, !CharClass.isClauseBreak(chars[from - 1]), chars[from - 1] != UInt32(char: "、"),
                      chars[from - 1] != UInt32(char: "《"), chars[from - 1] != UInt32(char: "“"), chars[from - 1] != UInt32(char: "(") { from -= 1 }
                if let body = bodyEnding(at: e, from: from) {
                    let first = chars[body.lowerBound]
                    if words.county.contains(first), body.lowerBound > 0, !CharClass.isClauseBreak(chars[body.lowerBound - 1]) { k = e; continue }
                    let original = ctx.text.span(body)
                    if issuerSpans.contains(where: { $0.overlaps(original.start..<original.end) && !($0.lowerBound <= original.start && original.end <= $0.upperBound) }) { k = e; continue }
                    // Not a class of bodies (各…); each name once.
                    if !chars[body].contains(words.each[0]), !ctx.has(words.directlyGoverned, at: body.lowerBound) {
                        let name = ByteKey(ctx.string(body))
                        if !known.contains(name), looksLikeBody(body) {
                            known.insert(name)
                            add(&result, body, .mentioned)
                        }
                    }
                }
                k = e
            }
        }
    }

}
