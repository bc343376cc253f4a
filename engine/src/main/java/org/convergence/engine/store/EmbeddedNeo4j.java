package org.convergence.engine.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.convergence.cypher.Cypher;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.configuration.ssl.ClientAuth;
import org.neo4j.configuration.ssl.SslPolicyConfig;
import org.neo4j.configuration.ssl.SslPolicyScope;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.configuration.ServerSettings;
import org.neo4j.server.configuration.ThirdPartyJaxRsPackage;

/**
 * An in-process Neo4j 5.26 DBMS with a persistent store, Bolt and optionally HTTP with Neo4j
 * Browser. The application talks to it over Bolt through the driver, exactly as to an external server.
 *
 * <p>Ports may be 0 (any free port); the advertised Bolt address is then set to the port actually
 * bound, because Browser learns where to connect from the advertised address.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    /**
     * How to start the server.
     *
     * @param home store directory; data survives restarts
     * @param host address to listen on (loopback unless told otherwise)
     * @param boltPort Bolt port, 0 for any free port
     * @param httpPort HTTP port for Browser, 0 for any free port, -1 for no HTTP
     * @param password null for no authentication; otherwise user {@code neo4j} gets this password
     * @param pageCacheMiB page cache size in MiB
     * @param tls a certificate and its private key (PEM files) for Bolt and HTTPS, or null for plain text
     * @param browserDataset the data set Neo4j Browser's guide shows ({@code $dataset} in its queries)
     */
    public record Options(Path home, String host, int boltPort, int httpPort, String password, int pageCacheMiB,
            Tls tls, String browserDataset) {

        /** Options without TLS, Browser's guide on the seed. */
        public Options(Path home, String host, int boltPort, int httpPort, String password, int pageCacheMiB) {
            this(home, host, boltPort, httpPort, password, pageCacheMiB, null, "seed");
        }

        public Options {
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(browserDataset, "browserDataset");
            if (!org.convergence.loader.neo4j.GraphWriter.isValidName(browserDataset)) {
                throw new IllegalArgumentException("Value for `browserDataset` was `" + browserDataset + "`, but must"
                        + " be a data set name: 1 to 64 letters, digits, `_`, `.` or `-`, starting with a letter or digit");
            }
            requirePort("boltPort", boltPort, 0);
            requirePort("httpPort", httpPort, -1);
            if (pageCacheMiB < 8 || pageCacheMiB > 1 << 20) {
                throw new IllegalArgumentException("Value for `pageCacheMiB` was `" + pageCacheMiB
                        + "`, but must be within the range [8, 1048576]");
            }
        }

        /** Bolt on a free loopback port, no HTTP, no auth: what batch commands use. */
        public static Options boltOnly(Path home) {
            return new Options(home, "localhost", 0, -1, null, 256);
        }

        private static void requirePort(String key, int port, int min) {
            if (port < min || port > 65535) {
                throw new IllegalArgumentException("Value for `" + key + "` was `" + port
                        + "`, but must be within the range [" + min + ", 65535]");
            }
        }
    }

    /**
     * TLS for Bolt and HTTPS: Bolt then requires encryption, and Browser is served over HTTPS only.
     *
     * @param certificate the public certificate, PEM
     * @param privateKey its private key, PEM (PKCS#8), without a password
     */
    public record Tls(Path certificate, Path privateKey) {
        public Tls {
            for (Path p : new Path[] {certificate, privateKey}) {
                if (p == null || !Files.isReadable(p)) {
                    throw new IllegalArgumentException("TLS file " + p + " does not exist or cannot be read");
                }
            }
        }
    }

    /** Raised when the store is already open in another process (for example a running {@code serve}). */
    public static final class StoreLockedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreLockedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final DatabaseManagementService dbms;
    private final Options options;
    private final URI boltUri;
    private final URI httpUri;

    /** The served store's own login, {name, password}, or null without authentication. */
    private final String[] internal;

    private EmbeddedNeo4j(DatabaseManagementService dbms, Options options, URI boltUri, URI httpUri, String[] internal) {
        this.dbms = dbms;
        this.options = options;
        this.boltUri = boltUri;
        this.httpUri = httpUri;
        this.internal = internal;
    }

    /**
     * Makes the user this process's own connection logs in as, with a random name and password: Neo4j locks
     * a user out for a while after failed logins, and outside clients failing as {@code neo4j} must not lock
     * out the server's own connection. Users left by an earlier start are dropped first.
     *
     * @return {name, password}
     */
    private static String[] createInternalUser(org.neo4j.graphdb.GraphDatabaseService system) {
        List<String> old = new java.util.ArrayList<>();
        system.executeTransactionally(Cypher.statement("admin/internal-users"), Map.of(), r -> {
            r.forEachRemaining(row -> old.add((String) row.get("user")));
            return null;
        });
        for (String name : old) {
            system.executeTransactionally(Cypher.statement("admin/drop-user"), Map.of("name", name));
        }
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String password = java.util.HexFormat.of().formatHex(bytes);
        random.nextBytes(bytes);
        String name = "convergence-internal-" + java.util.HexFormat.of().formatHex(bytes, 0, 8);
        system.executeTransactionally(Cypher.statement("admin/create-internal-user"),
                Map.of("name", name, "password", password));
        return new String[] {name, password};
    }

    /** @return the login this process's own connection uses: its own user with authentication on, else none */
    /**
     * @return the user and password of this server's own login, for a child process it hands the server to
     *     ({@code convergence spark}); empty when the server needs none
     */
    public java.util.Optional<List<String>> ownCredentials() {
        return internal == null ? java.util.Optional.empty() : java.util.Optional.of(List.of(internal[0], internal[1]));
    }

    org.neo4j.driver.AuthToken ownLogin() {
        return internal == null ? org.neo4j.driver.AuthTokens.none()
                : org.neo4j.driver.AuthTokens.basic(internal[0], internal[1]);
    }

    /**
     * Starts the server and waits until it accepts Bolt connections.
     *
     * @param options where and how
     * @return the running server
     * @throws StoreLockedException if another process has the store open
     */
    public static EmbeddedNeo4j start(Options options) {
        Path home = options.home().toAbsolutePath();
        try {
            Files.createDirectories(home);
            // the store and its logs are the owner's alone (the logs hold queries, the store the data)
            if (home.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot create the Neo4j store directory " + home + ": " + e.getMessage(), e);
        }
        int boltPort = options.boltPort();
        int httpPort = options.httpPort();
        if (httpPort >= 0) {
            // Browser connects to the *advertised* Bolt address, so it must be the real port: pick free
            // ports now rather than letting the server choose them.
            boltPort = boltPort == 0 ? freePort(options.host()) : boltPort;
            httpPort = httpPort == 0 ? freePort(options.host()) : httpPort;
        }
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheMiB() * 1024L * 1024L)
                .setConfig(GraphDatabaseSettings.auth_enabled, options.password() != null)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(options.host(), boltPort))
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(BoltConnector.encryption_level, options.tls() == null
                        ? BoltConnector.EncryptionLevel.DISABLED : BoltConnector.EncryptionLevel.REQUIRED)
                // Netty's graceful shutdown waits out a quiet period (5 s by default, twice over) before
                // Bolt closes; a command that has finished has no clients left to wait for. Neo4j's own
                // test harness sets it to 0 too.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                // the start-up dump of system diagnostics (environment, JVM arguments, every setting) takes
                // a second of every command and would write a password given on the command line to the log
                .setConfig(GraphDatabaseInternalSettings.dump_diagnostics, false)
                // no usage reports from a command-line tool
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // an analytics store needs its transaction logs for recovery only, not Neo4j's default two
                // days of them (5.7 GB after one all-pairs write-back of the benchmark corpus): keep 256 MB
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "256M size")
                .setConfig(HttpConnector.enabled, options.httpPort() >= 0 && options.tls() == null);
        if (options.tls() != null) {
            for (SslPolicyScope scope : new SslPolicyScope[] {SslPolicyScope.BOLT, SslPolicyScope.HTTPS}) {
                SslPolicyConfig policy = SslPolicyConfig.forScope(scope);
                Path cert = options.tls().certificate().toAbsolutePath();
                builder.setConfig(policy.enabled, true)
                        .setConfig(policy.base_directory, cert.getParent())
                        .setConfig(policy.public_certificate, cert)
                        .setConfig(policy.private_key, options.tls().privateKey().toAbsolutePath())
                        .setConfig(policy.client_auth, ClientAuth.NONE);
            }
        }
        if (options.httpPort() >= 0) {
            String advertisedHost = isWildcard(options.host()) ? "localhost" : connectHost(options.host());
            String httpBase = (options.tls() == null ? "http://" : "https://") + advertisedHost + ":" + httpPort;
            if (options.tls() != null) {
                builder.setConfig(HttpsConnector.enabled, true)
                        .setConfig(HttpsConnector.listen_address, new SocketAddress(options.host(), httpPort))
                        .setConfig(HttpsConnector.advertised_address, new SocketAddress(advertisedHost, httpPort));
            }
            builder.setConfig(HttpConnector.listen_address, new SocketAddress(options.host(), httpPort))
                    .setConfig(HttpConnector.advertised_address, new SocketAddress(advertisedHost, httpPort))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(advertisedHost, boltPort))
                    // the project's style, the guide's data set, the guide (BrowserSetup says why so). Browser's
                    // crash reports and usage statistics need no command: with client.allow_telemetry false,
                    // Browser takes both as off from the server's settings
                    .setConfig(ServerSettings.browser_post_connect_cmd,
                            BrowserSetup.postConnectCommands(httpBase, options.browserDataset()))
                    .setConfig(ServerSettings.third_party_packages,
                            List.of(new ThirdPartyJaxRsPackage("org.convergence.engine.web", "/static")))
                    .setConfig(ServerSettings.http_auth_allowlist, List.of("/", "/browser.*", "/static.*"))
                    .setConfig(ServerSettings.allow_telemetry, false)
                    .setConfig(ServerSettings.browser_remote_content_hostname_whitelist, "localhost,127.0.0.1");
        }
        DatabaseManagementService dbms;
        try {
            dbms = builder.build();
        } catch (RuntimeException e) {
            if (causeChainMentions(e, "lock")) {
                throw new StoreLockedException("The Neo4j store " + home + " is in use by another process (is"
                        + " `convergence serve` running?). Stop it, or connect to it with --uri bolt://localhost:7687", e);
            }
            throw e;
        }
        try {
            ConnectorPortRegister ports = ((GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
                    .getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
            HostnamePort bolt = ports.getLocalAddress(ConnectorType.BOLT);
            // with TLS the in-process client accepts the server's own certificate (bolt+ssc): it is this process
            URI boltUri = URI.create((options.tls() == null ? "bolt://" : "bolt+ssc://") + connectHost(bolt.getHost())
                    + ":" + bolt.getPort());
            URI httpUri = null;
            if (options.httpPort() >= 0) {
                HostnamePort http = ports.getLocalAddress(options.tls() == null ? ConnectorType.HTTP : ConnectorType.HTTPS);
                httpUri = URI.create((options.tls() == null ? "http://" : "https://") + connectHost(http.getHost()) + ":"
                        + http.getPort());
            }
            String[] internal = null;
            if (options.password() != null) {
                var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
                try {
                    system.executeTransactionally(Cypher.statement("admin/set-password"),
                            Map.of("password", options.password()));
                } catch (RuntimeException e) {
                    // serving a protected store again with its password: nothing to change
                    if (!causeChainMentions(e, "old password and new password cannot be the same")) {
                        throw e;
                    }
                }
                internal = createInternalUser(system);
            }
            return new EmbeddedNeo4j(dbms, options, boltUri, httpUri, internal);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
    }

    private static boolean causeChainMentions(Throwable e, String word) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.equals("0:0:0:0:0:0:0:0");
    }

    /**
     * @return a host a client on this machine can connect to for a bound address: loopback for a
     *     wildcard, an IPv6 literal in brackets
     */
    static String connectHost(String bound) {
        if (isWildcard(bound)) {
            return "127.0.0.1";
        }
        return bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound;
    }

    private static int freePort(String host) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName(isWildcard(host) ? "localhost" : host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot find a free port on " + host + ": " + e.getMessage(), e);
        }
    }

    /** @return where the driver connects */
    public URI boltUri() {
        return boltUri;
    }

    /** @return the HTTP root (Browser is at {@code /browser/}), if HTTP is on */
    public java.util.Optional<URI> httpUri() {
        return java.util.Optional.ofNullable(httpUri);
    }

    /** @return the options the server was started with */
    public Options options() {
        return options;
    }

    /** Shuts the DBMS down cleanly (flushes and closes the store). */
    @Override
    public void close() {
        if (internal != null) {
            try {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        Cypher.statement("admin/drop-user"), Map.of("name", internal[0]));
            } catch (RuntimeException e) {
                // dropped at the next start instead
            }
        }
        dbms.shutdown();
    }
}
