// The centrality scores of one run's visible write $write: per process and theme of its graph, its side,
// id, name and SCORED values.
MATCH (:AnalysisRun {dataset: $dataset, id: $run})-[s:SCORED {write: $write}]->(n)
RETURN CASE WHEN n:Process THEN 'process' ELSE 'theme' END AS side, n.id AS id, coalesce(n.name, n.id) AS name,
       s.betweenness AS betweenness, s.rawBetweenness AS rawBetweenness, s.degree AS degree,
       s.disconnectedProcessPairs AS disconnectedProcessPairs
