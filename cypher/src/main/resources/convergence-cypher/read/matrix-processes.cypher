// The processes that are columns of a data set's matrix, in column order, with the attributes the
// matrix rows give them (a process described only in a footnote has no column and comes back with
// its footnote).
MATCH (p:Process {dataset: $dataset})
WHERE p.column IS NOT NULL
RETURN p.id AS id, p.code AS code, p.name AS name, p.column AS column, p.startCountry AS startCountry,
       p.startYear AS startYear, p.objectives AS objectives, p.participation AS participation,
       p.geographicArea AS geographicArea, p.actionPlanNote AS actionPlanNote,
       p.convergenceAreaNote AS convergenceAreaNote
ORDER BY column, id
