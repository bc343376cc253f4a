// One batch of clusters of a run.
UNWIND $rows AS row
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
MERGE (c:Cluster {dataset: $dataset, id: row.id})
SET c += row.props
MERGE (r)-[:PRODUCED]->(c)
