// The footnotes of a data set's matrix in document order (their ids are fn-1, fn-2, ... in that order).
MATCH (f:Footnote {dataset: $dataset})
RETURN f.id AS id, f.marker AS marker, f.text AS text
ORDER BY toInteger(substring(f.id, 3)), f.id
