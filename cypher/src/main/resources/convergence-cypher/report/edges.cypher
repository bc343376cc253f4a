// The bipartite edges of a data set, with the labels as the source wrote them when $labels is true
// (matrix documents; left out for large CSV data), where each stands in the source and whether it matched
// its theme through a proposal of themes suggest (with the proposal's score and evidence). Ordered as the source lists them: by the line of a
// text or CSV file (sourceLines, sourceLine), else by the item's position in its workbook cell
// (sourceItems), so that each matrix cell lists its themes in the document's order whatever the format.
MATCH (p:Process {dataset: $dataset})-[a:ADDRESSES]->(t:Theme)
RETURN p.id AS process, t.id AS theme, coalesce(a.relation, 'ADDRESSES') AS relation,
       CASE WHEN $labels THEN a.rawLabels END AS rawLabels, a.footnoteMarker AS marker,
       a.sourceSheet AS sheet, a.sourceCell AS cell, coalesce(a.sourceLines[0], a.sourceLine) AS line,
       a.labelMatch = 'proposed' AS proposed, a.labelMatchScore AS matchScore, a.labelMatchEvidence AS matchEvidence,
       [k IN coalesce(a.keptColumns, []) | [k, toString(a[k])]] AS kept
ORDER BY coalesce(a.sourceLines[0], a.sourceLine, a.sourceItems[0], 0), process, theme
