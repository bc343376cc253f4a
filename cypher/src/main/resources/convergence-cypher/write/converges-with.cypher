// One batch of converging process pairs of one write of a run, with their scores. The processes are
// found by element id (read once per write), so no index lookup is made per pair; CREATE, since a
// write never meets its own relationships.
UNWIND $rows AS row
MATCH (a:Process) WHERE elementId(a) = row.a
MATCH (b:Process) WHERE elementId(b) = row.b
CREATE (a)-[c:CONVERGES_WITH {run: $run, write: $write}]->(b)
SET c += row.props
