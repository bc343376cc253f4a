// The data sets that have a complete analysis run of this id: for an error that points a user who
// named a run of another data set to it.
MATCH (r:AnalysisRun {id: $run, state: 'complete'})
RETURN r.dataset AS dataset
ORDER BY dataset
