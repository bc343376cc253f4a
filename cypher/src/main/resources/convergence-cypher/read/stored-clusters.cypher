// The clusters of one run's visible write $write, each with its kind, index, the modularity of its
// clustering and the ids of its processes and of its themes (unordered: the reader sorts them).
MATCH (:AnalysisRun {dataset: $dataset, id: $run})-[:PRODUCED]->(c:Cluster {write: $write})
CALL (c) {
  OPTIONAL MATCH (p:Process)-[m:IN_CLUSTER]->(c) WHERE m.run = $run AND m.write = $write
  RETURN collect(p.id) AS processes
}
CALL (c) {
  OPTIONAL MATCH (t:Theme)-[m:IN_CLUSTER]->(c) WHERE m.run = $run AND m.write = $write
  RETURN collect(t.id) AS themes
}
RETURN c.kind AS kind, c.index AS index, c.modularity AS modularity, processes, themes
ORDER BY kind, index
