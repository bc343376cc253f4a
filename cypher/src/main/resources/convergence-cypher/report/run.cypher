// What a report shows of a run beyond what RunReader resolves: its requested links (JSON) and notes.
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
RETURN r.links AS links, r.notes AS notes
