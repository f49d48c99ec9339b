#!/usr/bin/env bash
# Instructions per MB of input spent in the pipeline and the JSON writer, counted by valgrind (callgrind):
# a figure that does not move with the machine's load, for comparing two versions of a hot path.
# Usage: scripts/count-instructions.sh [MB]   (needs valgrind and a release build: scripts/release.sh)
set -euo pipefail
mb="${1:-2}"
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${BIN:-$here/.build/release/policy-extract}"
[ -x "$bin" ] || "$here/scripts/release.sh" --product policy-extract >/dev/null
out="$(mktemp)"
copy="$(mktemp)"
trap 'rm -f "$out" "$copy"' EXIT
# A copy without debug information (the symbols stay): valgrind 3.19 gives up on the DWARF 5 that clang writes
# for the C target (ICUShim) beside the Swift code's DWARF 4.
objcopy --strip-debug "$bin" "$copy"
valgrind --tool=callgrind --callgrind-out-file="$out" \
  --toggle-collect='$s13PolicyExtract17DocumentExtractorC7extract5bytes4path2idAA0C6ResultVSays5UInt8VG_S2StKF' \
  --toggle-collect='$s13PolicyExtract12DocumentJSONO9withBytes_6pretty7newline_xAA0C6ResultV_S2bxSWKXEtKlFZ' \
  "$copy" bench "$here/Fixtures/docs" --mode pipeline --jobs 1 --megabytes "$mb" 2>&1 >/dev/null \
  | awk -v mb="$mb" '/refs:/ { gsub(",", "", $4); printf "%.1f M instructions per MB of input\n", $4 / mb / 1e6 }'
