// What one analysis run wrote, for checks and summaries.
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
CALL (r) { MATCH (:Process {dataset: r.dataset})-[c:CONVERGES_WITH {run: r.id}]->() RETURN count(c) AS pairs }
CALL (r) { MATCH (r)-[:PRODUCED]->(c:Cluster) RETURN count(c) AS clusters }
CALL (r) { MATCH ()-[m:IN_CLUSTER {run: r.id}]->() RETURN count(m) AS memberships }
CALL (r) { MATCH (r)-[s:SCORED]->() RETURN count(s) AS scored }
RETURN r.id AS run, r.parameters AS parameters, r.inputFingerprint AS inputFingerprint, pairs, clusters,
       memberships, scored
