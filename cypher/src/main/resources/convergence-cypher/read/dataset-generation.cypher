// The generation of a data set: the token of the load that made it (empty for data sets loaded by
// versions before generations), read in the same transaction as its graph.
MATCH (d:Dataset {id: $dataset})
RETURN coalesce(d.generation, '') AS generation
