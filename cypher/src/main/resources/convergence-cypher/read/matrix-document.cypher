// The matrix document a data set was loaded from, for `export`: the data set's kind and source, the
// preamble as the Document node keeps it, and the table heading's footnote marker (the marker of the
// footnote anchored to the heading). No row when the data set does not exist.
MATCH (d:Dataset {id: $dataset})
OPTIONAL MATCH (d)-[:FROM_DOCUMENT]->(doc:Document {dataset: $dataset})
OPTIONAL MATCH (f:Footnote {dataset: $dataset})-[a:FOOTNOTE_OF {anchor: 'table heading'}]->(doc)
RETURN d.kind AS kind, d.source AS source, d.sourceSha256 AS sourceSha256, doc IS NOT NULL AS hasDocument,
       doc.title AS title, doc.preparedBy AS preparedBy, doc.place AS place, doc.dates AS dates,
       doc.tableTitle AS tableTitle, f.marker AS headingMarker
LIMIT 1
