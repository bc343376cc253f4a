// Every complete analysis run of a data set.
MATCH (r:AnalysisRun {dataset: $dataset, state: 'complete'})
RETURN r.id AS run, r.parameters AS parameters, r.finishedAt AS finishedAt
ORDER BY run
