import Foundation

/// The review site: static HTML that opens from disk with no network (inline CSS and JavaScript).
///
/// `index.html` lists the documents from `index-data.js` (one JSON row per document, paged, sortable, searchable:
/// 10 000 documents are one small script, not a 10 000-row table); `docs/<id>.html` shows a document's original text
/// with every record's span highlighted by kind, a legend that turns kinds off, the record under the pointer, and
/// side panels (targets, departments by role, clusters, findings, gold); `findings.html` lists every finding with its
/// figures and a link to the exact span in each document involved. The page functions are pure: records and text
/// in, HTML out; `ReviewSiteWriter` writes them.
package enum ReviewSite {
    /// A finding as the site numbers it (`findings.html#f<number>`).
    package struct NumberedFinding: Sendable {
        package var number: Int
        package var finding: Finding
        package var documents: [String] { var seen = Set<String>(); return finding.evidence.map(\.document).filter { seen.insert($0).inserted } }
        package var crossDocument: Bool { documents.count > 1 }
    }

    /// The anchor of an evidence span on a document page.
    package static func evidenceAnchor(_ s: Span) -> String { "e\(s.start)-\(s.end)" }
    /// The file of a document page, relative to the site.
    package static func pageFile(_ id: String) -> String { "docs/" + id + ".html" }
    package static func pageHref(_ id: String) -> String { "docs/" + HTML.pathSegment(id) + ".html" }

    // MARK: - Document page

    /// The page of one document. `findings` are those whose evidence names it (its own and cross-document ones).
    package static func documentPage(_ doc: ReviewDocument, findings: [NumberedFinding]) -> String {
        let r = doc.record
        let id = r.document.id
        let records = ReviewRecord.all(r)
        var marks: [ReviewMarks.Mark] = records.enumerated().map { k, rec in
            ReviewMarks.Mark(start: rec.span.start, end: rec.span.end, kind: rec.kind, record: k, anchor: "r\(k)")
        }
        var anchored = Set<String>()
        for f in findings {
            for e in f.finding.evidence where e.document == id && anchored.insert(evidenceAnchor(e.span)).inserted {
                marks.append(.init(start: e.span.start, end: e.span.end, kind: "evidence", anchor: evidenceAnchor(e.span)))
            }
        }
        for (k, g) in doc.gold.enumerated() {
            if let s = g.span { marks.append(.init(start: s.start, end: s.end, kind: g.kind, anchor: "g\(k)", gold: k)) }
        }
        let title = r.document.title ?? id
        var body = "<header><a href=\"../index.html\">← all documents</a> · <a href=\"../findings.html\">findings</a>"
        body += "<h1>\(HTML.escape(title))</h1><p class=\"meta\">\(HTML.escape(metaLine(r)))</p></header>"
        body += "<div id=\"legend\">" + legend(present: Set(marks.map(\.kind))) + "</div>"
        body += "<main><section id=\"doc\">"
        if let text = doc.original {
            body += "<pre id=\"text\">" + ReviewMarks.html(text, marks) + "</pre>"
        } else {
            body += "<p class=\"note\">\(HTML.escape(doc.textNote ?? "the original text is not available"))</p>"
        }
        body += "</section><aside>"
        body += "<div id=\"record\" class=\"panel\"><h2>Record</h2><p class=\"hint\">Point at or click a highlighted span.</p></div>"
        body += targetsPanel(r, records) + departmentsPanel(r, records) + clustersPanel(r, records)
        body += findingsPanel(id, findings) + goldPanel(doc.gold)
        body += "</aside></main><div id=\"tip\" hidden></div>"
        let data = "const R=" + HTML.script(json(records)) + ";"
        return page(title: title + " — review", style: documentStyle, body: body, script: data + documentScript)
    }

    static func metaLine(_ r: DocumentRecord) -> String {
        let d = r.document
        var parts = [d.id]
        if let n = d.docNumber { parts.append(n) }
        if let date = d.date { parts.append(date) }
        if let place = d.place { parts.append(place) }
        parts.append("\(d.characters) characters, \(d.encoding)\(d.traditionalConverted ? ", Traditional converted" : "")")
        parts.append(d.source)
        return parts.joined(separator: " · ")
    }

    static func legend(present: Set<String>) -> String {
        ReviewMarks.kinds.filter { present.contains($0.key) }.map { k in
            "<label class=\"lg\"><input type=\"checkbox\" checked data-k=\"\(k.key)\"><span class=\"m k-\(k.key)\">\(HTML.escape(k.label))</span></label>"
        }.joined()
    }

    static func link(_ k: Int, _ text: String) -> String { "<a href=\"#r\(k)\">\(HTML.escape(text))</a>" }

    static func targetsPanel(_ r: DocumentRecord, _ records: [ReviewRecord]) -> String {
        guard !r.targets.isEmpty else { return "" }
        let first = records.firstIndex { $0.kind == "target" } ?? 0
        var s = "<div class=\"panel\" id=\"targets\"><h2>Targets (\(r.targets.count))</h2><table><tr><th>year</th><th>subject</th><th>metric</th><th>value</th><th>lead</th><th>responsible</th></tr>"
        for (k, t) in r.targets.enumerated() {
            let value = (t.comparator == .none ? "" : t.comparator.rawValue + " ") + "\(t.value)" + (t.valueMax.map { "–\($0)" } ?? "") + " " + t.unit
            s += "<tr><td>\(t.year)</td><td>\(HTML.escape(t.subject))</td><td>\(link(first + k, t.metric))</td><td>\(HTML.escape(value))</td>"
            s += "<td>\(HTML.escape(t.lead.joined(separator: "、")))</td><td>\(HTML.escape(t.responsible.joined(separator: "、")))</td></tr>"
        }
        return s + "</table></div>"
    }

    static func departmentsPanel(_ r: DocumentRecord, _ records: [ReviewRecord]) -> String {
        guard !r.departments.isEmpty else { return "" }
        let first = records.firstIndex { $0.kind.hasPrefix("dept-") } ?? 0
        var s = "<div class=\"panel\" id=\"departments\"><h2>Departments (\(r.departments.count))</h2>"
        for role in DepartmentRole.allCases {
            let list = r.departments.enumerated().filter { $0.element.role == role }
            if list.isEmpty { continue }
            s += "<h3><span class=\"m k-dept-\(role.rawValue)\">\(role.rawValue)</span></h3><ul>"
            for (k, d) in list { s += "<li>\(link(first + k, d.name))\(d.level.map { " <small>\(HTML.escape($0))</small>" } ?? "")</li>" }
            s += "</ul>"
        }
        return s + "</div>"
    }

    static func clustersPanel(_ r: DocumentRecord, _ records: [ReviewRecord]) -> String {
        guard !r.clusters.isEmpty else { return "" }
        let first = records.firstIndex { $0.kind == "cluster" } ?? 0
        var s = "<div class=\"panel\" id=\"clusters\"><h2>Clusters (\(r.clusters.count))</h2><ul>"
        for (k, c) in r.clusters.enumerated() {
            s += "<li>\(link(first + k, c.name)) <small>\(HTML.escape([c.tier, c.status.rawValue].compactMap { $0 }.joined(separator: ", ")))</small></li>"
        }
        return s + "</ul></div>"
    }

    static func findingsPanel(_ id: String, _ findings: [NumberedFinding]) -> String {
        guard !findings.isEmpty else { return "" }
        var s = "<div class=\"panel\" id=\"findings\"><h2>Findings (\(findings.count))</h2><ul>"
        for f in findings {
            let x = f.finding
            s += "<li class=\"sev-\(x.severity.rawValue)\"><a href=\"../findings.html#f\(f.number)\">\(x.severity.rawValue)</a> \(HTML.escape(x.check)): \(HTML.escape(x.claim))"
            s += "<br>stated \(HTML.escape(x.stated)) · computed \(HTML.escape(x.computed))"
            for e in x.evidence where e.document == id { s += "<br>→ <a href=\"#\(evidenceAnchor(e.span))\">\(HTML.escape(e.text))</a>" }
            if f.crossDocument { s += "<br><small>with " + HTML.escape(f.documents.filter { $0 != id }.joined(separator: ", ")) + "</small>" }
            s += "</li>"
        }
        return s + "</ul></div>"
    }

    static func goldPanel(_ gold: [GoldMark]) -> String {
        guard !gold.isEmpty else { return "" }
        var s = "<div class=\"panel\" id=\"gold\"><h2>Against gold (\(gold.count))</h2><ul>"
        for (k, g) in gold.enumerated() {
            let label = g.kind == "miss" ? "missed" : "false positive"
            let text = g.span != nil ? "<a href=\"#g\(k)\">\(HTML.escape(g.text))</a>" : HTML.escape(g.text) + " <small>(not located in the text)</small>"
            s += "<li><span class=\"m k-\(g.kind)\">\(label)</span> [\(HTML.escape(g.field))] \(text)\(g.detail.isEmpty ? "" : " <small>\(HTML.escape(g.detail))</small>")</li>"
        }
        return s + "</ul></div>"
    }

    // MARK: - Index

    /// One row of the index: id, title, doc number, date, place, counts per kind, findings, gold disagreements.
    package struct IndexRow: Sendable, Encodable {
        package var id: String
        package var title: String
        package var docNumber: String
        package var date: String
        package var place: String
        package var counts: [Int]
        package var findings: Int
        package var gold: Int
        enum CodingKeys: String, CodingKey { case id, title = "t", docNumber = "n", date = "d", place = "p", counts = "c", findings = "f", gold = "g" }
    }

    package static func indexRow(_ doc: ReviewDocument, findings: Int) -> IndexRow {
        let d = doc.record.document
        return IndexRow(id: d.id, title: d.title ?? "", docNumber: d.docNumber ?? "", date: d.date ?? "", place: d.place ?? "",
                        counts: ReviewRecord.counts(doc.record), findings: findings, gold: doc.gold.count)
    }

    /// `index-data.js`: the rows as one JSON value given to the index page.
    package static func indexData(_ rows: [IndexRow], gold: Bool) -> String {
        struct Data: Encodable { var kinds: [String]; var gold: Bool; var rows: [IndexRow] }
        return "window.REVIEW_INDEX=" + HTML.script(json(Data(kinds: ReviewRecord.countKinds, gold: gold, rows: rows))) + ";\n"
    }

    package static func indexPage(documents: Int, findings: Int, errors: [BatchError]) -> String {
        var body = "<header><h1>Review: \(documents) documents</h1><p><a href=\"findings.html\">\(findings) findings</a></p></header>"
        body += "<div id=\"bar\"><input id=\"q\" type=\"search\" placeholder=\"search title, id, doc number, date, place\" autofocus> "
        body += "<span id=\"shown\"></span> <button id=\"prev\">‹ previous</button> <span id=\"pageno\"></span> <button id=\"next\">next ›</button></div>"
        body += "<table id=\"index\"><thead></thead><tbody></tbody></table>"
        if !errors.isEmpty {
            body += "<h2>Not converted (\(errors.count))</h2><ul class=\"errors\">"
            for e in errors { body += "<li>\(HTML.escape(e.path)): \(HTML.escape(e.message))</li>" }
            body += "</ul>"
        }
        return page(title: "Review", style: indexStyle, body: body, script: indexScript, scriptFile: "index-data.js")
    }

    // MARK: - Findings page

    /// The findings page: its list is drawn from `findings-data.js`, 50 a page, those across documents first, with a
    /// filter by severity, by text and for cross-document findings only; `#f<number>` opens the page that holds it.
    package static func findingsPage(count: Int, cross: Int) -> String {
        var body = "<header><a href=\"index.html\">← all documents</a><h1>Findings (\(count))</h1>"
        body += "<p>\(cross) across documents, \(count - cross) within one document.</p>"
        body += "<div id=\"bar\"><label><input type=\"checkbox\" id=\"crossonly\"> across documents only</label> "
        body += "<select id=\"sev\"><option value=\"\">every severity</option><option>conflict</option><option>warning</option><option>consistent</option></select> "
        body += "<input id=\"q\" type=\"search\" placeholder=\"search check, claim, figures\"> <span id=\"shown\"></span> "
        body += "<button id=\"prev\">‹ previous</button> <span id=\"pageno\"></span> <button id=\"next\">next ›</button></div></header>"
        body += "<main class=\"findings\" id=\"list\"></main>"
        return page(title: "Findings — review", style: findingsStyle, body: body, script: findingsScript, scriptFile: "findings-data.js")
    }

    /// `findings-data.js`: every finding (across documents first, each keeping its number) and the title of every
    /// document that has a page.
    package static func findingsData(_ findings: [NumberedFinding], titles: [String: String]) -> String {
        struct Item: Encodable {
            var n: Int, s: String, c: String, l: String, st: String, co: String, to: String, de: String, x: Bool
            var e: [[String]]
        }
        struct Data: Encodable { var docs: [String: String]; var findings: [Item] }
        let ordered = findings.filter(\.crossDocument) + findings.filter { !$0.crossDocument }
        let items = ordered.map { f in
            Item(n: f.number, s: f.finding.severity.rawValue, c: f.finding.check, l: f.finding.claim, st: f.finding.stated, co: f.finding.computed,
                 to: f.finding.tolerance, de: f.finding.detail, x: f.crossDocument,
                 e: f.finding.evidence.map { [$0.document, evidenceAnchor($0.span), "\($0.span.line)", $0.text] })
        }
        var docs: [String: String] = [:]
        for f in findings { for d in f.documents { if let t = titles[d] { docs[d] = t } } }
        return "window.REVIEW_FINDINGS=" + HTML.script(json(Data(docs: docs, findings: items))) + ";\n"
    }

    // MARK: - Shared

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    static func page(title: String, style: String, body: String, script: String, scriptFile: String? = nil) -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        s += "<title>\(HTML.escape(title))</title><style>\(baseStyle)\(style)\(kindStyle)</style></head><body>\n"
        s += body
        if let scriptFile { s += "<script src=\"\(scriptFile)\"></script>" }
        s += "<script>\(script)</script></body></html>\n"
        return s
    }

    /// A colour per legend kind, and the rule that turns it off (`body.off-<kind>`).
    static let kindStyle: String = ReviewMarks.kinds.map { k in
        let on = k.underline ? "border-bottom:2px solid \(k.color)" : "background:\(k.color)"
        return ".k-\(k.key){\(on)}body.off-\(k.key) #text .k-\(k.key){background:none;border-bottom:none}"
    }.joined()
}

/// Writes a review site into a folder: each document's page as it comes (one document in memory at a time), then
/// the index, its data and the findings page.
package final class ReviewSiteWriter {
    package let directory: String
    let findings: [ReviewSite.NumberedFinding]
    /// Findings by the documents their evidence names.
    let byDocument: [String: [ReviewSite.NumberedFinding]]
    var rows: [ReviewSite.IndexRow] = []
    var titles: [String: String] = [:]
    var gold = false
    package private(set) var errors: [BatchError] = []

    /// `findings`: every finding the site lists (each document's and the cross-document ones).
    package init(directory: String, findings: [Finding]) throws {
        self.directory = directory
        self.findings = findings.enumerated().map { ReviewSite.NumberedFinding(number: $0.offset + 1, finding: $0.element) }
        var by: [String: [ReviewSite.NumberedFinding]] = [:]
        for f in self.findings { for d in f.documents { by[d, default: []].append(f) } }
        byDocument = by
        try FileManager.default.createDirectory(atPath: (directory as NSString).appendingPathComponent("docs"), withIntermediateDirectories: true)
    }

    package func add(_ doc: ReviewDocument) throws {
        let id = doc.record.document.id
        let mine = byDocument[id] ?? []
        try write(ReviewSite.documentPage(doc, findings: mine), ReviewSite.pageFile(id))
        rows.append(ReviewSite.indexRow(doc, findings: mine.count))
        titles[id] = doc.record.document.title ?? id
        if !doc.gold.isEmpty { gold = true }
    }

    package func addErrors(_ e: [BatchError]) { errors += e }

    /// Writes the index, its data and the findings page; returns the number of documents.
    @discardableResult package func finish() throws -> Int {
        try write(ReviewSite.indexData(rows, gold: gold), "index-data.js")
        try write(ReviewSite.indexPage(documents: rows.count, findings: findings.count, errors: errors), "index.html")
        try write(ReviewSite.findingsData(findings, titles: titles), "findings-data.js")
        try write(ReviewSite.findingsPage(count: findings.count, cross: findings.filter(\.crossDocument).count), "findings.html")
        return rows.count
    }

    func write(_ s: String, _ relative: String) throws {
        let url = URL(fileURLWithPath: (directory as NSString).appendingPathComponent(relative))
        try Data(s.utf8).write(to: url, options: .atomic)
    }
}

extension ReviewSite {
    /// Builds a site from batch folders and inputs: batch folders' records (text decoded again from each source) and
    /// findings; inputs run through the pipeline, their cross-document findings computed over them. `goldDirectory`
    /// marks misses and false positives (inputs only). Returns the number of documents written.
    @discardableResult
    package static func build(_ paths: [String], out: String, pipeline: PipelineDefinition = .builtIn, goldDirectory: String? = nil) throws -> Int {
        let folders = paths.filter(ReviewInput.isBatchFolder)
        let inputs = paths.filter { !ReviewInput.isBatchFolder($0) }
        var findings: [Finding] = []
        for f in folders { findings += try ReviewInput.batchFindings(f) }
        if !inputs.isEmpty {
            // A first pass for the findings, so that every document page can hold the anchors of its evidence.
            var claims: [DocumentClaims] = []
            try ReviewInput.forEachInputDocument(inputs, pipeline: pipeline) { doc in
                findings += doc.record.findings
                claims.append(ClaimExtractor.claims(doc.record))
            }
            findings = Validator.sorted(findings + Validator.runCrossDocumentChecks(claims))
        }
        let writer = try ReviewSiteWriter(directory: out, findings: findings)
        let archives = ReviewInput.ArchiveCache()
        for folder in folders {
            try ReviewInput.forEachBatchRecord(folder) { record in
                let (text, note) = ReviewInput.originalText(of: record, batchFolder: folder, archives: archives)
                try writer.add(ReviewDocument(record: record, original: text, textNote: note))
            }
            writer.addErrors(batchErrors(folder))
        }
        if !inputs.isEmpty {
            try ReviewInput.forEachInputDocument(inputs, pipeline: pipeline, goldDirectory: goldDirectory, errors: { writer.addErrors($0) }) {
                try writer.add($0)
            }
        }
        return try writer.finish()
    }

    /// The lines of a batch folder's `errors.jsonl`.
    static func batchErrors(_ folder: String) -> [BatchError] {
        struct Line: Decodable { var path: String; var reason: String; var message: String; var byte_offset: Int? }
        var out: [BatchError] = []
        try? ReviewInput.forEachLine((folder as NSString).appendingPathComponent("errors.jsonl")) { data, _ in
            if let l = try? JSONDecoder().decode(Line.self, from: data) { out.append(BatchError(path: l.path, reason: l.reason, message: l.message, byteOffset: l.byte_offset)) }
        }
        return out
    }
}
