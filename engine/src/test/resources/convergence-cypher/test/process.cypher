// Test: one process's properties.
MATCH (p:Process {dataset: $dataset, id: $process})
RETURN properties(p) AS props
