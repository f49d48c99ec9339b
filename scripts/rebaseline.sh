#!/usr/bin/env bash
# Makes the current build's output of Fixtures the committed snapshot (Output/fixtures), which the snapshot test
# compares with. Run it only for a change that is meant; it first prints what moved (policy-extract diff), then
# rewrites the snapshot. Commit the difference with the change that made it.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product policy-extract >&2
BIN=.build/release/policy-extract
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$BIN" batch Fixtures/docs --out "$tmp/new" --quiet
"$BIN" diff Output/fixtures "$tmp/new" --limit 0 || true
"$BIN" batch Fixtures/docs --out Output/fixtures --pretty --quiet
echo "Output/fixtures rewritten; review it with git diff and commit it with the change" >&2
