// Every data set in the database, for `convergence datasets`.
MATCH (d:Dataset)
RETURN d.id AS dataset, d.kind AS kind, d.source AS source, d.loadedAt AS loadedAt
ORDER BY dataset
