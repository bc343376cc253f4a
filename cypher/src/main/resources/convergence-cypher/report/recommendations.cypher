// The recommendations of one write of a run, per process by rank.
MATCH (:AnalysisRun {dataset: $dataset, id: $run})-[x:RECOMMENDED {write: $write}]->(t:Theme)
RETURN x.process AS process, t.id AS theme, x.rank AS rank, x.score AS score, x.supporters AS supporters
ORDER BY process, rank
