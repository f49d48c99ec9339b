import Foundation

/// The regression gate: minimum F1 per field, kept in `Fixtures/eval-floors.json`. Floors start at
/// the level reached and only go up.
public enum FloorCheck {
    public static func floors(_ path: String) throws -> [String: Double] {
        guard let data = FileManager.default.contents(atPath: path) else { throw PipelineError("\(path): cannot read the floors") }
        guard let object = try JSONFile.parse(data, path: path, failure: "the floors are not valid JSON") as? [String: Any] else { throw PipelineError("\(path): the floors are not a JSON object") }
        var result: [String: Double] = [:]
        for (k, v) in object { if let d = Evaluation.number(v) { result[k] = d } }
        return result
    }

    /// Each field whose F1 is below its floor, described.
    public static func check(_ e: Evaluation, floorsPath: String) throws -> [String] {
        var failures: [String] = []
        for (field, floor) in try floors(floorsPath).sorted(by: { $0.key < $1.key }) {
            let score = field == "overall" ? e.overall : e.scores[field]
            guard let s = score else { failures.append("\(field): unknown field"); continue }
            if s.f1 + 1e-9 < floor { failures.append("\(field): F1 \(s.f1) < floor \(floor)") }
        }
        return failures
    }
}
