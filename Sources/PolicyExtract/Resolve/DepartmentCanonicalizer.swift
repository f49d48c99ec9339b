/// Canonical names of bodies — the full name with the document's place resolved.
///
/// Reads a name as written in four parts: `中共`, a place or level (`山东省`, `济宁市`, `省`, `市`, `国家`),
/// a stem (`发展改革委`) and an office (`办公厅`, `办公室`). The stem is expanded with the
/// `department_abbreviations` lexicon (its local column after a place or level, its central column when
/// the stem stands alone); a bare level takes the document's place (`省发展改革委` in a Shandong document →
/// `山东省发展和改革委员会`); a Party committee is written `中共…委员会`. Produces the canonical name; a name
/// the lexicon does not know is kept with only its place resolved.
struct DepartmentCanonicalizer {
    /// The document's places, read from its issuers: `山东省`, `济宁市`, `瑞安市`.
    struct Places: Equatable {
        var province: String?
        var city: String?
        var county: String?
    }

    let abbreviations: [String: Lexicons.DepartmentAbbreviation]
    /// Known place names by first character, longest first (the `places` lexicon).
    let places: [Character: [String]]

    init(lexicons: Lexicons) {
        abbreviations = lexicons.departmentAbbreviations
        places = lexicons.placeNamesByFirst
    }

    static let levelCharacters: [Character] = ["省", "市", "县", "区"]
    static let offices = ["办公厅", "办公室"]

    /// A name cut into its parts.
    struct Parts {
        var party = false
        /// `山东省`, `济宁市`, `山东` — a place written before the stem, with its level if written.
        var place: String?
        /// `省`, `市`, `县`, `区` written alone before the stem (the document's place of that level).
        var level: Character?
        var national = false
        /// True when the place is in the `places` lexicon (not only read from the shape `XX市`).
        var listed = false
        var stem: String
    }

    /// Characters after 市/区/省 that make a word, not a level: 市场, 区域, 省内.
    static let notLevelAfter: Set<Character> = ["场", "域", "内", "外", "级", "际", "长"]

    func parts(_ name: String) -> Parts {
        var rest = Substring(name)
        var p = Parts(stem: "")
        if rest.hasPrefix("中共") { p.party = true; rest = rest.dropFirst(2) }
        if abbreviations[String(rest)] != nil { p.stem = String(rest); return p }
        if let first = rest.first, let place = places[first]?.first(where: { rest.hasPrefix($0) }), rest.count > place.count {
            var written = place
            let after = rest.dropFirst(place.count)
            for level in ["自治区", "省", "市"] where after.hasPrefix(level) && after.count > level.count { written += level; break }
            p.place = written
            p.listed = true
            rest = rest.dropFirst(written.count)
        } else if let first = rest.first, Self.levelCharacters.contains(first), rest.count > 1,
                  !Self.notLevelAfter.contains(rest[rest.index(after: rest.startIndex)]) {
            p.level = first
            rest = rest.dropFirst()
        } else if rest.hasPrefix("国家"), rest.count > 2, abbreviations[String(rest.dropFirst(2))] != nil {
            p.national = true
            rest = rest.dropFirst(2)
        } else if let cut = Self.unlistedPlaceEnd(rest) {
            // A place the lexicon does not list, two or three characters before 市/县/区 (瑞安市, 东阳市).
            p.place = String(rest.prefix(cut))
            rest = rest.dropFirst(cut)
        }
        p.stem = String(rest)
        return p
    }

    /// The length of an unlisted place with its level at the start of `s` (`瑞安市` → 3), when a stem follows.
    static func unlistedPlaceEnd(_ s: Substring) -> Int? {
        let chars = Array(s.prefix(5))
        for n in 3...4 where chars.count > n - 1 && s.count > n {
            if ["市", "县", "省"].contains(chars[n - 1]), !chars[0..<(n - 1)].contains(where: { Self.levelCharacters.contains($0) || $0 == "各" || $0 == "直" }),
               !Self.notLevelAfter.contains(chars[n]) { return n }
        }
        return nil
    }

    /// The stem's full form: the lexicon's local or central column, or the stem itself; an office is kept.
    func expand(_ stem: String, local: Bool) -> String {
        if let a = abbreviations[stem], let full = local ? (a.local ?? a.central) : (a.central ?? a.local) { return full }
        for office in Self.offices where stem.hasSuffix(office) && stem.count > office.count {
            let body = String(stem.dropLast(office.count))
            if let a = abbreviations[body], let full = local ? (a.local ?? a.central) : (a.central ?? a.local) { return full + office }
        }
        return stem
    }

    /// The canonical name of `name` in a document whose places are `doc`; `inherited` is the place or level
    /// of the item before it in a list (`省商务厅、财政厅` — 财政厅 is the province's).
    func canonical(_ name: String, places doc: Places, inherited: String? = nil) -> String {
        guard !name.isEmpty, !name.hasPrefix("各") else { return name }
        var p = parts(name)
        if p.place == nil, p.level == nil, !p.party, !p.national, let inherited {
            let q = parts(inherited + p.stem)
            if !q.stem.isEmpty { p.place = q.place; p.level = q.level }
        }
        var place = p.place ?? ""
        if let level = p.level {
            switch level {
            case "省": place = doc.province ?? "省"
            case "市": place = doc.city ?? "市"
            default: place = doc.county.map { $0.hasSuffix(String(level)) ? $0 : String(level) } ?? String(level)
            }
        }
        let local = !place.isEmpty
        // 省委, 市委办公室 written with a bare level: the Party committee, named in full. A name written with
        // 中共 and its place (中共河南省委办公厅) is kept as written.
        if p.level != nil, !p.party, p.stem == "委" || (p.stem.hasPrefix("委") && Self.offices.contains(String(p.stem.dropFirst()))) {
            return "中国共产党" + place + "委员会" + p.stem.dropFirst()
        }
        if p.party, p.place != nil { return name }
        let stem = expand(p.stem, local: local)
        if p.national, !stem.hasPrefix("国家"), !stem.hasPrefix("中国"), !stem.hasPrefix("国务院") { return (p.party ? "中共" : "") + "国家" + stem }
        return (p.party ? "中共" : "") + place + stem
    }

    /// The document's places: the first province (…省, …自治区) and the first city (…市) named by its
    /// issuers, else by any body it names.
    func documentPlaces(issuers: [String], others: [String], title: String = "") -> Places {
        var found = Places()
        // The title's place first when it opens the title (咸阳市2022年…工作要点), then the issuers', then a
        // listed place of any body named.
        let titlePlace = parts(title).place.map { [$0 + "办公室"] } ?? []
        for (g, group) in [titlePlace, issuers, others].enumerated() {
            for name in group {
                let p = parts(name)
                guard let place = p.place, g < 2 || p.listed else { continue }
                if found.province == nil, place.hasSuffix("省") || place.hasSuffix("自治区") { found.province = place }
                if found.city == nil, place.hasSuffix("市") { found.city = place }
                if found.county == nil, place.hasSuffix("县") || place.hasSuffix("区") { found.county = place }
            }
            if found.province != nil || found.city != nil { break }
        }
        // A municipality (北京市) is its own province level.
        return found
    }
}
