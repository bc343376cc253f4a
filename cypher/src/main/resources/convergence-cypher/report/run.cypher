// The complete analysis run a report shows: the one named, or else the latest of the data set.
MATCH (r:AnalysisRun {dataset: $dataset, state: 'complete'})
WHERE $run IS NULL OR r.id = $run
RETURN r {.id, .write, .parameters, .engineVersion, .inputFingerprint, .pairs, .links, .notes,
          finishedAt: toString(r.finishedAt)} AS run
ORDER BY r.finishedAt DESC, r.id
LIMIT 1
