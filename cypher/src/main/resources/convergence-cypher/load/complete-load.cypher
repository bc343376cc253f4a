// The last transaction of a load, all statements together: the data set's current generation (its
// loaded facts and its analysis runs, which were computed from them) is renamed to the retired key
// $retired, the load's staged nodes take the data set's name, and the Dataset node is updated. Its
// size follows the number of nodes, not of relationships; the retired generation is deleted
// afterwards in batches (delete-generation).
MATCH (n:Document {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Process {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Theme {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Country {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Organisation {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Footnote {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:JointActivity {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:AnalysisRun {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Cluster {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Document {dataset: $key}) SET n.dataset = $dataset;
MATCH (n:Process {dataset: $key}) SET n.dataset = $dataset;
MATCH (n:Theme {dataset: $key}) SET n.dataset = $dataset;
MATCH (n:Country {dataset: $key}) SET n.dataset = $dataset;
MATCH (n:Organisation {dataset: $key}) SET n.dataset = $dataset;
MATCH (n:Footnote {dataset: $key}) SET n.dataset = $dataset;
MATCH (n:JointActivity {dataset: $key}) SET n.dataset = $dataset;
MERGE (d:Dataset {id: $dataset})
SET d += $props
WITH d
OPTIONAL MATCH (d)-[f:FROM_DOCUMENT]->()
DELETE f
WITH DISTINCT d
MATCH (doc:Document {dataset: $dataset, id: $document})
MERGE (d)-[:FROM_DOCUMENT]->(doc);
MATCH (l:DatasetLoad {key: $key})
SET l.key = $retired, l.state = 'retired'
