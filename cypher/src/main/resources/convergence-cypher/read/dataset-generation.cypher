// The generation of a data set: the token of the load that made it (empty for data sets loaded by
// versions before generations), read in the same transaction as its graph; and, when the load recorded
// them, the relation kinds of its edges and whether any edge is weighted (null for older loads).
MATCH (d:Dataset {id: $dataset})
RETURN coalesce(d.generation, '') AS generation, d.relations AS relations, d.weighted AS weighted
