// One batch of JointActivity nodes of one data set; idempotent.
UNWIND $rows AS row
MERGE (n:JointActivity {dataset: $dataset, id: row.id})
SET n += row.props
