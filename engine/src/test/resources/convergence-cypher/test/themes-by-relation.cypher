// Test: the themes of one process for one relation kind, as stored.
MATCH (p:Process {dataset: $dataset, id: $process})-[r:ADDRESSES {relation: $relation}]->(t:Theme)
RETURN t.id AS theme, r.rawLabels AS rawLabels, r.sourceLines AS lines
ORDER BY theme
