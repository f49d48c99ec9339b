import Foundation
import PolicyExtract

/// Fuzz target over decode → emit: any bytes, read as a text file and as an HTML page.
///
/// Built with `scripts/fuzz.sh` (`-sanitize=fuzzer -D FUZZING`), libFuzzer calls `LLVMFuzzerTestOneInput` with
/// inputs it mutates from a corpus seeded with `Fixtures/docs`. Built plainly, the executable replays files
/// (`policy-extract-fuzz FILE...`: a crash or a hang found by the fuzzer, kept as a test). Either way an input
/// must end in a document or an `InputError`, never a trap, and the document must hold what the tool promises:
/// every item's span inside the original text and slicing back to its text, and JSON that parses.
enum FuzzTarget {
    nonisolated(unsafe) static let extractor = DocumentExtractor()

    static func run(_ bytes: [UInt8]) {
        for path in ["fuzz.txt", "fuzz.html"] {
            let result: DocumentResult
            do {
                result = try extractor.extract(bytes: bytes, path: path, id: "fuzz")
            } catch is InputError {
                continue
            } catch {
                fatalError("\(path): an error that is not an InputError: \(error)")
            }
            let original = result.text.original
            for (matcher, items) in result.items {
                for item in items {
                    guard item.span.start >= 0, item.span.start < item.span.end, item.span.end <= original.count else {
                        fatalError("\(path) \(matcher): span \(item.span.start)..<\(item.span.end) outside \(original.count) characters")
                    }
                    let text = String(String.UnicodeScalarView(original[item.span.start..<item.span.end].compactMap(Unicode.Scalar.init)))
                    if text != item.text { fatalError("\(path) \(matcher): span text \(text.debugDescription) is not \(item.text.debugDescription)") }
                }
            }
            let json = DocumentJSON.withBytes(result) { Data($0) }
            if (try? JSONSerialization.jsonObject(with: json)) == nil { fatalError("\(path): the JSON does not parse") }
        }
    }
}

#if FUZZING
/// libFuzzer's driver (its own `main`, which SwiftPM's entry point for this target replaces).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The executable's entry point (SwiftPM links `main` to `<target>_main`): hands over to libFuzzer.
@_cdecl("PolicyExtractFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        FuzzTarget.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
#else
@main
enum Replay {
    static func main() {
        let files = CommandLine.arguments.dropFirst()
        if files.isEmpty {
            FileHandle.standardError.write(Data("usage: policy-extract-fuzz FILE... (replays each through decode → emit)\n".utf8))
            exit(2)
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("policy-extract-fuzz: \(file): cannot be read\n".utf8))
                exit(2)
            }
            FuzzTarget.run([UInt8](data))
        }
        print("replayed \(files.count) input(s)")
    }
}
#endif
