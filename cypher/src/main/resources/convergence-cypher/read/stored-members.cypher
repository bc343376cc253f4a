// The processes and themes of one run's graph (those with an edge of the run's relation kinds, null:
// all), each with its names, its clusters ([kind, index] per clustering that covers it) and its
// centrality scores in the run's visible write $write (null where the run computed none). Processes
// first, each kind by id.
CALL () {
  MATCH (n:Process {dataset: $dataset}) RETURN n, 'process' AS kind
  UNION ALL
  MATCH (n:Theme {dataset: $dataset}) RETURN n, 'theme' AS kind
}
WITH n, kind
WHERE EXISTS { MATCH (n)-[e:ADDRESSES]-() WHERE $relations IS NULL OR e.relation IN $relations }
OPTIONAL MATCH (:AnalysisRun {dataset: $dataset, id: $run})-[s:SCORED {write: $write}]->(n)
CALL (n) {
  MATCH (n)-[m:IN_CLUSTER]->(c:Cluster)
  WHERE m.run = $run AND m.write = $write
  RETURN collect([c.kind, c.index]) AS clusters
}
RETURN kind, n.id AS id, coalesce(n.name, n.id) AS name, n.nameEs AS nameEs, n.nameEn AS nameEn, clusters,
       s.betweenness AS betweenness, s.rawBetweenness AS rawBetweenness, s.degree AS degree,
       s.disconnectedProcessPairs AS disconnectedProcessPairs, s.bridge AS bridge
ORDER BY kind, id
