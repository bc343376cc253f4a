// One batch of (Process)-[:DESCRIBED_IN]->(Document) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:Process {dataset: $dataset, id: row.from})
MATCH (b:Document {dataset: $dataset, id: row.to})
MERGE (a)-[r:DESCRIBED_IN]->(b)
SET r += row.props
