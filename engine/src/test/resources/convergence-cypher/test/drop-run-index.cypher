// Drops one index of the schema, so that a test can see the schema step create what is missing.
DROP INDEX converges_with_run IF EXISTS
