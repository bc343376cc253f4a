// The bipartite graph of one data set whose edges are all of one relation kind and unweighted (as its
// load recorded), one row per process with its themes: what read/process-themes returns without the
// relation and weight of every edge, which the reader then knows already.
MATCH (p:Process {dataset: $dataset})-[:ADDRESSES]->(t:Theme)
WITH p, collect(t.id) AS themes
RETURN p.id AS process, coalesce(p.name, p.id) AS processName, themes
