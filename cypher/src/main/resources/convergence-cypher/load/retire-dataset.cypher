// The first statements of the last transaction of a load, when a previous generation of the data set
// exists: that generation (its loaded facts and its analysis runs, which were computed from them) is
// renamed to the retired key $retired, to be deleted afterwards in batches (delete-generation). A load
// of a new data set skips them (complete-load follows either way).
MATCH (n:Document {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Process {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Theme {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Country {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Organisation {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Footnote {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:JointActivity {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:AnalysisRun {dataset: $dataset}) SET n.dataset = $retired;
MATCH (n:Cluster {dataset: $dataset}) SET n.dataset = $retired;
