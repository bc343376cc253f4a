package org.convergence.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.convergence.cypher.Cypher;
import org.convergence.engine.Neo4jServers;
import org.convergence.engine.analysis.Clusters;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.TwoModeData;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.SourceText;
import org.convergence.loader.csv.TwoModeCsvParser;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/** Results written back to the real Neo4j: present, complete and idempotent per parameter set. */
class WriteBackIT {

    private final Driver driver = Neo4jServers.embedded().driver();

    private List<Record> query(String name, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(Cypher.statement(name), params).list());
        }
    }

    @BeforeEach
    void loadSeed() {
        Neo4jServers.clearAndLoadSeed(driver);
    }

    /** The seed's generation as a reader sees it now. */
    private String generation() {
        return new GraphReader(driver).snapshot("seed", null).generation();
    }

    private Record summary(String run) {
        return query("read/run-summary", Map.of("dataset", "seed", "run", run)).get(0);
    }

    @Test
    void writeBackIsCompleteAndIdempotent() {
        TwoModeData data = new GraphReader(driver).read("seed", null);
        assertThat(data.graph().processCount()).isEqualTo(4);
        ConvergenceAnalysis.Result report = ConvergenceAnalysis.run(data, ConvergenceAnalysis.Parameters.defaults(),
                l -> { });
        ResultWriter writer = new ResultWriter(driver);
        writer.write(report.identified("seed", "run-a", "{\"p\":1}", "test", null), generation());
        Record once = summary("run-a");
        assertThat(once.get("pairs").asLong()).isEqualTo(5);
        long clusters = report.clusterSets().stream().mapToLong(c -> c.clusters().size()).sum();
        assertThat(once.get("clusters").asLong()).isEqualTo(clusters);
        // every process and theme is in one cluster per clustering that covers it
        assertThat(once.get("memberships").asLong()).isEqualTo(4 + 23 + 4 + 23);
        assertThat(once.get("scored").asLong()).isEqualTo(4 + 23);
        Map<String, Object> crmSoa = query("test/seed-pair", Map.of("dataset", "seed", "run", "run-a", "a", "CRM",
                "b", "SOA")).get(0).get("props").asMap();
        assertThat(crmSoa).containsEntry("shared", 8L).containsEntry("jaccard", 8d / 14);
        assertThat((Double) crmSoa.get("pValue")).isCloseTo(19019d / 1144066, org.assertj.core.api.Assertions.within(1e-15));
        assertThat((List<?>) crmSoa.get("sharedThemes")).hasSize(8);
        assertThat(crmSoa).containsEntry("label", "J 0.57 · 8 shared");
        long recommendations = report.recommendations().values().stream().mapToLong(List::size).sum();
        assertThat(recommendations).isPositive();
        assertThat(once.get("recommended").asLong()).isEqualTo(recommendations);

        writer.write(report.identified("seed", "run-a", "{\"p\":1}", "test", null), generation());
        Record twice = summary("run-a");
        assertThat(twice.get("pairs").asLong()).isEqualTo(once.get("pairs").asLong());
        assertThat(twice.get("clusters").asLong()).isEqualTo(once.get("clusters").asLong());
        assertThat(twice.get("memberships").asLong()).isEqualTo(once.get("memberships").asLong());
        assertThat(twice.get("scored").asLong()).isEqualTo(once.get("scored").asLong());
        assertThat(twice.get("recommended").asLong()).isEqualTo(recommendations);
        assertThat(query("test/run-count", Map.of("dataset", "seed")).get(0).get("runs").asLong()).isEqualTo(1);

        ConvergenceAnalysis.Parameters other = new ConvergenceAnalysis.Parameters(
                ConvergenceAnalysis.Parameters.defaults().overlap(),
                new Clusters.Parameters(Clusters.Algorithm.LOUVAIN, 2.0, 10, 7), false, List.of(), false,
                ConvergenceAnalysis.BETWEENNESS_BUDGET, 0, 1);
        writer.write(ConvergenceAnalysis.run(data, other, l -> { })
                .identified("seed", "run-b", "{\"p\":2}", "test", null), generation());
        assertThat(query("test/run-count", Map.of("dataset", "seed")).get(0).get("runs").asLong()).isEqualTo(2);
        assertThat(summary("run-a").get("pairs").asLong()).isEqualTo(5);
        assertThat(summary("run-b").get("scored").asLong()).isZero();
        assertThat(summary("run-b").get("recommended").asLong()).isZero();
    }

    private Record stored(String run) {
        return query("test/run-results", Map.of("dataset", "seed", "run", run)).get(0);
    }

    private static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** A writer that fails after its n-th committed batch, as a crash between transactions would. */
    private ResultWriter failingAfter(int batches) {
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(batches);
        return new ResultWriter(driver, l -> { }, () -> {
            if (left.decrementAndGet() == 0) {
                throw new InjectedFailure();
            }
        });
    }

    @Test
    void aWriteInterruptedBetweenBatchesLeavesThePreviousRunVisibleAndIsCleanedUp() {
        TwoModeData data = new GraphReader(driver).read("seed", null);
        ConvergenceAnalysis.Result report = ConvergenceAnalysis.run(data, ConvergenceAnalysis.Parameters.defaults(),
                l -> { });
        new ResultWriter(driver).write(report.identified("seed", "run-a", "{\"p\":1}", "test", null), generation());
        Record before = summary("run-a");
        Record storedBefore = stored("run-a");

        // the rewrite dies after its pairs and first cluster batch are committed
        assertThatThrownBy(() -> failingAfter(2).write(report
                .identified("seed", "run-a", "{\"p\":1}", "test", null), generation()))
                .isInstanceOf(InjectedFailure.class);
        Record during = summary("run-a");
        for (String key : List.of("pairs", "clusters", "memberships", "scored")) {
            assertThat(during.get(key).asLong()).as(key).isEqualTo(before.get(key).asLong());
        }
        assertThat(stored("run-a").get("pairs").asLong()).isEqualTo(2 * storedBefore.get("pairs").asLong());

        // a first write that dies leaves no visible run at all
        assertThatThrownBy(() -> failingAfter(1).write(report
                .identified("seed", "run-c", "{\"p\":3}", "test", null), generation()))
                .isInstanceOf(InjectedFailure.class);
        assertThat(query("read/run-summary", Map.of("dataset", "seed", "run", "run-c"))).isEmpty();
        assertThat(query("read/runs", Map.of("dataset", "seed"))).extracting(r -> r.get("run").asString())
                .containsExactly("run-a");
        assertThat(stored("run-c").get("pairs").asLong()).isEqualTo(5);

        // readers see both as not complete (the listing says so) before anything cleans them up
        assertThat(new DatasetStore(driver).unfinishedRuns("seed")).containsExactly(
                new DatasetStore.UnfinishedRun("run-a", true), new DatasetStore.UnfinishedRun("run-c", false));

        // the next command finds both and removes their leftovers, and says so
        List<String> cleaned = new ResultWriter(driver).cleanUp(null, java.time.ZonedDateTime.now());
        assertThat(cleaned).hasSize(2).anySatisfy(l -> assertThat(l).contains("run-a").contains("previous results stay"))
                .anySatisfy(l -> assertThat(l).contains("run-c").contains("never completed"));
        Record after = stored("run-a");
        for (String key : List.of("pairs", "clusters", "memberships", "scored")) {
            assertThat(after.get(key).asLong()).as(key).isEqualTo(storedBefore.get(key).asLong());
        }
        assertThat(stored("run-c").get("pairs").asLong()).isZero();
        assertThat(query("test/run-count", Map.of("dataset", "seed")).get(0).get("runs").asLong()).isEqualTo(1);
        assertThat(new ResultWriter(driver).cleanUp(null, java.time.ZonedDateTime.now())).isEmpty();
        assertThat(new DatasetStore(driver).unfinishedRuns("seed")).isEmpty();
    }

    @Test
    void aWriteOvertakenByAnotherWriteOfTheSameRunLosesAndLeavesNothing() {
        TwoModeData data = new GraphReader(driver).read("seed", null);
        ConvergenceAnalysis.Result report = ConvergenceAnalysis.run(data, ConvergenceAnalysis.Parameters.defaults(),
                l -> { });
        boolean[] once = {true};
        ResultWriter slow = new ResultWriter(driver, l -> { }, () -> {
            if (once[0]) {
                once[0] = false;
                new ResultWriter(driver).write(report
                        .identified("seed", "run-a", "{\"p\":1}", "test", null), generation());
            }
        });
        assertThatThrownBy(() -> slow.write(report
                .identified("seed", "run-a", "{\"p\":1}", "test", null), generation()))
                .isInstanceOf(ResultWriter.WriteConflictException.class).hasMessageContaining("discarded");
        Record visible = summary("run-a");
        assertThat(visible.get("pairs").asLong()).isEqualTo(5);
        Record all = stored("run-a");
        assertThat(all.get("pairs").asLong()).isEqualTo(5);
        assertThat(all.get("scored").asLong()).isEqualTo(visible.get("scored").asLong());
        assertThat(all.get("clusters").asLong()).isEqualTo(visible.get("clusters").asLong());
    }

    @Test
    void resultsAreNeverWrittenOntoADataSetReplacedSinceItWasRead() {
        GraphReader.Snapshot read = new GraphReader(driver).snapshot("seed", null);
        ConvergenceAnalysis.Result report = ConvergenceAnalysis.run(read.data(), ConvergenceAnalysis.Parameters.defaults(),
                l -> { });
        // replaced between the read and the write: refused before anything is written
        LoadPlan small = new TwoModeCsvParser(Taxonomy.builtIn()).parse(SourceText.decode("small.csv",
                "process,theme\nA,Remesas\nB,Remesas\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), null, null);
        new GraphWriter(driver, 1000, l -> { }).write("seed", small, GraphWriter.Mode.REPLACE);
        assertThatThrownBy(() -> new ResultWriter(driver).write(report
                .identified("seed", "run-a", "{}", "test", null), read.generation()))
                .isInstanceOf(ResultWriter.WriteConflictException.class).hasMessageContaining("was replaced");
        assertThat(query("test/run-count", Map.of("dataset", "seed")).get(0).get("runs").asLong()).isZero();

        // replaced while the write is under way: the write loses and leaves nothing
        GraphReader.Snapshot again = new GraphReader(driver).snapshot("seed", null);
        ConvergenceAnalysis.Result small2 = ConvergenceAnalysis.run(again.data(), ConvergenceAnalysis.Parameters.defaults(),
                l -> { });
        boolean[] once = {true};
        ResultWriter interrupted = new ResultWriter(driver, l -> { }, () -> {
            if (once[0]) {
                once[0] = false;
                new GraphWriter(driver, 1000, l -> { }).write("seed", new SeedMatrixParser(Taxonomy.builtIn(),
                        Organisations.builtIn()).parse(SeedMatrixParser.builtInSource()), GraphWriter.Mode.REPLACE);
            }
        });
        assertThatThrownBy(() -> interrupted.write(small2
                .identified("seed", "run-b", "{}", "test", null), again.generation()))
                .isInstanceOf(ResultWriter.WriteConflictException.class).hasMessageContaining("was replaced");
        assertThat(query("read/runs", Map.of("dataset", "seed"))).isEmpty();
        assertThat(stored("run-b").get("pairs").asLong()).isZero();
    }

    @Test
    void relationKindsFilterTheGraph() {
        TwoModeData convergence = new GraphReader(driver).read("seed", List.of("CONVERGENCE_AREA"));
        assertThat(convergence.graph().processCount()).isEqualTo(3);
        assertThat(convergence.graph().edgeCount()).isEqualTo(17);
    }
}
