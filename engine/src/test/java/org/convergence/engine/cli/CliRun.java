package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * One command through picocli on the embedded Neo4j over a given store, as a user types it, with what
 * it printed.
 *
 * @param exit the exit code
 * @param out what it wrote to stdout
 * @param err what it wrote to stderr
 */
record CliRun(int exit, String out, String err) {

    static CliRun of(Path store, String... args) {
        return withEnvironment(Map.of("CONVERGENCE_DATA_DIR", store.toString()), args);
    }

    /** One command with these environment variables (NEO4J_URI and the like for a server). */
    static CliRun withEnvironment(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ConvergenceCli.newCommandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
