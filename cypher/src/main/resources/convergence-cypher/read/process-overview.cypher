// One row per process of a data set with its theme counts per relation kind, for summaries.
MATCH (p:Process {dataset: $dataset})
OPTIONAL MATCH (p)-[r:ADDRESSES]->(:Theme)
WITH p, r.relation AS relation, count(r) AS n
WITH p, collect(CASE WHEN relation IS NULL THEN null ELSE [relation, n] END) AS counts
RETURN p.id AS id, coalesce(p.name, p.id) AS name, p.startCountry AS startCountry, p.startYear AS startYear,
       counts
ORDER BY p.column IS NULL, p.column, id
