// Announces one write of an analysis run, if the data set is still the generation the analysis read.
// The run node exists from here on (state `writing` until a write of it has completed) and names this
// write as pending; the results already visible, if any, stay visible. Readers show a run only once
// its state is `complete`, and only the results whose `write` is the run's `write`.
MATCH (d:Dataset {id: $dataset})
WHERE coalesce(d.generation, '') = $generation
MERGE (r:AnalysisRun {dataset: $dataset, id: $run})
  ON CREATE SET r.state = 'writing'
SET r.pendingWrite = $write, r.pendingSince = datetime()
MERGE (r)-[:ANALYSED]->(d)
RETURN r.state AS state
