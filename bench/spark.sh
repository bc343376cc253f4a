#!/usr/bin/env bash
# Issue 20's figures, in one session, as a user runs the commands: the benchmark corpus as CSV; `load` and
# `analyze` (every pair, write-back) on one machine, then `export --format csv` of that run; the Spark job
# on the same CSV in local mode on 1 and on 2 cores; each timed with its peak resident memory. The pairs of
# the Spark job and of analyze are then compared (a, b and shared count of every pair).
# Takes about 15 minutes. Usage: bench/spark.sh [WORKDIR]   (default: a new temporary folder)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
export CONVERGENCE_DATA_DIR="$work/store"
rm -rf "$CONVERGENCE_DATA_DIR" "$work/times.txt"
cv="$here/convergence"
timed() { # label, then the command; appends wall seconds and peak resident memory to times.txt
  local label="$1"; shift
  /usr/bin/time -a -o "$work/times.txt" -f "$label: %e s wall, %M KiB peak resident" "$@"
}
"$cv" --version >&2
"$cv" spark --version >&2
"$cv" benchmark --write-csv "$work/corpus.csv" >&2
timed "load" "$cv" load --no-taxonomy --dataset bench "$work/corpus.csv" > "$work/load.out" 2> "$work/load.err"
timed "analyze, all pairs, write-back" "$cv" analyze --dataset bench > "$work/analyze.out" 2> "$work/analyze.err"
"$cv" export --dataset bench --format csv --out "$work/export" > /dev/null 2>&1
for cores in 1 2; do
  rm -rf "$work/spark-$cores"
  timed "spark analyze, local[$cores]" "$cv" spark analyze --input "$work/corpus.csv" --out "$work/spark-$cores" \
    --out-format csv --master "local[$cores]" > "$work/spark-$cores.out" 2> "$work/spark-$cores.err"
  cat "$work/spark-$cores.out"
done
cat "$work/times.txt"
# the same pairs: a, b and shared count of every pair, sorted
pairs_csv="$work/export-pairs.csv"
python3 - "$pairs_csv" "$work/spark-2/pairs.csv" <<'PY'
import csv, sys
def read(path):
    with open(path, newline='', encoding='utf-8') as f:
        rows = csv.DictReader(f)
        return {(r['a'], r['b'], int(r['shared'])) for r in rows}
engine, spark = read(sys.argv[1]), read(sys.argv[2])
print('pairs: analyze %d, spark %d, the same (a, b, shared): %s' % (len(engine), len(spark), engine == spark))
PY
