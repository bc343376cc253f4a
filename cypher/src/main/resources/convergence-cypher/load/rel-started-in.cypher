// One batch of (Process)-[:STARTED_IN]->(Country) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:Process {dataset: $dataset, id: row.from})
MATCH (b:Country {dataset: $dataset, id: row.to})
MERGE (a)-[r:STARTED_IN]->(b)
SET r += row.props
