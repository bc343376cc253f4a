// One batch of (Document)-[:PREPARED_BY]->(Organisation) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:Document {dataset: $dataset, id: row.from})
MATCH (b:Organisation {dataset: $dataset, id: row.to})
MERGE (a)-[r:PREPARED_BY]->(b)
SET r += row.props
