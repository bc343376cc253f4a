// The data set a report is about, with the source document of a matrix (none for CSV data).
MATCH (d:Dataset {id: $dataset})
OPTIONAL MATCH (doc:Document {dataset: $dataset})
WITH d, doc ORDER BY doc.id
RETURN d {.kind, .source, .sourceSha256, .taxonomyVersion, loadedAt: toString(d.loadedAt)} AS dataset,
       collect(doc {.title, .tableTitle, .preparedBy, .place, .dates}) AS documents
