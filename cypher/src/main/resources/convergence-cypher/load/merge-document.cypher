// One batch of Document nodes of one data set; idempotent.
UNWIND $rows AS row
MERGE (n:Document {dataset: $dataset, id: row.id})
SET n += row.props
