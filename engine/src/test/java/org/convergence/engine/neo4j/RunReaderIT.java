package org.convergence.engine.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convergence.cypher.Cypher;
import org.convergence.engine.Neo4jServers;
import org.convergence.engine.analysis.ClusterKind;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/** The runs of the seed read back as written: the run resolved, its members, edges and pairs. */
class RunReaderIT {

    private final Driver driver = Neo4jServers.embedded().driver();
    private final RunReader reader = new RunReader(driver);

    @BeforeEach
    void loadSeed() {
        Neo4jServers.clearAndLoadSeed(driver);
    }

    /** Analyses the seed (only the given relation kinds, null for all) and writes the run. */
    private void writeRun(String run, List<String> relations) {
        GraphReader.Snapshot read = new GraphReader(driver).snapshot("seed", relations);
        String parameters = relations == null ? "{\"relations\":\"all\"}"
                : "{\"relations\":[\"" + String.join("\",\"", relations) + "\"]}";
        new ResultWriter(driver).write("seed", run, parameters, "test",
                ConvergenceAnalysis.run(read.data(), ConvergenceAnalysis.Parameters.defaults(), l -> { }),
                read.generation());
    }

    @Test
    void resolvesTheLatestRunOrTheNamedOneAndSaysWhatThereIsOtherwise() {
        assertThatThrownBy(() -> reader.run("seed", Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Data set `seed` has no complete analysis run; run `convergence analyze --dataset seed`"
                        + " first");
        assertThatThrownBy(() -> reader.run("nope", Optional.empty()))
                .hasMessage("Data set `nope` does not exist; known data sets: seed");
        writeRun("run-a", null);
        writeRun("run-b", List.of("CONVERGENCE_AREA"));
        assertThat(reader.run("seed", Optional.empty()).id()).isEqualTo("run-b");
        RunReader.Run a = reader.run("seed", Optional.of("run-a"));
        assertThat(a.id()).isEqualTo("run-a");
        assertThat(a.relations()).isEmpty();
        assertThat(a.weighted()).isFalse();
        assertThat(a.pairs()).isEqualTo(5);
        assertThat(a.processes()).isEqualTo(4);
        assertThat(a.themes()).isEqualTo(23);
        assertThat(a.edges()).isEqualTo(35);
        assertThat(a.modularity()).isPresent();
        assertThat(a.engineVersion()).isEqualTo("test");
        assertThat(reader.run("seed", Optional.of("run-b")).relations()).containsExactly("CONVERGENCE_AREA");
        assertThatThrownBy(() -> reader.run("seed", Optional.of("run-c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Data set `seed` has no complete run `run-c`; its complete runs, latest first:"
                        + " run-b (finished ")
                .hasMessageContaining(", run-a (finished ");
    }

    @Test
    void membersCarryNamesClustersAndCentralityOfTheRun() {
        writeRun("run-a", null);
        RunReader.Run run = reader.run("seed", Optional.empty());
        List<RunReader.Member> members = reader.members(run);
        assertThat(members).hasSize(4 + 23);
        assertThat(members.subList(0, 4)).extracting(RunReader.Member::id).containsExactly("CRM", "CSM", "PPP", "SOA");
        assertThat(members.subList(4, members.size())).allMatch(m -> m.kind() == RunReader.Kind.THEME);
        RunReader.Member crm = members.get(0);
        assertThat(crm.kind()).isEqualTo(RunReader.Kind.PROCESS);
        assertThat(crm.name()).isEqualTo("Conferencia Regional sobre Migración");
        assertThat(crm.nameEn()).isEmpty();
        assertThat(crm.clusters()).containsOnlyKeys(ClusterKind.CO, ClusterKind.PROCESS);
        assertThat(crm.scores()).isPresent();
        RunReader.Member statistics = members.stream().filter(m -> m.id().equals("migration-statistics")).findFirst()
                .orElseThrow();
        assertThat(statistics.nameEn()).contains("Migration statistics information systems");
        assertThat(statistics.nameEs()).isPresent();
        assertThat(statistics.clusters()).containsOnlyKeys(ClusterKind.CO, ClusterKind.THEME);
        // the only bridge theme: without it PPP is cut off from the other three
        assertThat(statistics.scores().orElseThrow().bridge()).isTrue();
        assertThat(statistics.scores().orElseThrow().disconnectedProcessPairs()).isEqualTo(3);
        assertThat(statistics.scores().orElseThrow().degree()).isEqualTo(3);
        assertThat(members.stream().filter(m -> m.scores().orElseThrow().bridge())).hasSize(1);
    }

    @Test
    void edgesAreEveryAddressesRelationshipOfTheRunsRelationKinds() {
        writeRun("run-a", null);
        writeRun("run-b", List.of("CONVERGENCE_AREA"));
        List<RunReader.Edge> all = new ArrayList<>();
        assertThat(reader.edges(reader.run("seed", Optional.of("run-a")), all::add)).isEqualTo(39);
        assertThat(all).hasSize(39).allMatch(e -> e.row().isPresent() && e.weight().isEmpty());
        assertThat(all).extracting(e -> e.process() + " " + e.theme() + " " + e.relation())
                .isSortedAccordingTo(String::compareTo);
        assertThat(all).extracting(RunReader.Edge::relation).containsOnly("ACTION_PLAN", "CONVERGENCE_AREA",
                "STATED_PURPOSE");
        List<RunReader.Edge> areas = new ArrayList<>();
        RunReader.Run b = reader.run("seed", Optional.of("run-b"));
        reader.edges(b, areas::add);
        // 8 + 8 + 1 convergence areas (CRM, SOA, PPP); CSM has none, so it is not in run-b's graph
        assertThat(areas).hasSize(17).allMatch(e -> e.relation().equals("CONVERGENCE_AREA"));
        assertThat(reader.members(b)).extracting(RunReader.Member::id).doesNotContain("CSM").contains("CRM");
    }

    @Test
    void pairsArriveOneAtATimeByIdsWithEveryField() {
        writeRun("run-a", null);
        RunReader.Run run = reader.run("seed", Optional.empty());
        List<String> order = new ArrayList<>();
        Map<String, Object> crmSoa = new LinkedHashMap<>();
        class Recorder implements RunReader.PairSink, OverlapAnalysis.BoxedFieldSink {
            private boolean record;

            @Override
            public void beginPair(String a, String b) {
                order.add(a + "-" + b);
                record = a.equals("CRM") && b.equals("SOA");
            }

            @Override
            public void endPair() {
                record = false;
            }

            @Override
            public void value(String name, Object value) {
                if (record) {
                    crmSoa.put(name, value);
                }
            }
        }
        long n = reader.pairs(run, new Recorder());
        assertThat(n).isEqualTo(5);
        assertThat(order).containsExactly("CRM-CSM", "CRM-PPP", "CRM-SOA", "CSM-SOA", "PPP-SOA");
        assertThat(crmSoa.keySet()).containsExactlyElementsOf(run.pairFields().stream()
                .map(org.convergence.engine.analysis.OverlapAnalysis.PairField::key).toList());
        assertThat(crmSoa).containsEntry("shared", 8L).containsEntry("jaccard", 8d / 14);
        assertThat((List<?>) crmSoa.get("sharedThemes")).hasSize(8);
    }

    @Test
    void aRunThatLosesPairsWhileTheyAreReadIsReportedNotExportedHalf() {
        writeRun("run-a", null);
        RunReader.Run run = reader.run("seed", Optional.empty());
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("test/delete-one-pair"),
                    Map.of("dataset", "seed", "run", "run-a", "a", "CRM", "b", "SOA")).consume());
        }
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> reader.pairs(run, new RunReader.PairSink() {
            @Override
            public void beginPair(String a, String b) {
                seen.add(a + "-" + b);
            }

            @Override
            public void endPair() {
            }

            @Override
            public void field(String name, long value) {
            }

            @Override
            public void field(String name, double value) {
            }

            @Override
            public void field(String name, String[] ids, int count) {
            }
        })).isInstanceOf(RunReader.RunChangedException.class)
                .hasMessageContaining("Run run-a of data set `seed` changed while its pairs were read (4 read, 5"
                        + " recorded)");
        assertThat(seen).hasSize(4);
    }
}
