/// One example for a resolver: a real passage and the records that must come out of it, each written as the
/// resolver's `summary` of a record. An empty list is a must-not-match case.
///
/// `source` says where the passage was taken from (a fixture, or a repository and path, or a page's address);
/// passages are quoted as written, never composed. The tests run the whole pipeline over each passage.
package struct ResolverExample: Sendable {
    package var text: String
    package var expected: [String]
    package var source: String
    package var file: String
    package var line: Int

    package init(_ text: String, _ expected: [String], source: String, file: String = #filePath, line: Int = #line) {
        self.text = text
        self.expected = expected
        self.source = source
        self.file = file
        self.line = line
    }
}

extension Target {
    /// `2025 全国 | 国内生产总值增长 | about 5 %`, and `[members]` when the goal lists any.
    package var summary: String {
        "\(year) \(subject) | \(metric) | \(comparator.rawValue) \(value)\(unit.isEmpty ? "" : " " + unit)"
            + (members.isEmpty ? "" : " [" + members.joined(separator: "、") + "]")
    }
}

extension Department {
    /// `发展改革委 / responsible / 国家发展和改革委员会`.
    package var summary: String { "\(name) / \(role.rawValue) / \(canonical)" }
}

extension Cluster {
    /// `青岛市智能家电集群 => 青岛市智能家电产业集群`, and `(国家级)` when the tier is known.
    package var summary: String { "\(name) => \(canonical)" + (tier.map { " (\($0))" } ?? "") }
}
