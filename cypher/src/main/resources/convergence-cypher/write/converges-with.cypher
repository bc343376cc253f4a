// One batch of converging process pairs of one write of a run, as parallel columns: one list per
// field rather than one map per pair, so each field name travels once per batch. Processes are found
// by element id (read once per write), with no index lookup per pair; CREATE, since a write never
// meets its own relationships. The fields are those of OverlapAnalysis.FieldSink, each once; `label`
// is the caption Neo4j Browser shows (style.grass): Jaccard to two decimals and the shared themes.
UNWIND range(0, size($a) - 1) AS i
MATCH (a:Process) WHERE elementId(a) = $a[i]
MATCH (b:Process) WHERE elementId(b) = $b[i]
CREATE (a)-[:CONVERGES_WITH {run: $run, write: $write,
  label: 'J ' + toString(round($jaccard[i], 2)) + ' · ' + toString($shared[i]) + ' shared', shared: $shared[i], sharedThemes: $sharedThemes[i],
  jaccard: $jaccard[i], overlap: $overlap[i], cosine: $cosine[i], dice: $dice[i],
  weightedJaccard: $weightedJaccard[i], adamicAdar: $adamicAdar[i], resourceAllocation: $resourceAllocation[i],
  associationStrength: $associationStrength[i], pValue: $pValue[i], qValue: $qValue[i]}]->(b)
