// Ends a load of a new data set, which retired nothing: its marker goes.
MATCH (l:DatasetLoad {key: $key})
DELETE l
