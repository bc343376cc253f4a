// Counts of what a data set holds, for the summary printed after a load: the loaded facts, and
// separately the analysis runs stored beside them.
MATCH (d:Dataset {id: $dataset})
CALL (d) {
  MATCH (p:Process {dataset: d.id}) RETURN count(p) AS processes
}
CALL (d) {
  MATCH (t:Theme {dataset: d.id}) RETURN count(t) AS themes,
    count(CASE WHEN t.unmapped THEN 1 END) AS unmappedThemes
}
CALL (d) {
  MATCH (:Process {dataset: d.id})-[r:ADDRESSES]->(:Theme) RETURN count(r) AS addresses
}
CALL (d) {
  MATCH (n {dataset: d.id}) WHERE NOT n:AnalysisRun AND NOT n:Cluster RETURN count(n) AS nodes
}
CALL (d) {
  MATCH (n {dataset: d.id})-[r]->()
  WHERE NOT n:AnalysisRun AND NOT r:CONVERGES_WITH AND NOT r:IN_CLUSTER
  RETURN count(r) AS relationships
}
CALL (d) {
  MATCH (r:AnalysisRun {dataset: d.id, state: 'complete'}) RETURN count(r) AS analysisRuns
}
RETURN d.id AS dataset, d.source AS source, d.kind AS kind, processes, themes, unmappedThemes,
       addresses, nodes, relationships, analysisRuns
