// The names of the indexes the database has.
SHOW INDEXES YIELD name
RETURN name
