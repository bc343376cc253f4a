// One batch of (Footnote)-[:ANNOTATES]->(Process) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:Footnote {dataset: $dataset, id: row.from})
MATCH (b:Process {dataset: $dataset, id: row.to})
MERGE (a)-[r:ANNOTATES]->(b)
SET r += row.props
