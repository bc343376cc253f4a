// Each theme of a data set with its element id, read once per comparison write.
MATCH (t:Theme {dataset: $dataset})
RETURN t.id AS id, elementId(t) AS element
