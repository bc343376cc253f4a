package org.convergence.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.convergence.cypher.Cypher;
import org.convergence.engine.store.EmbeddedNeo4j;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;
import org.neo4j.driver.Driver;

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

    /** Empties the database, then loads the built-in seed matrix as data set {@code seed}. */
    public static void clearAndLoadSeed(Driver driver) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("test/clear")).consume());
        }
        new GraphWriter(driver, 1000, l -> { }).write("seed", new SeedMatrixParser(Taxonomy.builtIn(),
                Organisations.builtIn()).parse(SeedMatrixParser.builtInSource()), GraphWriter.Mode.MERGE);
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
