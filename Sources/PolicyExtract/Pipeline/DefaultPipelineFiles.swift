/// The default pipeline's files (`Pipelines/`), embedded in the binary so that the tool runs without the folder.
///
/// SwiftPM embeds them at build time (`.embedInCode` in `Package.swift`; `Sources/PolicyExtract/Pipelines` is a
/// link to the top-level folder) as one byte array per file, named after the file (`area-units.tsv` →
/// `area_units_tsv`). An edit to a file needs nothing more; a new file needs its line here, and
/// `PipelineDefinitionTests.embeddedDefaultEqualsPipelinesFolder` names a file that has none.
enum DefaultPipelineFiles {
    /// Each file's text by its path under `Pipelines/`.
    static let files: [String: String] = Dictionary(uniqueKeysWithValues: embedded.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })

    static let embedded: [(path: String, bytes: [UInt8])] = [
        ("default.json", PackageResources.default_json),
        ("lexicons/area-units.tsv", PackageResources.area_units_tsv),
        ("lexicons/central-bodies.txt", PackageResources.central_bodies_txt),
        ("lexicons/check-words.tsv", PackageResources.check_words_tsv),
        ("lexicons/chinese-numerals.tsv", PackageResources.chinese_numerals_tsv),
        ("lexicons/claim-units.tsv", PackageResources.claim_units_tsv),
        ("lexicons/claim-words.tsv", PackageResources.claim_words_tsv),
        ("lexicons/cluster-generic.txt", PackageResources.cluster_generic_txt),
        ("lexicons/cluster-keywords.tsv", PackageResources.cluster_keywords_tsv),
        ("lexicons/cluster-phrases.tsv", PackageResources.cluster_phrases_tsv),
        ("lexicons/cluster-stopwords.txt", PackageResources.cluster_stopwords_txt),
        ("lexicons/department-abbreviations.tsv", PackageResources.department_abbreviations_tsv),
        ("lexicons/department-phrases.tsv", PackageResources.department_phrases_tsv),
        ("lexicons/department-stopwords.txt", PackageResources.department_stopwords_txt),
        ("lexicons/department-suffixes.txt", PackageResources.department_suffixes_txt),
        ("lexicons/doc-number-words.tsv", PackageResources.doc_number_words_tsv),
        ("lexicons/goal-verbs.txt", PackageResources.goal_verbs_txt),
        ("lexicons/html-entities.tsv", PackageResources.html_entities_tsv),
        ("lexicons/html-tags.tsv", PackageResources.html_tags_tsv),
        ("lexicons/measure-words.tsv", PackageResources.measure_words_tsv),
        ("lexicons/money-context.txt", PackageResources.money_context_txt),
        ("lexicons/money-units.tsv", PackageResources.money_units_tsv),
        ("lexicons/not-money-after-yi.txt", PackageResources.not_money_after_yi_txt),
        ("lexicons/number-words.tsv", PackageResources.number_words_tsv),
        ("lexicons/place-full-names.tsv", PackageResources.place_full_names_tsv),
        ("lexicons/places.txt", PackageResources.places_txt),
        ("lexicons/qualifiers.tsv", PackageResources.qualifiers_tsv),
        ("lexicons/table-index-headers.txt", PackageResources.table_index_headers_txt),
        ("lexicons/table-unit-words.tsv", PackageResources.table_unit_words_tsv),
        ("lexicons/target-verbs.txt", PackageResources.target_verbs_txt),
        ("lexicons/target-words.tsv", PackageResources.target_words_tsv),
        ("lexicons/text-characters.tsv", PackageResources.text_characters_tsv),
        ("lexicons/title-words.tsv", PackageResources.title_words_tsv),
        ("lexicons/year-kind-words.tsv", PackageResources.year_kind_words_tsv),
    ]
}
