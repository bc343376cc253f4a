// One batch of process memberships of clusters of a run.
UNWIND $rows AS row
MATCH (p:Process {dataset: $dataset, id: row.member})
MATCH (c:Cluster {dataset: $dataset, id: row.cluster})
MERGE (p)-[:IN_CLUSTER {run: $run}]->(c)
