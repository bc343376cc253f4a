// One batch of (Organisation)-[:PART_OF]->(Organisation) relationships of a load. Both ends were created by this load,
// so they are found by element id, with no index lookup; the plan holds each relationship once.
UNWIND $rows AS row
MATCH (a:Organisation) WHERE elementId(a) = row.from
MATCH (b:Organisation) WHERE elementId(b) = row.to
CREATE (a)-[r:PART_OF]->(b)
SET r += row.props
