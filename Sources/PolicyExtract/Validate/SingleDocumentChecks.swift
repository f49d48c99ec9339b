/// The validation checks that need only one document.
enum SingleDocumentChecks {
    static func run(_ result: DocumentResult) -> [Finding] { [] }
}
