// One batch of clusters of one write of a run (the cluster id includes the write).
UNWIND $rows AS row
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
CREATE (c:Cluster {dataset: $dataset, id: row.id, write: $write})
SET c += row.props
CREATE (r)-[:PRODUCED]->(c)
