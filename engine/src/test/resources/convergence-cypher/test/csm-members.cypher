// Test: countries participating in a process.
MATCH (c:Country {dataset: $dataset})-[:PARTICIPATES_IN]->(:Process {dataset: $dataset, id: $process})
RETURN c.name AS country ORDER BY country
