package org.convergence.engine.cli;

import java.nio.file.Path;
import java.util.Map;
import org.convergence.engine.store.ConnectionSettings;
import picocli.CommandLine.Option;

/** The options every command that touches Neo4j shares. */
public final class ConnectionOptions {

    @Option(names = "--uri", paramLabel = "URI",
            description = {"External Neo4j server or cluster, e.g.",
                    "  neo4j://host:7687 (env NEO4J_URI); without it", "  the embedded Neo4j is used."})
    String uri;

    @Option(names = "--user", paramLabel = "USER", description = "User for --uri (env NEO4J_USERNAME; default neo4j).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Password for --uri (env NEO4J_PASSWORD).")
    String password;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = {"Store of the embedded Neo4j (env CONVERGENCE_DATA_DIR); by default",
                    "  $XDG_DATA_HOME/convergence/neo4j, else", "  ~/.local/share/convergence/neo4j."})
    Path dataDir;

    /** @return the settings these options and the environment describe */
    public ConnectionSettings settings(Map<String, String> env) {
        return ConnectionSettings.resolve(uri, user, password, dataDir, env);
    }
}
