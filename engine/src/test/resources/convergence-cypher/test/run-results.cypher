// Test: every result stored for one run, of its visible write or not.
CALL () { MATCH ()-[c:CONVERGES_WITH]->() WHERE c.run = $run RETURN count(c) AS pairs }
CALL () { MATCH (c:Cluster {dataset: $dataset}) WHERE c.run = $run RETURN count(c) AS clusters }
CALL () { MATCH ()-[m:IN_CLUSTER]->() WHERE m.run = $run RETURN count(m) AS memberships }
CALL () { MATCH (:AnalysisRun {dataset: $dataset, id: $run})-[s:SCORED]->() RETURN count(s) AS scored }
RETURN pairs, clusters, memberships, scored
