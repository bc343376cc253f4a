// The latest complete comparison of two data sets (`convergence compare EARLIER LATER`), with the two runs it
// compared and the parameters and process map it was made with: what `report --compare` draws again from the
// two stored runs. Nothing when the two were never compared, or a compared run is gone.
MATCH (c:Comparison {earlier: $earlier, later: $later, state: 'complete'})
MATCH (c)-[:EARLIER]->(e:AnalysisRun {state: 'complete'})
MATCH (c)-[:LATER]->(l:AnalysisRun {state: 'complete'})
RETURN c.id AS id, e.id AS earlierRun, l.id AS laterRun, c.alpha AS alpha,
  coalesce(c.processMapEarlier, []) AS mapEarlier, coalesce(c.processMapLater, []) AS mapLater,
  coalesce(c.processMapNote, []) AS mapNote, size(coalesce(c.processMap, [])) AS mapped
ORDER BY c.finishedAt DESC
LIMIT 1
