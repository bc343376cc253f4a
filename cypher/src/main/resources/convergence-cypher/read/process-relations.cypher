// Whether a process is in a data set and the relation kinds of its themes: for an error that says why a
// process is missing from a graph read with only some relation kinds.
MATCH (p:Process {dataset: $dataset, id: $process})
OPTIONAL MATCH (p)-[r:ADDRESSES]->(:Theme)
RETURN p.id AS process, collect(DISTINCT r.relation) AS relations
