// Forgets a pending write that will never complete (its process is gone); write/delete-stale then
// removes its results, and write/delete-unfinished-run the run if no write of it ever completed.
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
REMOVE r.pendingWrite, r.pendingSince
