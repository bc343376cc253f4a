package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.app.Version;
import org.convergence.engine.store.EmbeddedNeo4j;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.LoadException;
import org.convergence.loader.neo4j.GraphWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code convergence} command line: wires options to the loader, the engine and Neo4j, and maps
 * failures to exit codes in one place ({@link #exitCodeOf(Throwable)}).
 */
@Command(name = "convergence", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = ConvergenceCli.Version.class,
        description = "Convergence analytics of two-mode (process x theme) data in Neo4j.",
        subcommands = {RunCommand.class, LoadCommand.class, AnalyzeCommand.class, PathCommand.class,
                RecommendCommand.class, ServeCommand.class, DatasetsCommand.class, ReportCommand.class,
                ExportCommand.class, CompareCommand.class, ThemesCommand.class, BenchmarkCommand.class,
                WithEmbeddedCommand.class, CommandLine.HelpCommand.class})
public final class ConvergenceCli {

    /** Bad input: a malformed file, an unknown option value. */
    public static final int EXIT_BAD_INPUT = 3;
    /** Neo4j could not be reached, refused the credentials, or its store is locked. */
    public static final int EXIT_UNAVAILABLE = 4;
    /**
     * The data set exists with other data, or another write of the same run won (nothing was changed), or
     * the run being exported was written again meanwhile.
     */
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
            code = execute(newCommandLine(System.getenv()), args, System.err);
        } catch (OutOfMemoryError e) {
            outOfMemoryExit(e);
            return;
        }
        exit(code, EXIT_GRACE_MILLIS);
    }

    /**
     * Executes a command line. An {@link Error} that no handler takes (picocli's handle exceptions only),
     * such as a class missing from a jar rebuilt under the running JVM, is said and becomes exit code 1
     * like any other failure; an {@link OutOfMemoryError} is left to the caller, which halts.
     *
     * @return the exit code
     */
    static int execute(CommandLine cli, String[] args, java.io.PrintStream err) {
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable e) {
            err.println("error: " + messageOf(e));
            e.printStackTrace(err);
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
    }

    /** How long the JVM's own shutdown may take after a command before the process is halted. */
    static final long EXIT_GRACE_MILLIS = 60_000;

    /**
     * Ends the process with {@code code}, whatever threads are still alive. Should the JVM's shutdown
     * itself hang (a shutdown hook waiting for ever; it happened once, after the jar was rebuilt under a
     * running command), a watchdog halts the process after {@code graceMillis}, with {@code code} or 1 if
     * that was 0: a command ends, it never hangs.
     */
    static void exit(int code, long graceMillis) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(graceMillis);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("error: the JVM did not stop within " + graceMillis / 1000 + " s of the command's end;"
                    + " halted");
            System.err.flush();
            Runtime.getRuntime().halt(code == 0 ? CommandLine.ExitCode.SOFTWARE : code);
        }, "convergence-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
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
        // the analysis settings' options, all from their one declaration (Setting)
        SettingOptions.addOptions(cli.getSubcommands().get("analyze").getCommandSpec(), false, AnalyzeCommand.SETTINGS);
        SettingOptions.addOptions(cli.getSubcommands().get("path").getCommandSpec(), false, PathCommand.SETTINGS);
        SettingOptions.addOptions(cli.getSubcommands().get("recommend").getCommandSpec(), true, RecommendCommand.SETTINGS);
        SettingOptions.addOptions(cli.getSubcommands().get("compare").getCommandSpec(), false, CompareCommand.SETTINGS);
        // serve runs the embedded store only: the options for an external server (which it refuses, naming
        // them) stay out of its help, where --password read like a password for the served store
        CommandLine.Model.CommandSpec serve = cli.getSubcommands().get("serve").getCommandSpec();
        for (String name : java.util.List.of("--uri", "--user", "--password")) {
            CommandLine.Model.OptionSpec option = serve.findOption(name);
            serve.remove(option);
            serve.addOption(option.toBuilder().hidden(true).build());
        }
        return cli;
    }

    static int exitCodeOf(Throwable e) {
        if (outOfMemory(e) != null) {
            return EXIT_OUT_OF_MEMORY;
        }
        if (e instanceof UsageException) {
            return CommandLine.ExitCode.USAGE;
        }
        if (e instanceof org.convergence.engine.store.ResultWriter.WriteConflictException
                || e instanceof org.convergence.engine.store.RunReader.RunChangedException) {
            return EXIT_CONFLICT;
        }
        if (e instanceof LoadException || e instanceof IllegalArgumentException
                || e instanceof org.convergence.loader.suggest.Embedder.ModelException) {
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
