// One batch of bridge and centrality scores of themes for one write of a run.
UNWIND $rows AS row
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
MATCH (t:Theme {dataset: $dataset, id: row.id})
CREATE (r)-[s:SCORED {write: $write}]->(t)
SET s += row.props
