package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.convergence.engine.ServerImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The commands a user types with {@code --uri} against a separate Neo4j 5.26 server (another process in
 * another network namespace, authentication on, Bolt over TCP): the image {@link ServerImage} in a
 * container. Load, analyze with write-back, report and export from the server; a wrong password; a client
 * killed with {@code kill -9} in the middle of a write-back, then a clean rerun; the server restarted
 * between a load and an analysis. Same assertions as the embedded ITs where they overlap. Skipped, with one
 * line saying why, where Docker or the image is not here.
 */
@EnabledIf(value = "serverImageAvailable", disabledReason = "no Docker or no server image here")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerContainerIT {

    static final String PASSWORD = "container-s3cret";

    static boolean serverImageAvailable() {
        return ServerImage.available(ServerContainerIT.class);
    }

    @TempDir
    static Path work;

    private static Neo4jContainer server;
    /** Where the server's Bolt port is on this host; a restarted container may publish it on another port. */
    private static String boltUrl;

    @BeforeAll
    static void startServer() {
        server = ServerImage.container().withAdminPassword(PASSWORD).withStartupTimeout(Duration.ofMinutes(3));
        server.start();
        boltUrl = server.getBoltUrl();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private static Map<String, String> env(String password) {
        return Map.of("NEO4J_URI", boltUrl, "NEO4J_USERNAME", "neo4j", "NEO4J_PASSWORD", password);
    }

    private static CliRun run(String... args) {
        return CliRun.withEnvironment(env(PASSWORD), args);
    }

    private static CliRun ok(String... args) {
        CliRun r = run(args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    @Test
    @Order(1)
    void loadAnalyzeReportAndExportAgainstTheServerWithAPassword() throws IOException {
        CliRun seed = ok("load", "--seed");
        assertThat(seed.out()).contains("Writing to Neo4j at " + server.getBoltUrl())
                .contains("4 processes, 26 themes (0 unmapped), 39 process-theme relations")
                .contains("Every theme label matched the taxonomy.");
        Path csv = Files.writeString(work.resolve("events.csv"), "process,theme,weight\nann,Remesas,2\nbob,Remesas,1\n"
                + "bob,Music,1\n");
        assertThat(ok("load", csv.toString()).out()).contains("data set `events`").contains("2 processes, 2 themes (1 unmapped)");
        CliRun analyzed = ok("analyze", "--path", "CSM:PPP");
        assertThat(analyzed.out()).containsPattern("CRM +SOA +8 +0\\.5714").contains("CSM is linked to PPP in 4 steps");
        assertThat(analyzed.err()).contains("writing results of run-");
        assertThat(ok("datasets").out()).containsPattern("seed +seed-matrix ").containsPattern("events +csv ")
                .containsPattern("  run-[0-9a-f]{12}  finished [0-9T:-]+Z  5 pairs  --path CSM:PPP");
        Path html = work.resolve("seed.html");
        ok("report", "--out", html.toString());
        assertThat(Files.readString(html)).contains("Convergence report").contains("CSM → PPP");
        Path pairs = work.resolve("seed-pairs.csv");
        ok("export", "--format", "csv", "--out", pairs.toString());
        assertThat(Files.readAllLines(pairs, StandardCharsets.UTF_8)).anyMatch(l -> l.startsWith("CRM,SOA,8,"));
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedWithExitFourAndTheMessageUsersSee() {
        CliRun refused = CliRun.withEnvironment(env("not-the-password"), "datasets");
        assertThat(refused.exit()).isEqualTo(ConvergenceCli.EXIT_UNAVAILABLE);
        assertThat(refused.err()).contains("error: Cannot connect to Neo4j at " + server.getBoltUrl())
                .contains("authentication failure");
    }

    @Test
    @Order(3)
    void aClientKilledInTheMiddleOfAWriteBackLeavesNothingVisibleAndARerunIsClean() throws Exception {
        Path csv = work.resolve("big.csv");
        ok("benchmark", "--write-csv", csv.toString(), "--processes", "2000", "--themes", "1500", "--edges", "20000",
                "--random-seed", "11");
        ok("load", "--dataset", "big", csv.toString());
        // analyze in a process of its own, killed (SIGKILL) once its write-back has begun
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ConvergenceCli.class.getName(), "analyze", "--dataset", "big", "--no-centrality", "--format", "json"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env(PASSWORD));
        Process client = builder.start();
        List<String> said = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(client.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                said.add(line);
                if (line.contains("wrote")) { // a batch of pairs committed: the write is under way
                    client.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(String.join("\n", said)).as("the client began its write before it was killed").contains("writing results");
        // nothing of it visible: no complete run, and datasets names the interrupted one
        CliRun listed = ok("datasets");
        assertThat(listed.out()).containsPattern("big +csv .*\n  no complete analysis run")
                .contains("not complete: being written now, or interrupted");
        // a rerun writes the run whole
        CliRun rerun = ok("analyze", "--dataset", "big", "--no-centrality");
        assertThat(rerun.err()).contains("writing results of run-");
        assertThat(ok("datasets").out()).containsPattern("big +csv .*\n  run-[0-9a-f]{12}  finished [0-9T:-]+Z  [0-9,]+ pairs");
    }

    @Test
    @Order(4)
    void theServerRestartedBetweenALoadAndAnAnalysisKeepsTheData() {
        ok("load", "--dataset", "kept", "--seed");
        // the server process ends and starts again in the same container, its store on the container's volume
        server.getDockerClient().restartContainerCmd(server.getContainerId()).withTimeout(60).exec();
        waitForBolt();
        CliRun analyzed = ok("analyze", "--dataset", "kept", "--path", "CSM:PPP");
        assertThat(analyzed.out()).containsPattern("CRM +SOA +8 +0\\.5714").contains("CSM is linked to PPP in 4 steps");
    }

    /** Waits until the restarted server answers on Bolt again (its ports are mapped anew). */
    private static void waitForBolt() {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        RuntimeException last = null;
        while (System.nanoTime() < until) {
            try {
                Ports.Binding[] bolt = server.getDockerClient().inspectContainerCmd(server.getContainerId()).exec()
                        .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(7687));
                if (bolt != null && bolt.length > 0) {
                    boltUrl = "bolt://" + server.getHost() + ":" + bolt[0].getHostPortSpec();
                }
                if (bolt != null && run("datasets").exit() == 0) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the server did not answer again within 3 minutes", last);
    }
}
