// Whether a complete run already holds what a write-back would write: the same data set generation,
// input fingerprint, parameters, engine version and version of what write-back writes, with no other
// write of it under way. The analyses are deterministic (seeded, sorted output), so such a write would
// only replace the results with equal ones.
MATCH (d:Dataset {id: $dataset})
WHERE coalesce(d.generation, '') = $generation
MATCH (r:AnalysisRun {dataset: $dataset, id: $run, state: 'complete'})
WHERE r.generation = $generation AND r.inputFingerprint = $fingerprint AND r.parameters = $parameters
  AND r.engineVersion = $engineVersion AND r.resultsVersion = $resultsVersion AND r.pendingWrite IS NULL
RETURN r.id AS run, r.finishedAt AS finishedAt
