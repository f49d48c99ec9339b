// swift-tools-version:6.0
import PackageDescription
import Foundation

/// Release builds on Linux are optimized with the execution profile recorded in `Profiles/` (LLVM IR-level
/// profile-guided optimization, about 6 % faster; see README, "Speed"). `scripts/pgo-profile.sh` records it
/// again after the hot code changes; a function changed since then is simply optimized without it. The
/// profile is left out when the file is missing, with toolchains older than the one that recorded it, and
/// when `POLICY_EXTRACT_PROFILE=off` (the recording build itself).
let profileFlags: [String] = {
    #if compiler(>=6.3)
    let path = Context.packageDirectory + "/Profiles/policy-extract.profdata"
    guard ProcessInfo.processInfo.environment["POLICY_EXTRACT_PROFILE"] != "off",
          FileManager.default.fileExists(atPath: path) else { return [] }
    return ["-Xfrontend", "-ir-profile-use=" + path, "-Xllvm", "-no-pgo-warn-mismatch"]
    #else
    return []
    #endif
}()

/// Release builds on Linux link tcmalloc (Debian `libtcmalloc-minimal4`, which `scripts/install-deps.sh` installs)
/// when it is there: the pipeline makes and frees many small objects per document, and with tcmalloc's allocator
/// one job runs about 4 % faster (see README, "Speed"). Without the library, or with
/// `POLICY_EXTRACT_MALLOC=system`, the C library's allocator is used.
let tcmallocFlags: [String] = {
    #if os(Linux) && arch(x86_64)
    let path = "/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4"
    #elseif os(Linux) && arch(arm64)
    let path = "/usr/lib/aarch64-linux-gnu/libtcmalloc_minimal.so.4"
    #else
    let path = ""
    #endif
    guard !path.isEmpty, ProcessInfo.processInfo.environment["POLICY_EXTRACT_MALLOC"] != "system",
          FileManager.default.fileExists(atPath: path) else { return [] }
    return ["-Xlinker", path]
}()

/// The profile's flags, for each of the package's own targets.
let releaseProfile: SwiftSetting = .unsafeFlags(profileFlags, .when(platforms: [.linux], configuration: .release))

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
        // The only module that talks to ICU. It imports no Foundation and exposes Swift types only.
        .target(
            name: "ICUBridge",
            dependencies: ["CICU"],
            swiftSettings: [.swiftLanguageMode(.v5), releaseProfile]
        ),
        .target(
            name: "PolicyExtract",
            dependencies: ["ICUBridge", "CArchive", "CCrypto", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: [
                .swiftLanguageMode(.v5),
                // The scanners index arrays in tight loops; release builds drop the exclusivity checks.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
                releaseProfile,
            ]
        ),
        .executableTarget(
            name: "policy-extract",
            dependencies: [
                "PolicyExtract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v5), releaseProfile],
            // Release builds link the Swift runtime statically: reference counting (swift_retain/release, ~10 %
            // of the pipeline's time) is then called directly instead of through the shared library's PLT.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xlinker", "--start-group", "-Xlinker", "-l_FoundationICU", "-Xlinker", "-lCoreFoundation", "-Xlinker", "-lFoundation", "-Xlinker", "-lFoundationEssentials", "-Xlinker", "-lFoundationInternationalization", "-Xlinker", "-l_FoundationCShims", "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-lswiftSynchronization", "-Xlinker", "--end-group"],
                                        .when(platforms: [.linux], configuration: .release)),
                            .unsafeFlags(tcmallocFlags, .when(platforms: [.linux], configuration: .release))]
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
