// One batch of (Document)-[:PREPARED_BY]->(Organisation) relationships of a load. Both ends were created by this load,
// so they are found by element id, with no index lookup; the plan holds each relationship once.
UNWIND $rows AS row
MATCH (a:Document) WHERE elementId(a) = row.from
MATCH (b:Organisation) WHERE elementId(b) = row.to
CREATE (a)-[r:PREPARED_BY]->(b)
SET r += row.props
