// Run against the `system` database of the embedded server when it starts with authentication on.
ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED
