// The process-theme edges of one run's graph (its relation kinds, null: all), every ADDRESSES
// relationship once with the source columns a load kept on it, ordered by process id, then theme id and
// relation. Sorted one process at a
// time, so that the database never sorts more than one process's edges.
MATCH (p:Process {dataset: $dataset})
WITH p ORDER BY p.id
CALL (p) {
  MATCH (p)-[e:ADDRESSES]->(t:Theme)
  WHERE $relations IS NULL OR e.relation IN $relations
  RETURN t.id AS theme, e.relation AS relation, e.row AS row, e.weight AS weight,
         [k IN coalesce(e.keptColumns, []) | [k, toString(e[k])]] AS kept
  ORDER BY theme, relation
}
RETURN p.id AS process, theme, relation, row, weight, kept
