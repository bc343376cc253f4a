#!/usr/bin/env bash
# The Spark job's Neo4j path on the benchmark corpus, as a user runs it: the corpus loaded into the embedded
# store, then `spark analyze --dataset bench --neo4j` on 2 cores (the data set read from Neo4j in partitions,
# every pair stored back as a run), timed with its peak resident memory (of the launcher's process tree's
# largest: the engine serving the store and the job are two JVMs; /usr/bin/time reports the larger), and the
# run exported to count its pairs.
# Takes about 10 minutes. Usage: bench/spark-neo4j.sh [WORKDIR]   (default: a new temporary folder)
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
[ -f "$work/corpus.csv" ] || "$cv" benchmark --write-csv "$work/corpus.csv" >&2
timed "load" "$cv" load --no-taxonomy --dataset bench "$work/corpus.csv" > "$work/load.out" 2> "$work/load.err"
timed "spark analyze --dataset bench --neo4j, local[2]" "$cv" spark analyze --dataset bench --neo4j \
  --master 'local[2]' > "$work/spark.out" 2> "$work/spark.err"
cat "$work/spark.out"
run="$(grep -o 'run-[0-9a-f]*' "$work/spark.out" | head -1)"
"$cv" export --dataset bench --run "$run" --format csv --out "$work/export" > /dev/null 2>&1
echo "exported pairs of $run: $(($(wc -l < "$work/export-pairs.csv") - 1))"
cat "$work/times.txt"
