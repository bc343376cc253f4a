// The processes and themes of the graph of a data set's edges of the given relation kinds (null: all),
// those with such an edge, each with its names. Processes first, each side by id.
CALL () {
  MATCH (n:Process {dataset: $dataset}) RETURN n, 'process' AS side
  UNION ALL
  MATCH (n:Theme {dataset: $dataset}) RETURN n, 'theme' AS side
}
WITH n, side
WHERE EXISTS { MATCH (n)-[e:ADDRESSES]-() WHERE $relations IS NULL OR e.relation IN $relations }
RETURN side, n.id AS id, coalesce(n.name, n.id) AS name, n.nameEs AS nameEs, n.nameEn AS nameEn
ORDER BY side, id
