// One batch of (Process)-[:DESCRIBED_IN]->(Document) relationships of a load. Both ends were created by this load,
// so they are found by element id, with no index lookup; the plan holds each relationship once.
UNWIND $rows AS row
MATCH (a:Process) WHERE elementId(a) = row.from
MATCH (b:Document) WHERE elementId(b) = row.to
CREATE (a)-[r:DESCRIBED_IN]->(b)
SET r += row.props
