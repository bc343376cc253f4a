// The theme items of a data set's matrix cells: for each ADDRESSES of a column process in a theme row,
// the row's label, the labels as written and each one's position in its cell (the item position for
// workbooks, the line for text and CSV files: both ascend within a cell). One row per relationship;
// the reader orders the items.
MATCH (p:Process {dataset: $dataset})-[r:ADDRESSES]->(:Theme)
WHERE p.column IS NOT NULL AND r.relation IN $relations
RETURN p.column AS column, r.relation AS relation, r.row AS row, r.rawLabels AS rawLabels,
       coalesce(r.sourceItems, r.sourceLines, []) AS positions
ORDER BY column, relation
