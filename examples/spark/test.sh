#!/usr/bin/env bash
# The Spark job in local mode over Fixtures/docs, in both modes (executors reading paths; bytes sent inline), must
# give what one `batch` gives, file for file and byte for byte. Installs a Java runtime (Debian default-jre-headless)
# and pyspark (PyPI) when they are missing. POLICY_EXTRACT names the binary (default: a debug build made here).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v java >/dev/null 2>&1; then
    sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo -n"
    $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq default-jre-headless >/dev/null
fi
python3 -c "import pyspark" 2>/dev/null || python3 -m pip install --quiet pyspark

binary="${POLICY_EXTRACT:-}"
if [ -z "$binary" ]; then
    swift build --product policy-extract >/dev/null
    binary="$(swift build --show-bin-path)/policy-extract"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PYSPARK_PYTHON="${PYSPARK_PYTHON:-$(command -v python3)}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

"$binary" batch Fixtures/docs --out "$work/batch" --quiet

status=0
for mode in paths inline; do
    flags=()
    [ "$mode" = inline ] && flags=(--inline)
    python3 examples/spark/policy_extract_job.py Fixtures/docs --out "$work/spark-$mode" --partitions 3 \
        --binary "$binary" "${flags[@]}" 2>"$work/spark-$mode.log" || {
        code=$?
        # 1 means a conflict was found by validate, as over the fixtures; anything else is a failure.
        if [ "$code" != 1 ]; then cat "$work/spark-$mode.log" >&2; echo "spark job ($mode) failed: $code" >&2; exit 1; fi
    }
    for f in documents.jsonl errors.jsonl targets.csv findings.json policy.sqlite; do
        cmp -s "$work/batch/$f" "$work/spark-$mode/$f" || { echo "spark ($mode): $f differs from batch" >&2; status=1; }
    done
    diff -rq "$work/batch/docs" "$work/spark-$mode/docs" >&2 || { echo "spark ($mode): docs/ differs from batch" >&2; status=1; }
    "$binary" validate Fixtures/docs --format json >"$work/validate-docs.json" || true
    cmp -s "$work/validate-docs.json" "$work/spark-$mode/validation.json" || { echo "spark ($mode): validate differs" >&2; status=1; }
    [ "$status" = 0 ] && echo "spark ($mode): same as batch ($(wc -l <"$work/batch/documents.jsonl") documents)"
done
exit "$status"
