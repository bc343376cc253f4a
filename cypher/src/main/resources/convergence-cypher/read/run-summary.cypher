// What the visible write of one analysis run holds, for checks and summaries.
MATCH (r:AnalysisRun {dataset: $dataset, id: $run, state: 'complete'})
CALL (r) { MATCH ()-[c:CONVERGES_WITH]->() WHERE c.run = r.id AND c.write = r.write RETURN count(c) AS pairs }
CALL (r) { MATCH (r)-[:PRODUCED]->(c:Cluster {write: r.write}) RETURN count(c) AS clusters }
CALL (r) { MATCH ()-[m:IN_CLUSTER]->() WHERE m.run = r.id AND m.write = r.write RETURN count(m) AS memberships }
CALL (r) { MATCH (r)-[s:SCORED {write: r.write}]->() RETURN count(s) AS scored }
CALL (r) { MATCH (r)-[x:RECOMMENDED {write: r.write}]->() RETURN count(x) AS recommended }
RETURN r.id AS run, r.parameters AS parameters, r.inputFingerprint AS inputFingerprint, pairs, clusters,
       memberships, scored, recommended
