// One batch of JointActivity nodes of a load, created under the load's staging key (the data set's name
// once the load completes); returns each node's element id for the relationship batches.
UNWIND $rows AS row
CREATE (n:JointActivity {dataset: $key, id: row.id})
SET n += row.props
RETURN row.id AS id, elementId(n) AS element
