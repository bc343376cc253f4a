// One batch of (Footnote)-[:ANNOTATES]->(Theme) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:Footnote {dataset: $dataset, id: row.from})
MATCH (b:Theme {dataset: $dataset, id: row.to})
MERGE (a)-[r:ANNOTATES]->(b)
SET r += row.props
