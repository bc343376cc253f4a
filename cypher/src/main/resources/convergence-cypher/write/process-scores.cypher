// One batch of centrality scores of processes for a run.
UNWIND $rows AS row
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
MATCH (p:Process {dataset: $dataset, id: row.id})
MERGE (r)-[s:SCORED]->(p)
SET s += row.props
