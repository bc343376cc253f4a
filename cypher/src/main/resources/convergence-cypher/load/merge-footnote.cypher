// One batch of Footnote nodes of one data set; idempotent.
UNWIND $rows AS row
MERGE (n:Footnote {dataset: $dataset, id: row.id})
SET n += row.props
