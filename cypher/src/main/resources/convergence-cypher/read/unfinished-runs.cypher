// Analysis runs with a write that began before $before and has not completed (or a run written by an
// engine version from before writes became visible only when complete), optionally of one data set.
MATCH (r:AnalysisRun)
WHERE ($dataset IS NULL OR r.dataset = $dataset)
  AND ((r.pendingWrite IS NOT NULL AND coalesce(r.pendingSince, $before) <= $before)
       OR (r.pendingWrite IS NULL AND coalesce(r.state, '') <> 'complete'))
RETURN r.dataset AS dataset, r.id AS run, r.state AS state
ORDER BY dataset, run
