// Every data set in the database, for `convergence datasets`, with the series and period of a snapshot.
MATCH (d:Dataset)
RETURN d.id AS dataset, d.kind AS kind, d.source AS source, d.loadedAt AS loadedAt, d.series AS series,
       d.period AS period
ORDER BY dataset
