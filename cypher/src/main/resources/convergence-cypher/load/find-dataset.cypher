// The fingerprint of what a data set was loaded from, if it exists.
MATCH (d:Dataset {id: $dataset})
RETURN d.fingerprint AS fingerprint, d.source AS source
