// OpenSSL libcrypto (Debian libssl-dev): SHA-256 of document bytes (uses the CPU's SHA extensions).
#ifndef CCRYPTO_SHIM_H
#define CCRYPTO_SHIM_H
#include <openssl/evp.h>
#include <openssl/opensslv.h>

/// The SHA-256 implementation to hand to `EVP_Digest`, to be looked up once: OpenSSL 3 fetches it here (given
/// `EVP_sha256()`, every digest call fetched it again); OpenSSL 1.1 has no fetching and returns its table.
static inline const EVP_MD *ccrypto_sha256(void) {
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
    const EVP_MD *md = EVP_MD_fetch(NULL, "SHA256", NULL);
    return md ? md : EVP_sha256();
#else
    return EVP_sha256();
#endif
}
#endif
