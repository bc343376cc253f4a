// The writes of a comparison that are not its visible one: interrupted (`writing`) or `replaced`.
MATCH (c:Comparison {id: $id})
WHERE c.state <> 'complete'
RETURN c.write AS write
