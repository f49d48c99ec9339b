// OpenSSL libcrypto (Debian libssl-dev): SHA-256 of document bytes (uses the CPU's SHA extensions).
#ifndef CCRYPTO_SHIM_H
#define CCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
