#!/usr/bin/env bash
# Issue 19's scale figure, as a user runs the commands: writes the benchmark corpus and a perturbed copy
# (benchmark --perturbed: 10 % of edges given another theme, 5 % of processes removed or added), loads
# both into a fresh embedded store, runs the two analyses `compare` needs (analyze --top-k 10, with
# write-back) and then `compare` itself with --top-k 10, each timed with its peak resident memory.
# Takes about 6 minutes. Usage: bench/compare.sh [WORKDIR]   (default: a new temporary folder)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
export CONVERGENCE_DATA_DIR="$work/store"
rm -rf "$CONVERGENCE_DATA_DIR"
cv="$here/convergence"
timed() { # label, then the command; appends wall seconds and peak resident memory to times.txt
  local label="$1"; shift
  /usr/bin/time -a -o "$work/times.txt" -f "$label: %e s wall, %M KiB peak resident" "$@"
}
rm -f "$work/times.txt"
"$cv" --version >&2
"$cv" benchmark --write-csv "$work/corpus.csv" --perturbed "$work/later.csv" >&2
timed "load bench" "$cv" load --no-taxonomy --dataset bench "$work/corpus.csv" > "$work/load1.out" 2> "$work/load1.err"
timed "load bench-later" "$cv" load --no-taxonomy --dataset bench-later "$work/later.csv" > "$work/load2.out" 2> "$work/load2.err"
timed "analyze bench --top-k 10" "$cv" analyze --dataset bench --top-k 10 --format json \
  > "$work/a1.json" 2> "$work/a1.err"
timed "analyze bench-later --top-k 10" "$cv" analyze --dataset bench-later --top-k 10 --format json \
  > "$work/a2.json" 2> "$work/a2.err"
python3 - "$work/a1.json" "$work/a2.json" <<'PY'
import json, sys
for f in sys.argv[1:]:
    print('  %s timingsMs: %s' % (f.rsplit('/', 1)[1], json.load(open(f))['timingsMs']))
PY
timed "compare bench bench-later --top-k 10" "$cv" compare bench bench-later --top-k 10 \
  > "$work/compare.out" 2> "$work/compare.err"
grep -E "^Converging pairs|^Processes added|^Process clusters" "$work/compare.out" | cut -c1-200
grep -E "wrote comparison" "$work/compare.err"
cat "$work/times.txt"
