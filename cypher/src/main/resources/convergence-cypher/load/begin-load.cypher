// Announces a load: its nodes are created under the staging key $key, which no reader asks for, so
// nothing of it is visible until complete-load renames them to the data set's name.
CREATE (:DatasetLoad {key: $key, dataset: $dataset, startedAt: datetime(), state: 'loading'})
