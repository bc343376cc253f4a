// One page of the bipartite graph of a data set, for a reader working in partitions (the Spark job):
// the processes with ids from $from (included) to $to (excluded; null for no end), found through the
// index of the process key, each with its edges as parallel lists as in read/process-themes, optionally
// only some relation kinds. Weights are wrapped in one-element lists because collect() would drop the nulls.
MATCH (p:Process {dataset: $dataset})
WHERE p.id >= $from AND ($to IS NULL OR p.id < $to)
MATCH (p)-[r:ADDRESSES]->(t:Theme)
WHERE $relations IS NULL OR r.relation IN $relations
WITH p, collect(t.id) AS themes, collect(r.relation) AS relations, collect([r.weight]) AS weights
RETURN p.id AS process, themes, relations, weights
