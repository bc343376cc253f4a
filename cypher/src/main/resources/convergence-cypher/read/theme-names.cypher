// Display names of the themes of one data set (English first), for the analysis input.
MATCH (t:Theme {dataset: $dataset})
RETURN t.id AS theme, coalesce(t.nameEn, t.name, t.id) AS themeName
