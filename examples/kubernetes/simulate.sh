#!/usr/bin/env bash
# Runs the two Jobs' commands here, as their pods would (each index of the Indexed Job with JOB_COMPLETION_INDEX
# set, then the merge), over Fixtures/docs mounted as /corpus, and checks that the merged output equals one batch.
# It checks the manifests' shell commands and the shard arithmetic, not a cluster.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary="${POLICY_EXTRACT:-}"
if [ -z "$binary" ]; then
    swift build --product policy-extract >/dev/null
    binary="$(swift build --show-bin-path)/policy-extract"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/results"
ln -s "$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")" "$work/bin/policy-extract"
cp -R Fixtures/docs "$work/corpus"

# The container's command, the number of shards and the completions, read from the manifests.
read_job() {
    python3 - "$1" "$work" <<'PY'
import shlex, sys, yaml
job = yaml.safe_load(open(sys.argv[1]))
c = job["spec"]["template"]["spec"]["containers"][0]
script = c["args"][0].replace("/corpus", sys.argv[2] + "/corpus").replace("/results", sys.argv[2] + "/results")
env = {e["name"]: e["value"] for e in c.get("env", [])}
print(job["spec"].get("completions", 1))
print(" ".join(f"{k}={shlex.quote(v)}" for k, v in env.items()))
print(script)
PY
}
{ read -r completions; read -r env; read -r script; } < <(read_job examples/kubernetes/shards-job.yaml)
for ((i = 0; i < completions; i++)); do
    env PATH="$work/bin:$PATH" JOB_COMPLETION_INDEX="$i" $env /bin/sh -c "$script"
done
{ read -r _; read -r _; read -r script; } < <(read_job examples/kubernetes/merge-job.yaml)
env PATH="$work/bin:$PATH" /bin/sh -c "$script"

"$binary" batch "$work/corpus" --out "$work/batch" --quiet
status=0
for f in documents.jsonl errors.jsonl targets.csv findings.json policy.sqlite; do
    cmp -s "$work/batch/$f" "$work/results/merged/$f" || { echo "kubernetes: $f differs from batch" >&2; status=1; }
done
diff -rq "$work/batch/docs" "$work/results/merged/docs" >&2 || status=1
[ -s "$work/results/merged/validation.json" ] || { echo "kubernetes: no validation.json" >&2; status=1; }
[ "$status" = 0 ] && echo "kubernetes: $completions shards merged equal one batch ($(wc -l <"$work/batch/documents.jsonl") documents)"
exit "$status"
