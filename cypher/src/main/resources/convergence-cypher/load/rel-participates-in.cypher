// One batch of (Country)-[:PARTICIPATES_IN]->(Process) relationships of a load. Both ends were created by this load,
// so they are found by element id, with no index lookup; the plan holds each relationship once.
UNWIND $rows AS row
MATCH (a:Country) WHERE elementId(a) = row.from
MATCH (b:Process) WHERE elementId(b) = row.to
CREATE (a)-[r:PARTICIPATES_IN]->(b)
SET r += row.props
