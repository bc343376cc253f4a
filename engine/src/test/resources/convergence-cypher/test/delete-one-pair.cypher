// Test: removes one converging pair of a run, as a rewrite deleting the replaced write would.
MATCH (:Process {dataset: $dataset, id: $a})-[c:CONVERGES_WITH {run: $run}]->(:Process {dataset: $dataset, id: $b})
DELETE c
