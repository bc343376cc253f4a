// Every analysis run of a data set.
MATCH (r:AnalysisRun {dataset: $dataset})
RETURN r.id AS run, r.parameters AS parameters, r.finishedAt AS finishedAt
ORDER BY run
