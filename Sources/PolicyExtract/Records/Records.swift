/// The version of the JSON contract. Keys may be added within a version; renaming or removing one
/// bumps it (see README, "Output schema").
package let schemaVersion = "2.0"

/// The tool's version, written in every output (`generator`) and printed by `--version`.
package let toolVersion = "0.9.0"

/// `policy-extract X.Y.Z`: what made an output.
package let generatorName = "policy-extract " + toolVersion

/// What is known of the document itself.
package struct DocumentInfo: Sendable {
    package var id: String
    package var source: String
    package var sha256: String
    package var encoding: String
    package var title: String?
    package var docNumber: String?
    package var date: String?
    package var characters: Int
    package var convertedTraditional: Bool
}

/// A found value with its provenance: span in the original text, section path, sentence.
///
/// Section, article and sentence are held in 32 bits each, as the normalized text holds its offsets (a dense document holds a million items at once, and the
/// items of each matcher beside its mentions while they are made): the properties read and write them as `Int`.
package struct Item: Sendable {
    package var mention: Mention
    package var span: Span
    /// The original text at `span`.
    package var text: String
    package var section: Int {
        get { Int(storedSection) }
        set { storedSection = Int32(clamping: newValue) }
    }
    package var sentenceRange: Range<Int>? {
        get { sentenceStart < 0 ? nil : Int(sentenceStart)..<Int(sentenceEnd) }
        set {
            sentenceStart = newValue.map { Int32(clamping: $0.lowerBound) } ?? -1
            sentenceEnd = newValue.map { Int32(clamping: $0.upperBound) } ?? -1
        }
    }
    package var article: Int {
        get { Int(storedArticle) }
        set { storedArticle = Int32(clamping: newValue) }
    }
    /// For table cells: table index, row, column and the column header.
    package var tableCell: TableCell?

    private var storedSection: Int32
    private var storedArticle: Int32
    /// The sentence's normalized range; -1 when there is none.
    private var sentenceStart: Int32
    private var sentenceEnd: Int32

    package init(mention: Mention, span: Span, text: String, section: Int, sentenceRange: Range<Int>?, article: Int, tableCell: TableCell?) {
        self.mention = mention
        self.span = span
        self.text = text
        self.tableCell = tableCell
        storedSection = Int32(clamping: section)
        storedArticle = Int32(clamping: article)
        sentenceStart = sentenceRange.map { Int32(clamping: $0.lowerBound) } ?? -1
        sentenceEnd = sentenceRange.map { Int32(clamping: $0.upperBound) } ?? -1
    }
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
package struct DocumentResult: Sendable {
    package var info: DocumentInfo
    package var text: NormalizedText
    package var structure: DocumentStructure
    /// Items by matcher id, in document order.
    package var items: [String: [Item]]
    package var targets: [Target] = []
    package var departments: [Department] = []
    package var clusters: [Cluster] = []
    package var findings: [Finding] = []
    /// The place each article is about (index 0: the document), from the `places` lexicon.
    package var places: [String?] = []

    package func items(_ matcher: String) -> [Item] { items[matcher] ?? [] }
}
