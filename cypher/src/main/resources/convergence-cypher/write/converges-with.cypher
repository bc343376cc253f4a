// One batch of converging process pairs of a run, with their scores.
UNWIND $rows AS row
MATCH (a:Process {dataset: $dataset, id: row.a})
MATCH (b:Process {dataset: $dataset, id: row.b})
MERGE (a)-[c:CONVERGES_WITH {run: $run}]->(b)
SET c += row.props
