// Test: every visible run, whether it was computed from its data set's current generation, and how
// many pairs it claims against how many of its current write there are.
MATCH (r:AnalysisRun {state: 'complete'})-[:ANALYSED]->(d:Dataset)
CALL (r) { MATCH ()-[c:CONVERGES_WITH]->() WHERE c.run = r.id AND c.write = r.write RETURN count(c) AS stored }
RETURN r.dataset AS dataset, r.id AS run, r.generation = d.generation AS current, r.pairs AS pairs, stored
