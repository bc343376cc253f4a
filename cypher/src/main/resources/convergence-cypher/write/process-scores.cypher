// One batch of centrality scores of processes for a run (CREATE: delete-run removed the run node
// with its SCORED relationships earlier in the same transaction).
UNWIND $rows AS row
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
MATCH (p:Process {dataset: $dataset, id: row.id})
CREATE (r)-[s:SCORED]->(p)
SET s += row.props
