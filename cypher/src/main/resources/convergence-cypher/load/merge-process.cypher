// One batch of Process nodes of one data set; idempotent.
UNWIND $rows AS row
MERGE (n:Process {dataset: $dataset, id: row.id})
SET n += row.props
