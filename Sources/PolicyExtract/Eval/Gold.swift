import Foundation

/// One hand-written gold annotation (`Fixtures/gold/<doc>.json`; the format is in `Fixtures/README.md`), as
/// far as `eval` reads it. Keys it does not score (`notes`, `tier`, `lead`, …) are left in the file for readers.
public struct GoldDocument: Decodable, Sendable {
    public struct Amount: Decodable, Sendable {
        public var text: String
        public var yiYuan: Double
        public var yiYuanMax: Double?
        public var qualifier: String?
        enum CodingKeys: String, CodingKey { case text, yiYuan = "yi_yuan", yiYuanMax = "yi_yuan_max", qualifier }
    }

    public struct Cluster: Decodable, Sendable {
        public var name: String
    }

    public struct Department: Decodable, Sendable {
        public var name: String
        public var canonical: String?
        public var role: String
    }

    public struct Target: Decodable, Sendable {
        public var year: Int
        /// Absent for a goal without a figure (`value` null).
        public var value: Double?
        public var unit: String
        public var comparator: String?
        public var text: String
        public var subject: String?
        public var metric: String?
    }

    public var amounts: [Amount]
    public var years: [Int]
    public var dates: [String]
    public var docNumbers: [String]
    public var clusters: [Cluster]
    public var departments: [Department]
    public var targets: [Target]

    enum CodingKeys: String, CodingKey { case amounts, years, dates, docNumbers = "doc_numbers", clusters, departments, targets }

    public init(amounts: [Amount] = [], years: [Int] = [], dates: [String] = [], docNumbers: [String] = [], clusters: [Cluster] = [],
                departments: [Department] = [], targets: [Target] = []) {
        (self.amounts, self.years, self.dates, self.docNumbers) = (amounts, years, dates, docNumbers)
        (self.clusters, self.departments, self.targets) = (clusters, departments, targets)
    }

    /// A missing list is an empty one (a document with no amounts need not say so).
    public init(from decoder: Decoder) throws {
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
    public static func read(_ data: Data, path: String) throws -> GoldDocument {
        try GoldFile.decode(GoldDocument.self, from: data, path: path)
    }
}

/// The validation gold (`Fixtures/validation.json`): cases of documents and the findings a reader expects.
public struct ValidationGold: Decodable, Sendable {
    public struct Case: Decodable, Sendable {
        public var name: String
        public var documents: [String]
        public var expected: [Expectation]
    }

    public struct Expectation: Decodable, Sendable {
        public var check: String
        public var severity: Finding.Severity
        public var documents: [String]?
        public var contains: [String]?
    }

    public var cases: [Case]
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
