// Test: analysis runs of a data set.
MATCH (r:AnalysisRun {dataset: $dataset}) RETURN count(r) AS runs
