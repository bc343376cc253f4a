// One batch of the pairs whose convergence appeared in a comparison (listed in the later snapshot only),
// as parallel columns; processes by element id (the later data set's). `label` is Browser's caption.
UNWIND range(0, size($a) - 1) AS i
MATCH (a:Process) WHERE elementId(a) = $a[i]
MATCH (b:Process) WHERE elementId(b) = $b[i]
CREATE (a)-[:CONVERGENCE_APPEARED {comparison: $id, write: $write,
  label: 'appeared · J ' + toString(round($jaccardAfter[i], 2)),
  sharedBefore: $sharedBefore[i], sharedAfter: $sharedAfter[i], jaccardBefore: $jaccardBefore[i],
  jaccardAfter: $jaccardAfter[i], qBefore: $qBefore[i], qAfter: $qAfter[i]}]->(b)
