import ArgumentParser
import Foundation
import PolicyExtract

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure throughput (MB/s of input) and peak memory on a corpus made by repeating documents: the whole batch with every output written, and the pipeline alone.",
        discussion: """
        For each --jobs value (default 1 and 2): `batch` converting the corpus into a temporary folder with every output \
        (docs/, documents.jsonl, targets.csv, findings.json, policy.sqlite), then the pipeline alone (decode to JSON in \
        memory, a diagnostic). Build with -c release for meaningful figures: swift run -c release policy-extract bench
        """
    )

    @Argument(help: "Documents to repeat (default: Fixtures/docs).") var inputs: [String] = ["Fixtures/docs"]
    @Option(name: .long, help: "Corpus size in MB.") var megabytes: Int = 50
    @Option(name: .long, parsing: .upToNextOption, help: "Parallel jobs; several values are measured in turn.") var jobs: [Int] = [1, 2]
    @Option(name: .long, help: "What to time: batch (every output written), pipeline (in memory), or both.") var mode: Mode = .both
    enum Mode: String, ExpressibleByArgument { case batch, pipeline, both }
    @Option(name: .customLong("repeat"), help: "Time the corpus this many times and print each run, then the median and the best (a shared machine's speed varies from run to run).")
    var runs: Int = 1
    @Flag(inversion: .prefixedNo, help: "Serialize every document to JSON, as extract does (--no-emit to leave it out).") var emit = true
    @Option(name: .long, parsing: .upToNextOption, help: "Instead: time the cross-document checks over the claims of this many documents (each size given), made by repeating the documents' claims.")
    var validateDocuments: [Int] = []
    @Option(name: .long, help: "Instead: time each synthetic document shape (goal lines without a full stop, a paragraph without breaks, many tables …) at this many units and at four times as many, and print how time and output grow (about 4× when they grow in proportion).")
    var scaling: Int?
    @Option(name: .long, help: "Instead: time each hostile shape (HTML of unclosed tags, a page of one character, a line without a break, deep brackets …) from bytes to JSON at this many units and at four times as many, best of three, and print how the time grows (about 4× when linear).")
    var pathological: Int?
    @Option(name: .long, help: "With --pathological: only the shapes whose name contains this.") var shape: String?
    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if jobs.isEmpty || jobs.contains(where: { $0 < 1 }) { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
        if megabytes < 1 { throw ValidationError("--megabytes must be at least 1 (got \(megabytes))") }
        if runs < 1 { throw ValidationError("--repeat must be at least 1 (got \(runs))") }
        if validateDocuments.contains(where: { $0 < 1 }) { throw ValidationError("--validate-documents: every size must be at least 1") }
        if let n = scaling, n < 1 { throw ValidationError("--scaling must be at least 1 (got \(n))") }
        if let n = pathological, n < 1 { throw ValidationError("--pathological must be at least 1 (got \(n))") }
    }

    func run() throws {
        let pipeline = try options.load()
        if !validateDocuments.isEmpty { return try benchValidation(pipeline) }
        if let n = scaling { return try benchScaling(pipeline, n) }
        if let n = pathological { return benchPathological(pipeline, n) }
        let (found, _) = BatchRunner.collect(inputs)
        var docs: [[UInt8]] = []
        for input in found { if let b = try? input.read(), (try? TextDecoder.decode(b, path: input.path)) != nil { docs.append(b) } }
        guard !docs.isEmpty else { throw ValidationError("no readable documents in \(inputs)") }
        let perRound = docs.reduce(0) { $0 + $1.count }
        let rounds = max(1, (megabytes * 1_000_000 + perRound - 1) / perRound)
        let total = rounds * docs.count
        let bytes = rounds * perRound
        // Warm up the process-wide tables (ICU transliteration and NFKC) outside the timing.
        _ = DocumentExtractor(pipeline: pipeline).extract(text: "到2025年，營業收入達到1200亿元。")
        for jobs in self.jobs {
            if mode != .pipeline { try benchBatch(pipeline, docs: docs, rounds: rounds, bytes: bytes, jobs: jobs) }
            if mode != .batch { benchPipeline(pipeline, docs: docs, total: total, bytes: bytes, jobs: jobs) }
        }
    }

    /// `batch` over the corpus (held in memory, as an archive's members are) into a temporary folder, every output written.
    func benchBatch(_ pipeline: PipelineDefinition, docs: [[UInt8]], rounds: Int, bytes: Int, jobs: Int) throws {
        var inputs: [BatchInput] = []
        inputs.reserveCapacity(rounds * docs.count)
        for round in 0..<rounds {
            for (k, d) in docs.enumerated() { inputs.append(BatchInput(path: "bench/\(round)-\(k).txt", id: "\(round)-\(k)", bytes: d)) }
        }
        var rates: [Double] = []
        for run in 1...runs {
            let out = NSTemporaryDirectory() + "policy-extract-bench-\(getpid())-\(run)"
            try? FileManager.default.removeItem(atPath: out)
            defer { try? FileManager.default.removeItem(atPath: out) }
            let runner = BatchRunner(options: .init(outputDirectory: out, jobs: jobs, resume: false, maxFileSize: FileInput.defaultMaxSize, pipeline: pipeline))
            let start = Date()
            let summary = try runner.run(inputs)
            let seconds = Date().timeIntervalSince(start)
            let written = Self.folderBytes(out)
            let rate = Double(bytes) / 1_000_000 / seconds
            rates.append(rate)
            print(String(format: "batch     documents %d  input %.1f MB  jobs %d  time %.2f s  throughput %.1f MB/s  output %.1f MB (documents.jsonl %.2f× the input)  failed %d",
                         summary.converted, Double(bytes) / 1_000_000, jobs, seconds, rate, Double(written.total) / 1_000_000,
                         Double(written.jsonl) / Double(bytes), summary.failed))
            print(String(format: "          peak memory (max RSS of the process so far) %.1f MB", PeakMemory.maxResidentMB()))
        }
        Self.printSpread(rates, "batch", jobs)
    }

    /// Bytes written under `folder`, and those of its `documents.jsonl`.
    static func folderBytes(_ folder: String) -> (total: Int, jsonl: Int) {
        var total = 0, jsonl = 0
        if let walker = FileManager.default.enumerator(atPath: folder) {
            while let rel = walker.nextObject() as? String {
                let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + rel)[.size] as? Int) ?? 0
                total += size
                if rel == "documents.jsonl" { jsonl = size }
            }
        }
        return (total, jsonl)
    }

    static func printSpread(_ rates: [Double], _ what: String, _ jobs: Int) {
        guard rates.count > 1 else { return }
        let sorted = rates.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        print(String(format: "%@ jobs %d over %d runs: median %.1f MB/s, best %.1f MB/s, worst %.1f MB/s",
                     what, jobs, rates.count, median, sorted.last!, sorted.first!))
    }

    /// The pipeline alone, decode to JSON in memory: a diagnostic of where the time goes.
    func benchPipeline(_ pipeline: PipelineDefinition, docs: [[UInt8]], total: Int, bytes: Int, jobs: Int) {
        let rssBefore = PeakMemory.currentResidentMB()
        var rates: [Double] = []
        for run in 1...max(1, runs) {
            let start = Date()
            let counter = BenchCounter()
            let stages = StageTotals()
            DispatchQueue.concurrentPerform(iterations: jobs) { _ in
                let extractor = DocumentExtractor(pipeline: pipeline)
                var sink = 0
                var emitSeconds = 0.0
                while true {
                    let k = counter.next()
                    if k >= total { break }
                    let bytes = docs[k % docs.count]
                    if let r = try? extractor.extract(bytes: bytes, path: "bench", id: "bench") {
                        let t0 = Date()
                        sink &+= emit ? DocumentJSON.withBytes(r) { $0.count } : r.items.count
                        emitSeconds += Date().timeIntervalSince(t0)
                    }
                }
                counter.add(sink)
                var s = extractor.stageSeconds
                s["emit"] = emitSeconds
                stages.add(s)
            }
            let seconds = Date().timeIntervalSince(start)
            let rate = Double(bytes) / 1_000_000 / seconds
            rates.append(rate)
            if runs > 1 { print("run \(run) of \(runs)") }
            print(String(format: "pipeline  documents %d  input %.1f MB  jobs %d  time %.2f s  throughput %.1f MB/s  %.0f docs/s",
                         total, Double(bytes) / 1_000_000, jobs, seconds, rate, Double(total) / seconds))
            print(String(format: "peak memory (max RSS) %.1f MB  (resident before the run %.1f MB)", PeakMemory.maxResidentMB(), rssBefore))
            let order = DocumentExtractor.stageNames + ["emit"]
            print("time per stage (all jobs): " + order.map { String(format: "%@ %.2fs", $0, stages.totals[$0] ?? 0) }.joined(separator: ", "))
        }
        Self.printSpread(rates, "pipeline", jobs)
    }
}

extension Bench {
    /// Each synthetic shape at `n` and `4n` units: seconds (extract and JSON), output size, and the ratios.
    func benchScaling(_ pipeline: PipelineDefinition, _ n: Int) throws {
        guard n > 0 else { throw ValidationError("--scaling needs a positive number of units") }
        let extractor = DocumentExtractor(pipeline: pipeline)
        _ = extractor.extract(text: "到2025年，營業收入達到1200亿元。")
        print("shape                        units   input KB   seconds   output MB   × time   × output")
        for shape in ScalingShapes.all {
            var previous: (seconds: Double, output: Int)? = nil
            for units in [n, 4 * n] {
                let text = shape.make(units)
                let start = Date()
                let r = extractor.extract(text: text, id: "scaling")
                let output = DocumentJSON.withBytes(r) { $0.count }
                let seconds = Date().timeIntervalSince(start)
                var line = shape.name.padding(toLength: 26, withPad: " ", startingAt: 0)
                line += String(format: " %7d %10.1f %9.3f %11.2f", units, Double(text.utf8.count) / 1000, seconds, Double(output) / 1_000_000)
                if let p = previous {
                    line += String(format: " %8.1f %10.1f", seconds / max(p.seconds, 1e-9), Double(output) / Double(max(p.output, 1)))
                }
                print(line)
                previous = (seconds, output)
            }
        }
        print(String(format: "peak memory (max RSS) %.1f MB", PeakMemory.maxResidentMB()))
    }

    /// Each hostile shape at `n` and `4n` units, from bytes to JSON: the best of three times, and the ratio.
    func benchPathological(_ pipeline: PipelineDefinition, _ n: Int) {
        // Warm up the process-wide tables; each timing then takes a new extractor (its numeral cache would make
        // the second and third runs cheaper than the first).
        _ = DocumentExtractor(pipeline: pipeline).extract(text: "到2025年，營業收入達到1200亿元。")
        print("shape                              units   input KB   seconds   × time")
        for shape in PathologicalShapes.all where self.shape.map({ shape.name.contains($0) }) ?? true {
            var previous: Double? = nil
            for units in [n, 4 * n] {
                let bytes = shape.make(units)
                var best = Double.infinity
                for _ in 0..<3 {
                    let extractor = DocumentExtractor(pipeline: pipeline)
                    let start = DispatchTime.now().uptimeNanoseconds
                    if let r = try? extractor.extract(bytes: bytes, path: "shape." + shape.fileExtension, id: "shape") {
                        _ = DocumentJSON.withBytes(r) { $0.count }
                    }
                    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                }
                var line = shape.name.padding(toLength: 32, withPad: " ", startingAt: 0)
                line += String(format: " %8d %10.1f %9.3f", units, Double(bytes.count) / 1000, best)
                if let p = previous { line += String(format: " %8.1f", best / max(p, 1e-9)) }
                print(line)
                fflush(stdout)  // a shape that takes long shows the ones before it
                previous = best
            }
        }
        print(String(format: "peak memory (max RSS) %.1f MB", PeakMemory.maxResidentMB()))
    }

    /// Cross-document validation over N documents' claims: the time should grow linearly with N.
    func benchValidation(_ pipeline: PipelineDefinition) throws {
        let (found, _) = BatchRunner.collect(inputs)
        let extractor = DocumentExtractor(pipeline: pipeline)
        var base: [DocumentClaims] = []
        for input in found {
            guard let bytes = try? input.read(), let r = try? extractor.extract(bytes: bytes, path: input.path, id: input.id) else { continue }
            base.append(ClaimExtractor.claims(r))
        }
        guard !base.isEmpty else { throw ValidationError("no readable documents in \(inputs)") }
        for n in validateDocuments {
            var documents: [DocumentClaims] = []
            documents.reserveCapacity(n)
            for i in 0..<n {
                var d = base[i % base.count]
                d.document = "\(d.document)#\(i)"
                for k in d.claims.indices { d.claims[k].evidence.document = d.document }
                for k in d.labels.indices { d.labels[k].evidence.document = d.document }
                documents.append(d)
            }
            let claims = documents.reduce(0) { $0 + $1.claims.count + $1.labels.count }
            let start = Date()
            let findings = Validator.runCrossDocumentChecks(documents)
            let seconds = Date().timeIntervalSince(start)
            print(String(format: "documents %7d  claims+labels %8d  findings %6d  time %.3f s  %.0f claims/s  peak memory %.1f MB",
                         n, claims, findings.count, seconds, Double(claims) / max(seconds, 1e-9), PeakMemory.maxResidentMB()))
        }
    }
}

final class StageTotals: @unchecked Sendable {
    private(set) var totals: [String: Double] = [:]
    private let lock = NSLock()
    func add(_ s: [String: Double]) { lock.lock(); for (k, v) in s { totals[k, default: 0] += v }; lock.unlock() }
}

final class BenchCounter: @unchecked Sendable {
    private var value = 0
    private var sink = 0
    private let lock = NSLock()
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value - 1 }
    func add(_ s: Int) { lock.lock(); sink &+= s; lock.unlock() }
}

enum PeakMemory {
    static func maxResidentMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }

    static func currentResidentMB() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let parts = s.split(separator: " ")
        guard parts.count > 1, let pages = Double(parts[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
