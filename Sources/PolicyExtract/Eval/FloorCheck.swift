import Foundation

/// The regression gate: minimum F1 per field and document set, kept in `Fixtures/eval-floors.json`
/// (`{"train": {"amounts": 0.99, …}, "heldout": {…}}`; a flat object of fields is the training set's floors).
/// Floors are set at the level measured and only go up; a change that lowers the held-out figures is a regression
/// whatever the training set says.
package enum FloorCheck {
    /// The floors of `set` (`train` or `heldout`) in the file at `path`.
    package static func floors(_ path: String, set: EvaluationSet = .train) throws -> [String: Double] {
        guard let data = FileManager.default.contents(atPath: path) else { throw PipelineError("\(path): cannot read the floors") }
        if let sets = try? JSONDecoder().decode([String: [String: Double]].self, from: data) {
            guard let floors = sets[set.rawValue] else { throw PipelineError("\(path): no floors for the set \(set.rawValue)") }
            return floors
        }
        do {
            let flat = try JSONDecoder().decode([String: Double].self, from: data)
            guard set == .train else { throw PipelineError("\(path): no floors for the set \(set.rawValue)") }
            return flat
        } catch let e as PipelineError {
            throw e
        } catch {
            guard (try? JSONSerialization.jsonObject(with: data)) != nil else { throw PipelineError("\(path): the floors are not valid JSON") }
            throw PipelineError("\(path): the floors are not an object of fields and minimum F1 values, or of sets of them")
        }
    }

    /// Each field whose F1 is below its floor, described.
    package static func check(_ e: Evaluation, floorsPath: String, set: EvaluationSet = .train) throws -> [String] {
        var failures: [String] = []
        for (field, floor) in try floors(floorsPath, set: set).sorted(by: { $0.key < $1.key }) {
            let score = field == "overall" ? e.overall : e.scores[field]
            guard let s = score else { failures.append("\(field): unknown field"); continue }
            if s.f1 + 1e-9 < floor { failures.append("\(set.rawValue) \(field): F1 \(s.f1) < floor \(floor)") }
        }
        return failures
    }
}

/// The two sets of annotated documents: `train` (`Fixtures/docs`, which rules may be written against) and `heldout`
/// (`Fixtures/heldout/docs`, annotated first and then only scored).
package enum EvaluationSet: String, Sendable, CaseIterable {
    case train, heldout

    /// The documents' folder, relative to the repository.
    package var documents: String { self == .train ? "Fixtures/docs" : "Fixtures/heldout/docs" }
    /// The gold annotations' folder, relative to the repository.
    package var gold: String { self == .train ? "Fixtures/gold" : "Fixtures/heldout/gold" }
}
