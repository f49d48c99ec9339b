#!/usr/bin/env bash
# Fuzzes decode → emit (Sources/PolicyExtractFuzz) with libFuzzer and AddressSanitizer for SECONDS (default 60).
#
# Usage: scripts/fuzz.sh [SECONDS] [libFuzzer options...]
#   scripts/fuzz.sh 60                 # what CI runs: a fixed seed, one minute
#   scripts/fuzz.sh 14400 -jobs=2      # four hours on two cores (add -seed=0 for a new random seed)
#
# Builds the target with the Swift toolchain's `-sanitize=fuzzer,address` into .build-fuzz (a release build of
# its own, without the recorded profile; linked with the toolchain's lld, as gold cannot link libFuzzer's
# coverage sections), seeds the corpus .build-fuzz/corpus from Fixtures/docs and Fixtures/fuzz (inputs kept
# from earlier findings), and runs. An input that traps, breaks a span or the JSON, takes over 20 s or over
# 4 GB is written to .build-fuzz/findings/ and the script exits non-zero; replay it with a plain build:
#   swift run policy-extract-fuzz .build-fuzz/findings/crash-…
# then keep it in Fixtures/fuzz/ once fixed.
set -euo pipefail
seconds="${1:-60}"
shift $(( $# > 0 ? 1 : 0 ))
here="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$here/.build-fuzz"
mkdir -p "$scratch/corpus" "$scratch/findings"

swift_bin="$(dirname "$(readlink -f "$(command -v swift)")")"
lld="$swift_bin/ld.lld"
[ -x "$lld" ] || lld="$(command -v ld.lld || true)"
if [ -z "$lld" ] || [ ! -x "$lld" ]; then
  echo "fuzz.sh: no ld.lld next to the Swift toolchain or on PATH; libFuzzer targets need it" >&2
  exit 1
fi
printf '{ "schemaVersion": "1.0", "linker": { "path": "%s" } }\n' "$lld" > "$scratch/toolset.json"

POLICY_EXTRACT_PROFILE=off swift build -c release --package-path "$here" --scratch-path "$scratch" \
  --product policy-extract-fuzz --toolset "$scratch/toolset.json" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING

cp -n "$here"/Fixtures/docs/* "$scratch/corpus/"
[ -d "$here/Fixtures/fuzz" ] && cp -n "$here"/Fixtures/fuzz/* "$scratch/corpus/" 2>/dev/null || true

# Leak reports are off: the Swift runtime keeps its metadata caches to the end of the process.
ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$scratch/release/policy-extract-fuzz" "$scratch/corpus" \
  -seed=1 -max_total_time="$seconds" -max_len=32768 -timeout=20 -rss_limit_mb=4096 \
  -artifact_prefix="$scratch/findings/" -print_final_stats=1 "$@"
