// Remove the results of one analysis run (same data set and parameters) before writing them anew.
// Deleting its clusters also removes their IN_CLUSTER memberships.
MATCH (:Process {dataset: $dataset})-[c:CONVERGES_WITH {run: $run}]->()
DELETE c;
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
OPTIONAL MATCH (r)-[:PRODUCED]->(c:Cluster)
DETACH DELETE c;
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
DETACH DELETE r;
