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
                RecommendCommand.class, ServeCommand.class, DatasetsCommand.class, ExportCommand.class,
                BenchmarkCommand.class,
                CommandLine.HelpCommand.class})
public final class ConvergenceCli {

    /** Bad input: a malformed file, an unknown option value. */
    public static final int EXIT_BAD_INPUT = 3;
    /** Neo4j could not be reached, refused the credentials, or its store is locked. */
    public static final int EXIT_UNAVAILABLE = 4;
    /** The data set exists with other data, or another write of the same run won; nothing was changed. */
    public static final int EXIT_CONFLICT = 5;
    /** The Java heap ran out; what was being written stays invisible and is removed by the next command. */
    public static final int EXIT_OUT_OF_MEMORY = 6;

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
        // An OutOfMemoryError in any thread (a worker, a driver or database thread) ends the process at
        // once with a message: a JVM left thrashing in full collections is worse than no answer.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (outOfMemory(e) != null) {
                outOfMemoryExit(outOfMemory(e));
            }
            e.printStackTrace();
        });
        int code;
        try {
            code = newCommandLine(System.getenv()).execute(args);
        } catch (OutOfMemoryError e) {
            outOfMemoryExit(e);
            return;
        }
        System.exit(code);
    }

    /**
     * @return the OutOfMemoryError in e's cause chain (or one the in-process database reported through
     *     the driver, by name), or null
     */
    static OutOfMemoryError outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
            if (t.getMessage() != null && t.getMessage().contains("java.lang.OutOfMemoryError")) {
                return new OutOfMemoryError(t.getMessage());
            }
        }
        return null;
    }

    /** The message for an exhausted heap: what ran out, how large the heap is, and what to do. */
    static String outOfMemoryMessage(Throwable e) {
        return String.format(java.util.Locale.ROOT, "error: out of memory (%s) with a Java heap of %,d MiB."
                + " Give the JVM more with CONVERGENCE_JAVA_OPTS=-Xmx<size> (e.g. -Xmx16g), or make the result smaller"
                + " with --top-k K or a larger --min-shared; `analyze --estimate` tells what a run needs. Nothing"
                + " half-written is visible; the next command removes the leftovers.",
                e.getMessage() == null ? "Java heap space" : e.getMessage(), Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void outOfMemoryExit(Throwable e) {
        try {
            System.err.println(outOfMemoryMessage(e));
            System.err.flush();
        } finally {
            // halt, not exit: shutdown hooks and non-daemon threads could need memory there is none of
            Runtime.getRuntime().halt(EXIT_OUT_OF_MEMORY);
        }
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
            if (outOfMemory(e) != null) {
                err.println(outOfMemoryMessage(outOfMemory(e)));
                err.flush();
                return EXIT_OUT_OF_MEMORY;
            }
            err.println("error: " + messageOf(e));
            err.flush();
            return exitCodeOf(e);
        });
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommand() instanceof ConnectedCommand command) {
                command.environment(env);
            }
        }
        // the analysis settings' options, all from their one definition (AnalysisSetting)
        AnalysisSetting.addOptions(cli.getSubcommands().get("analyze").getCommandSpec(), false, AnalyzeCommand.SETTINGS);
        AnalysisSetting.addOptions(cli.getSubcommands().get("path").getCommandSpec(), false, PathCommand.SETTINGS);
        AnalysisSetting.addOptions(cli.getSubcommands().get("recommend").getCommandSpec(), true, RecommendCommand.SETTINGS);
        return cli;
    }

    static int exitCodeOf(Throwable e) {
        if (outOfMemory(e) != null) {
            return EXIT_OUT_OF_MEMORY;
        }
        if (e instanceof UsageException) {
            return CommandLine.ExitCode.USAGE;
        }
        if (e instanceof org.convergence.engine.neo4j.ResultWriter.WriteConflictException) {
            return EXIT_CONFLICT;
        }
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
