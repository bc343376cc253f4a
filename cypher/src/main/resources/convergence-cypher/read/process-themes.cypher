// The bipartite graph of one data set: every process-theme edge, optionally only some relation kinds.
MATCH (p:Process {dataset: $dataset})-[r:ADDRESSES]->(t:Theme)
WHERE $relations IS NULL OR r.relation IN $relations
RETURN p.id AS process, coalesce(p.name, p.id) AS processName,
       t.id AS theme, coalesce(t.nameEn, t.name, t.id) AS themeName,
       r.relation AS relation, r.weight AS weight, r.rawLabels AS rawLabels
ORDER BY process, theme, relation
