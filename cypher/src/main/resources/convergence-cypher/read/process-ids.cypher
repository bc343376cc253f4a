// The process ids of a data set in order, streamed (the index of the process key serves the order): a
// reader working in partitions (the Spark job) keeps every Nth as the first id of a page, so that each
// page is then read by an id range, not by skipping the pages before it.
MATCH (p:Process {dataset: $dataset})
RETURN p.id AS id ORDER BY id
