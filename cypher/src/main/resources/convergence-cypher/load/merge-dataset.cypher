// The data set node: where the data came from and when it was loaded.
MERGE (d:Dataset {id: $dataset})
SET d += $props
WITH d
MATCH (doc:Document {dataset: $dataset, id: $document})
MERGE (d)-[:FROM_DOCUMENT]->(doc)
