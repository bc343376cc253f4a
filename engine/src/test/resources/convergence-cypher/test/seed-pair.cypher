// Test: the stored scores of one converging pair in one run.
MATCH (:Process {dataset: $dataset, id: $a})-[c:CONVERGES_WITH {run: $run}]->(:Process {dataset: $dataset, id: $b})
RETURN properties(c) AS props
