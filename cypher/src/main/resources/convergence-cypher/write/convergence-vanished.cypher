// One batch of the pairs whose convergence vanished in a comparison (listed in the earlier snapshot only),
// as parallel columns; processes by element id (the later data set's, or the earlier one's for a process
// that is gone). `label` is Browser's caption.
UNWIND range(0, size($a) - 1) AS i
MATCH (a:Process) WHERE elementId(a) = $a[i]
MATCH (b:Process) WHERE elementId(b) = $b[i]
CREATE (a)-[:CONVERGENCE_VANISHED {comparison: $id, write: $write,
  label: 'vanished · J ' + toString(round($jaccardBefore[i], 2)),
  sharedBefore: $sharedBefore[i], sharedAfter: $sharedAfter[i], jaccardBefore: $jaccardBefore[i],
  jaccardAfter: $jaccardAfter[i], qBefore: $qBefore[i], qAfter: $qAfter[i]}]->(b)
