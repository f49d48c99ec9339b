#!/usr/bin/env bash
# Builds the tuned release binary, .build/release/policy-extract: Package.swift's release tuning
# (POLICY_EXTRACT_RELEASE_TUNING=1: the recorded execution profile, tcmalloc, the Swift runtime and Foundation linked
# statically, exclusivity checks off; see README, "Speed"). A plain `swift build -c release` builds without it.
#
# Usage: scripts/release.sh [swift build options...]     e.g. scripts/release.sh --product policy-extract
#
# What the tuning needs is checked first and every gap is reported on stderr, never skipped silently:
# - Profiles/policy-extract.profdata missing, or unreadable by this toolchain's llvm-profdata (recorded with a newer
#   one): the build goes on without the profile, with a warning; POLICY_EXTRACT_REQUIRE_PROFILE=1 makes it an error.
# - the profile older than the last commit that changed Sources/: a warning naming how many commits it is behind
#   (the functions changed since are optimized without it; scripts/pgo-profile.sh records it again).
# - libtcmalloc_minimal.so.4 not installed (Debian libtcmalloc-minimal4, scripts/install-deps.sh): a warning, and the
#   C library's allocator. POLICY_EXTRACT_MALLOC=system chooses the C library's allocator without a warning.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
warn() { echo "release.sh: $*" >&2; }

profile="$here/Profiles/policy-extract.profdata"
profile_setting="$profile"
toolchain="$(dirname "$(readlink -f "$(command -v swift)")")"
profdata="$toolchain/llvm-profdata"
[ -x "$profdata" ] || profdata="$(command -v llvm-profdata || true)"
if [ "${POLICY_EXTRACT_PROFILE:-}" = off ]; then
  profile_setting=off
elif [ ! -f "$profile" ]; then
  warn "no execution profile ($profile): building without it (scripts/pgo-profile.sh records one)"
  profile_setting=off
elif [ -n "$profdata" ] && ! "$profdata" show "$profile" >/dev/null 2>&1; then
  warn "this toolchain's llvm-profdata cannot read $profile (recorded with another LLVM?): building without it; run scripts/pgo-profile.sh"
  profile_setting=off
elif git -C "$here" rev-parse --git-dir >/dev/null 2>&1; then
  recorded="$(git -C "$here" log -1 --format=%H -- Profiles/policy-extract.profdata 2>/dev/null || true)"
  if [ -n "$recorded" ]; then
    behind="$(git -C "$here" rev-list --count "$recorded"..HEAD -- Sources)"
    [ "$behind" -eq 0 ] || warn "the execution profile is $behind commit(s) behind Sources/ (recorded at ${recorded:0:9}): functions changed since are optimized without it; scripts/pgo-profile.sh records it again"
  fi
  if ! git -C "$here" diff --quiet HEAD -- Sources 2>/dev/null; then
    warn "Sources/ has uncommitted changes: functions changed since the profile was recorded are optimized without it"
  fi
fi
if [ "$profile_setting" = off ] && [ "${POLICY_EXTRACT_REQUIRE_PROFILE:-}" = 1 ]; then
  warn "POLICY_EXTRACT_REQUIRE_PROFILE=1 and no usable profile"; exit 1
fi

tcmalloc=""
if [ "${POLICY_EXTRACT_MALLOC:-}" != system ]; then
  tcmalloc="$( (/sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null || true) | awk '/libtcmalloc_minimal\.so\.4 / && /x86-64|AArch64|aarch64/ { print $NF; exit }')"
  [ -n "$tcmalloc" ] || tcmalloc="$( (/sbin/ldconfig -p 2>/dev/null || true) | awk '/libtcmalloc_minimal\.so\.4 / { print $NF; exit }')"
  [ -n "$tcmalloc" ] || warn "libtcmalloc_minimal.so.4 is not installed (scripts/install-deps.sh installs it): linking the C library's allocator"
fi

POLICY_EXTRACT_RELEASE_TUNING=1 POLICY_EXTRACT_PROFILE="$profile_setting" POLICY_EXTRACT_TCMALLOC="$tcmalloc" \
  swift build -c release "$@"
echo "release.sh: built $(swift build -c release "$@" --show-bin-path)/policy-extract (profile: $( [ "$profile_setting" = off ] && echo none || echo "${profile_setting#"$here"/}"), allocator: ${tcmalloc:-system})" >&2
