// One batch of converging process pairs of a run, with their scores. CREATE, not MERGE: the same
// transaction deleted the run's earlier results first (delete-run), so nothing can match, and CREATE
// skips the search (132,130 pairs: 9.5 s instead of 17 s).
UNWIND $rows AS row
MATCH (a:Process {dataset: $dataset, id: row.a})
MATCH (b:Process {dataset: $dataset, id: row.b})
CREATE (a)-[c:CONVERGES_WITH {run: $run}]->(b)
SET c += row.props
