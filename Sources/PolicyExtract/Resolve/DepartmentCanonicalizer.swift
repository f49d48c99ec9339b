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
    /// The words names are read and built with (`department_phrases`).
    let words: DepartmentPhrases.CanonicalWords

    init(lexicons: Lexicons) {
        abbreviations = lexicons.departmentAbbreviations
        places = lexicons.placeNamesByFirst
        words = lexicons.departmentPhrases.canonical
    }

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

    func parts(_ name: String) -> Parts {
        var rest = Substring(name)
        var p = Parts(stem: "")
        if rest.hasPrefix(words.party) { p.party = true; rest = rest.dropFirst(words.party.count) }
        if abbreviations[String(rest)] != nil { p.stem = String(rest); return p }
        if let first = rest.first, let place = places[first]?.first(where: { rest.hasPrefix($0) }), rest.count > place.count {
            var written = place
            let after = rest.dropFirst(place.count)
            for level in words.writtenLevels where after.hasPrefix(level) && after.count > level.count { written += level; break }
            p.place = written
            p.listed = true
            rest = rest.dropFirst(written.count)
        } else if let first = rest.first, words.levelCharacters.contains(first), rest.count > 1,
                  !words.notLevelAfter.contains(rest[rest.index(after: rest.startIndex)]) {
            p.level = first
            rest = rest.dropFirst()
        } else if rest.hasPrefix(words.national), rest.count > words.national.count, abbreviations[String(rest.dropFirst(words.national.count))] != nil {
            p.national = true
            rest = rest.dropFirst(words.national.count)
        } else if let cut = unlistedPlaceEnd(rest) {
            // A place the lexicon does not list, two or three characters before 市/县/区 (瑞安市, 东阳市).
            p.place = String(rest.prefix(cut))
            rest = rest.dropFirst(cut)
        }
        p.stem = String(rest)
        return p
    }

    /// The length of an unlisted place with its level at the start of `s` (`瑞安市` → 3), when a stem follows.
    func unlistedPlaceEnd(_ s: Substring) -> Int? {
        let chars = Array(s.prefix(5))
        // `chars.count > n` is `s.count > n` for n < 5, without counting the whole rest of the name.
        for n in 3...4 where chars.count > n {
            if words.unlistedPlaceLevels.contains(chars[n - 1]),
               !chars[0..<(n - 1)].contains(where: { words.levelCharacters.contains($0) || $0 == words.each || $0 == words.directlyGoverned }),
               !words.notLevelAfter.contains(chars[n]) { return n }
        }
        return nil
    }

    /// The stem's full form: the lexicon's local or central column, or the stem itself; an office is kept.
    func expand(_ stem: String, local: Bool) -> String {
        if let a = abbreviations[stem], let full = local ? (a.local ?? a.central) : (a.central ?? a.local) { return full }
        for office in words.offices where stem.hasSuffix(office) && stem.count > office.count {
            let body = String(stem.dropLast(office.count))
            if let a = abbreviations[body], let full = local ? (a.local ?? a.central) : (a.central ?? a.local) { return full + office }
        }
        return stem
    }

    /// The canonical name of `name` in a document whose places are `doc`; `inherited` is the place or level
    /// of the item before it in a list (`省商务厅、财政厅` — 财政厅 is the province's).
    func canonical(_ name: String, places doc: Places, inherited: String? = nil) -> String {
        guard !name.isEmpty, name.first != words.each else { return name }
        var p = parts(name)
        if p.place == nil, p.level == nil, !p.party, !p.national, let inherited {
            let q = parts(inherited + p.stem)
            if !q.stem.isEmpty { p.place = q.place; p.level = q.level }
        }
        var place = p.place ?? ""
        if let level = p.level {
            let written = String(level)
            if words.provinceEndings.first == written { place = doc.province ?? written }
            else if words.cityEndings.first == written { place = doc.city ?? written }
            else { place = doc.county.map { $0.hasSuffix(written) ? $0 : written } ?? written }
        }
        let local = !place.isEmpty
        // 省委, 市委办公室 written with a bare level: the Party committee, named in full. A name written with
        // 中共 and its place (中共河南省委办公厅) is kept as written.
        if p.level != nil, !p.party,
           p.stem == words.committee || (p.stem.hasPrefix(words.committee) && words.offices.contains(String(p.stem.dropFirst(words.committee.count)))) {
            return words.partyFull + place + words.committeeFull + p.stem.dropFirst(words.committee.count)
        }
        if p.party, p.place != nil { return name }
        let stem = expand(p.stem, local: local)
        if p.national, !words.keepsCentralName.contains(where: { stem.hasPrefix($0) }) { return (p.party ? words.party : "") + words.national + stem }
        return (p.party ? words.party : "") + place + stem
    }

    /// The document's places: the first province (…省, …自治区) and the first city (…市) named by its
    /// issuers, else by any body it names.
    func documentPlaces(issuers: [String], others: [String], title: String = "") -> Places {
        var found = Places()
        // The title's place first when it opens the title (咸阳市2022年…工作要点), then the issuers', then a
        // listed place of any body named.
        // The title is read as if a body's name (its place, then any stem), so that its place is cut the same way.
        let titlePlace = parts(title).place.map { [$0 + (words.offices.last ?? "")] } ?? []
        for (g, group) in [titlePlace, issuers, others].enumerated() {
            for name in group {
                let p = parts(name)
                guard let place = p.place, g < 2 || p.listed else { continue }
                if found.province == nil, words.provinceEndings.contains(where: { place.hasSuffix($0) }) { found.province = place }
                if found.city == nil, words.cityEndings.contains(where: { place.hasSuffix($0) }) { found.city = place }
                if found.county == nil, words.countyEndings.contains(where: { place.hasSuffix($0) }) { found.county = place }
            }
            if found.province != nil || found.city != nil { break }
        }
        // A municipality (北京市) is its own province level.
        return found
    }
}
