// The served store's own connection logs in as a user of its own, with a random name and password made at
// start: outside clients that fail to log in as neo4j lock neo4j out for a while (Neo4j's protection
// against guessing), and must not lock out the server's own connection with it.
CREATE USER $name SET PASSWORD $password CHANGE NOT REQUIRED
