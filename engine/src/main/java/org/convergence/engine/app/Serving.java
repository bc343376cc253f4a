package org.convergence.engine.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.convergence.engine.store.DatasetStore;
import org.convergence.engine.store.EmbeddedNeo4j;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.engine.store.Recovery;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * The use case of {@code convergence serve}: the embedded store as a server with Bolt, HTTP and Neo4j
 * Browser, checked before it starts (address, ports, password, TLS), with the seed loaded when the store has
 * none.
 */
public final class Serving {

    /**
     * What to serve and how, checked when made.
     *
     * @param dataDir the store's folder
     * @param dataset the data set the Browser guide shows
     * @param host the address to listen on
     * @param boltPort the Bolt port, or 0 for any free one
     * @param httpPort the HTTP port, or 0 for any free one
     * @param tlsCert a PEM certificate, or null
     * @param tlsKey its private key, or null
     * @param insecure serve beyond loopback without TLS
     * @param password the password of user {@code neo4j}, or null/blank for no authentication
     * @throws UsageException naming the option and what it must be
     */
    public record Request(Path dataDir, String dataset, String host, int boltPort, int httpPort, Path tlsCert,
            Path tlsKey, boolean insecure, String password) {

        public Request {
            if (password != null && !password.isBlank() && password.length() < 8) {
                throw new UsageException("Value for `--server-password` has " + password.length()
                        + " characters, but must have at least 8 (Neo4j's minimum)");
            }
            requireFree(host, boltPort, "--bolt-port");
            requireFree(host, httpPort, "--http-port");
            if ((tlsCert == null) != (tlsKey == null)) {
                throw new UsageException("--tls-cert and --tls-key go together");
            }
            boolean loopback = isLoopback(host);
            if (!loopback && (password == null || password.isBlank())) {
                throw new UsageException("Value for `--host` was `" + host + "`: listening beyond this machine"
                        + " needs --server-password so that the database is not open to anyone on the network");
            }
            if (!loopback && tlsCert == null && !insecure) {
                throw new UsageException("Value for `--host` was `" + host + "`: listening beyond this machine needs TLS"
                        + " (--tls-cert FILE --tls-key FILE), or --insecure to send passwords and data in plain text");
            }
            if (!GraphWriter.isValidName(dataset)) {
                throw new UsageException("Value for `--dataset` was `" + dataset + "`, but must be a data set name: 1 to"
                        + " 64 letters, digits, `_`, `.` or `-`, starting with a letter or digit");
            }
        }

        /** @return the password, or null when authentication is off */
        public String passwordOrNull() {
            return password == null || password.isBlank() ? null : password;
        }
    }

    private Serving() {
    }

    /**
     * Whether a host is this machine only: decided on every address it resolves to, not on its
     * spelling (a name such as {@code 127.lan.example} may resolve to a routable address).
     *
     * @throws UsageException if the host does not resolve
     */
    public static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host.replace("[", "").replace("]", ""));
            return Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            throw new UsageException("Value for `--host` was `" + host + "`, but it does not resolve to an"
                    + " address of this machine");
        }
    }

    /** @return the first line of a password file, stripped */
    public static String readPasswordFile(Path file) {
        try {
            return Files.readAllLines(file).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new UsageException("Value for `--server-password-file` was `" + file
                    + "`, but it cannot be read: " + e.getMessage(), e);
        }
    }

    /** Fails early, naming the option, when a port is taken (Neo4j would say only that it failed to start). */
    private static void requireFree(String host, int port, String option) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host.replace("[", "").replace("]", ""), port));
        } catch (IOException e) {
            throw new UsageException("Value for `" + option + "` was `" + port + "`, but that port is in use on "
                    + host + " (" + e.getMessage() + "); stop what uses it or choose another port");
        }
    }

    /**
     * Starts the server, removes what interrupted writes left, loads the seed when the store has none, and
     * checks that the data set to show exists.
     *
     * @return the server and a connection to it; the caller closes the connection to stop it
     * @throws IllegalArgumentException (after stopping the server) when the data set is unknown
     */
    public static Started start(Request request, PrintWriter out, PrintWriter err) {
        EmbeddedNeo4j.Tls tls = null;
        if (request.tlsCert() != null) {
            try {
                tls = new EmbeddedNeo4j.Tls(request.tlsCert(), request.tlsKey());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
        EmbeddedNeo4j server = EmbeddedNeo4j.start(new EmbeddedNeo4j.Options(request.dataDir(), request.host(),
                request.boltPort(), request.httpPort(), request.passwordOrNull(), 512, tls, request.dataset()));
        Neo4jConnection neo4j = Neo4jConnection.attach(server, "embedded Neo4j 5.26 at "
                + request.dataDir().toAbsolutePath());
        try {
            for (String line : Recovery.run(neo4j)) {
                err.println("recovered: " + line);
            }
            err.flush();
            if (new DatasetStore(neo4j.driver()).list().stream()
                    .noneMatch(d -> d.dataset().equals(SeedMatrixParser.SEED_DATASET))) {
                Loading.write(neo4j, SeedMatrixParser.SEED_DATASET, Loading.matrixPlan(null, Taxonomy.builtIn()),
                        GraphWriter.Mode.MERGE, out, err);
                Loading.label(neo4j, SeedMatrixParser.SEED_DATASET, SeriesPeriod.SEED, null);
            }
            List<String> datasets = new DatasetStore(neo4j.driver()).list().stream()
                    .map(DatasetStore.Listing::dataset).toList();
            if (!datasets.contains(request.dataset())) {
                throw new IllegalArgumentException("Unknown data set `" + request.dataset() + "` for --dataset; data"
                        + " sets: " + String.join(", ", datasets));
            }
        } catch (RuntimeException e) {
            neo4j.close();
            throw e;
        }
        return new Started(server, neo4j);
    }

    /**
     * A running server.
     *
     * @param server the embedded server
     * @param neo4j the engine's own connection to it; closing it stops the server
     */
    public record Started(EmbeddedNeo4j server, Neo4jConnection neo4j) {

        /** @return the Browser's address as a person types it */
        public String browserAddress() {
            return server.httpUri().orElseThrow().toString().replace("127.0.0.1", "localhost") + "/browser/";
        }
    }
}
