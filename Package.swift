// swift-tools-version:6.0
import PackageDescription
import Foundation

/// Release tuning, off by default so that the package builds anywhere and other packages can depend on it
/// (a dependency may not carry unsafe flags). `scripts/release.sh` turns it on (`POLICY_EXTRACT_RELEASE_TUNING=1`)
/// after checking what it needs, and builds the tuned binary; see README, "Speed". It adds, for release builds on
/// Linux:
/// - the execution profile of `Profiles/` (LLVM IR-level profile-guided optimization, about 6 % faster), or the
///   file `POLICY_EXTRACT_PROFILE` names; none with `POLICY_EXTRACT_PROFILE=off` (the recording build,
///   `scripts/pgo-profile.sh`, and toolchains older than 6.3);
/// - the allocator `POLICY_EXTRACT_TCMALLOC` names (tcmalloc, about 4 % faster: the pipeline makes and frees many
///   small objects per document);
/// - the Swift runtime and Foundation linked statically into the command-line tool (reference counting, ~10 % of
///   the pipeline's time, is then called directly instead of through a shared library's PLT);
/// - `-enforce-exclusivity=unchecked` for the library (the scanners index arrays in tight loops).
let environment = ProcessInfo.processInfo.environment
let releaseTuning = environment["POLICY_EXTRACT_RELEASE_TUNING"] == "1"

let profileFlags: [String] = {
    #if compiler(>=6.3)
    let setting = environment["POLICY_EXTRACT_PROFILE"] ?? ""
    guard releaseTuning, setting != "off" else { return [] }
    let path = setting.isEmpty ? Context.packageDirectory + "/Profiles/policy-extract.profdata" : setting
    return ["-Xfrontend", "-ir-profile-use=" + path, "-Xllvm", "-no-pgo-warn-mismatch"]
    #else
    return []
    #endif
}()

let releaseLinux = BuildSettingCondition.when(platforms: [.linux], configuration: .release)

/// The tuning's settings for each of the package's own targets: none unless it is turned on.
func tuning(_ flags: [String]) -> [SwiftSetting] {
    releaseTuning && !flags.isEmpty ? [.unsafeFlags(flags, releaseLinux)] : []
}

/// The tool's link: the static Swift runtime and Foundation (the toolchain's static libraries, in one group so
/// that their references to each other resolve), and the allocator.
let toolLinkFlags: [String] = {
    guard releaseTuning else { return [] }
    let staticLibraries = ["_FoundationICU", "CoreFoundation", "Foundation", "FoundationEssentials", "FoundationInternationalization",
                           "_FoundationCShims", "_FoundationCollections", "swiftSynchronization"]
    var flags = ["-static-stdlib", "-Xlinker", "--start-group"] + staticLibraries.flatMap { ["-Xlinker", "-l" + $0] } + ["-Xlinker", "--end-group"]
    if let allocator = environment["POLICY_EXTRACT_TCMALLOC"], !allocator.isEmpty { flags += ["-Xlinker", allocator] }
    return flags
}()

let package = Package(
    name: "policy-extract",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PolicyExtract", targets: ["PolicyExtract"]),
        .executable(name: "policy-extract", targets: ["policy-extract"]),
        .executable(name: "policy-extract-fuzz", targets: ["PolicyExtractFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // The system ICU (Debian libicu-dev), found through pkg-config.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // libarchive (Debian libarchive-dev), for .zip and .tar.gz inputs.
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        // OpenSSL's libcrypto (Debian libssl-dev), for the SHA-256 content hash.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The ICU calls, in C behind a header that names no ICU type (ICU's versioned function names do not
        // import into Swift, and its C types clash with those of the ICU that Foundation carries).
        .target(
            name: "ICUShim",
            dependencies: ["CICU"],
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // The only Swift module that talks to ICU. It exposes Swift types only.
        .target(
            name: "ICUBridge",
            dependencies: ["ICUShim"],
            swiftSettings: [.swiftLanguageMode(.v5)] + tuning(profileFlags)
        ),
        .target(
            name: "PolicyExtract",
            dependencies: ["ICUBridge", "CArchive", "CCrypto", .product(name: "GRDB", package: "GRDB.swift")],
            // The default pipeline and its lexicons (`Sources/PolicyExtract/Pipelines` links to `Pipelines/`), embedded
            // in the binary as byte arrays (`DefaultPipelineFiles`) so that the tool runs without the folder.
            resources: [.embedInCode("Pipelines")],
            swiftSettings: [.swiftLanguageMode(.v5)] + tuning(["-enforce-exclusivity=unchecked"] + profileFlags)
        ),
        .executableTarget(
            name: "policy-extract",
            dependencies: [
                "PolicyExtract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v5)] + tuning(profileFlags),
            linkerSettings: releaseTuning && !toolLinkFlags.isEmpty ? [.unsafeFlags(toolLinkFlags, releaseLinux)] : []
        ),
        // Decode → emit under libFuzzer: `scripts/fuzz.sh` builds it with `-sanitize=fuzzer`; built plainly, it
        // replays the files it is given (a crash the fuzzer found, kept).
        .executableTarget(
            name: "PolicyExtractFuzz",
            dependencies: ["PolicyExtract"],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "PolicyExtractTests",
            dependencies: ["PolicyExtract", "ICUBridge"],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
