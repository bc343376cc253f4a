// Every theme of a data set with its names, by id.
MATCH (t:Theme {dataset: $dataset})
RETURN t.id AS id, coalesce(t.name, t.id) AS name, t.nameEn AS nameEn, t.nameEs AS nameEs,
       coalesce(t.unmapped, false) AS unmapped
ORDER BY id
