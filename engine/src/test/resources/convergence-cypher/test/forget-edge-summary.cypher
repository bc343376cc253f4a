// Makes a data set look loaded by a version that did not record its edges' relation kinds and weights.
MATCH (d:Dataset {id: $dataset})
REMOVE d.relations, d.weighted
