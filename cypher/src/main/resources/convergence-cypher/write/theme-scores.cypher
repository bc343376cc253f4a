// One batch of bridge and centrality scores of themes for a run (CREATE: delete-run removed the run
// node with its SCORED relationships earlier in the same transaction).
UNWIND $rows AS row
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
MATCH (t:Theme {dataset: $dataset, id: row.id})
CREATE (r)-[s:SCORED]->(t)
SET s += row.props
