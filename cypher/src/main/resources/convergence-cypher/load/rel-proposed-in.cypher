// One batch of (JointActivity)-[:PROPOSED_IN]->(Document) relationships of a load. Both ends were created by this load,
// so they are found by element id, with no index lookup; the plan holds each relationship once.
UNWIND $rows AS row
MATCH (a:JointActivity) WHERE elementId(a) = row.from
MATCH (b:Document) WHERE elementId(b) = row.to
CREATE (a)-[r:PROPOSED_IN]->(b)
SET r += row.props
