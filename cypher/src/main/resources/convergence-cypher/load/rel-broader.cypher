// One batch of (Theme)-[:BROADER]->(Theme) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:Theme {dataset: $dataset, id: row.from})
MATCH (b:Theme {dataset: $dataset, id: row.to})
MERGE (a)-[r:BROADER]->(b)
SET r += row.props
