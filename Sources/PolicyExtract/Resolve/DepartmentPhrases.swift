/// The words the department resolver reads roles and names by, loaded from the `department_phrases` lexicon
/// (`Pipelines/lexicons/department-phrases.tsv`, one `kind<TAB>word` a row; the file's header says what each
/// kind is). Every kind is required; a row of an unknown kind, or a kind without a row, is an error that names
/// the file.
struct DepartmentPhrases: Sendable {
    static let file = "lexicons/department-phrases.tsv"

    /// 牵头单位, before a list of lead bodies.
    let leadLabel: [UInt32]
    /// 责任单位, 配合单位, 参与单位, before a list of responsible bodies.
    let responsibleLabels: [[UInt32]]
    /// 抄送, before the bodies a notice is copied to.
    let ccLabel: [UInt32]
    /// 牵头: `X牵头`.
    let lead: [UInt32]
    /// 负责: closes a division-of-labour bracket (`（工业和信息化部、发展改革委等负责）`).
    let duty: [UInt32]
    /// 按职责分工负责 and its variants.
    let dutyPhrases: [[UInt32]]
    /// 配合, 参与: `（生态环境部牵头，国家发展改革委、工业和信息化部参与）`.
    let supportPhrases: [[UInt32]]
    /// 第一位: the convention that makes the first body of every bracket its lead.
    let firstListed: [[UInt32]]
    /// 会同: `X会同Y`.
    let jointWork: [UInt32]
    /// 已, 将, 要 …: between a lead and 会同 (`扶贫办已会同交通部`).
    let beforeJointWork: [[UInt32]]
    /// 联合: `X联合Y印发`.
    let jointly: [UInt32]
    /// 由: `由X牵头`.
    let agent: [[UInt32]]
    /// 印发, 出台, 发布 …: a body before one of these and a policy's title issues it.
    let issueVerbs: [[UInt32]]
    /// 印发, ending the printer's line.
    let printed: [UInt32]
    /// 日前, 近日 …: between an issuer and its verb.
    let timeWords: [[UInt32]]
    /// 年, 月, 日 of a date written in digits, and 于 before it (`于4月2日印发`).
    let dateYear: UInt32
    let dateMonth: UInt32
    let dateDay: UInt32
    let dateOn: ScalarSet
    /// 关于, after the issuers on a title line.
    let about: [UInt32]
    /// 根据, 按照, 依据: open the citation of another policy.
    let citing: [[UInt32]]
    /// Ends of a list of bodies (等相关部门), and of a division-of-labour bracket (按职责分工).
    let listTails: [[UInt32]]
    let bracketTails: [[UInt32]]
    /// 办公厅, 办公室.
    let office: [[UInt32]]
    /// Endings that make a body besides the `department_suffixes` lexicon (中心, 海关 …).
    let extraSuffixes: [[UInt32]]
    /// Words a body's name never holds (关于, 文件, :).
    let reject: [[UInt32]]
    /// Institutes, schools and companies, wherever they stand in a name.
    let nonGovernment: [[UInt32]]
    /// Endings of words that are no body (布局, 研究所, 政府部门).
    let excludedEndings: [[UInt32]]
    /// Two-character words that begin with a suffix character and show it does not end a name (局面, 部分).
    let notEndings: PairSet
    /// Level and place words a name starts at (国务院, 省, 市 …).
    let anchors: [[UInt32]]
    let anchorFirsts: ScalarSet
    /// 国家, and the words that make a body central (国务院, 国家, 党中央, 中共中央).
    let national: [UInt32]
    let nationalPrefixes: [[UInt32]]
    /// 中共: a second body written right after a first one may begin with it.
    let party: [UInt32]
    /// Endings after which a second body's name may follow without a separator.
    let gluedEndings: [[UInt32]]
    /// Words that begin with a stop word but belong to a name (经济 in 省经济信息化委).
    let stopwordExceptions: [[UInt32]]
    /// 直辖 (a class of places), 各 (a class of bodies), 有关.
    let directlyGoverned: [UInt32]
    let each: [UInt32]
    let concerned: [UInt32]
    /// Words after a body's name that make the phrase its people, not the body (国务院领导同志, 国务院有关部门负责同志).
    let peopleAfter: [[UInt32]]
    /// 相关, 部门: a partner opened by the one, or a lead ending in the other, names a class of bodies.
    let related: [UInt32]
    let classOfBodies: [UInt32]
    /// 制定: 制定了《…》 issues a policy, 制定的《…》 only drafted it.
    let draftVerb: [UInt32]
    /// Endings of collective addressees (功能区, 县市区).
    let collectiveEndings: [[UInt32]]
    /// 部 (a ministry), 委 (省委, 市委).
    let ministry: [UInt32]
    let committee: UInt32
    /// The level characters: 省, 市, and 县/区.
    let province: UInt32
    let city: UInt32
    let county: ScalarSet
    /// Any of the level characters.
    let levels: ScalarSet
    /// The first county character (县), and the levels a record reports: 国家, 省, 市, 县.
    let countyLevelCharacter: UInt32
    let nationalLevel: String
    let provinceLevel: String
    let cityLevel: String
    let countyLevel: String
    /// Single characters after a level character that make a common word (区域, 市场, 省内).
    let notPlaceAfterLevel: ScalarSet
    /// 和, 的, 了.
    let conjunction: UInt32
    let possessive: UInt32
    let perfective: UInt32

    /// The words canonical names are built with (`DepartmentCanonicalizer`), as strings.
    struct CanonicalWords: Sendable {
        /// 中共, 国家, 各, 直 (of 直辖), 办公厅/办公室.
        var party: String, national: String, each: Character, directlyGoverned: Character, offices: [String]
        /// 省, 市, 县, 区: a level written alone before a stem.
        var levelCharacters: [Character]
        /// Levels written after a listed place, longest first (自治区, 省, 市).
        var writtenLevels: [String]
        /// Characters after a level character that make a word of the name (市场, 市长).
        var notLevelAfter: Set<Character>
        /// Levels that end a place not listed (瑞安市).
        var unlistedPlaceLevels: [Character]
        /// How the document's province, city and county end.
        var provinceEndings: [String], cityEndings: [String], countyEndings: [String]
        /// 中国共产党 …委员会.
        var partyFull: String, committeeFull: String
        /// Central stems that take no 国家 before them.
        var keepsCentralName: [String]
        /// 委: a Party committee written with a bare level (省委).
        var committee: String
    }
    let canonical: CanonicalWords

    /// Word indexes built once for the scanners.
    let extraSuffixEndings: WordsByLast
    let officeEndings: WordsByLast
    let excludedEndingWords: WordsByLast
    let nonGovernmentIndex: WordsByFirst
    let rejectIndex: WordsByFirst
    /// First characters of the labels and phrases the list scanner looks for.
    let triggers: ScalarSet
    /// First characters, and first two characters packed, of each issuing verb.
    let issueVerbFirsts: ScalarSet
    let issueVerbSeconds: PairSet

    static let kinds = ["lead_label", "responsible_label", "cc_label", "lead", "duty", "duty_phrase", "support", "first_listed",
                        "joint_work", "before_joint_work", "jointly", "agent", "issue_verb", "printed", "time_word", "date_year", "date_month", "date_day", "date_on", "about", "citing", "list_tail", "bracket_tail",
                        "office", "extra_suffix", "reject", "non_government", "excluded_ending", "not_ending", "anchor", "national",
                        "national_prefix", "party", "glued_ending", "stopword_exception", "directly_governed", "each", "concerned", "people_after", "related", "class_of_bodies", "draft_verb",
                        "collective_ending", "ministry", "committee", "level_province", "level_city", "level_county",
                        "not_place_after_level", "conjunction", "possessive", "perfective",
                        "written_level", "not_level_in_name", "unlisted_place_level", "province_level", "city_level", "county_level",
                        "party_full", "committee_full", "keeps_central_name"]

    /// Reads the lexicon's rows (`kind`, `word`); `origin` names the pipeline it was read for.
    init(rows: [[String]], origin: String) throws {
        var byKind: [String: [[UInt32]]] = [:]
        for r in rows {
            guard r.count >= 2, !r[1].isEmpty, Self.kinds.contains(r[0]) else {
                throw PipelineError("\(origin): \(Self.file): row \(r) needs one of the kinds \(Self.kinds.joined(separator: ", ")) and a word")
            }
            byKind[r[0], default: []].append(scalars(r[1]))
        }
        func all(_ kind: String) throws -> [[UInt32]] {
            guard let words = byKind[kind], !words.isEmpty else { throw PipelineError("\(origin): \(Self.file): no row of kind \(kind)") }
            return words
        }
        func one(_ kind: String) throws -> [UInt32] { try all(kind)[0] }
        func character(_ kind: String) throws -> UInt32 {
            let words = try all(kind)
            guard words.allSatisfy({ $0.count == 1 }) else { throw PipelineError("\(origin): \(Self.file): \(kind) must be one character") }
            return words[0][0]
        }
        func characters(_ kind: String) throws -> ScalarSet {
            let words = try all(kind)
            guard words.allSatisfy({ $0.count == 1 }) else { throw PipelineError("\(origin): \(Self.file): \(kind) must be single characters") }
            return ScalarSet(words.map { $0[0] })
        }
        leadLabel = try one("lead_label")
        responsibleLabels = try all("responsible_label")
        ccLabel = try one("cc_label")
        lead = try one("lead")
        duty = try one("duty")
        dutyPhrases = try all("duty_phrase")
        supportPhrases = try all("support")
        firstListed = try all("first_listed")
        jointWork = try one("joint_work")
        beforeJointWork = try all("before_joint_work")
        jointly = try one("jointly")
        agent = try all("agent")
        issueVerbs = try all("issue_verb")
        printed = try one("printed")
        timeWords = try all("time_word")
        dateYear = try character("date_year")
        dateMonth = try character("date_month")
        dateDay = try character("date_day")
        dateOn = try characters("date_on")
        about = try one("about")
        citing = try all("citing")
        listTails = try all("list_tail")
        bracketTails = try all("bracket_tail")
        office = try all("office")
        extraSuffixes = try all("extra_suffix")
        reject = try all("reject")
        nonGovernment = try all("non_government")
        excludedEndings = try all("excluded_ending")
        let notEndingWords = try all("not_ending")
        guard notEndingWords.allSatisfy({ $0.count == 2 }) else { throw PipelineError("\(origin): \(Self.file): not_ending words are two characters") }
        notEndings = PairSet(notEndingWords.map { ($0[0], $0[1]) })
        anchors = try all("anchor")
        anchorFirsts = ScalarSet(anchors.map { $0[0] })
        national = try one("national")
        nationalPrefixes = try all("national_prefix")
        party = try one("party")
        gluedEndings = try all("glued_ending")
        stopwordExceptions = try all("stopword_exception")
        directlyGoverned = try one("directly_governed")
        each = try one("each")
        concerned = try one("concerned")
        peopleAfter = try all("people_after")
        related = try one("related")
        classOfBodies = try one("class_of_bodies")
        draftVerb = try one("draft_verb")
        collectiveEndings = try all("collective_ending")
        ministry = try one("ministry")
        committee = try character("committee")
        province = try character("level_province")
        city = try character("level_city")
        county = try characters("level_county")
        levels = ScalarSet([province, city] + (try all("level_county")).map { $0[0] })
        countyLevelCharacter = try character("level_county")
        nationalLevel = makeString(national)
        provinceLevel = makeString([province])
        cityLevel = makeString([city])
        countyLevel = makeString([countyLevelCharacter])
        notPlaceAfterLevel = try characters("not_place_after_level")
        conjunction = try character("conjunction")
        possessive = try character("possessive")
        perfective = try character("perfective")
        func strings(_ kind: String) throws -> [String] { try all(kind).map(makeString) }
        func firstCharacters(_ kind: String) throws -> [Character] { try strings(kind).compactMap(\.first) }
        canonical = CanonicalWords(party: makeString(party), national: makeString(national), each: Character(Unicode.Scalar(each[0])!),
                                   directlyGoverned: Character(Unicode.Scalar(directlyGoverned[0])!), offices: office.map(makeString),
                                   levelCharacters: try firstCharacters("level_province") + firstCharacters("level_city") + firstCharacters("level_county"),
                                   writtenLevels: try strings("written_level").sorted { $0.count > $1.count },
                                   notLevelAfter: Set(try firstCharacters("not_level_in_name")),
                                   unlistedPlaceLevels: try firstCharacters("unlisted_place_level"),
                                   provinceEndings: try strings("province_level"), cityEndings: try strings("city_level"),
                                   countyEndings: try strings("county_level"), partyFull: makeString(try one("party_full")),
                                   committeeFull: makeString(try one("committee_full")), keepsCentralName: try strings("keeps_central_name"),
                                   committee: makeString([committee]))
        extraSuffixEndings = WordsByLast(extraSuffixes)
        officeEndings = WordsByLast(office)
        excludedEndingWords = WordsByLast(excludedEndings)
        nonGovernmentIndex = WordsByFirst(nonGovernment)
        rejectIndex = WordsByFirst(reject)
        triggers = ScalarSet(([leadLabel, ccLabel, lead, duty, jointWork] + responsibleLabels + dutyPhrases + supportPhrases).map { $0[0] })
        issueVerbFirsts = ScalarSet(issueVerbs.map { $0[0] })
        issueVerbSeconds = PairSet(issueVerbs.filter { $0.count >= 2 }.map { ($0[0], $0[1]) })
    }

    /// The built-in lexicon, for the candidate index's first-character tables, which are built once per process.
    static let builtIn: DepartmentPhrases = {
        do { return try DepartmentPhrases(rows: Lexicons.rows(DefaultPipelineFiles.files[file]), origin: "built-in default") } catch {
            preconditionFailure("\(error)")  // the embedded copy is Pipelines/ itself, loaded by the tests
        }
    }()
}
