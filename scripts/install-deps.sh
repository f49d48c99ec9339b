#!/usr/bin/env bash
# Installs what the build needs on Debian/Ubuntu when it is missing: ICU (libicu-dev), libarchive
# (libarchive-dev), SQLite (libsqlite3-dev, for GRDB), OpenSSL's libcrypto (libssl-dev, for SHA-256)
# and pkg-config; and, for speed only, tcmalloc (libtcmalloc-minimal4), which release builds link when it is
# there (see README, "Speed"): a failure to install it is reported and the build goes on without it.
set -euo pipefail
missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists icu-uc icu-i18n 2>/dev/null; then missing+=(libicu-dev); fi
if ! pkg-config --exists libarchive 2>/dev/null; then missing+=(libarchive-dev); fi
if ! pkg-config --exists sqlite3 2>/dev/null; then missing+=(libsqlite3-dev); fi
if ! pkg-config --exists libcrypto 2>/dev/null; then missing+=(libssl-dev); fi
have_tcmalloc=0
# The path Package.swift links (the machine's own multiarch directory).
[ -e "/usr/lib/$(uname -m)-linux-gnu/libtcmalloc_minimal.so.4" ] && have_tcmalloc=1
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
updated=0
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  updated=1
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
if [ "$have_tcmalloc" -eq 0 ]; then
  # Optional: nothing here stops the script. Without root, sudo is not allowed to ask for a password.
  OPT="$SUDO"
  [ -n "$SUDO" ] && OPT="sudo -n"
  echo "installing: libtcmalloc-minimal4 (optional)" >&2
  [ "$updated" -eq 1 ] || $OPT apt-get update -qq >/dev/null 2>&1 || true
  # Ubuntu 24.04 names it libtcmalloc-minimal4t64.
  DEBIAN_FRONTEND=noninteractive $OPT apt-get install -y -qq libtcmalloc-minimal4 >/dev/null 2>&1 \
    || DEBIAN_FRONTEND=noninteractive $OPT apt-get install -y -qq libtcmalloc-minimal4t64 >/dev/null 2>&1 \
    || echo "tcmalloc not installed: release builds use the C library's allocator" >&2
fi
