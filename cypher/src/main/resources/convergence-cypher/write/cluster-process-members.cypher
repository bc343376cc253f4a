// One batch of process memberships of clusters of a run (CREATE: delete-run removed the run's
// clusters with their memberships earlier in the same transaction).
UNWIND $rows AS row
MATCH (p:Process {dataset: $dataset, id: row.member})
MATCH (c:Cluster {dataset: $dataset, id: row.cluster})
CREATE (p)-[:IN_CLUSTER {run: $run}]->(c)
