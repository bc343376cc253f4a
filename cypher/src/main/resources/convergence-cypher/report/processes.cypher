// Every process of a data set with its document attributes, joint activities, and the clusters and
// centrality of one write of a run. Ordered as the matrix lays them out (column, then id).
MATCH (p:Process {dataset: $dataset})
CALL (p) {
  OPTIONAL MATCH (p)-[m:IN_CLUSTER]->(c:Cluster) WHERE m.run = $run AND m.write = $write
  RETURN collect([c.kind, c.index]) AS clusters
}
CALL (p) {
  OPTIONAL MATCH (:AnalysisRun {dataset: $dataset, id: $run})-[s:SCORED {write: $write}]->(p)
  RETURN s.betweenness AS betweenness
}
CALL (p) {
  OPTIONAL MATCH (a:JointActivity)-[:LISTED_UNDER]->(p)
  RETURN collect(a.name) AS activities
}
RETURN p.id AS id, coalesce(p.code, p.id) AS code, coalesce(p.name, p.id) AS name, coalesce(p.column, 0) AS column,
       p {.startCountry, .startYear, .objectives, .participation, .geographicArea, .actionPlanNote,
          .convergenceAreaNote, .describedIn, .actionPlanStatus, .meetings, .note} AS attributes,
       activities, clusters, betweenness
ORDER BY p.column IS NULL, p.column, id
