// Test: what a matrix data set holds apart from where it came from, as sorted lists of strings, so that
// two loads of one matrix in different formats can be compared (the Document's id follows the file name).
MATCH (d:Dataset {id: $dataset})
CALL (d) {
  MATCH (p:Process {dataset: d.id})
  WITH p ORDER BY p.id
  RETURN collect(p.id + ' | ' + coalesce(p.name, '') + ' | ' + coalesce(toString(p.column), '') + ' | '
      + coalesce(p.startCountry, '') + ' | ' + coalesce(toString(p.startYear), '') + ' | '
      + coalesce(p.objectives, '') + ' | ' + coalesce(p.participation, '') + ' | ' + coalesce(p.geographicArea, '')
      + ' | ' + coalesce(p.actionPlanNote, '') + ' | ' + coalesce(p.meetings, '') + ' | '
      + coalesce(p.actionPlanStatus, '')) AS processes
}
CALL (d) {
  MATCH (t:Theme {dataset: d.id})
  WITH t ORDER BY t.id
  RETURN collect(t.id + ' | ' + coalesce(t.name, '')) AS themes
}
CALL (d) {
  MATCH (p:Process {dataset: d.id})-[r:ADDRESSES]->(t:Theme)
  WITH p.id + ' -> ' + t.id + ' | ' + r.relation + ' | ' + r.row + ' | '
      + reduce(s = '', l IN r.rawLabels | s + l + ';') + ' | ' + coalesce(r.footnoteMarker, '') AS edge
  ORDER BY edge
  RETURN collect(edge) AS addresses
}
CALL (d) {
  MATCH (f:Footnote {dataset: d.id})
  WITH f ORDER BY f.id
  RETURN collect(f.id + ' | ' + f.marker + ' | ' + f.text) AS footnotes
}
CALL (d) {
  MATCH (a:JointActivity {dataset: d.id})-[:LISTED_UNDER]->(p:Process)
  WITH a.id + ' | ' + a.name + ' | ' + p.id AS activity ORDER BY activity
  RETURN collect(activity) AS activities
}
CALL (d) {
  MATCH (n {dataset: d.id})-[r]->(m)
  WHERE NOT n:AnalysisRun AND NOT r:CONVERGES_WITH AND NOT r:IN_CLUSTER
  WITH labels(n)[0] + ':' + CASE WHEN n:Document THEN '' ELSE n.id END + ' -' + type(r) + '-> '
      + labels(m)[0] + ':' + CASE WHEN m:Document THEN '' ELSE m.id END AS rel
  ORDER BY rel
  RETURN collect(rel) AS relationships
}
RETURN processes, themes, addresses, footnotes, activities, relationships
