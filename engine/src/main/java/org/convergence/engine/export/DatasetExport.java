package org.convergence.engine.export;

import java.io.IOException;
import java.io.OutputStream;
import org.convergence.engine.neo4j.Neo4jConnection;

/**
 * Writes one data set stored in Neo4j in one file format. Each format of {@code convergence export}
 * is one implementation; it reads through the connection and writes to a stream, so the command
 * decides where the bytes go (a temporary file moved into place once complete).
 */
@FunctionalInterface
public interface DatasetExport {

    /**
     * @param neo4j an open connection
     * @param dataset the data set to write
     * @param out where to write the file's bytes; not closed
     * @return one line saying what was written, for the user
     * @throws IllegalArgumentException if the data set does not exist or cannot be written in this format
     * @throws IOException if writing fails
     */
    String write(Neo4jConnection neo4j, String dataset, OutputStream out) throws IOException;
}
