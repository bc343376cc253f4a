// Deletes a run that no write ever completed, once write/delete-stale has removed its results.
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
WHERE coalesce(r.state, '') <> 'complete' AND r.pendingWrite IS NULL
DETACH DELETE r
