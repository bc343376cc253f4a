// One batch of (JointActivity)-[:CONCERNS]->(Theme) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:JointActivity {dataset: $dataset, id: row.from})
MATCH (b:Theme {dataset: $dataset, id: row.to})
MERGE (a)-[r:CONCERNS]->(b)
SET r += row.props
