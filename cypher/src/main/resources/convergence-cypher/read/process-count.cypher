// The generation of a data set and how many processes it holds: what a reader working in partitions
// (the Spark job) needs before it splits the processes into pages. No row when the data set does not exist.
MATCH (d:Dataset {id: $dataset})
OPTIONAL MATCH (p:Process {dataset: $dataset})
RETURN coalesce(d.generation, '') AS generation, count(p) AS processes
