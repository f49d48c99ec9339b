/// The words the cluster resolver reads names by, loaded from the `cluster_phrases` lexicon
/// (`Pipelines/lexicons/cluster-phrases.tsv`, one `kind<TAB>word` a row; the file's header says what each kind
/// is). Every kind is required; a row of an unknown kind, or a kind without a row, is an error that names the file.
struct ClusterPhrases: Sendable {
    static let file = "lexicons/cluster-phrases.tsv"

    /// 集群, and what a canonical name ends in (产业集群).
    let cluster: [UInt32]
    let canonicalEnding: String
    /// 产业, which a name may leave out before 集群.
    let industry: [UInt32]
    /// 化: 集群化 is no name's end.
    let notAfter: ScalarSet
    /// 省, 市, 县, 区; and 省 and 市 alone.
    let placeEndings: ScalarSet
    let province: UInt32
    let city: UInt32
    /// A money tier in a name (通信设备2000亿级): its ending, its last character and the numerals it may start with.
    let sizeEnding: [UInt32]
    let level: UInt32
    let sizeNumerals: ScalarSet
    /// Words of batch or rank before a kind of cluster (`第一批战略性新兴`, `省级中小企业特色`): removed before the
    /// industry is compared with the generic kinds.
    let batch: [[UInt32]]
    /// Kinds that make no name without a place (优势, 特色 …).
    let general: [[UInt32]]
    /// 先进制造业 and 制造业: industries that make no name.
    let advancedManufacturing: [UInt32]
    let manufacturing: [UInt32]
    /// Words that make a cluster a goal (打造, 培育 …).
    let goal: [[UInt32]]
    /// 的 and 和.
    let possessive: UInt32
    let conjunction: UInt32

    static let kinds = ["cluster", "canonical_ending", "industry", "not_after", "place_ending", "province", "city", "size_ending", "level",
                        "size_numeral", "batch", "general", "advanced_manufacturing", "manufacturing", "goal", "possessive", "conjunction"]

    /// Reads the lexicon's rows (`kind`, `word`); `origin` names the pipeline it was read for.
    init(rows: [[String]], origin: String) throws {
        var byKind: [String: [String]] = [:]
        for r in rows {
            guard r.count >= 2, !r[1].isEmpty, Self.kinds.contains(r[0]) else {
                throw PipelineError("\(origin): \(Self.file): row \(r) needs one of the kinds \(Self.kinds.joined(separator: ", ")) and a word")
            }
            byKind[r[0], default: []].append(r[1])
        }
        func all(_ kind: String) throws -> [[UInt32]] {
            guard let words = byKind[kind], !words.isEmpty else { throw PipelineError("\(origin): \(Self.file): no row of kind \(kind)") }
            return words.map(scalars)
        }
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
        cluster = try all("cluster")[0]
        guard cluster.count == 2 else { throw PipelineError("\(origin): \(Self.file): cluster must be two characters") }
        canonicalEnding = makeString(try all("canonical_ending")[0])
        industry = try all("industry")[0]
        notAfter = try characters("not_after")
        placeEndings = try characters("place_ending")
        province = try character("province")
        city = try character("city")
        sizeEnding = try all("size_ending")[0]
        level = try character("level")
        sizeNumerals = try characters("size_numeral")
        batch = try all("batch")
        general = try all("general")
        advancedManufacturing = try all("advanced_manufacturing")[0]
        manufacturing = try all("manufacturing")[0]
        goal = try all("goal")
        possessive = try character("possessive")
        conjunction = try character("conjunction")
    }

    /// The built-in lexicon, for code that runs without a pipeline's lexicons.
    static let builtIn: ClusterPhrases = {
        do { return try ClusterPhrases(rows: Lexicons.rows(DefaultPipelineFiles.files[file]), origin: "built-in default") } catch {
            preconditionFailure("\(error)")  // the embedded copy is Pipelines/ itself, loaded by the tests
        }
    }()
}
