// One batch of (JointActivity)-[:LISTED_UNDER]->(Process) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:JointActivity {dataset: $dataset, id: row.from})
MATCH (b:Process {dataset: $dataset, id: row.to})
MERGE (a)-[r:LISTED_UNDER]->(b)
SET r += row.props
