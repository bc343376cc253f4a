package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convergence.engine.analysis.TwoModeData;
import org.convergence.engine.store.GraphReader;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.engine.store.Recovery;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to Neo4j: the connection options, the environment they fall back on, the
 * output streams picocli gives (so tests can read them), and opening the one connection it uses.
 */
abstract class ConnectedCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Spec
    CommandSpec spec;

    private Map<String, String> env = Map.of();

    /** Sets the environment connection settings fall back on; {@link ConvergenceCli} calls it for every command. */
    void environment(Map<String, String> env) {
        this.env = env;
    }

    Map<String, String> env() {
        return env;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * @return a connection to the external server the options name, or to the embedded one, for a
     *     command that only reads: readers see complete data sets and runs only, so what an interrupted
     *     write left is invisible to them and is left for the next command that writes
     */
    Neo4jConnection open() {
        return Neo4jConnection.open(connection.settings(env));
    }

    /**
     * @return a connection as {@link #open()}, for a command that writes: first it removes what
     *     interrupted writes left (said on stderr)
     */
    Neo4jConnection openForWriting() {
        Neo4jConnection neo4j = open();
        try {
            recover(neo4j, err());
        } catch (RuntimeException e) {
            neo4j.close();
            throw e;
        }
        return neo4j;
    }

    /** Removes what interrupted writes left, saying so on {@code err}. */
    static void recover(Neo4jConnection neo4j, PrintWriter err) {
        for (String line : Recovery.run(neo4j)) {
            err.println("recovered: " + line);
        }
        err.flush();
    }

    /** @return the bipartite graph of a data set, counting only the given relation kinds (null or "all": all) */
    static TwoModeData readGraph(Neo4jConnection neo4j, String dataset, List<String> relations) {
        return new GraphReader(neo4j.driver()).read(dataset, relations);
    }
}
