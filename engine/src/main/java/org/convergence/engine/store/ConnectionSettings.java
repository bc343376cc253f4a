package org.convergence.engine.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the application's Neo4j is: an external server or cluster ({@code uri} set) or the embedded
 * server on the store in {@code dataDir}.
 *
 * @param uri Bolt or neo4j URI of an external server, or null for the embedded one
 * @param user user name for the external server
 * @param password password for the external server, or null for no authentication
 * @param dataDir store directory of the embedded server
 */
public record ConnectionSettings(URI uri, String user, String password, Path dataDir) {

    /** Environment variable naming the embedded store directory. */
    public static final String DATA_DIR_ENV = "CONVERGENCE_DATA_DIR";

    /**
     * Resolves settings from options (null when not given) and the environment: {@code NEO4J_URI},
     * {@code NEO4J_USERNAME}, {@code NEO4J_PASSWORD}, {@value #DATA_DIR_ENV}.
     */
    public static ConnectionSettings resolve(String uri, String user, String password, Path dataDir,
            Map<String, String> env) {
        String u = firstNonBlank(uri, env.get("NEO4J_URI"));
        URI parsed = null;
        if (u != null) {
            try {
                parsed = URI.create(u);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Value for `--uri` was `" + u + "`, which is not a URI; expected"
                        + " e.g. neo4j://host:7687 or bolt://localhost:7687", e);
            }
            if (parsed.getScheme() == null || !parsed.getScheme().matches("(neo4j|bolt)(\\+s|\\+ssc)?")) {
                throw new IllegalArgumentException("Value for `--uri` was `" + u + "`, but the scheme must be one of"
                        + " neo4j, neo4j+s, neo4j+ssc, bolt, bolt+s, bolt+ssc");
            }
        }
        String usr = firstNonBlank(user, env.get("NEO4J_USERNAME"));
        String pw = firstNonBlank(password, env.get("NEO4J_PASSWORD"));
        Path dir = dataDir != null ? dataDir : defaultDataDir(env);
        return new ConnectionSettings(parsed, usr == null ? "neo4j" : usr, pw, dir);
    }

    /**
     * The documented default store: {@value #DATA_DIR_ENV} if set, else
     * {@code $XDG_DATA_HOME/convergence/neo4j}, else {@code ~/.local/share/convergence/neo4j}.
     */
    public static Path defaultDataDir(Map<String, String> env) {
        String explicit = env.get(DATA_DIR_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("convergence").resolve("neo4j");
    }

    /** @return whether these settings name an external server */
    public boolean external() {
        return uri != null;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
