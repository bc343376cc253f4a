#!/usr/bin/env bash
# Where one machine stops (issue 20): dense corpora (5,000 themes, Zipf 0.8, 22.5 edges a process) of
# growing size, each loaded and analysed for every pair as a user runs it: `analyze --estimate`, then
# `analyze --no-write` (every pair computed, significance, clusters, centrality; the text output keeps to
# --rows), timed with its peak resident memory. A corpus whose pairs the heap cannot hold is refused up
# front by analyze itself (exit 3, with its figures); that refusal is the limit.
# Takes 15-30 minutes. Usage: bench/limit.sh [WORKDIR] [PROCESSES...]   (default: 20000 25000 30000)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
shift || true
sizes=("$@")
[ $# -gt 0 ] || sizes=(20000 25000 30000)
mkdir -p "$work"
export CONVERGENCE_DATA_DIR="$work/store"
rm -rf "$CONVERGENCE_DATA_DIR" "$work/times.txt"
cv="$here/convergence"
timed() { # label, then the command; appends wall seconds, peak resident memory and exit code to times.txt
  local label="$1"; shift
  /usr/bin/time -a -o "$work/times.txt" -f "$label: %e s wall, %M KiB peak resident, exit %x" "$@"
}
"$cv" --version >&2
for p in "${sizes[@]}"; do
  edges=$((p * 45 / 2))
  csv="$work/dense-$p.csv"
  [ -f "$csv" ] || "$cv" benchmark --write-csv "$csv" --processes "$p" --themes 5000 --edges "$edges" --zipf 0.8 \
    > /dev/null 2>&1
  timed "load dense-$p ($edges edges)" "$cv" load --no-taxonomy --dataset "dense-$p" "$csv" > /dev/null 2> "$work/load-$p.err"
  "$cv" analyze --dataset "dense-$p" --estimate > "$work/estimate-$p.out" 2>&1
  cat "$work/estimate-$p.out"
  timed "analyze --no-write dense-$p" timeout 2400 "$cv" analyze --dataset "dense-$p" --no-write --rows 3 \
    > "$work/analyze-$p.out" 2> "$work/analyze-$p.err"
  tail -n 4 "$work/analyze-$p.err"
  grep -i "timings" "$work/analyze-$p.out" || true
  "$cv" datasets --delete "dense-$p" > /dev/null 2>&1 || true
done
cat "$work/times.txt"
