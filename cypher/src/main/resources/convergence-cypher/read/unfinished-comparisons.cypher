// Writes of comparisons that will never be visible: replaced by a later write, or begun before $before
// and not complete (a crash or kill -9 interrupted them). Recovery removes them.
MATCH (c:Comparison)
WHERE c.state = 'replaced' OR (c.state = 'writing' AND c.startedAt < $before)
RETURN c.id AS id, c.write AS write
