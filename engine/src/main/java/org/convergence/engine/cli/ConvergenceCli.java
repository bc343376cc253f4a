package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.convergence.engine.neo4j.EmbeddedNeo4j;
import org.convergence.engine.neo4j.Neo4jConnection;
import org.convergence.loader.LoadException;
import org.convergence.loader.neo4j.GraphWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code convergence} command line: wires options to the loader, the engine and Neo4j, and maps
 * failures to exit codes in one place ({@link #exitCodeOf(Throwable)}).
 */
@Command(name = "convergence", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = ConvergenceCli.Version.class,
        description = "Convergence analytics of two-mode (process x theme) data in Neo4j.",
        subcommands = {RunCommand.class, LoadCommand.class, AnalyzeCommand.class, PathCommand.class,
                RecommendCommand.class, ServeCommand.class, DatasetsCommand.class, BenchmarkCommand.class,
                CommandLine.HelpCommand.class})
public final class ConvergenceCli {

    /** Bad input: a malformed file, an unknown option value. */
    public static final int EXIT_BAD_INPUT = 3;
    /** Neo4j could not be reached, refused the credentials, or its store is locked. */
    public static final int EXIT_UNAVAILABLE = 4;
    /** The data set exists with other data; nothing was changed. */
    public static final int EXIT_CONFLICT = 5;

    /** Version of the engine, from the jar manifest when packaged. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"convergence " + version()};
        }
    }

    /** @return the engine version */
    public static String version() {
        String v = ConvergenceCli.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    public static void main(String[] args) {
        System.exit(newCommandLine(System.getenv()).execute(args));
    }

    /**
     * A command line ready to execute, with the environment it reads connection settings from.
     *
     * @param env environment variables (tests pass their own)
     */
    public static CommandLine newCommandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new ConvergenceCli());
        cli.getCommandSpec().commandLine().setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("error: " + messageOf(e));
            err.flush();
            return exitCodeOf(e);
        });
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommand() instanceof ConnectedCommand command) {
                command.environment(env);
            }
        }
        return cli;
    }

    static int exitCodeOf(Throwable e) {
        if (e instanceof LoadException || e instanceof IllegalArgumentException) {
            return EXIT_BAD_INPUT;
        }
        if (e instanceof Neo4jConnection.ConnectionException || e instanceof EmbeddedNeo4j.StoreLockedException) {
            return EXIT_UNAVAILABLE;
        }
        if (e instanceof GraphWriter.DatasetConflictException) {
            return EXIT_CONFLICT;
        }
        return CommandLine.ExitCode.SOFTWARE;
    }

    private static String messageOf(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getName() : m;
    }
}
