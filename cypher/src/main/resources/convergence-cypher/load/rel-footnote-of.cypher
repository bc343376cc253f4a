// One batch of (Footnote)-[:FOOTNOTE_OF]->(Document) relationships of one data set; idempotent.
UNWIND $rows AS row
MATCH (a:Footnote {dataset: $dataset, id: row.from})
MATCH (b:Document {dataset: $dataset, id: row.to})
MERGE (a)-[r:FOOTNOTE_OF]->(b)
SET r += row.props
