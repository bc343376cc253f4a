// Test: every process-theme relationship of a data set with its properties.
MATCH (p:Process {dataset: $dataset})-[e:ADDRESSES]->(t:Theme)
RETURN p.id AS process, t.id AS theme, properties(e) AS edge
