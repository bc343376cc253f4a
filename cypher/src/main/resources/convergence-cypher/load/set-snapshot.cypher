// Says which series a data set belongs to and which period it describes (`load --series S --period P`),
// or clears both when $series is null. Runs after the load; idempotent.
MATCH (d:Dataset {id: $dataset})
SET d.series = $series, d.period = $period
RETURN count(d) AS found
