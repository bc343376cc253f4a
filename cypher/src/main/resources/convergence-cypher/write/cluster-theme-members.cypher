// One batch of theme memberships of clusters of a run.
UNWIND $rows AS row
MATCH (t:Theme {dataset: $dataset, id: row.member})
MATCH (c:Cluster {dataset: $dataset, id: row.cluster})
MERGE (t)-[:IN_CLUSTER {run: $run}]->(c)
