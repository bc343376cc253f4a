// Test: facts that cannot be traced to the data set's document.
MATCH (p:Process {dataset: $dataset})
WHERE NOT (p)-[:DESCRIBED_IN]->(:Document {dataset: $dataset})
RETURN count(p) AS untraced
