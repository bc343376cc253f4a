// One batch of (Footnote)-[:ANNOTATES]->(Process) relationships of a load. Both ends were created by this load,
// so they are found by element id, with no index lookup; the plan holds each relationship once.
UNWIND $rows AS row
MATCH (a:Footnote) WHERE elementId(a) = row.from
MATCH (b:Process) WHERE elementId(b) = row.to
CREATE (a)-[r:ANNOTATES]->(b)
SET r += row.props
