package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.convergence.engine.app.Serving;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.store.ConnectionSettings;
import org.convergence.loader.seed.SeedMatrixParser;
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
            password = Serving.readPasswordFile(serverPasswordFile);
        }
        if (!Serving.isLoopback(host) && (password == null || password.isBlank()) && System.console() != null) {
            // at a terminal, ask rather than have the password typed on the command line
            char[] typed = System.console().readPassword("Password for user neo4j (at least 8 characters): ");
            password = typed == null ? null : new String(typed);
        }
        Serving.Request request = new Serving.Request(settings.dataDir(), dataset, host, boltPort, httpPort, tlsCert,
                tlsKey, insecure, password);
        Serving.Started started = Serving.start(request, out, err());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Shutting down Neo4j cleanly...");
            out.flush();
            started.neo4j().close();
            out.println("Stopped; the store is saved in " + settings.dataDir().toAbsolutePath());
            out.flush();
            stopped.countDown();
        }, "convergence-shutdown"));
        boolean open = request.passwordOrNull() == null;
        out.println();
        out.println("Neo4j is serving the store " + settings.dataDir().toAbsolutePath());
        out.println("  Bolt:    " + started.server().boltUri());
        out.println("  Browser: " + started.browserAddress() + (open ? "?preselectAuthMethod=NO_AUTH" : ""));
        out.println("  " + (open ? "No authentication (listening on " + host + " only)."
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
