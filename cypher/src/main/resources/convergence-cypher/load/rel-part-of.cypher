// One batch of (Organisation)-[:PART_OF]->(Organisation) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:Organisation {dataset: $dataset, id: row.from})
MATCH (b:Organisation {dataset: $dataset, id: row.to})
MERGE (a)-[r:PART_OF]->(b)
SET r += row.props
