// The end of deleting a data set (datasets --delete), after retire-dataset in the same transaction: the
// data set's nodes now stand under the retired key $retired, which no reader asks for, so the data set,
// its analysis runs and its comparisons vanish for readers at once. Its Dataset node goes, and a marker
// in state 'retired' names the key, so that an interrupted deletion in batches (delete-generation) is finished by
// the next command that writes (unfinished-loads).
MATCH (d:Dataset {id: $dataset}) DETACH DELETE d;
// Comparisons of it (`convergence compare`) vanish with it; recovery deletes them and their changes.
MATCH (c:Comparison) WHERE $dataset IN [c.earlier, c.later] SET c.state = 'replaced';
CREATE (:DatasetLoad {key: $retired, dataset: $dataset, startedAt: datetime(), state: 'retired'})
