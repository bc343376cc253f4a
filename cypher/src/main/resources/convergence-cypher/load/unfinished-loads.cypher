// Loads that began before $before and did not finish, and retired generations not yet deleted.
MATCH (l:DatasetLoad)
WHERE l.startedAt <= $before OR l.state = 'retired'
RETURN l.key AS key, l.dataset AS dataset, l.state AS state
ORDER BY dataset, key
