// The converging pairs of one run's visible write $write with all their scores (the fields of
// OverlapAnalysis.PairField, under their names), ordered by the first process's id, then the second's
// (a < b as stored). Sorted one process at a time: the database never holds more than one process's
// pairs, however many millions there are, and the client reads them as they come.
MATCH (a:Process {dataset: $dataset})
WITH a ORDER BY a.id
CALL (a) {
  MATCH (a)-[c:CONVERGES_WITH]->(b:Process)
  WHERE c.run = $run AND c.write = $write
  RETURN b.id AS b, c.shared AS shared, c.sharedThemes AS sharedThemes, c.jaccard AS jaccard,
         c.overlap AS overlap, c.cosine AS cosine, c.dice AS dice, c.weightedJaccard AS weightedJaccard,
         c.adamicAdar AS adamicAdar, c.resourceAllocation AS resourceAllocation,
         c.associationStrength AS associationStrength, c.pValue AS pValue, c.qValue AS qValue
  ORDER BY b
}
RETURN a.id AS a, b, shared, sharedThemes, jaccard, overlap, cosine, dice, weightedJaccard, adamicAdar,
       resourceAllocation, associationStrength, pValue, qValue
