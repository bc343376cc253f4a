package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.convergence.cypher.Cypher;
import org.convergence.engine.Neo4jServers;
import org.convergence.engine.store.Neo4jConnection;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import picocli.CommandLine;

/**
 * Several clients of one served store at once, as planners would: analyses writing back, a replacing
 * load, links and listings, for a fixed number of rounds. Every command ends with 0 or the conflict
 * code 5, and afterwards every visible run is complete, belongs to its data set's current generation
 * and holds exactly the pairs it claims.
 */
class ConcurrencyIT {

    private static final int ROUNDS = 3;

    private record Outcome(String command, int exit, String err) {
    }

    private static Outcome run(String uri, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = ConvergenceCli.newCommandLine(Map.of("NEO4J_URI", uri));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return new Outcome(String.join(" ", args), cli.execute(args), err.toString());
    }

    @Test
    void concurrentClientsEndCleanAndLeaveOnlyCompleteRunsOfTheirDataSet() throws Exception {
        Neo4jConnection neo4j = Neo4jServers.embedded();
        try (var session = neo4j.driver().session()) {
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("test/clear")).consume());
        }
        String uri = neo4j.embedded().orElseThrow().boltUri().toString();
        assertThat(run(uri, "load", "--seed").exit()).isZero();
        List<String[]> clients = List.of(
                new String[] {"analyze", "--dataset", "seed"},
                new String[] {"analyze", "--dataset", "seed", "--top-k", "2"},
                new String[] {"load", "--seed", "--replace"},
                new String[] {"path", "CSM", "PPP"},
                new String[] {"datasets"});
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        List<Future<?>> futures = new ArrayList<>();
        for (String[] args : clients) {
            futures.add(pool.submit(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    outcomes.add(run(uri, args));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(outcomes).hasSize(clients.size() * ROUNDS).allSatisfy(o -> assertThat(o.exit())
                .as("%s: %s", o.command(), o.err()).isIn(0, ConvergenceCli.EXIT_CONFLICT));
        outcomes.stream().filter(o -> o.exit() == ConvergenceCli.EXIT_CONFLICT)
                .forEach(o -> assertThat(o.err()).as(o.command()).contains("replaced"));

        // a last analysis with nothing else running always completes
        assertThat(run(uri, "analyze", "--dataset", "seed").exit()).isZero();
        List<Record> runs;
        try (var session = neo4j.driver().session()) {
            runs = session.executeRead(tx -> tx.run(Cypher.statement("test/visible-runs")).list());
        }
        assertThat(runs).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("current").asBoolean()).as("run %s of the current generation", r.get("run")).isTrue();
            assertThat(r.get("stored").asLong()).as("pairs of %s", r.get("run")).isEqualTo(r.get("pairs").asLong());
        });
    }
}
