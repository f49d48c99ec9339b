"""Convert a corpus with Spark: partitions of documents are piped through `policy-extract stream`, the JSON Lines
are saved, then merged into one batch output (`policy-extract merge`) and cross-checked (`policy-extract validate`).

    spark-submit examples/spark/policy_extract_job.py INPUT --out DIR [--partitions N] [--binary PATH] [--inline]

INPUT is a folder of documents (read recursively, hidden files skipped, in the order `batch` takes them, with the
same ids and sources) or a JSON Lines file of stream input ({"id", "text"}, {"id", "path"} or {"id", "base64"}).
With a folder, executors read the files themselves (`{"id", "path"}`: the folder must be visible to them, as in
local mode or on a shared file system); with --inline the driver's Spark reads the bytes (`binaryFiles`) and sends
them as base64. DIR gets the stream output (DIR/stream/part-*), the merged batch output (documents.jsonl,
errors.jsonl, docs/, targets.csv, findings.json, policy.sqlite) and validate's report (DIR/validation.json).
"""
import argparse
import base64
import hashlib
import json
import os
import subprocess
import sys

from pyspark.sql import SparkSession


def documents(root):
    """The files under `root` as `batch` lists them: sorted relative paths, hidden files and folders skipped."""
    if os.path.isfile(root):
        return [root]
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                found.append(os.path.relpath(os.path.join(folder, name), root))
    return [os.path.join(root, rel) for rel in sorted(found)]


def document_id(path):
    """The file name without its extension (`FileInput.documentID`)."""
    name = os.path.basename(path)
    stem, _ = os.path.splitext(name)
    return stem or name


def source_name(path, root):
    """`document.source` as `batch` names it: a relative root as typed, an absolute one from its last component."""
    root = root.rstrip("/") or "/"
    if not path.startswith("/") or not root.startswith("/"):
        return path
    base = "" if root == "/" else os.path.basename(root)
    rest = path[len(root):]
    return (base + rest) if base else rest.lstrip("/")


def stream_lines(root):
    """One stream input line per document, with the ids `batch` gives (a short hash of the path on a shared name)."""
    paths = documents(root)
    stems = {}
    for p in paths:
        stems[document_id(p)] = stems.get(document_id(p), 0) + 1
    lines = []
    for p in paths:
        stem = document_id(p)
        doc_id = stem if stems[stem] == 1 else stem + "-" + hashlib.sha256(p.encode()).hexdigest()[:8]
        lines.append((doc_id, p, source_name(p, root)))
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a folder of documents or a JSON Lines file of stream input")
    parser.add_argument("--out", required=True, help="output folder (must not exist)")
    parser.add_argument("--partitions", type=int, default=4, help="Spark partitions (one stream process each)")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs of each stream process")
    parser.add_argument("--binary", default="policy-extract", help="the policy-extract executable on the executors")
    parser.add_argument("--inline", action="store_true", help="send the documents' bytes (base64) instead of their paths")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("policy-extract").getOrCreate()
    sc = spark.sparkContext
    binary = os.path.abspath(args.binary) if os.path.sep in args.binary else args.binary
    out = os.path.abspath(args.out)
    stream_dir = os.path.join(out, "stream")

    if os.path.isdir(args.input):
        listed = stream_lines(args.input)
        if args.inline:
            # Bytes read by Spark, joined to the batch's ids and sources by path; order kept by the listing's index.
            index = {os.path.abspath(p): (i, doc_id, source) for i, (doc_id, p, source) in enumerate(listed)}
            files = sc.binaryFiles(os.path.abspath(args.input), minPartitions=args.partitions)

            def line(item):
                path, data = item
                i, doc_id, source = index[os.path.abspath(path.split(":", 1)[1] if path.startswith("file:") else path)]
                return i, json.dumps({"id": doc_id, "source": source, "base64": base64.b64encode(data).decode()})

            rdd = files.map(line).sortByKey(numPartitions=args.partitions).values()
        else:
            items = [json.dumps({"id": doc_id, "path": p, "source": source}, ensure_ascii=False) for doc_id, p, source in listed]
            rdd = sc.parallelize(items, args.partitions)
    else:
        rdd = sc.textFile(args.input, args.partitions)

    # Each partition is one `stream` process; lines come back in input order within a partition, and partitions
    # are saved in order (part-00000, part-00001, …).
    rdd.pipe(f"{binary} stream --jobs {args.jobs}").saveAsTextFile("file://" + stream_dir)
    spark.stop()

    parts = sorted(os.path.join(stream_dir, f) for f in os.listdir(stream_dir) if f.startswith("part-"))
    merged = subprocess.run([binary, "merge", *parts, "--out", out])
    if merged.returncode not in (0, 1):
        sys.exit(merged.returncode)
    with open(os.path.join(out, "validation.json"), "wb") as report:
        checked = subprocess.run([binary, "validate", out, "--format", "json"], stdout=report)
    print(f"merged {len(parts)} partitions into {out}; validate exit code {checked.returncode}", file=sys.stderr)
    # 0: all converted and no conflict; 1: some documents failed or a conflict was found (see errors.jsonl,
    # findings.json and validation.json).
    sys.exit(max(merged.returncode, checked.returncode))


if __name__ == "__main__":
    main()
