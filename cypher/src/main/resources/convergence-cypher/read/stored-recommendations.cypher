// The recommendations of one run's visible write $write, per process by rank, with the theme's name.
MATCH (:AnalysisRun {dataset: $dataset, id: $run})-[x:RECOMMENDED {write: $write}]->(t:Theme)
RETURN x.process AS process, t.id AS theme, coalesce(t.name, t.id) AS themeName, x.rank AS rank, x.score AS score,
       x.supporters AS supporters
ORDER BY process, rank
