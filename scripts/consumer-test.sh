#!/usr/bin/env bash
# Proves that the package works as a versioned dependency: copies this repository (its files as they are on disk,
# tracked and not ignored) into a temporary git repository and tags it with the tool's version, generates a
# package that depends on it by that tag (`.package(url: "file://…", from: VERSION)`), whose executable is the
# first ```swift block of the README's "Library" section, builds it (debug, without any POLICY_EXTRACT_* tuning)
# and runs it in the copy, and compares what it prints with the ```text block that follows in the README.
# Exit 1 on any difference. CI runs it (.ci/run). Takes two to five minutes (GRDB and the library built once).
#
# Usage: scripts/consumer-test.sh [--keep]     (--keep: leave the temporary directory and print its path)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
keep=0; [ "${1:-}" = --keep ] && keep=1
tmp="$(mktemp -d)"
[ "$keep" = 1 ] && echo "consumer-test.sh: working in $tmp" >&2 || trap 'rm -rf "$tmp"' EXIT

# The version the tool reports (`policy-extract version`, `toolVersion`), as the tag.
version="$(grep -Eho 'toolVersion = "[0-9]+\.[0-9]+\.[0-9]+"' "$here"/Sources/PolicyExtract/Records/*.swift | head -1 | grep -Eo '[0-9]+\.[0-9]+\.[0-9]+' || true)"
version="${version:-0.9.0}"

# The example and its output, from the README.
python3 - "$here/README.md" "$tmp" <<'PY'
import re, sys
readme, tmp = sys.argv[1], sys.argv[2]
text = open(readme, encoding="utf-8").read()
m = re.search(r"^## Library\n(.*?)(?=^## )", text, re.S | re.M)
if not m:
    sys.exit("consumer-test.sh: the README has no \"## Library\" section")
blocks = re.findall(r"^```(\w*)\n(.*?)^```", m.group(1), re.S | re.M)
code = next((b for lang, b in blocks if lang == "swift"), None)
after = [b for lang, b in blocks if lang == "text"]
if code is None or not after:
    sys.exit("consumer-test.sh: the Library section needs a ```swift block and a ```text block with its output")
open(f"{tmp}/main.swift", "w", encoding="utf-8").write(code)
open(f"{tmp}/expected.txt", "w", encoding="utf-8").write(after[0])
PY

# The dependency: a git repository of the working tree's files, tagged.
repo="$tmp/policy-extract"
mkdir -p "$repo"
(cd "$here" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
  | tar --null -cf - -T -) | tar -xf - -C "$repo"
git -C "$repo" init -q
git -C "$repo" add -A
git -C "$repo" -c user.name=consumer-test -c user.email=consumer-test@localhost commit -q -m "policy-extract $version"
git -C "$repo" tag "$version"

# The consumer.
consumer="$tmp/consumer"
mkdir -p "$consumer/Sources/Consumer"
cp "$tmp/main.swift" "$consumer/Sources/Consumer/main.swift"
cat > "$consumer/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Consumer",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "file://$repo", from: "$version")],
    targets: [
        .executableTarget(name: "Consumer", dependencies: [.product(name: "PolicyExtract", package: "policy-extract")]),
    ]
)
SWIFT

# Built as any other package would build it: none of this package's tuning variables.
for v in $(env | grep -o '^POLICY_EXTRACT_[A-Z_]*' || true); do unset "$v"; done
if ! swift build --package-path "$consumer" > "$tmp/build.log" 2>&1; then
  cat "$tmp/build.log" >&2
  echo "consumer-test.sh: the consumer package did not build" >&2
  exit 1
fi
bin="$(swift build --package-path "$consumer" --show-bin-path)/Consumer"
(cd "$repo" && "$bin") > "$tmp/actual.txt"
if ! diff -u "$tmp/expected.txt" "$tmp/actual.txt" >&2; then
  echo "consumer-test.sh: the README's Library example printed something else (above: - README, + printed)" >&2
  exit 1
fi
echo "consumer-test.sh: a package depending on policy-extract $version by tag built and ran the README's Library example" >&2
