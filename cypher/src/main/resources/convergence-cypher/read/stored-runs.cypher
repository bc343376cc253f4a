// The complete analysis runs of a data set with what an export or report states about each, latest
// first (by finishedAt, then id): the write token whose results are visible, the parameters (JSON) and
// the counts written when the run completed.
MATCH (r:AnalysisRun {dataset: $dataset, state: 'complete'})
RETURN r.id AS run, r.write AS write, r.parameters AS parameters, r.engineVersion AS engineVersion,
       r.inputFingerprint AS inputFingerprint, r.finishedAt AS finishedAt, r.processes AS processes,
       r.themes AS themes, r.edges AS edges, r.pairs AS pairs, r.modularity AS modularity
ORDER BY finishedAt DESC, run
