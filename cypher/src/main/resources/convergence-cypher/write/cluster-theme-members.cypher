// One batch of theme memberships of clusters of one write of a run.
UNWIND $rows AS row
MATCH (t:Theme {dataset: $dataset, id: row.member})
MATCH (c:Cluster {dataset: $dataset, id: row.cluster})
CREATE (t)-[:IN_CLUSTER {run: $run, write: $write}]->(c)
