// The footnotes of a data set's source document, in document order.
MATCH (f:Footnote {dataset: $dataset})
RETURN f.marker AS marker, f.text AS text
ORDER BY f.sourceLine, f.id
