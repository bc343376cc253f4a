// Deletes every node stored under one key (a retired generation of a data set, or what an
// interrupted load staged) with its relationships, in batches of their own transactions; then the
// load's marker. Auto-commit statements, one after the other.
MATCH (n:Process {dataset: $key}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS;
MATCH (n:Theme {dataset: $key}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS;
MATCH (n:Cluster {dataset: $key}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS;
MATCH (n:AnalysisRun {dataset: $key}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1 ROWS;
MATCH (n:Document {dataset: $key}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS;
MATCH (n:Country {dataset: $key}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS;
MATCH (n:Organisation {dataset: $key}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS;
MATCH (n:Footnote {dataset: $key}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS;
MATCH (n:JointActivity {dataset: $key}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS;
MATCH (l:DatasetLoad {key: $key}) DELETE l
