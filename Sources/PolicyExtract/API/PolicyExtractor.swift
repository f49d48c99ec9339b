import Foundation

/// Reads Chinese government policy documents into typed records.
///
/// ```swift
/// import PolicyExtract
///
/// let extractor = PolicyExtractor()
/// let record = extractor.extract(text: "到2025年，全省集群营业收入达到1200亿元。")
/// for amount in record.amounts {
///     print(amount.provenance.text, amount.fields.yiYuan)   // 1200亿元 1200
/// }
/// let file = try extractor.extract(contentsOf: URL(fileURLWithPath: "notice.txt"))
/// ```
///
/// The record is what `policy-extract extract` prints, as Swift values: every amount, year, period, date,
/// percentage, count, document number, target, cluster and department, each with the span of the original text it
/// was read from, and the findings of the checks within the document. It uses the built-in pipeline (the
/// `Pipelines/` folder of this package, embedded in the library).
///
/// An extractor holds ICU handles that it reuses from one document to the next: use one extractor from one task
/// at a time (make one per task to extract in parallel).
public final class PolicyExtractor {
    private let extractor: DocumentExtractor

    /// An extractor with the built-in pipeline.
    public init() {
        extractor = DocumentExtractor(pipeline: .builtIn)
    }

    /// Extracts the records of a document given as text.
    ///
    /// - Parameters:
    ///   - text: The document's text. Spans in the record count its Unicode scalars (code points).
    ///   - id: What the record's `document.id` and `document.source` say.
    public func extract(text: String, id: String = "text") -> DocumentRecord {
        DocumentRecord(extractor.extract(text: text, id: id))
    }

    /// Extracts the records of a document file, read and decoded as `policy-extract extract FILE` does.
    ///
    /// The file may be UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK/GB2312 or Big5 (detected),
    /// plain text, Markdown or HTML (`.html`/`.htm`: markup stripped, spans still index the decoded page), up to
    /// 64 MB. `document.id` is the file name without its extension, `document.source` the file name (the path
    /// as given when it is relative).
    ///
    /// - Parameter url: A file URL.
    /// - Throws: ``InputError`` naming the file and the reason (``InputError/Reason``): not a file, unreadable,
    ///   empty, binary, undecodable (with the byte offset), too large, or not a file URL (`unsupported`).
    public func extract(contentsOf url: URL) throws(InputError) -> DocumentRecord {
        guard url.isFileURL else {
            throw InputError(path: url.absoluteString, reason: .unsupported, message: "not a file URL")
        }
        let path = url.relativePath.isEmpty ? url.path : url.relativePath
        let input = BatchRunner.nameSources([BatchInput(path: path, id: FileInput.documentID(path))], roots: [path])[0]
        do {
            let bytes = try FileInput.read(input.path)
            return DocumentRecord(try extractor.extract(bytes: bytes, path: input.source ?? input.path, id: input.id))
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(path: path, reason: .unreadable, message: "\(error)")
        }
    }
}
