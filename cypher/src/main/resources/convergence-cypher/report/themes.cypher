// Every theme of a data set with its names, and the clusters and bridge scores of one write of a run.
MATCH (t:Theme {dataset: $dataset})
CALL (t) {
  OPTIONAL MATCH (t)-[m:IN_CLUSTER]->(c:Cluster) WHERE m.run = $run AND m.write = $write
  RETURN collect([c.kind, c.index]) AS clusters
}
CALL (t) {
  OPTIONAL MATCH (:AnalysisRun {dataset: $dataset, id: $run})-[s:SCORED {write: $write}]->(t)
  RETURN s {.betweenness, .degree, .disconnectedProcessPairs, .bridge} AS score
}
RETURN t.id AS id, coalesce(t.name, t.id) AS name, t.nameEn AS nameEn, t.nameEs AS nameEs,
       coalesce(t.unmapped, false) AS unmapped, clusters, score
ORDER BY id
