// How many load markers (DatasetLoad) the database holds: none once every load has ended.
MATCH (l:DatasetLoad)
RETURN count(l) AS markers
