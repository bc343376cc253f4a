// One batch of recommendations of one write of a run: a theme that a process's most similar processes
// address and it does not, with its rank among that process's recommendations, its score and the
// processes behind it. Anchored at the run, as SCORED is, so that they come and go with its write;
// `label` is the caption Neo4j Browser shows (style.grass).
UNWIND $rows AS row
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
MATCH (t:Theme {dataset: $dataset, id: row.theme})
CREATE (r)-[x:RECOMMENDED {write: $write, process: row.process, rank: row.rank, score: row.score,
  supporters: row.supporters, label: row.process + ' #' + toString(row.rank)}]->(t)
