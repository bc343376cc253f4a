// One batch of the themes a process lost in a comparison: the later data set's process, the earlier data
// set's theme (the later one may not hold it), by element id.
UNWIND range(0, size($p) - 1) AS i
MATCH (p:Process) WHERE elementId(p) = $p[i]
MATCH (t:Theme) WHERE elementId(t) = $t[i]
CREATE (p)-[:THEME_LOST {comparison: $id, write: $write, label: 'lost'}]->(t)
