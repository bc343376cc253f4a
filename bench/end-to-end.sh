#!/usr/bin/env bash
# End-to-end figures on the benchmark corpus, as a user runs the commands: writes the corpus as CSV,
# loads it into a fresh embedded store, runs analyze over all pairs with write-back and JSON, then
# with --top-k 10, and times scipy's pipeline on the same edges in the same run (benchmark).
# Needs python3 with scipy for the reference (apt-get install python3-scipy). Takes about 10 minutes.
# Usage: bench/end-to-end.sh [WORKDIR]   (default: a new temporary folder; its store is left there, the
# 2.3 GB JSON of all pairs only with KEEP_JSON=1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
export CONVERGENCE_DATA_DIR="$work/store"
rm -rf "$CONVERGENCE_DATA_DIR"
cv="$here/convergence"
timed() { # label, then the command; prints wall seconds and peak resident memory
  local label="$1"; shift
  /usr/bin/time -f "$label: %e s wall, %M KiB peak resident" "$@"
}
"$cv" --version >&2
"$cv" benchmark --write-csv "$work/corpus.csv" >&2
timed "load" "$cv" load --no-taxonomy --dataset bench "$work/corpus.csv" > "$work/load.out" 2> "$work/load.err"
tail -1 "$work/load.err"
timed "analyze, all pairs, write-back, --format json" "$cv" analyze --dataset bench --format json \
  > "$work/pairs.json" 2> "$work/analyze.err"
tail -1 "$work/analyze.err"
python3 - "$work/pairs.json" <<'PY'
import json, sys
# the last lines of the report hold timingsMs; the pairs themselves are streamed, so read only the tail
with open(sys.argv[1], 'rb') as f:
    f.seek(0, 2); size = f.tell(); f.seek(max(0, size - 4000)); tail = f.read().decode('utf-8', 'replace')
print('  JSON: %.2f GB; timingsMs: %s' % (size / 1e9, tail[tail.index('"timingsMs"'):].replace('\n', ' ').strip()))
PY
# every pair is in the JSON (one line each) and was written to Neo4j (the write-back's own count)
echo "  pairs in the JSON: $(grep -c '^    { "a" : ' "$work/pairs.json"); $(grep -o 'wrote [0-9,]* pairs$' "$work/analyze.err" | tail -1) to Neo4j"
# the JSON takes gigabytes: kept only when asked for
[ -n "${KEEP_JSON:-}" ] || rm -f "$work/pairs.json"
timed "analyze --top-k 10, write-back" "$cv" analyze --dataset bench --top-k 10 --format json \
  > "$work/topk.json" 2> "$work/topk.err"
tail -1 "$work/topk.err"
python3 -c "import json,sys; print('  timingsMs:', json.load(open(sys.argv[1]))['timingsMs'])" "$work/topk.json"
"$cv" benchmark --repeat 5 --no-dense 2>&1 | sed -n '3,7p'
