package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.convergence.engine.app.Loading;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.store.ConnectionSettings;
import org.convergence.engine.store.DatasetStore;
import org.convergence.engine.store.EmbeddedNeo4j;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convergence serve}: runs the embedded store as a server with Bolt, HTTP and Neo4j Browser
 * until interrupted, then shuts down cleanly.
 */
@Command(name = "serve", sortOptions = false, description = "Serve the embedded store: Bolt, HTTP and Neo4j Browser,"
        + " until Ctrl-C. Loads the seed first if the store has no `seed` data set.")
final class ServeCommand extends ConnectedCommand {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = SeedMatrixParser.SEED_DATASET,
            description = "Data set the Browser guide's queries show, as parameter $dataset (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "localhost",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Any other than loopback needs --server-password.")
    String host;

    @Option(names = "--bolt-port", paramLabel = "PORT", defaultValue = "7687", description = "Bolt port (default: ${DEFAULT-VALUE}).")
    int boltPort;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "7474", description = "HTTP/Browser port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Public certificate (PEM) for Bolt and HTTPS.")
    java.nio.file.Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "Its private key (PEM, PKCS#8, no password).")
    java.nio.file.Path tlsKey;

    @Option(names = "--insecure", description = "Serve beyond loopback without TLS (plain text on the network).")
    boolean insecure;

    @Option(names = "--server-password-file", paramLabel = "FILE",
            description = "Read the password from the first line of FILE (keeps it off the command line).")
    java.nio.file.Path serverPasswordFile;

    @Option(names = "--server-password", paramLabel = "PASSWORD",
            description = "Turn authentication on; user neo4j gets this password (better: --server-password-file, env"
                    + " CONVERGENCE_SERVER_PASSWORD, or the prompt a terminal gets beyond loopback).")
    String serverPassword;


    /**
     * Whether a host is this machine only: decided on every address it resolves to, not on its
     * spelling (a name such as {@code 127.lan.example} may resolve to a routable address).
     *
     * @throws IllegalArgumentException if the host does not resolve
     */
    static boolean isLoopback(String host) {
        try {
            java.net.InetAddress[] addresses = java.net.InetAddress.getAllByName(host.replace("[", "").replace("]", ""));
            return java.util.Arrays.stream(addresses).allMatch(java.net.InetAddress::isLoopbackAddress);
        } catch (java.net.UnknownHostException e) {
            throw new UsageException("Value for `--host` was `" + host + "`, but it does not resolve to an"
                    + " address of this machine");
        }
    }

    /** Fails early, naming the option, when a port is taken (Neo4j would say only that it failed to start). */
    private static void requireFree(String host, int port, String option) {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.bind(new java.net.InetSocketAddress(host.replace("[", "").replace("]", ""), port));
        } catch (java.io.IOException e) {
            throw new UsageException("Value for `" + option + "` was `" + port + "`, but that port is in use on "
                    + host + " (" + e.getMessage() + "); stop what uses it or choose another port");
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = out();
        ConnectionSettings settings = connection.settings(env());
        if (settings.external()) {
            throw new UsageException("serve runs the embedded store; with --uri (or NEO4J_URI) your server"
                    + " is already serving. Unset NEO4J_URI to serve the embedded store.");
        }
        String password = serverPassword != null ? serverPassword : env().get("CONVERGENCE_SERVER_PASSWORD");
        if (serverPasswordFile != null) {
            if (serverPassword != null) {
                throw new UsageException("--server-password and --server-password-file exclude each other");
            }
            try {
                password = java.nio.file.Files.readAllLines(serverPasswordFile).stream().findFirst().orElse("").strip();
            } catch (java.io.IOException e) {
                throw new UsageException("Value for `--server-password-file` was `" + serverPasswordFile
                        + "`, but it cannot be read: " + e.getMessage(), e);
            }
        }
        boolean loopback = isLoopback(host);
        if (!loopback && (password == null || password.isBlank()) && System.console() != null) {
            // at a terminal, ask rather than have the password typed on the command line
            char[] typed = System.console().readPassword("Password for user neo4j (at least 8 characters): ");
            password = typed == null ? null : new String(typed);
        }
        if (password != null && !password.isBlank() && password.length() < 8) {
            throw new UsageException("Value for `--server-password` has " + password.length()
                    + " characters, but must have at least 8 (Neo4j's minimum)");
        }
        requireFree(host, boltPort, "--bolt-port");
        requireFree(host, httpPort, "--http-port");
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new UsageException("--tls-cert and --tls-key go together");
        }
        EmbeddedNeo4j.Tls tls = null;
        if (tlsCert != null) {
            try {
                tls = new EmbeddedNeo4j.Tls(tlsCert, tlsKey);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        if (!loopback && (password == null || password.isBlank())) {
            throw new UsageException("Value for `--host` was `" + host + "`: listening beyond this machine"
                    + " needs --server-password so that the database is not open to anyone on the network");
        }
        if (!loopback && tls == null && !insecure) {
            throw new UsageException("Value for `--host` was `" + host + "`: listening beyond this machine needs TLS"
                    + " (--tls-cert FILE --tls-key FILE), or --insecure to send passwords and data in plain text");
        }
        if (!org.convergence.loader.neo4j.GraphWriter.isValidName(dataset)) {
            throw new UsageException("Value for `--dataset` was `" + dataset + "`, but must be a data set name: 1 to 64"
                    + " letters, digits, `_`, `.` or `-`, starting with a letter or digit");
        }
        EmbeddedNeo4j server = EmbeddedNeo4j.start(new EmbeddedNeo4j.Options(settings.dataDir(), host, boltPort,
                httpPort, password == null || password.isBlank() ? null : password, 512, tls, dataset));
        CountDownLatch stopped = new CountDownLatch(1);
        Neo4jConnection neo4j = Neo4jConnection.attach(server, "embedded Neo4j 5.26 at "
                + settings.dataDir().toAbsolutePath());
        Thread hook = new Thread(() -> {
            out.println("Shutting down Neo4j cleanly...");
            out.flush();
            neo4j.close();
            out.println("Stopped; the store is saved in " + settings.dataDir().toAbsolutePath());
            out.flush();
            stopped.countDown();
        }, "convergence-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        recover(neo4j, err());
        if (new DatasetStore(neo4j.driver()).list().stream()
                .noneMatch(d -> d.dataset().equals(SeedMatrixParser.SEED_DATASET))) {
            Loading.write(neo4j, SeedMatrixParser.SEED_DATASET,
                    Loading.matrixPlan(null, Taxonomy.builtIn()), GraphWriter.Mode.MERGE, out, err());
        }
        java.util.List<String> datasets = new DatasetStore(neo4j.driver()).list().stream()
                .map(DatasetStore.Listing::dataset).toList();
        if (!datasets.contains(dataset)) {
            Runtime.getRuntime().removeShutdownHook(hook);
            neo4j.close();
            throw new IllegalArgumentException("Unknown data set `" + dataset + "` for --dataset; data sets: "
                    + String.join(", ", datasets));
        }
        String http = server.httpUri().orElseThrow().toString().replace("127.0.0.1", "localhost");
        out.println();
        out.println("Neo4j is serving the store " + settings.dataDir().toAbsolutePath());
        out.println("  Bolt:    " + server.boltUri());
        out.println("  Browser: " + http + "/browser/" + (password == null ? "?preselectAuthMethod=NO_AUTH" : ""));
        out.println("  " + (password == null ? "No authentication (listening on " + host + " only)."
                : "User neo4j with the password you gave."));
        out.println();
        out.println("A first query to try in Browser (the guide, with more, opens beside it when you connect; its queries");
        out.println("read data set `" + dataset + "` as $dataset):");
        out.println("  MATCH (p:Process {dataset: $dataset})-[r:ADDRESSES]->(t:Theme) RETURN p, r, t");
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }
}
