import Foundation

/// One hand-written gold annotation (`Fixtures/gold/<doc>.json`; the format is in `Fixtures/README.md`), as
/// far as `eval` reads it. Keys it does not score (`notes`, `tier`, `lead`, …) are left in the file for readers.
package struct GoldDocument: Decodable, Sendable {
    package struct Amount: Decodable, Sendable {
        package var text: String
        package var yiYuan: Double
        package var yiYuanMax: Double?
        package var qualifier: String?
        enum CodingKeys: String, CodingKey { case text, yiYuan = "yi_yuan", yiYuanMax = "yi_yuan_max", qualifier }
    }

    package struct Cluster: Decodable, Sendable {
        package var name: String
    }

    package struct Department: Decodable, Sendable {
        package var name: String
        package var canonical: String?
        package var role: String
    }

    package struct Target: Decodable, Sendable {
        package var year: Int
        /// Absent for a goal without a figure (`value` null).
        package var value: Double?
        package var unit: String
        package var comparator: String?
        package var text: String
        package var subject: String?
        package var metric: String?
    }

    package var amounts: [Amount]
    package var years: [Int]
    package var dates: [String]
    package var docNumbers: [String]
    package var clusters: [Cluster]
    package var departments: [Department]
    package var targets: [Target]

    enum CodingKeys: String, CodingKey { case amounts, years, dates, docNumbers = "doc_numbers", clusters, departments, targets }

    package init(amounts: [Amount] = [], years: [Int] = [], dates: [String] = [], docNumbers: [String] = [], clusters: [Cluster] = [],
                departments: [Department] = [], targets: [Target] = []) {
        (self.amounts, self.years, self.dates, self.docNumbers) = (amounts, years, dates, docNumbers)
        (self.clusters, self.departments, self.targets) = (clusters, departments, targets)
    }

    /// A missing list is an empty one (a document with no amounts need not say so).
    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        amounts = try c.decodeIfPresent([Amount].self, forKey: .amounts) ?? []
        years = try c.decodeIfPresent([Int].self, forKey: .years) ?? []
        dates = try c.decodeIfPresent([String].self, forKey: .dates) ?? []
        docNumbers = try c.decodeIfPresent([String].self, forKey: .docNumbers) ?? []
        clusters = try c.decodeIfPresent([Cluster].self, forKey: .clusters) ?? []
        departments = try c.decodeIfPresent([Department].self, forKey: .departments) ?? []
        targets = try c.decodeIfPresent([Target].self, forKey: .targets) ?? []
    }

    /// Reads the gold file at `path`; a file that is not a gold annotation is an error naming it and the key.
    package static func read(_ data: Data, path: String) throws -> GoldDocument {
        try GoldFile.decode(GoldDocument.self, from: data, path: path)
    }
}

/// The validation gold (`Fixtures/validation.json`): cases of documents and the findings a reader expects.
package struct ValidationGold: Decodable, Sendable {
    package struct Case: Decodable, Sendable {
        package var name: String
        package var documents: [String]
        package var expected: [Expectation]
    }

    package struct Expectation: Decodable, Sendable {
        package var check: String
        package var severity: Finding.Severity
        package var documents: [String]?
        package var contains: [String]?
    }

    package var cases: [Case]
}

enum GoldFile {
    /// Decodes a hand-written file, naming the file and the place in it that is wrong.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, path: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw PipelineError("\(path): not valid JSON (\(context.debugDescription))")
        } catch let DecodingError.dataCorrupted(context) {
            throw PipelineError("\(path): \(where_(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw PipelineError("\(path): \(where_(context.codingPath + [key])) is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            throw PipelineError("\(path): \(where_(context.codingPath)) has the wrong type (\(context.debugDescription))")
        } catch let DecodingError.valueNotFound(_, context) {
            throw PipelineError("\(path): \(where_(context.codingPath)) is null")
        }
    }

    private static func where_(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
    }
}
