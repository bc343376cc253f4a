// The $limit strongest converging pairs of one run's visible write $write in rank order (descending
// Jaccard, then the first process's id, then the second's) with all their scores: a top-n sort, which
// holds $limit pairs, not all of them.
MATCH (a:Process)-[c:CONVERGES_WITH]->(b:Process)
WHERE c.run = $run AND c.write = $write
RETURN a.id AS a, b.id AS b, c.shared AS shared, c.sharedThemes AS sharedThemes, c.jaccard AS jaccard,
       c.overlap AS overlap, c.cosine AS cosine, c.dice AS dice, c.weightedJaccard AS weightedJaccard,
       c.adamicAdar AS adamicAdar, c.resourceAllocation AS resourceAllocation,
       c.associationStrength AS associationStrength, c.pValue AS pValue, c.qValue AS qValue
ORDER BY jaccard DESC, a, b
LIMIT $limit
