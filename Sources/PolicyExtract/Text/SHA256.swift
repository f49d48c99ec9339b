import CCrypto

/// SHA-256 of a byte buffer, for the content hash that identifies a document's bytes.
///
/// OpenSSL's libcrypto computes it (with the CPU's SHA extensions where present: ~2 GB/s here,
/// against ~200 MB/s for a portable Swift loop).
enum SHA256 {
    /// The digest's implementation, looked up once (`ccrypto_sha256`): given `EVP_sha256()`, OpenSSL 3 looked
    /// it up at every call (~2 300 instructions a document, more than hashing a short one).
    private static let md = ccrypto_sha256()

    static func hex(_ bytes: [UInt8]) -> String {
        var size: UInt32 = 0
        let md = Self.md
        // The digest and its hex digits on the stack; one string made from them.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32 + 64) { buffer in
            let digest = buffer.baseAddress!
            let ok = bytes.withUnsafeBytes { raw in EVP_Digest(raw.baseAddress, raw.count, digest, &size, md, nil) }
            precondition(ok == 1 && size == 32, "libcrypto SHA-256 failed")
            let digits: StaticString = "0123456789abcdef"
            let d = digits.utf8Start
            let out = digest + 32
            for i in 0..<32 {
                out[2 * i] = d[Int(digest[i] >> 4)]
                out[2 * i + 1] = d[Int(digest[i] & 0xF)]
            }
            return String(decoding: UnsafeBufferPointer(start: out, count: 64), as: UTF8.self)
        }
    }
}
