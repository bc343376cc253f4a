// The last, small transaction of a comparison's write: it turns `complete` with its counts and parameters,
// is linked to the two analysis runs it compared, and every earlier complete write of the same comparison
// turns `replaced` (its changes are deleted afterwards, in batches).
MATCH (c:Comparison {id: $id, write: $write})
MATCH (e:AnalysisRun {dataset: $earlier, id: $earlierRun})
MATCH (l:AnalysisRun {dataset: $later, id: $laterRun})
SET c += $props, c.state = 'complete', c.finishedAt = datetime()
MERGE (c)-[:EARLIER]->(e)
MERGE (c)-[:LATER]->(l)
WITH c
OPTIONAL MATCH (old:Comparison {id: $id}) WHERE old.write <> $write
SET old.state = 'replaced'
RETURN c.id AS id, collect(old.write) AS replaced
