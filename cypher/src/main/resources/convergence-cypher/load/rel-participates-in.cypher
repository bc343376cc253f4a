// One batch of (Country)-[:PARTICIPATES_IN]->(Process) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:Country {dataset: $dataset, id: row.from})
MATCH (b:Process {dataset: $dataset, id: row.to})
MERGE (a)-[r:PARTICIPATES_IN]->(b)
SET r += row.props
