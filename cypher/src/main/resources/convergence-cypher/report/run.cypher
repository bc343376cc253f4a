// What a report shows of a run beyond what RunReader resolves: its requested links (JSON), notes and the
// modularity of its clusters of processes and themes together.
MATCH (r:AnalysisRun {dataset: $dataset, id: $run})
RETURN r.links AS links, r.notes AS notes, r.modularity AS modularity
