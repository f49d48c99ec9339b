/// The version of the JSON contract. Keys may be added within a version; renaming or removing one
/// bumps it (see README, "Output schema").
public let schemaVersion = "2.0"

/// The tool's version, written in every output (`generator`) and printed by `--version`.
public let toolVersion = "0.9.0"

/// `policy-extract X.Y.Z`: what made an output.
public let generatorName = "policy-extract " + toolVersion

/// What is known of the document itself.
public struct DocumentInfo: Sendable {
    public var id: String
    public var source: String
    public var sha256: String
    public var encoding: String
    public var title: String?
    public var docNumber: String?
    public var date: String?
    public var characters: Int
    public var convertedTraditional: Bool
}

/// A found value with its provenance: span in the original text, section path, sentence.
public struct Item: Sendable {
    public var mention: Mention
    public var span: Span
    /// The original text at `span`.
    public var text: String
    public var section: Int
    public var sentenceRange: Range<Int>?
    public var article: Int
    /// For table cells: table index, row, column and the column header.
    public var tableCell: TableCell?
}

/// A table cell an item was read from (a reference: most items are not in a table, and an item or record stays
/// small without one).
public final class TableCell: Sendable, Codable, Equatable {
    public let table: Int
    public let row: Int
    public let column: Int
    public let header: String

    public init(table: Int, row: Int, column: Int, header: String) {
        self.table = table
        self.row = row
        self.column = column
        self.header = header
    }

    public static func == (a: TableCell, b: TableCell) -> Bool {
        a.table == b.table && a.row == b.row && a.column == b.column && a.header == b.header
    }
}

/// Everything extracted from one document.
public struct DocumentResult: Sendable {
    public var info: DocumentInfo
    public var text: NormalizedText
    public var structure: DocumentStructure
    /// Items by matcher id, in document order.
    public var items: [String: [Item]]
    public var targets: [Target] = []
    public var departments: [Department] = []
    public var clusters: [Cluster] = []
    public var findings: [Finding] = []
    /// The place each article is about (index 0: the document), from the `places` lexicon.
    public var places: [String?] = []

    public func items(_ matcher: String) -> [Item] { items[matcher] ?? [] }
}
