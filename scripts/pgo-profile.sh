#!/usr/bin/env bash
# Records the execution profile that release builds are optimized with (Profiles/policy-extract.profdata):
# builds an instrumented binary (LLVM IR-level instrumentation, in .build/pgo-generate), runs the bench and a
# batch over Fixtures/docs with it, and merges the counts into an indexed profile. Run it again after changing hot
# code; `scripts/release.sh` then picks the new profile up. Takes about four minutes.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
toolchain="$(dirname "$(readlink -f "$(command -v swift)")")"
profdata="$toolchain/llvm-profdata"
[ -x "$profdata" ] || profdata="$(command -v llvm-profdata)"
runtime="$(ls "$toolchain"/../lib/clang/*/lib/linux/libclang_rt.profile-"$(uname -m)".a 2>/dev/null | head -1)"
[ -n "$runtime" ] || { echo "no libclang_rt.profile in the Swift toolchain ($toolchain)" >&2; exit 1; }
raw="$(mktemp -d)"
trap 'rm -rf "$raw"' EXIT
# The recording build is the tuned release build (scripts/release.sh: the same code as the binary the profile is
# used for), without the old profile (POLICY_EXTRACT_PROFILE=off, see Package.swift).
POLICY_EXTRACT_PROFILE=off scripts/release.sh --product policy-extract --scratch-path .build/pgo-generate \
  -Xswiftc -Xfrontend -Xswiftc -ir-profile-generate="$raw" \
  -Xlinker "$runtime" -Xlinker -u__llvm_profile_runtime
bin=.build/pgo-generate/release/policy-extract
LLVM_PROFILE_FILE="$raw/bench-%p.profraw" "$bin" bench Fixtures/docs --megabytes 20
LLVM_PROFILE_FILE="$raw/batch-%p.profraw" "$bin" batch Fixtures/docs --out "$raw/out" --jobs 1 >/dev/null
"$profdata" merge -sparse -o Profiles/policy-extract.profdata "$raw"/*.profraw
# SwiftPM does not rebuild when only the profile changed: the sources are touched so that the next release
# build compiles them again with it.
touch Sources/*/*.swift Sources/PolicyExtract/*/*.swift
echo "wrote Profiles/policy-extract.profdata ($(wc -c < Profiles/policy-extract.profdata) bytes)"
