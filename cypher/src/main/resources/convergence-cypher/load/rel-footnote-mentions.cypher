// One batch of (Footnote)-[:MENTIONS]->(Organisation) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:Footnote {dataset: $dataset, id: row.from})
MATCH (b:Organisation {dataset: $dataset, id: row.to})
MERGE (a)-[r:MENTIONS]->(b)
SET r += row.props
