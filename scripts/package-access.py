#!/usr/bin/env python3
"""Gives the library's internals `package` access: only the library API stays public.

Usage: scripts/package-access.py [--check] [--no-build]

Every `public` declaration under Sources/PolicyExtract and Sources/ICUBridge becomes `package` (still visible to
the command-line tool, the fuzz target and the tests, which are targets of this package; not to other packages),
except:
- the files under Sources/PolicyExtract/API/ (the library API), and
- the declarations named in scripts/public-api.txt (the types of the record the API returns), with everything
  declared inside them or in extensions of them. A nested name (`Section.Kind`) keeps its enclosing type's
  declaration public, not the enclosing type's other members.
Then `swift build --target PolicyExtract` is run, and a kept member that the compiler refuses because it uses a
package type (`init(_ r: DocumentResult)` in an extension of `DocumentRecord`) is made `package` too; this repeats
until the library builds. Every such member is listed on stderr.

--check: change nothing; exit 1 and list the files when a `public` outside the API would be converted (for CI).
--no-build: convert only, without the compiler's pass.
Running it again after the sources change converts what is new; it is idempotent.
"""
import os
import re
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
source_dirs = [os.path.join(root, "Sources/PolicyExtract"), os.path.join(root, "Sources/ICUBridge")]
api_dir = os.path.join(root, "Sources/PolicyExtract/API")
keep_file = os.path.join(root, "scripts/public-api.txt")

DECL = re.compile(r"\b(struct|enum|class|protocol|extension|actor)\s+([A-Za-z_][A-Za-z0-9_.]*)")
PUBLIC = re.compile(r"(?<![\w.@])public(?=\s|\()")


def kept_paths():
    paths = set()
    for line in open(keep_file, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            paths.add(line)
    return paths


def code_mask(text):
    """For each character, whether it is code (not inside a comment or a string literal)."""
    mask = [True] * len(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            for k in range(i, j):
                mask[k] = False
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            for k in range(i, j):
                mask[k] = False
            i = j
        elif c == '"' or (c == "#" and re.match(r'#+"', text[i:])):
            hashes = len(re.match(r"#*", text[i:]).group(0))
            start = i + hashes
            triple = text.startswith('"""', start)
            quote = '"""' if triple else '"'
            close = quote + "#" * hashes
            j = start + len(quote)
            depth = 0  # parentheses of an interpolation \( … )
            while j < n:
                if hashes == 0 and text.startswith("\\(", j):
                    depth += 1
                    j += 2
                    continue
                if depth and text[j] == ")":
                    depth -= 1
                    j += 1
                    continue
                if depth and text[j] == "(":
                    depth += 1
                    j += 1
                    continue
                if not depth and hashes == 0 and text[j] == "\\":
                    j += 2
                    continue
                if not depth and text.startswith(close, j):
                    j += len(close)
                    break
                j += 1
            for k in range(i, min(j, n)):
                mask[k] = False
            i = j
        else:
            i += 1
    return mask


def convert(text, keep, demote_lines=()):
    """The text with `public` made `package` where the rules say; the number of changes."""
    mask = code_mask(text)
    stack = []  # (name path or None, brace depth at which its body opened)
    depth = 0
    pending = None  # the declaration whose `{` comes next
    out, changes = [], 0
    line_starts = [0]
    for m in re.finditer("\n", text):
        line_starts.append(m.end())

    def line_of(pos):
        lo, hi = 0, len(line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if line_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    def enclosing():
        names = [s[0] for s in stack if s[0] is not None]
        return names[-1] if names else ""

    def keeps(path):
        # On a kept path or inside one: keep; on an enclosing type of a kept path: keep its declaration only.
        for k in keep:
            if path == k or path.startswith(k + "."):
                return True
        return False

    def shell(path):
        return any(k.startswith(path + ".") for k in keep)

    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if not mask[i]:
            out.append(c)
            i += 1
            continue
        if c == "{":
            stack.append((pending, depth))
            pending = None
            depth += 1
            out.append(c)
            i += 1
            continue
        if c == "}":
            depth -= 1
            if stack:
                stack.pop()
            out.append(c)
            i += 1
            continue
        m = DECL.match(text, i)
        if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_.")):
            kind, name = m.group(1), m.group(2)
            outer = enclosing()
            if kind == "extension":
                pending = name
            else:
                pending = (outer + "." + name) if outer else name
            out.append(text[i:m.end()])
            i = m.end()
            continue
        m = PUBLIC.match(text, i)
        if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            # What does this modifier declare? Look ahead on the same statement for a type declaration.
            rest = text[i:text.find("\n", i) if text.find("\n", i) >= 0 else n]
            d = DECL.search(rest)
            outer = enclosing()
            is_type = d and d.group(1) != "extension" and not re.search(r"\b(func|var|let|init|subscript|typealias|case)\b", rest[:d.start()])
            if is_type:
                path = (outer + "." + d.group(2)) if outer else d.group(2)
                keep_it = keeps(path) or shell(path)
            elif d and d.group(1) == "extension":
                keep_it = keeps(d.group(2))
            else:
                keep_it = keeps(outer) if outer else False
            if keep_it and line_of(i) in demote_lines:
                keep_it = False
            if keep_it:
                out.append("public")
            else:
                out.append("package")
                changes += 1
            i += len("public")
            continue
        out.append(c)
        i += 1
    return "".join(out), changes


def swift_files():
    for d in source_dirs:
        for dirpath, _, names in os.walk(d):
            if os.path.commonpath([dirpath, api_dir]) == api_dir:
                continue
            for name in sorted(names):
                if name.endswith(".swift"):
                    yield os.path.join(dirpath, name)


def main():
    check = "--check" in sys.argv
    build = "--no-build" not in sys.argv and not check
    keep = kept_paths()
    demote = {}  # path -> set of line numbers whose kept `public` must become `package`
    for round_ in range(12):
        changed = []
        for path in swift_files():
            text = open(path, encoding="utf-8").read()
            new, count = convert(text, keep, demote.get(path, set()))
            if count:
                changed.append((path, count))
                if not check:
                    open(path, "w", encoding="utf-8").write(new)
        if check:
            for path, count in changed:
                print(f"{os.path.relpath(path, root)}: {count} public declaration(s) outside the library API", file=sys.stderr)
            return 1 if changed else 0
        for path, count in changed:
            print(f"{os.path.relpath(path, root)}: {count} made package", file=sys.stderr)
        if not build:
            return 0
        result = subprocess.run(["swift", "build", "--package-path", root, "--target", "PolicyExtract"],
                                capture_output=True, text=True)
        log = result.stdout + result.stderr
        refused = re.findall(r"^(/[^:\n]+\.swift):(\d+):\d+: error: .*(?:cannot be declared public|must be declared (?:package|internal|fileprivate|private)).*because.*(?:package|internal)", log, re.M)
        if result.returncode == 0:
            print("the library builds", file=sys.stderr)
            return 0
        if not refused:
            sys.stderr.write(log[-6000:])
            print("the library does not build, and not for a public member that uses a package type", file=sys.stderr)
            return 1
        for path, line in sorted(set(refused)):
            print(f"{os.path.relpath(path, root)}:{line}: uses a package type: made package", file=sys.stderr)
            demote.setdefault(os.path.realpath(path), set()).add(int(line))
        demote = {os.path.realpath(p): v for p, v in demote.items()}
        # convert() is keyed by the paths swift_files() yields
        demote = {p: demote.get(os.path.realpath(p), set()) for p in swift_files()}
    print("gave up after 12 rounds", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
