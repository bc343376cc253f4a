// The last transaction of a load, all statements together (after retire-dataset when a previous
// generation exists): the load's staged nodes take the data set's name and the Dataset node is
// updated. Its size follows the number of nodes, not of relationships. The load's marker then ends
// in the same transaction: retire-load when a retired generation awaits deletion, else end-load.
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
MERGE (d)-[:FROM_DOCUMENT]->(doc)
