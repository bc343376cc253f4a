// Removes the results of one run that belong to neither its visible write nor its pending one: a
// replaced write, or what an interrupted write left. Cluster memberships go first, through their run
// index, so that each cluster is then deleted with its one PRODUCED relationship: batches of clusters
// stay small however large a cluster is. Each statement runs in its own auto-commit
// transaction and deletes in batches, so no transaction holds millions of deletions.
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
WITH r, [coalesce(r.write, '-'), coalesce(r.pendingWrite, '-')] AS keep
MATCH ()-[c:CONVERGES_WITH]->() WHERE c.run = $run AND NOT coalesce(c.write, '') IN keep
CALL (c) { DELETE c } IN TRANSACTIONS OF 10000 ROWS;
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
WITH r, [coalesce(r.write, '-'), coalesce(r.pendingWrite, '-')] AS keep
MATCH ()-[m:IN_CLUSTER]->() WHERE m.run = $run AND NOT coalesce(m.write, '') IN keep
CALL (m) { DELETE m } IN TRANSACTIONS OF 10000 ROWS;
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
WITH r, [coalesce(r.write, '-'), coalesce(r.pendingWrite, '-')] AS keep
MATCH (r)-[:PRODUCED]->(c:Cluster) WHERE NOT coalesce(c.write, '') IN keep
CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 5000 ROWS;
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
WITH r, [coalesce(r.write, '-'), coalesce(r.pendingWrite, '-')] AS keep
MATCH (r)-[s:SCORED]->() WHERE NOT coalesce(s.write, '') IN keep
CALL (s) { DELETE s } IN TRANSACTIONS OF 10000 ROWS;
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
WITH r, [coalesce(r.write, '-'), coalesce(r.pendingWrite, '-')] AS keep
MATCH (r)-[x:RECOMMENDED]->() WHERE NOT coalesce(x.write, '') IN keep
CALL (x) { DELETE x } IN TRANSACTIONS OF 10000 ROWS
