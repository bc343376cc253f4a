// One batch of process memberships of clusters of one write of a run.
UNWIND $rows AS row
MATCH (p:Process {dataset: $dataset, id: row.member})
MATCH (c:Cluster {dataset: $dataset, id: row.cluster})
CREATE (p)-[:IN_CLUSTER {run: $run, write: $write}]->(c)
