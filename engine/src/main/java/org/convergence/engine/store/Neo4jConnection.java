package org.convergence.engine.store;

import java.util.Objects;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/**
 * An open driver to the application's Neo4j, and the embedded server behind it when there is one.
 * The rest of the application sees only the {@link Driver}: embedded or external, the code path is
 * the same.
 */
public final class Neo4jConnection implements AutoCloseable {

    /** Raised when Neo4j cannot be reached or refuses the credentials. */
    public static final class ConnectionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Driver driver;
    private final EmbeddedNeo4j embedded;
    private final String description;

    private Neo4jConnection(Driver driver, EmbeddedNeo4j embedded, String description) {
        this.driver = driver;
        this.embedded = embedded;
        this.description = description;
    }

    /**
     * Connects to the external server the settings name, or starts the embedded one (Bolt only, on a
     * free loopback port) and connects to that.
     *
     * @throws ConnectionException if the server cannot be reached
     */
    public static Neo4jConnection open(ConnectionSettings settings) {
        if (settings.external()) {
            AuthToken auth = settings.password() == null ? AuthTokens.none()
                    : AuthTokens.basic(settings.user(), settings.password());
            return connect(settings.uri().toString(), auth, null, "Neo4j at " + settings.uri());
        }
        EmbeddedNeo4j server = EmbeddedNeo4j.start(EmbeddedNeo4j.Options.boltOnly(settings.dataDir()));
        return attach(server, "embedded Neo4j 5.26 at " + settings.dataDir().toAbsolutePath());
    }

    /** Connects to a running embedded server; closing the connection then also stops the server. */
    public static Neo4jConnection attach(EmbeddedNeo4j server, String description) {
        try {
            // its own user, which outside clients failing to log in as neo4j cannot lock out
            return connect(server.boltUri().toString(), server.ownLogin(), server, description);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static Neo4jConnection connect(String uri, AuthToken auth, EmbeddedNeo4j embedded, String description) {
        Driver driver = GraphDatabase.driver(uri, auth, Config.builder()
                .withLogging(Logging.none())
                .withConnectionTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .build());
        try {
            driver.verifyConnectivity();
        } catch (RuntimeException e) {
            driver.close();
            throw new ConnectionException("Cannot connect to " + description + " (" + uri + "): "
                    + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()), e);
        }
        return new Neo4jConnection(driver, embedded, description);
    }

    /** @return the driver; valid until {@link #close()} */
    public Driver driver() {
        return driver;
    }

    /** @return the embedded server, if this connection started one */
    public java.util.Optional<EmbeddedNeo4j> embedded() {
        return java.util.Optional.ofNullable(embedded);
    }

    /** @return a human description of where the data is */
    public String description() {
        return description;
    }

    /**
     * Closes the driver and stops the embedded server, if any. The driver's event loops wait out a quiet
     * period (about 200 ms) after its connections have closed; the embedded server shuts down meanwhile
     * instead of after it.
     */
    @Override
    public void close() {
        if (embedded == null) {
            driver.close();
            return;
        }
        java.util.concurrent.CompletableFuture<Void> closing = driver.closeAsync().toCompletableFuture();
        try {
            embedded.close();
        } finally {
            closing.join();
        }
    }
}
