// The proposed joint activities of a data set's matrix, one per process column, with the row's label.
MATCH (a:JointActivity {dataset: $dataset})
RETURN a.column AS column, a.name AS name, a.row AS row
ORDER BY column
