// One batch of Theme nodes of one data set; idempotent.
UNWIND $rows AS row
MERGE (n:Theme {dataset: $dataset, id: row.id})
SET n += row.props
