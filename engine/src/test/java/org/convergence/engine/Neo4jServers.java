package org.convergence.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.convergence.engine.neo4j.EmbeddedNeo4j;
import org.convergence.engine.neo4j.Neo4jConnection;

/**
 * One in-process Neo4j for all integration tests of a JVM, on a temporary store, reached over Bolt
 * through the driver like any server. Tests clear the database themselves.
 */
public final class Neo4jServers {

    private static Neo4jConnection embedded;

    private Neo4jServers() {
    }

    /** @return a connection to the shared embedded server, started on first use */
    public static synchronized Neo4jConnection embedded() {
        if (embedded == null) {
            try {
                Path dir = Files.createTempDirectory("convergence-it-");
                EmbeddedNeo4j server = EmbeddedNeo4j.start(EmbeddedNeo4j.Options.boltOnly(dir));
                embedded = Neo4jConnection.attach(server, "test Neo4j at " + dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    embedded.close();
                    delete(dir);
                }));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return embedded;
    }

    /** Deletes a directory tree, best effort. */
    public static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary files; nothing to do
        }
    }
}
