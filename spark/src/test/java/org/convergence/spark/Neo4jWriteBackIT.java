package org.convergence.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Spark job's {@code --neo4j} against the engine's embedded Neo4j, served by {@code convergence serve} from the
 * engine's own jars in a process of its own, as a user would run it: a run the job stores is read by {@code export}
 * and {@code report} as one {@code analyze} stored, and a write stopped half-way leaves nothing visible.
 */
class Neo4jWriteBackIT {

    private static Path dir;
    private static Process server;
    private static String uri;

    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void serve() throws Exception {
        dir = Files.createTempDirectory("spark-neo4j-it");
        int bolt = freePort();
        int http = freePort();
        ProcessBuilder b = engine("serve", "--data-dir", dir.resolve("store").toString(), "--bolt-port", "" + bolt,
                "--http-port", "" + http);
        b.redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile());
        server = b.start();
        uri = "bolt://127.0.0.1:" + bolt;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.readString(dir.resolve("serve.log")).contains("Bolt:")) {
            assertThat(server.isAlive()).as(Files.readString(dir.resolve("serve.log"))).isTrue();
            assertThat(System.nanoTime()).as("serve did not start in 180 s").isLessThan(until);
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A command of the engine, from its jars (engine/target), run in {@code dir}. */
    private static ProcessBuilder engine(String... args) {
        Path target = Path.of(System.getProperty("engine.target", "../engine/target")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", target.resolve("convergence-engine.jar") + java.io.File.pathSeparator + target.resolve("lib")
                        + java.io.File.separator + "*", "org.convergence.engine.cli.ConvergenceCli"));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile());
        b.environment().remove("NEO4J_URI");
        return b;
    }

    private static Run engineCommand(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--uri", uri));
        ProcessBuilder b = engine(all.toArray(String[]::new));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = b.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("%s timed out", all).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Run spark(Runnable betweenBatches, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SparkCli.Analyze analyze = new SparkCli.Analyze();
        analyze.betweenBatches = betweenBatches;
        CommandLine withHook = new CommandLine(new SparkCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == SparkCli.Analyze.class ? cls.cast(analyze) : CommandLine.defaultFactory().create(cls);
            }
        });
        withHook.setOut(new PrintWriter(out, true));
        withHook.setErr(new PrintWriter(err, true));
        withHook.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 3 : 1;
        });
        List<String> all = new ArrayList<>(List.of("analyze"));
        all.addAll(List.of(args));
        all.addAll(List.of("--uri", uri, "--master", "local[2]", "--partitions", "4"));
        return new Run(withHook.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    private static String runId(String out) {
        Matcher m = Pattern.compile("stored in Neo4j as (run-[0-9a-f]+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private static List<String> export(String dataset, String run, String name) throws Exception {
        Run r = engineCommand("export", "--dataset", dataset, "--run", run, "--format", "csv", "--out",
                dir.resolve(name).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return Files.readAllLines(dir.resolve(name + "-pairs.csv"), StandardCharsets.UTF_8);
    }

    @Test
    void aRunStoredByTheJobIsReadByExportAndReportAsOneStoredByAnalyze() throws Exception {
        Run load = engineCommand("load", "--seed");
        assertThat(load.exit()).as(load.err()).isZero();
        Run analyze = engineCommand("analyze", "--dataset", "seed");
        assertThat(analyze.exit()).as(analyze.err()).isZero();
        Matcher m = Pattern.compile("results of (run-[0-9a-f]{12})").matcher(analyze.err());
        assertThat(m.find()).as(analyze.err()).isTrue();
        String analyzed = m.group(1);

        // the data set read from Neo4j in partitions, the pairs stored as a run of it (and written as CSV)
        Run job = spark(() -> { }, "--dataset", "seed", "--neo4j", "--out", dir.resolve("pairs").toString(),
                "--out-format", "csv");
        assertThat(job.exit()).as(job.err()).isZero();
        assertThat(job.err()).contains("reading data set `seed` from " + uri + " in 2 partitions");
        String stored = runId(job.out());
        assertThat(job.out()).contains("5 pairs of 4 processes over 23 themes");

        List<String> fromSpark = export("seed", stored, "spark");
        List<String> fromAnalyze = export("seed", analyzed, "analyze");
        assertThat(fromSpark).hasSize(6).hasSameSizeAs(fromAnalyze);
        assertThat(fromSpark.get(0)).isEqualTo(fromAnalyze.get(0)).contains("sharedThemes");
        List<String> header = List.of(fromSpark.get(0).split(","));
        for (int i = 1; i < fromSpark.size(); i++) {
            String[] s = fromSpark.get(i).split(",");
            String[] a = fromAnalyze.get(i).split(",");
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).equals("pValue") || header.get(c).equals("qValue")) {
                    assertThat(Double.parseDouble(s[c])).as("%s %s", a[0] + "-" + a[1], header.get(c))
                            .isCloseTo(Double.parseDouble(a[c]), org.assertj.core.data.Percentage.withPercentage(1e-10));
                } else {
                    // ids, shared themes and every score exactly
                    assertThat(s[c]).as("%s %s", a[0] + "-" + a[1], header.get(c)).isEqualTo(a[c]);
                }
            }
        }
        assertThat(fromSpark.get(3)).startsWith("CRM,SOA,8,");

        // the same fingerprint of the same input, and the report's pairs as analyze's
        Run report = engineCommand("report", "--dataset", "seed", "--run", stored);
        assertThat(report.exit()).as(report.err()).isZero();
        String page = Files.readString(dir.resolve("reports/seed-en.html"));
        assertThat(page).contains("analysis " + stored).contains("Pairs computed by the Spark job")
                .doesNotContain("{items=");
        assertThat(page.split("Pairs computed by the Spark job", -1)).hasSize(2);
        Run reportAnalyzed = engineCommand("report", "--dataset", "seed", "--run", analyzed);
        assertThat(reportAnalyzed.exit()).as(reportAnalyzed.err()).isZero();
        String analyzedPage = Files.readString(dir.resolve("reports/seed-en.html"));
        assertThat(section(page, "heat")).isEqualTo(section(analyzedPage, "heat")).isNotEmpty();
        assertThat(fingerprint(page)).isEqualTo(fingerprint(analyzedPage)).hasSize(64);

        Run datasets = engineCommand("datasets");
        assertThat(datasets.out()).contains(stored).contains("pairs only, by the spark job: default parameters");

        // the seed's edges as a file, one relation kind: compared with the data set's edges of that kind, and the
        // run's pairs as analyze's of that kind
        Path seedEdges = Path.of(Neo4jWriteBackIT.class.getResource("/seed-edges.csv").toURI());
        Run actionPlans = spark(() -> { }, "--input", seedEdges.toString(), "--dataset", "seed", "--neo4j",
                "--relations", "ACTION_PLAN");
        assertThat(actionPlans.exit()).as(actionPlans.err()).isZero();
        Run analyzeActionPlans = engineCommand("analyze", "--dataset", "seed", "--relations", "ACTION_PLAN");
        assertThat(analyzeActionPlans.exit()).as(analyzeActionPlans.err()).isZero();
        Matcher ap = Pattern.compile("results of (run-[0-9a-f]{12})").matcher(analyzeActionPlans.err());
        assertThat(ap.find()).as(analyzeActionPlans.err()).isTrue();
        List<String> sparkActionPlans = export("seed", runId(actionPlans.out()), "spark-ap");
        List<String> analyzeActionPlanPairs = export("seed", ap.group(1), "analyze-ap");
        assertThat(sparkActionPlans).hasSameSizeAs(analyzeActionPlanPairs).hasSizeGreaterThan(1);
        for (int i = 0; i < sparkActionPlans.size(); i++) {
            // ids, shared count and shared themes
            assertThat(String.join(",", List.of(sparkActionPlans.get(i).split(",")).subList(0, 4)))
                    .isEqualTo(String.join(",", List.of(analyzeActionPlanPairs.get(i).split(",")).subList(0, 4)));
        }
    }

    @Test
    void aWriteStoppedHalfWayLeavesNothingVisibleAndTheNextOneCompletes() throws Exception {
        // 160 processes over 12 themes: nearly every pair converges, more than one batch of 10,000
        StringBuilder csv = new StringBuilder("process,theme\n");
        Random r = new Random(7);
        for (int p = 0; p < 160; p++) {
            for (int t = 0; t < 12; t++) {
                if (t == p % 12 || r.nextDouble() < 0.35) {
                    csv.append(String.format("p%03d,t%02d%n", p, t));
                }
            }
        }
        Path edges = dir.resolve("dense.csv");
        Files.writeString(edges, csv);
        Run load = engineCommand("load", edges.toString(), "--dataset", "dense");
        assertThat(load.exit()).as(load.err()).isZero();

        int[] batches = {0};
        Run stopped = spark(() -> {
            if (++batches[0] == 1) {
                throw new IllegalStateException("stopped after the first batch");
            }
        }, "--input", edges.toString(), "--dataset", "dense", "--neo4j");
        assertThat(stopped.exit()).as(stopped.out() + stopped.err()).isNotZero();
        assertThat(stopped.err()).contains("stopped after the first batch");
        assertThat(batches[0]).isEqualTo(1);
        Run listed = engineCommand("datasets");
        assertThat(listed.out()).contains("no complete analysis run; `convergence analyze --dataset dense`");
        Run none = engineCommand("export", "--dataset", "dense", "--format", "csv", "--out",
                dir.resolve("none").toString());
        assertThat(none.exit()).isNotZero();
        assertThat(Files.exists(dir.resolve("none-pairs.csv"))).isFalse();

        // the edges of the file are the data set's: the next write completes, and what the stopped one left is gone
        Run done = spark(() -> { }, "--input", edges.toString(), "--dataset", "dense", "--neo4j");
        assertThat(done.exit()).as(done.err()).isZero();
        String run = runId(done.out());
        Matcher pairs = Pattern.compile("([0-9,]+) pairs of 160 processes").matcher(done.out());
        assertThat(pairs.find()).as(done.out()).isTrue();
        long count = Long.parseLong(pairs.group(1).replace(",", ""));
        assertThat(count).isGreaterThan(10_000);
        List<String> exported = export("dense", run, "dense");
        assertThat(exported).hasSize((int) count + 1);
        Run recovered = engineCommand("datasets");
        assertThat(recovered.out()).contains(run).doesNotContain("interrupted");

        // a file that is not the data set's edges is refused before anything is written
        Files.writeString(dir.resolve("other.csv"), "process,theme\np000,t00\np001,t00\n");
        Run other = spark(() -> { }, "--input", dir.resolve("other.csv").toString(), "--dataset", "dense", "--neo4j");
        assertThat(other.exit()).isEqualTo(3);
        assertThat(other.err()).contains("does not hold the edges of data set `dense`").contains("only in the data set");
    }

    private static String section(String page, String id) {
        Matcher m = Pattern.compile("<section[^>]*id=\"" + id + "\".*?</section>", Pattern.DOTALL).matcher(page);
        return m.find() ? m.group() : "";
    }

    private static String fingerprint(String page) {
        Matcher m = Pattern.compile("fingerprint</th><td><code>([0-9a-f]{64})<").matcher(page);
        return m.find() ? m.group(1) : "";
    }
}
