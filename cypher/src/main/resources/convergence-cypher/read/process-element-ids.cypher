// The element id of every process of a data set, so that writes can find processes without an
// index lookup per row.
MATCH (p:Process {dataset: $dataset})
RETURN p.id AS id, elementId(p) AS element
