package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.app.Serving;
import org.convergence.engine.store.ConnectionSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option parsing and validation, without Neo4j. */
class ConvergenceCliTest {

    private final StringWriter err = new StringWriter();

    private int execute(Map<String, String> env, String... args) {
        CommandLine cli = ConvergenceCli.newCommandLine(env);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void loadNeedsExactlyOneSource() {
        assertThat(execute(Map.of(), "load")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(execute(Map.of(), "load", "--seed", "x.csv")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Missing required argument").contains("Unmatched argument at index 2: 'x.csv'");
    }

    @Test
    void everyCommandTakesHelpWithoutConnecting() {
        for (String command : List.of("run", "load", "analyze", "path", "recommend", "serve", "datasets", "export",
                "benchmark")) {
            StringWriter out = new StringWriter();
            CommandLine cli = ConvergenceCli.newCommandLine(Map.of("NEO4J_URI", "bolt://127.0.0.1:1"));
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            assertThat(cli.execute(command, "--help")).as(command + " --help: " + err).isZero();
            assertThat(out.toString()).as(command).contains("Usage: convergence " + command).contains("-h, --help");
        }
    }

    @Test
    void exportChecksItsFormatAndItsFolderBeforeConnecting(@org.junit.jupiter.api.io.TempDir Path dir) {
        // an unreachable server: a check that came after connecting would fail with exit 4 instead
        Map<String, String> env = Map.of("NEO4J_URI", "bolt://127.0.0.1:1");
        assertThat(execute(env, "export", "--format", "pajek", "--out", dir.resolve("x").toString()))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Value for `--format` was `pajek`, but must be one of graphml, gexf,"
                + " vosviewer, csv, xlsx, matrix-csv");
        err.getBuffer().setLength(0);
        Path missing = dir.resolve("no-such-folder").resolve("x");
        assertThat(execute(env, "export", "--format", "csv", "--out", missing.toString()))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Value for `--out` was `" + missing + "`, but its folder "
                + missing.getParent() + " does not exist");
        err.getBuffer().setLength(0);
        assertThat(execute(env, "export", "--out", dir.toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Missing required option: '--format=FORMAT'");
        // a valid command line gets as far as connecting
        err.getBuffer().setLength(0);
        assertThat(execute(env, "export", "--format", "CSV", "--out", dir.toString()))
                .isEqualTo(ConvergenceCli.EXIT_UNAVAILABLE);
    }

    @Test
    void exportOptionsAreCheckedBeforeConnectingWithTheUsageExitCode(@org.junit.jupiter.api.io.TempDir Path dir) {
        // an unreachable server: a check that came after connecting would fail with exit 4 instead
        Map<String, String> env = Map.of("NEO4J_URI", "bolt://127.0.0.1:1");
        String xlsx = dir.resolve("m.xlsx").toString();
        for (String[] bad : new String[][] {
                {"--format", "ods", "--out", xlsx, "Value for `--format` was `ods`, but must be one of graphml, gexf, vosviewer, csv, xlsx, matrix-csv"},
                {"--format", "xlsx", "--out", dir.resolve("m.csv").toString(), "but format xlsx writes .xlsx files"},
                {"--format", "matrix-csv", "--out", xlsx, "but format matrix-csv writes .csv files"},
                {"--format", "xlsx", "--out", dir.resolve("no/such/m.xlsx").toString(), "does not exist"},
                {"--format", "xlsx", "--out", xlsx, "--dataset", "../x", "Value for `--dataset` was `../x`"}}) {
            err.getBuffer().setLength(0);
            String[] args = new String[bad.length];
            args[0] = "export";
            System.arraycopy(bad, 0, args, 1, bad.length - 1);
            assertThat(execute(env, args)).as(String.join(" ", args)).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(err.toString()).as(String.join(" ", args)).contains(bad[bad.length - 1]);
        }
        err.getBuffer().setLength(0);
        assertThat(execute(env, "export", "--out", xlsx)).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Missing required option: '--format=FORMAT'");
        // valid options reach the connection, which fails
        assertThat(execute(env, "export", "--format", "xlsx", "--out", xlsx)).isEqualTo(ConvergenceCli.EXIT_UNAVAILABLE);
        assertThat(dir.resolve("m.xlsx")).doesNotExist();
    }

    @Test
    void exportHelpListsTheFormats() {
        StringWriter out = new StringWriter();
        CommandLine cli = ConvergenceCli.newCommandLine(Map.of());
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("export", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("graphml, gexf, vosviewer, csv, xlsx, matrix-csv");
    }

    /** The analysis values a command line gives to {@code analyze}. */
    private static Setting.Values analyzeValues(String... args) {
        CommandLine cli = ConvergenceCli.newCommandLine(Map.of());
        String[] all = new String[args.length + 1];
        all[0] = "analyze";
        System.arraycopy(args, 0, all, 1, args.length);
        cli.parseArgs(all);
        return SettingOptions.fromCommandLine(cli.getSubcommands().get("analyze").getCommandSpec(), AnalyzeCommand.SETTINGS);
    }

    private static String help(String... command) {
        StringWriter out = new StringWriter();
        CommandLine cli = ConvergenceCli.newCommandLine(Map.of());
        cli.setOut(new PrintWriter(out, true));
        String[] args = java.util.Arrays.copyOf(command, command.length + 1);
        args[command.length] = "--help";
        assertThat(cli.execute(args)).isZero();
        return out.toString().replaceAll("\\s+", " "); // the words, whatever the wrapping
    }

    @Test
    void eachCommandsHelpSaysWhatItsOptionsDoThere() {
        // recommend needs a similar process: its help does not offer 0 as analyze's does
        assertThat(help("recommend")).contains("Similar processes consulted, at least 1 (default: 3).")
                .doesNotContain("0 skips recommendations")
                .contains("Similarity that picks each process's most similar processes");
        assertThat(help("analyze")).contains("0 skips recommendations");
        assertThat(help("path")).contains("Similarity of the cheapest path on the process projection")
                .doesNotContain("recommendations");
        // the random seed is --random-seed, apart from load's --seed; the former name still works, unlisted
        assertThat(help("analyze")).contains("--random-seed=SEED").doesNotContain("--seed=");
        assertThat(help("benchmark")).contains("--random-seed=SEED").contains("--processes=N").contains("--top-k=K")
                .doesNotContain("<processes>").doesNotContain("--seed=");
        assertThat(ConvergenceAnalysis.Parameters.of(analyzeValues("--seed", "7"), List.of()).clusters().seed()).isEqualTo(7L);
        assertThat(ConvergenceAnalysis.Parameters.of(analyzeValues("--random-seed", "8"), List.of()).clusters().seed())
                .isEqualTo(8L);
        // serve runs the embedded store: no options for another server beside its own password
        assertThat(help("serve")).contains("--server-password").doesNotContain("--password=")
                .doesNotContain("--uri");
        assertThat(help("datasets")).contains("--delete=NAME");
    }

    @Test
    void betweennessBudgetIsCheckedBeforeConnectingAndNamedInTheRunOnlyWhenNotTheDefault() {
        assertThat(execute(Map.of(), "analyze", "--betweenness-budget", "0")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Value for `--betweenness-budget` was `0`, but must be a finite number >= 1");
        assertThat(Setting.describe(null, ConvergenceAnalysis.Parameters.of(analyzeValues(), List.of())))
                .doesNotContainKey("betweennessBudget");
        assertThat(Setting.describe(null, ConvergenceAnalysis.Parameters.of(analyzeValues("--betweenness-budget", "1e6"),
                List.of()))).containsEntry("betweennessBudget", 1e6);
    }

    @Test
    void everyAnalysisOptionIsCheckedBeforeConnectingWithTheUsageExitCode() {
        // an unreachable server: a check that came after connecting would fail with exit 4 instead
        Map<String, String> env = Map.of("NEO4J_URI", "bolt://127.0.0.1:1");
        for (String[] bad : new String[][] {{"--min-shared", "0", "range [1, 2147483647]"}, {"--top-k", "-1", "range [0,"},
                {"--metric", "jacard", "must be one of jaccard, overlap"}, {"--algorithm", "kmeans", "leiden, louvain"},
                {"--resolution", "0", "finite number > 0"}, {"--iterations", "0", "range [1, 10000]"},
                {"--neighbours", "-1", "range [0, 100000]"}, {"--recommend", "0", "range [1, 100000]"},
                {"--threads", "100000", "range [1, 1024]"}, {"--min-shared", "two", "a whole number"},
                {"--rows", "-1", "range [0,"}}) {
            err.getBuffer().setLength(0);
            assertThat(execute(env, "analyze", bad[0], bad[1])).as(bad[0]).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(err.toString()).as(bad[0]).contains("Value for `" + bad[0] + "` was `" + bad[1] + "`")
                    .contains(bad[2]);
        }
        err.getBuffer().setLength(0);
        assertThat(execute(env, "recommend", "--neighbours", "0")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Value for `--neighbours` was `0`");
        err.getBuffer().setLength(0);
        assertThat(execute(env, "path", "CSM", "PPP", "--k", "0")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Value for `--k` was `0`");
        // analyze's links too, before the database is opened (it once ran overlap and clusters first, then exit 3)
        err.getBuffer().setLength(0);
        assertThat(execute(env, "analyze", "--path", "CSM:PPP", "--k", "0")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Value for `--k` was `0`, but must be within the range [1, 1000]");
    }

    @Test
    void missingFileIsBadInputNamingTheFile() {
        assertThat(execute(Map.of(), "load", "/no/such/file.csv")).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("/no/such/file.csv: file does not exist");
    }

    @Test
    void invalidDatasetNameIsRejectedBeforeConnecting(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Map<String, String> env = Map.of("NEO4J_URI", "bolt://127.0.0.1:1");
        assertThat(execute(env, "load", "--seed", "--dataset", "bad name")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Value for `--dataset` was `bad name`");
        // a name made from the file name says where it came from and what to do
        Path dashes = java.nio.file.Files.writeString(dir.resolve("---.csv"), "process,theme\nA,x\n");
        err.getBuffer().setLength(0);
        assertThat(execute(env, "load", dashes.toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("made from the file name ---.csv").contains("give one with --dataset NAME");
    }

    @Test
    void aJobWhoseReportFolderIsMissingFailsBeforeRunning(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path job = java.nio.file.Files.writeString(dir.resolve("job.yaml"), "datasets:\n  - name: seed\n    seed: true\n"
                + "analyses: {}\noutput:\n  json: no/such/folder/{dataset}.json\n");
        assertThat(execute(Map.of("NEO4J_URI", "bolt://127.0.0.1:1"), "run", job.toString()))
                .isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("`output.json` is ").contains("does not exist");
    }

    @Test
    void uriSchemeIsChecked() {
        assertThat(execute(Map.of("NEO4J_URI", "http://x:7474"), "datasets")).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("the scheme must be one of");
    }

    @Test
    void unreachableServerIsReportedWithExitCode4() {
        assertThat(execute(Map.of(), "datasets", "--uri", "bolt://127.0.0.1:1")).isEqualTo(ConvergenceCli.EXIT_UNAVAILABLE);
        assertThat(err.toString()).contains("Cannot connect to Neo4j at bolt://127.0.0.1:1");
    }

    @Test
    void loopbackIsDecidedOnTheResolvedAddresses() {
        assertThat(Serving.isLoopback("localhost")).isTrue();
        assertThat(Serving.isLoopback("127.0.0.1")).isTrue();
        assertThat(Serving.isLoopback("::1")).isTrue();
        assertThat(Serving.isLoopback("0.0.0.0")).isFalse();
        assertThat(Serving.isLoopback("::")).isFalse();
        // a name is what it resolves to; one that resolves to nothing is refused, not taken for loopback
        assertThatThrownBy(() -> Serving.isLoopback("127.lan.invalid")).hasMessageContaining("does not resolve");
    }

    @Test
    void serveChecksPasswordLengthAndPortsBeforeStarting() throws java.io.IOException {
        assertThat(execute(Map.of(), "serve", "--server-password", "abc")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("at least 8");
        Path file = java.nio.file.Files.createTempFile("pw", ".txt");
        java.nio.file.Files.writeString(file, "short\n");
        err.getBuffer().setLength(0);
        assertThat(execute(Map.of(), "serve", "--server-password-file", file.toString()))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("has 5 characters");
        // beyond loopback with a password but without TLS: refused unless --insecure says so
        java.nio.file.Files.writeString(file, "long enough password\n");
        err.getBuffer().setLength(0);
        assertThat(execute(Map.of(), "serve", "--host", "0.0.0.0", "--server-password-file", file.toString()))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("needs TLS (--tls-cert FILE --tls-key FILE), or --insecure");
        err.getBuffer().setLength(0);
        assertThat(execute(Map.of(), "serve", "--tls-cert", file.toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--tls-cert and --tls-key go together");
        java.nio.file.Files.delete(file);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("localhost"))) {
            err.getBuffer().setLength(0);
            assertThat(execute(Map.of(), "serve", "--bolt-port", String.valueOf(taken.getLocalPort())))
                    .isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(err.toString()).contains("Value for `--bolt-port` was `" + taken.getLocalPort() + "`")
                    .contains("in use");
        }
    }

    @Test
    void serveRefusesToListenBeyondLoopbackWithoutPassword() {
        assertThat(execute(Map.of(), "serve", "--host", "0.0.0.0")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("needs --server-password");
    }

    @Test
    void benchmarkRunsOnASmallCorpusAndAgreesWithScipyWhereAvailable(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        StringWriter out = new StringWriter();
        CommandLine cli = ConvergenceCli.newCommandLine(Map.of());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Path json = dir.resolve("figures.json");
        int exit = cli.execute("benchmark", "--processes", "400", "--themes", "300", "--edges", "4000", "--zipf", "0.5",
                "--dense-themes", "100", "--repeat", "1", "--json", json.toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Overlap stage as analyze runs it").contains("kernel alone")
                .contains("The analyses as analyze runs them").contains("clustersTheme=").contains("top-10");
        var figures = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(figures.get("corpus").get("edges").asInt()).isEqualTo(4000);
        assertThat(figures.get("overlap").get("pairs").asLong()).isPositive();
        assertThat(figures.get("overlap").get("stageMs").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(figures.get("analyze").get("overlap").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(figures.get("overlap").has("materialisedMs")).isTrue();
        var sums = figures.get("overlap").get("scoreSums");
        // every pair's Jaccard is in (0, 1], and Dice >= Jaccard pair by pair
        assertThat(sums.get("jaccard").asDouble()).isPositive().isLessThanOrEqualTo(figures.get("overlap").get("pairs").asDouble());
        assertThat(sums.get("dice").asDouble()).isGreaterThanOrEqualTo(sums.get("jaccard").asDouble());
        if (figures.has("scipy")) {
            // the command itself fails when the counts or score sums differ; check the figures too
            assertThat(figures.get("scipy").get("pairs").asLong()).isEqualTo(figures.get("overlap").get("pairs").asLong());
            for (String score : List.of("shared", "jaccard", "overlap", "cosine", "dice")) {
                assertThat(figures.get("scipy").get("sums").get(score).asDouble()).as(score)
                        .isCloseTo(sums.get(score).asDouble(), org.assertj.core.api.Assertions.within(1e-6));
            }
        }
    }

    @Test
    void connectionSettingsComeFromOptionsThenEnvironment() {
        Map<String, String> env = Map.of("NEO4J_URI", "neo4j://env:7687", "NEO4J_USERNAME", "u",
                "NEO4J_PASSWORD", "p", "CONVERGENCE_DATA_DIR", "/tmp/store");
        ConnectionSettings fromEnv = ConnectionSettings.resolve(null, null, null, null, env);
        assertThat(fromEnv.uri()).hasToString("neo4j://env:7687");
        assertThat(fromEnv.user()).isEqualTo("u");
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/tmp/store"));
        ConnectionSettings fromOptions = ConnectionSettings.resolve("bolt://opt:1", "o", "q", Path.of("d"), env);
        assertThat(fromOptions.uri()).hasToString("bolt://opt:1");
        assertThat(fromOptions.password()).isEqualTo("q");
        assertThat(ConnectionSettings.resolve(null, null, null, null, Map.of("XDG_DATA_HOME", "/x")).dataDir())
                .isEqualTo(Path.of("/x/convergence/neo4j"));
    }

    @CommandLine.Command(name = "broken")
    static final class Broken implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new NoClassDefFoundError("org/convergence/Missing");
        }
    }

    @CommandLine.Command(name = "exhausted")
    static final class Exhausted implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void anErrorNoHandlerTakesIsSaidAndBecomesExitCodeOne() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        // picocli lets Errors through: without this, main ended and the process lived on the database's threads
        assertThatThrownBy(() -> new CommandLine(new Broken()).execute()).isInstanceOf(NoClassDefFoundError.class);
        assertThat(ConvergenceCli.execute(new CommandLine(new Broken()), new String[0], err)).isEqualTo(1);
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("error: org/convergence/Missing").contains("NoClassDefFoundError");
        // an exhausted heap is the caller's to handle: it halts at once with its own code
        assertThatThrownBy(() -> ConvergenceCli.execute(new CommandLine(new Exhausted()), new String[0], err))
                .isInstanceOf(OutOfMemoryError.class);
    }
}
