// Everything that belongs to one data set (its loaded facts and its analysis results).
MATCH (n)
WHERE n.dataset = $dataset
  AND (n:Document OR n:Process OR n:Theme OR n:Country OR n:Organisation OR n:Footnote
       OR n:JointActivity OR n:AnalysisRun OR n:Cluster)
DETACH DELETE n
WITH count(*) AS ignored
MATCH (d:Dataset {id: $dataset})
DETACH DELETE d
