// One batch of Country nodes of one data set; idempotent.
UNWIND $rows AS row
MERGE (n:Country {dataset: $dataset, id: row.id})
SET n += row.props
