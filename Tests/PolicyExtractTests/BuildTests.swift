import Foundation
import Testing

/// The build's own inputs that no other test reads.
@Suite struct BuildTests {
    /// Release builds are optimized with `Profiles/policy-extract.profdata` (see README, "Speed"). The compiler
    /// skips a profile it cannot read without a word (a text profile did so), so the file must be an indexed
    /// LLVM profile, and the manifest must name it.
    @Test func releaseProfileIsAnIndexedLLVMProfileThatThePackageReads() throws {
        let url = Repo.root.appendingPathComponent("Profiles/policy-extract.profdata")
        let data = try Data(contentsOf: url)
        #expect(data.count > 1_000)
        let magic: [UInt8] = [0xFF, 0x6C, 0x70, 0x72, 0x6F, 0x66, 0x69, 0x81]  // "\u{FF}lprofi\u{81}", little-endian
        #expect(Array(data.prefix(8)) == magic, "not an indexed LLVM profile: regenerate it with scripts/pgo-profile.sh")
        let manifest = try String(contentsOf: Repo.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains("/Profiles/policy-extract.profdata"))
        #expect(manifest.contains("-ir-profile-use="))
    }
}
