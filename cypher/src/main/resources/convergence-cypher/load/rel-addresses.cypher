// One batch of (Process)-[:ADDRESSES]->(Theme) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:Process {dataset: $dataset, id: row.from})
MATCH (b:Theme {dataset: $dataset, id: row.to})
MERGE (a)-[r:ADDRESSES {relation: row.props.relation}]->(b)
SET r += row.props
