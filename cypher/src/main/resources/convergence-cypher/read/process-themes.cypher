// The bipartite graph of one data set, one row per process with its edges as parallel lists (far
// fewer records to ship than one per edge), optionally only some relation kinds. Weights are
// wrapped in one-element lists because collect() would drop the nulls of unweighted edges.
// Unordered: the engine numbers processes and themes by their sorted ids, whatever the row order.
MATCH (p:Process {dataset: $dataset})-[r:ADDRESSES]->(t:Theme)
WHERE $relations IS NULL OR r.relation IN $relations
WITH p, collect(t.id) AS themes, collect(r.relation) AS relations, collect([r.weight]) AS weights
RETURN p.id AS process, coalesce(p.name, p.id) AS processName, themes, relations, weights
