// One batch of bridge and centrality scores of themes for a run.
UNWIND $rows AS row
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
MATCH (t:Theme {dataset: $dataset, id: row.id})
MERGE (r)-[s:SCORED]->(t)
SET s += row.props
