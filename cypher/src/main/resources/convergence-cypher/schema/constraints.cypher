// Uniqueness first, so every MERGE below is an index lookup. Data sets share one database and are
// kept apart by the `dataset` key (Neo4j Community has a single user database).
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_key IF NOT EXISTS FOR (n:Document) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT process_key IF NOT EXISTS FOR (n:Process) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT theme_key IF NOT EXISTS FOR (n:Theme) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT country_key IF NOT EXISTS FOR (n:Country) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT organisation_key IF NOT EXISTS FOR (n:Organisation) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT footnote_key IF NOT EXISTS FOR (n:Footnote) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT joint_activity_key IF NOT EXISTS FOR (n:JointActivity) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT analysis_run_key IF NOT EXISTS FOR (n:AnalysisRun) REQUIRE (n.dataset, n.id) IS UNIQUE;
CREATE CONSTRAINT cluster_key IF NOT EXISTS FOR (n:Cluster) REQUIRE (n.dataset, n.id) IS UNIQUE;
// Results are found by run: the write-back deletes a replaced write's relationships through these.
CREATE INDEX converges_with_run IF NOT EXISTS FOR ()-[c:CONVERGES_WITH]-() ON (c.run);
CREATE INDEX in_cluster_run IF NOT EXISTS FOR ()-[m:IN_CLUSTER]-() ON (m.run);
// Comparisons of two snapshots are found by id (`convergence compare`, the Browser guide).
CREATE INDEX comparison_id IF NOT EXISTS FOR (n:Comparison) ON (n.id)
