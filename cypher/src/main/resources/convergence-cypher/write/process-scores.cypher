// One batch of centrality scores of processes for one write of a run.
UNWIND $rows AS row
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
MATCH (p:Process {dataset: $dataset, id: row.id})
CREATE (r)-[s:SCORED {write: $write}]->(p)
SET s += row.props
