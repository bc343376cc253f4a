// One batch of (Theme)-[:BROADER]->(Theme) relationships of a load. Both ends were created by this load,
// so they are found by element id, with no index lookup; the plan holds each relationship once.
UNWIND $rows AS row
MATCH (a:Theme) WHERE elementId(a) = row.from
MATCH (b:Theme) WHERE elementId(b) = row.to
CREATE (a)-[r:BROADER]->(b)
SET r += row.props
