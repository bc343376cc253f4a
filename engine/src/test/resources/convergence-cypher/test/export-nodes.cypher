// Test: what an export of a run must show of each process and theme that has a process-theme edge:
// its label, its properties, its clusters and its scores in the run's visible write. Written apart from
// read/stored-members, as the check of it.
MATCH (r:AnalysisRun {dataset: $dataset, id: $run, state: 'complete'})
MATCH (n {dataset: $dataset})
WHERE (n:Process OR n:Theme) AND EXISTS { (n)-[:ADDRESSES]-() }
OPTIONAL MATCH (r)-[s:SCORED]->(n) WHERE s.write = r.write
OPTIONAL MATCH (n)-[m:IN_CLUSTER]->(c:Cluster) WHERE m.run = r.id AND m.write = r.write
RETURN CASE WHEN n:Process THEN 'process' ELSE 'theme' END AS kind, n.id AS id, properties(n) AS node,
       properties(s) AS scores, collect([c.kind, c.index]) AS clusters
