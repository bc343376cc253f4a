// One batch of Organisation nodes of one data set; idempotent.
UNWIND $rows AS row
MERGE (n:Organisation {dataset: $dataset, id: row.id})
SET n += row.props
