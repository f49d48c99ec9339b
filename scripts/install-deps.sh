#!/usr/bin/env bash
# Installs what the build needs on Debian/Ubuntu when it is missing: ICU (libicu-dev), libarchive
# (libarchive-dev), SQLite (libsqlite3-dev, for GRDB), OpenSSL's libcrypto (libssl-dev, for SHA-256)
# and pkg-config.
set -euo pipefail
missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists icu-uc icu-i18n 2>/dev/null; then missing+=(libicu-dev); fi
if ! pkg-config --exists libarchive 2>/dev/null; then missing+=(libarchive-dev); fi
if ! pkg-config --exists sqlite3 2>/dev/null; then missing+=(libsqlite3-dev); fi
if ! pkg-config --exists libcrypto 2>/dev/null; then missing+=(libssl-dev); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
