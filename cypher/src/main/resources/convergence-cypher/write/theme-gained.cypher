// One batch of the themes a process gained in a comparison: the later data set's process and theme, by
// element id.
UNWIND range(0, size($p) - 1) AS i
MATCH (p:Process) WHERE elementId(p) = $p[i]
MATCH (t:Theme) WHERE elementId(t) = $t[i]
CREATE (p)-[:THEME_GAINED {comparison: $id, write: $write, label: 'gained'}]->(t)
