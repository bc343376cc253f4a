// One batch of (Document)-[:ASSISTED_BY]->(Organisation) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:Document {dataset: $dataset, id: row.from})
MATCH (b:Organisation {dataset: $dataset, id: row.to})
MERGE (a)-[r:ASSISTED_BY]->(b)
SET r += row.props
