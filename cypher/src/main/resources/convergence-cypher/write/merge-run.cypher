// The analysis-run node: parameters, time, engine version, input fingerprint.
MATCH (d:Dataset {id: $dataset})
MERGE (r:AnalysisRun {dataset: $dataset, id: $run})
SET r += $props
MERGE (r)-[:ANALYSED]->(d)
