// Every process of a data set with its document attributes and joint activities, ordered as the matrix
// lays them out (column, then id).
MATCH (p:Process {dataset: $dataset})
CALL (p) {
  OPTIONAL MATCH (a:JointActivity)-[:LISTED_UNDER]->(p)
  RETURN collect(a.name) AS activities
}
RETURN p.id AS id, coalesce(p.code, p.id) AS code, coalesce(p.name, p.id) AS name, coalesce(p.column, 0) AS column,
       p {.startCountry, .startYear, .objectives, .participation, .geographicArea, .actionPlanNote,
          .convergenceAreaNote, .describedIn, .actionPlanStatus, .meetings, .note} AS attributes,
       activities
ORDER BY p.column IS NULL, p.column, id
