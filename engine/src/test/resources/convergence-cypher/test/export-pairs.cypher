// Test: every converging pair of a run's visible write with its properties.
MATCH (r:AnalysisRun {dataset: $dataset, id: $run, state: 'complete'})
MATCH (a:Process {dataset: $dataset})-[c:CONVERGES_WITH]->(b:Process)
WHERE c.run = r.id AND c.write = r.write
RETURN a.id AS a, b.id AS b, properties(c) AS pair
