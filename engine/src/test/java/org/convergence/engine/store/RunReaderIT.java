package org.convergence.engine.store;

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
import org.convergence.engine.analysis.Side;
import org.convergence.engine.dataset.GraphEdge;
import org.convergence.engine.dataset.GraphMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * The runs of the seed read back as written: the run resolved, its result as the one result model (equal to
 * the result computed in memory), and the graph's members and edges as exports read them.
 */
class RunReaderIT {

    private final Driver driver = Neo4jServers.embedded().driver();
    private final RunReader reader = new RunReader(driver);
    private final DatasetReader dataset = new DatasetReader(driver);

    @BeforeEach
    void loadSeed() {
        Neo4jServers.clearAndLoadSeed(driver);
    }

    /** Analyses the seed (only the given relation kinds, null for all), writes the run and returns its result. */
    private ConvergenceAnalysis.Result writeRun(String run, List<String> relations,
            List<ConvergenceAnalysis.PathRequest> paths) {
        GraphReader.Snapshot read = new GraphReader(driver).snapshot("seed", relations);
        String parameters = relations == null ? "{\"relations\":\"all\"}"
                : "{\"relations\":[\"" + String.join("\",\"", relations) + "\"]}";
        ConvergenceAnalysis.Parameters d = ConvergenceAnalysis.Parameters.defaults();
        ConvergenceAnalysis.Result result = ConvergenceAnalysis.run(read.data(), new ConvergenceAnalysis.Parameters(
                d.overlap(), d.clusters(), true, paths, true, d.betweennessBudget(), 3, 5), l -> { })
                .identified("seed", run, parameters, "test", relations);
        return result.finished(new ResultWriter(driver).write(result, read.generation()).finishedAt());
    }

    private ConvergenceAnalysis.Result writeRun(String run, List<String> relations) {
        return writeRun(run, relations, List.of());
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
    void aStoredResultEqualsTheResultComputedInMemory() {
        ConvergenceAnalysis.Result memory = writeRun("run-a", null,
                List.of(new ConvergenceAnalysis.PathRequest("CSM", "PPP", 3)));
        ConvergenceAnalysis.Result stored = reader.result(reader.run("seed", Optional.of("run-a")));
        assertThat(stored.provenance()).isEqualTo(withTime(memory.provenance(), stored.provenance()));
        assertThat(stored.clusterSets()).isEqualTo(memory.clusterSets());
        assertThat(stored.modularity()).isEqualTo(memory.modularity());
        assertThat(stored.paths()).isEqualTo(memory.paths());
        assertThat(stored.centrality()).isEqualTo(memory.centrality());
        assertThat(stored.recommendations()).isEqualTo(memory.recommendations());
        assertThat(stored.themeNames()).isEqualTo(memory.themeNames());
        assertThat(stored.notes()).isEqualTo(memory.notes());
        assertThat(stored.pairs().count()).isEqualTo(memory.pairs().count());
        assertThat(stored.pairs().hypotheses()).isEqualTo(memory.pairs().hypotheses());
        assertThat(stored.pairs().fields()).isEqualTo(memory.pairs().fields());
        // every pair and field, by ids; and the strongest in rank order
        assertThat(pairs(stored.pairs(), false, 100)).isEqualTo(pairs(memory.pairs(), false, 100));
        assertThat(pairs(stored.pairs(), true, 3)).isEqualTo(pairs(memory.pairs(), true, 3))
                .extracting(p -> p.get("pair")).containsExactly("CRM-SOA", "CSM-SOA", "CRM-CSM");
    }

    /** The memory result's provenance with the time the store keeps (to its precision). */
    private static ConvergenceAnalysis.Provenance withTime(ConvergenceAnalysis.Provenance memory,
            ConvergenceAnalysis.Provenance stored) {
        assertThat(stored.finishedAt().toInstant()).isEqualTo(memory.finishedAt().toInstant());
        return new ConvergenceAnalysis.Provenance(memory.dataset(), memory.run(), memory.parameters(),
                memory.engineVersion(), memory.inputFingerprint(), stored.finishedAt(), memory.relations(),
                memory.processes(), memory.themes(), memory.edges(), memory.relationships(), memory.weighted());
    }

    /** Each pair as a map of its fields, all of them by ids or the strongest {@code n} in rank order. */
    private static List<Map<String, Object>> pairs(OverlapAnalysis.Pairs pairs, boolean strongest, int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        OverlapAnalysis.PairSink sink = new Recorder() {
            @Override
            public void endPair() {
                out.add(current);
            }
        };
        if (strongest) {
            pairs.strongest(n, sink);
        } else {
            pairs.forEach(sink);
        }
        return out;
    }

    /** Records each pair's fields, its ids under {@code pair}. */
    private abstract static class Recorder implements OverlapAnalysis.PairSink, OverlapAnalysis.BoxedFieldSink {
        Map<String, Object> current;

        @Override
        public void beginPair(String a, String b) {
            current = new LinkedHashMap<>();
            current.put("pair", a + "-" + b);
        }

        @Override
        public void value(String name, Object value) {
            current.put(name, value);
        }
    }

    @Test
    void theGraphsMembersCarryTheirNamesAndTheResultTheirClustersAndCentrality() {
        writeRun("run-a", null);
        RunReader.Run run = reader.run("seed", Optional.empty());
        List<GraphMember> members = dataset.members("seed", run.relations());
        assertThat(members).hasSize(4 + 23);
        assertThat(members.subList(0, 4)).extracting(GraphMember::id).containsExactly("CRM", "CSM", "PPP", "SOA");
        assertThat(members.subList(4, members.size())).allMatch(m -> m.side() == Side.THEME);
        GraphMember crm = members.get(0);
        assertThat(crm.side()).isEqualTo(Side.PROCESS);
        assertThat(crm.name()).isEqualTo("Conferencia Regional sobre Migración");
        assertThat(crm.nameEn()).isEmpty();
        GraphMember statistics = members.stream().filter(m -> m.id().equals("migration-statistics")).findFirst()
                .orElseThrow();
        assertThat(statistics.nameEn()).contains("Migration statistics information systems");
        assertThat(statistics.nameEs()).isPresent();
        ConvergenceAnalysis.Result result = reader.result(run);
        assertThat(result.clusterSets()).extracting(ConvergenceAnalysis.ClusterSet::kind)
                .containsExactly(ClusterKind.CO, ClusterKind.PROCESS, ClusterKind.THEME);
        // the only bridge theme: without it PPP is cut off from the other three
        assertThat(result.centrality().bridgeThemes()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("migration-statistics");
            assertThat(s.disconnectedProcessPairs()).isEqualTo(3);
            assertThat(s.degree()).isEqualTo(3);
        });
    }

    @Test
    void edgesAreEveryAddressesRelationshipOfTheRunsRelationKinds() {
        writeRun("run-a", null);
        writeRun("run-b", List.of("CONVERGENCE_AREA"));
        List<GraphEdge> all = new ArrayList<>();
        assertThat(dataset.edges("seed", reader.run("seed", Optional.of("run-a")).relations(), all::add)).isEqualTo(39);
        assertThat(all).hasSize(39).allMatch(e -> e.row().isPresent() && e.weight().isEmpty());
        assertThat(all).extracting(e -> e.process() + " " + e.theme() + " " + e.relation())
                .isSortedAccordingTo(String::compareTo);
        assertThat(all).extracting(GraphEdge::relation).containsOnly("ACTION_PLAN", "CONVERGENCE_AREA",
                "STATED_PURPOSE");
        List<GraphEdge> areas = new ArrayList<>();
        RunReader.Run b = reader.run("seed", Optional.of("run-b"));
        dataset.edges("seed", b.relations(), areas::add);
        // 8 + 8 + 1 convergence areas (CRM, SOA, PPP); CSM has none, so it is not in run-b's graph
        assertThat(areas).hasSize(17).allMatch(e -> e.relation().equals("CONVERGENCE_AREA"));
        assertThat(dataset.members("seed", b.relations())).extracting(GraphMember::id).doesNotContain("CSM")
                .contains("CRM");
    }

    @Test
    void pairsArriveOneAtATimeByIdsWithEveryField() {
        writeRun("run-a", null);
        RunReader.Run run = reader.run("seed", Optional.empty());
        List<Map<String, Object>> pairs = pairs(reader.result(run).pairs(), false, 0);
        assertThat(pairs).extracting(p -> p.get("pair"))
                .containsExactly("CRM-CSM", "CRM-PPP", "CRM-SOA", "CSM-SOA", "PPP-SOA");
        Map<String, Object> crmSoa = pairs.get(2);
        List<String> keys = new ArrayList<>(List.of("pair"));
        run.pairFields().forEach(f -> keys.add(f.key()));
        assertThat(crmSoa.keySet()).containsExactlyElementsOf(keys);
        assertThat(crmSoa).containsEntry("shared", 8L).containsEntry("jaccard", 8d / 14);
        assertThat((List<?>) crmSoa.get("sharedThemes")).hasSize(8);
    }

    @Test
    void aRunThatLosesPairsWhileTheyAreReadIsReportedNotExportedHalf() {
        writeRun("run-a", null);
        RunReader.Run run = reader.run("seed", Optional.empty());
        OverlapAnalysis.Pairs pairs = reader.result(run).pairs();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("test/delete-one-pair"),
                    Map.of("dataset", "seed", "run", "run-a", "a", "CRM", "b", "SOA")).consume());
        }
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> pairs.forEach(new Recorder() {
            @Override
            public void endPair() {
                seen.add((String) current.get("pair"));
            }
        })).isInstanceOf(RunReader.RunChangedException.class)
                .hasMessageContaining("Run run-a of data set `seed` changed while its pairs were read (4 read, 5"
                        + " recorded)");
        assertThat(seen).hasSize(4);
    }
}
