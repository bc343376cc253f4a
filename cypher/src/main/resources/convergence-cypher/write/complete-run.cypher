// The last, small transaction of a write: the run's properties and its `write` switch to this write
// at once, which makes its results the visible ones. Matches nothing (and changes nothing) when
// another write of the same run has taken over since, or when the data set is no longer the
// generation the analysis read (a replace retires the runs of the old one).
MATCH (d:Dataset {id: $dataset})
WHERE coalesce(d.generation, '') = $generation
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
WHERE r.pendingWrite = $write
WITH r, r.write AS replaced
SET r += $props, r.write = $write, r.state = 'complete', r.generation = $generation
REMOVE r.pendingWrite, r.pendingSince
RETURN replaced
