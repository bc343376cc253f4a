// The names of the indexes the database has (every constraint of schema/constraints is backed by an
// index of its name): a command that finds them all runs none of the schema statements.
SHOW INDEXES YIELD name
RETURN name
