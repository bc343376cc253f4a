package org.convergence.engine.cli;

import java.util.ArrayList;
import java.util.List;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.store.EmbeddedNeo4j;
import org.convergence.engine.store.Neo4jConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code convergence with-embedded-neo4j COMMAND...} (hidden; the launcher's): starts the embedded store, runs
 * a command of another JVM with {@code NEO4J_URI} (and the store's own login, when it has one) pointing at it
 * over Bolt, and stops the store when the command ends. How {@code ./convergence spark ... --neo4j} reaches
 * the embedded store: the Spark job runs on Spark's class path, which cannot hold the Neo4j server's, and
 * talks to it as to any server.
 */
@Command(name = "with-embedded-neo4j", hidden = true, description = "Run a command with the embedded Neo4j"
        + " started for it (NEO4J_URI set).")
final class WithEmbeddedCommand extends ConnectedCommand {

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (connection.settings(env()).external()) {
            throw new UsageException("with-embedded-neo4j starts the embedded store; a server is named already ("
                    + connection.settings(env()).uri() + "): run the command itself");
        }
        try (Neo4jConnection neo4j = openForWriting()) {
            EmbeddedNeo4j server = neo4j.embedded().orElseThrow();
            ProcessBuilder child = new ProcessBuilder(command).inheritIO();
            var environment = child.environment();
            environment.put("NEO4J_URI", server.boltUri().toString());
            environment.remove("NEO4J_USERNAME");
            environment.remove("NEO4J_PASSWORD");
            server.ownCredentials().ifPresent(login -> {
                environment.put("NEO4J_USERNAME", login.get(0));
                environment.put("NEO4J_PASSWORD", login.get(1));
            });
            Process process = child.start();
            // stopped with this process (Ctrl-C), not left writing to a store that is gone
            Thread stop = new Thread(process::destroy, "stop-child");
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                return process.waitFor();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs
                }
            }
        }
    }
}
