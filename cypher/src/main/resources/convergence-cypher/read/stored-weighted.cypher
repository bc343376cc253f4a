// Whether a data set's process-theme edges of the given relation kinds (null: all) carry weights: what
// made an analysis of them weighted (and its pairs carry weightedJaccard).
RETURN EXISTS {
  MATCH (:Process {dataset: $dataset})-[e:ADDRESSES]->(:Theme)
  WHERE e.weight IS NOT NULL AND ($relations IS NULL OR e.relation IN $relations)
} AS weighted
