// What the reader of a stored run takes from the run beyond what read/stored-runs lists: its requested
// links (JSON, LinksJson's form), notes, the relationships it counted and how its betweenness was sampled
// (null for runs written before those were stored).
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
RETURN r.links AS links, r.notes AS notes, r.relationships AS relationships,
       r.betweennessSources AS betweennessSources, r.betweennessNodes AS betweennessNodes
