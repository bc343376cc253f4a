// One batch of (JointActivity)-[:PROPOSED_IN]->(Document) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:JointActivity {dataset: $dataset, id: row.from})
MATCH (b:Document {dataset: $dataset, id: row.to})
MERGE (a)-[r:PROPOSED_IN]->(b)
SET r += row.props
