// The converging pairs of one write of a run, found through the run index; unordered (the report
// ranks and places them itself).
MATCH (a:Process)-[c:CONVERGES_WITH]->(b:Process)
WHERE c.run = $run AND c.write = $write
RETURN a.id AS a, b.id AS b, c.shared AS shared, c.jaccard AS jaccard, c.overlap AS overlap, c.cosine AS cosine,
       c.pValue AS p, c.qValue AS q
