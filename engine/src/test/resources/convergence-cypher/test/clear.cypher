// Test: empty the database between tests.
MATCH (n) DETACH DELETE n
