/// A real line of a fixture document and what `LineClassifier` must call it.
struct LineExample: Sendable {
    /// The line as the document writes it (leading tabs and spaces included).
    var text: String
    /// `heading <rank> <title>`, `table_row`, `list_item`, `label` or `prose`.
    var expected: String
    /// Where the line stands: `<file of Fixtures/docs>:<line>`.
    var source: String
    /// Where the example is written, for a failing test to point at.
    var file: String
    var line: Int

    init(_ text: String, _ expected: String, _ source: String, file: String = #filePath, line: Int = #line) {
        self.text = text
        self.expected = expected
        self.source = source
        self.file = file
        self.line = line
    }
}

extension LineClassifier.Kind {
    /// A one-line statement of the kind, as the examples write it; a heading with its rank and title.
    func summary(_ text: NormalizedText) -> String {
        switch self {
        case .heading(let h): return "heading \(h.rank) \(text.text(h.title))"
        case .tableRow: return "table_row"
        case .listItem: return "list_item"
        case .label: return "label"
        case .prose: return "prose"
        }
    }
}

extension LineClassifier {
    /// Lines of `Fixtures/docs`, each with its kind. The tests classify each as a document of one line and
    /// as a line inside running text.
    static let examples: [LineExample] = [
        // Headings, one per rank. A heading's text ends at a full stop or colon within 40 characters, else
        // (a long numbered paragraph) after 30 characters or at the first comma.
        .init("## “强基韧链”，打造一流创新体系", "heading 1 “强基韧链”,打造一流创新体系", "001_e25bd0d301b55d09.txt:13"),
        .init("一、总体要求", "heading 1 一、总体要求", "004_ce97e2b7f31f05a1.txt:13"),
        .init("(二)基本原则。", "heading 2 (二)基本原则", "004_ce97e2b7f31f05a1.txt:19"),
        .init("1.发展目标", "heading 3 1.发展目标", "004_ce97e2b7f31f05a1.txt:37"),
        .init("2、债务人和担保人应支付给中国信达资产管理股份有限公司山东省分公司的利息按照生效法律文书、借款合同、担保合同、借据计算。",
              "heading 3 2、债务人和担保人应支付给中国信达资产管理股份有限公司山东省", "000_49ccca5bbe7b47df.txt:126"),
        .init("2.     這份財政預算案是本屆政府的第二份、亦是我就任財政司司長以來的第三份財政預算案。在編製時,環球政經格局出現巨大變化,外圍環境複雜多變,充斥不明朗因素。",
              "heading 3 2.这份财政预算案是本届政府的第二份、亦是我就任财政司司长以来的第三份财政预算案", "110_hk_budget_2019_speech.txt:11"),
        // Paper style: the number, a space, the title.
        .init("1 山东省先进制造业集群发展成效", "heading 1 1山东省先进制造业集群发展成效", "002_823c9dc78815e142.txt:17"),
        .init("1.1 产业集群逐步实现向精明增长模式的转型", "heading 2 1.1产业集群逐步实现向精明增长模式的转型", "002_823c9dc78815e142.txt:19"),
        // Table rows: a tab anywhere, a leading tab too (an empty first cell).
        .init("序号\t借款人\t借款合同号\t币种\t本金\t利息\t实现债权的费用\t担保人\t担保合同号", "table_row", "000_49ccca5bbe7b47df.txt:136"),
        .init("\t2017年\t2018年\t2019年\t2020年\t2021年\t2022年", "table_row", "002_823c9dc78815e142.txt:28"),
        // List items: bullets, rules, bracketed asides.
        .init("- [1] 李慧敏, 桂翔. 先进制造业集群建设的国际镜鉴与实践进路[J]. 人民论坛, 2024(3): 84-86.", "list_item", "002_823c9dc78815e142.txt:140"),
        .init("***********************", "list_item", "110_hk_budget_2019_speech.txt:2"),
        .init("---", "list_item", "003_421d88c52cb26333.txt:17"),
        .init("（此件公开发布）", "list_item", "133_digital_economy_plan_guofa.txt:35"),
        .init("(此件发至县级)", "list_item", "004_ce97e2b7f31f05a1.txt:241"),
        .init("(山东理工大学经济学院, 山东 淄博 255022)", "list_item", "002_823c9dc78815e142.txt:7"),
        // Labels: a colon at the end, no clause break.
        .init("国家级先进制造业集群（3个）：", "label", "000_49ccca5bbe7b47df.txt:19"),
        // Prose: a date line, a sentence that opens with a year (a number of more than two digits).
        .init("2023年11月20日", "prose", "000_49ccca5bbe7b47df.txt:121"),
        .init("2025年全县固定资产投资目标为125.9亿元以上,同比增长18%以上。各单位具体任务目标,详见附件1。", "prose", "212_songyang_investment_plan_2025.txt:4"),
        .init("乡建设局、中小企业局（办）：", "prose", "003_421d88c52cb26333.txt:23"),
    ]
}
