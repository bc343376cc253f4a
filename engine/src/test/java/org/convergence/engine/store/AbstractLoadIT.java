package org.convergence.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.cypher.Cypher;
import org.convergence.loader.LoadException;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.NodeKind;
import org.convergence.loader.RelKind;
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

/**
 * The loaded graph checked against the source through the driver. Subclasses say which Neo4j: the
 * in-process server ({@link LoadIT}) or a container ({@link LoadContainerIT}).
 */
abstract class AbstractLoadIT {

    abstract Driver driver();

    private GraphWriter writer() {
        return new GraphWriter(driver(), 7, line -> { });
    }

    private static LoadPlan seed() {
        return new SeedMatrixParser(Taxonomy.builtIn(), Organisations.builtIn()).parse(SeedMatrixParser.builtInSource());
    }

    private static LoadPlan csv(String text) {
        return new TwoModeCsvParser(Taxonomy.builtIn())
                .parse(SourceText.decode("t.csv", text.getBytes(StandardCharsets.UTF_8)), null, null);
    }

    private List<Record> query(String name, Map<String, Object> params) {
        try (var session = driver().session()) {
            return session.executeRead(tx -> tx.run(Cypher.statement(name), params).list());
        }
    }

    private long[] counts() {
        Record r = query("test/counts", Map.of()).get(0);
        return new long[] {r.get("nodes").asLong(), r.get("relationships").asLong()};
    }

    private List<String> themes(String process, String relation) {
        return query("test/themes-by-relation", Map.of("dataset", "seed", "process", process, "relation", relation))
                .stream().map(r -> r.get("theme").asString()).toList();
    }

    @BeforeEach
    void emptyDatabase() {
        try (var session = driver().session()) {
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("test/clear")).consume());
        }
    }

    @Test
    void seedGraphMatchesTheMatrixCellByCell() {
        writer().write("seed", seed(), GraphWriter.Mode.MERGE);
        assertThat(themes("CRM", "ACTION_PLAN")).containsExactly("human-rights-of-migrants",
                "migration-and-development", "migration-management");
        assertThat(themes("SOA", "ACTION_PLAN")).containsExactly("economic-integration", "human-rights-of-migrants",
                "labour", "migration-and-development", "migration-management", "social-stability-and-mobility",
                "trafficking-in-persons");
        assertThat(themes("PPP", "ACTION_PLAN")).containsExactly("energy-interconnection", "human-development",
                "natural-disasters", "road-integration", "sustainable-development", "telecommunications-integration",
                "tourism", "trade");
        assertThat(themes("CRM", "CONVERGENCE_AREA")).containsExactly("human-rights-of-migrants",
                "migration-management", "migration-statistics", "origin-transit-destination-cooperation",
                "regional-migration-security", "remittances", "smuggling-of-migrants", "technical-cooperation");
        assertThat(themes("SOA", "CONVERGENCE_AREA")).containsExactly("hemispheric-security",
                "human-rights-of-migrants", "migration-management", "migration-statistics",
                "origin-transit-destination-cooperation", "remittances", "smuggling-of-migrants",
                "technical-cooperation");
        assertThat(themes("PPP", "CONVERGENCE_AREA")).containsExactly("migration-statistics");
        assertThat(themes("CSM", "STATED_PURPOSE")).containsExactly("consular-policy", "human-rights-of-migrants",
                "migration-management", "trafficking-in-persons");

        Record crmRights = query("test/themes-by-relation", Map.of("dataset", "seed", "process", "CRM",
                "relation", "CONVERGENCE_AREA")).stream()
                .filter(r -> r.get("theme").asString().equals("migration-statistics")).findFirst().orElseThrow();
        assertThat(crmRights.get("rawLabels").asList()).containsExactly(
                "Sistemas de Información Estadística Migratoria (SIEMCA)");
        assertThat(crmRights.get("lines").asList()).containsExactly(90L);

        Map<String, Object> soa = query("test/process", Map.of("dataset", "seed", "process", "SOA")).get(0)
                .get("props").asMap();
        assertThat(soa).containsEntry("startCountry", "Estados Unidos").containsEntry("startYear", 1994L)
                .containsEntry("participation", "Jefes de Estado");
        Map<String, Object> csm = query("test/process", Map.of("dataset", "seed", "process", "CSM")).get(0)
                .get("props").asMap();
        assertThat(csm).containsEntry("startYear", 1999L).containsEntry("meetings", "se celebra anualmente");
        assertThat(query("test/csm-members", Map.of("dataset", "seed", "process", "CSM")))
                .extracting(r -> r.get("country").asString()).containsExactly("Argentina", "Bolivia", "Brazil",
                        "Chile", "Colombia", "Ecuador", "Guyana", "Paraguay", "Perú", "Uruguay", "Venezuela");
        assertThat(query("test/provenance", Map.of("dataset", "seed")).get(0).get("untraced").asLong()).isZero();
    }

    @Test
    void loadingTwiceGivesTheSameGraph() {
        writer().write("seed", seed(), GraphWriter.Mode.MERGE);
        long[] once = counts();
        writer().write("seed", seed(), GraphWriter.Mode.MERGE);
        assertThat(counts()).containsExactly(once);
        writer().write("seed", seed(), GraphWriter.Mode.REPLACE);
        assertThat(counts()).containsExactly(once);
    }

    @Test
    void dataSetsCoexistWithoutMixing() {
        writer().write("seed", seed(), GraphWriter.Mode.MERGE);
        long[] seedOnly = counts();
        writer().write("other", csv("process,theme\nCRM,Remesas\nX,Remesas\n"), GraphWriter.Mode.MERGE);
        DatasetStore store = new DatasetStore(driver());
        assertThat(store.summary("seed").orElseThrow().processes()).isEqualTo(4);
        assertThat(store.summary("other").orElseThrow().processes()).isEqualTo(2);
        assertThat(store.summary("other").orElseThrow().addresses()).isEqualTo(2);
        assertThat(store.list()).extracting(DatasetStore.Listing::dataset).containsExactly("other", "seed");
        writer().write("other", csv("process,theme\nA,Turismo\n"), GraphWriter.Mode.REPLACE);
        assertThat(store.summary("other").orElseThrow().processes()).isEqualTo(1);
        assertThat(store.summary("seed").orElseThrow().nodes()).isEqualTo(seedOnly[0] - 1);
    }

    @Test
    void differentSourceIntoExistingDataSetIsRefusedAndChangesNothing() {
        writer().write("x", csv("process,theme\nA,Remesas\n"), GraphWriter.Mode.MERGE);
        long[] before = counts();
        assertThatThrownBy(() -> writer().write("x", csv("process,theme\nB,Turismo\n"), GraphWriter.Mode.MERGE))
                .isInstanceOf(GraphWriter.DatasetConflictException.class).hasMessageContaining("--replace");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void failureInsideTheTransactionLeavesTheDatabaseAsItWas() {
        writer().write("seed", seed(), GraphWriter.Mode.MERGE);
        long[] before = counts();
        // A plan whose last relationship carries a value Neo4j cannot store (a map) fails after the
        // replace has deleted the data set and many batches have been written: all must roll back.
        LoadPlan.Builder b = new LoadPlan.Builder();
        for (int i = 0; i < 50; i++) {
            b.node(NodeKind.PROCESS, "p" + i, Map.of("name", "p" + i));
            b.node(NodeKind.THEME, "t" + i, Map.of("name", "t" + i));
        }
        b.node(NodeKind.DOCUMENT, "doc", Map.of("name", "doc"));
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("relation", "LISTED");
        bad.put("nested", Map.of("not", "storable"));
        b.rel(RelKind.ADDRESSES, "p49", "t49", bad);
        LoadPlan plan = b.build(new LoadPlan.Source("csv", "bad.csv", "0", "doc", "none", "none"));
        assertThatThrownBy(() -> writer().write("seed", plan, GraphWriter.Mode.REPLACE))
                .isInstanceOf(RuntimeException.class);
        assertThat(counts()).containsExactly(before);
        assertThat(themes("CRM", "ACTION_PLAN")).hasSize(3);
    }

    private static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static String manyRows(String prefix, int processes) {
        StringBuilder b = new StringBuilder("process,theme\n");
        for (int i = 0; i < processes; i++) {
            b.append(prefix).append(i).append(",Remesas\n").append(prefix).append(i).append(",Turismo\n");
        }
        return b.toString();
    }

    @Test
    void everyLoadEndsItsMarkerWhetherItRetiredAGenerationOrNot() {
        writer().write("other", csv(manyRows("A", 3)), GraphWriter.Mode.MERGE);
        assertThat(query("test/load-markers", Map.of()).get(0).get("markers").asLong()).isZero();
        long[] first = counts();
        writer().write("other", csv(manyRows("B", 5)), GraphWriter.Mode.REPLACE);
        assertThat(query("test/load-markers", Map.of()).get(0).get("markers").asLong()).isZero();
        assertThat(new DatasetStore(driver()).summary("other").orElseThrow().processes()).isEqualTo(5);
        // the replaced generation is gone: 2 processes and 4 relations more than the first load, no more
        assertThat(counts()).containsExactly(first[0] + 2, first[1] + 2 * 2 + 2);
    }

    @Test
    void theSchemaStepCreatesWhatIsMissingAndOnlyThat() {
        GraphWriter.createSchema(driver());
        List<String> all = indexNames();
        assertThat(all).contains("process_key", "theme_key", "dataset_id", "converges_with_run", "in_cluster_run");
        try (var session = driver().session()) {
            session.run(Cypher.statement("test/drop-run-index")).consume();
        }
        assertThat(indexNames()).doesNotContain("converges_with_run");
        GraphWriter.createSchema(driver());
        assertThat(indexNames()).containsExactlyInAnyOrderElementsOf(all);
    }

    /** The index names, asked as the schema step asks them. */
    private List<String> indexNames() {
        return query("schema/present", Map.of()).stream().map(r -> r.get("name").asString()).toList();
    }

    @Test
    void aReplaceInterruptedBetweenBatchesLeavesThePreviousDataSetAsItWas() {
        writer().write("other", csv(manyRows("A", 3)), GraphWriter.Mode.MERGE);
        long[] before = counts();
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(4);
        GraphWriter failing = writer().betweenBatches(() -> {
            if (left.decrementAndGet() == 0) {
                throw new InjectedFailure();
            }
        });
        // 40 processes and 80 relations in batches of 7: the failure comes after 4 committed batches
        assertThatThrownBy(() -> failing.write("other", csv(manyRows("B", 40)), GraphWriter.Mode.REPLACE))
                .isInstanceOf(InjectedFailure.class);
        assertThat(counts()).containsExactly(before);
        DatasetStore store = new DatasetStore(driver());
        assertThat(store.summary("other").orElseThrow().processes()).isEqualTo(3);
        // and a replace that completes swaps the whole data set at once
        writer().write("other", csv(manyRows("B", 40)), GraphWriter.Mode.REPLACE);
        assertThat(store.summary("other").orElseThrow().processes()).isEqualTo(40);
        assertThat(store.summary("other").orElseThrow().addresses()).isEqualTo(80);
        assertThat(GraphWriter.cleanUp(driver(), java.time.ZonedDateTime.now())).isEmpty();
    }

    @Test
    void whatAKilledLoadLeftIsInvisibleAndTheNextCommandRemovesIt() {
        writer().write("other", csv(manyRows("A", 3)), GraphWriter.Mode.MERGE);
        long[] before = counts();
        // a load killed after its first node batch: its marker and staged nodes, as the writer left them
        String key = GraphWriter.STAGING_PREFIX + "other:killed";
        try (var session = driver().session()) {
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("load/begin-load"),
                    Map.of("key", key, "dataset", "other")).consume());
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("load/create-process"), Map.of("key", key,
                    "rows", List.of(Map.of("id", "A0", "props", Map.of("name", "half")), Map.of("id", "Z", "props",
                            Map.of())))).consume());
        }
        DatasetStore store = new DatasetStore(driver());
        assertThat(store.list()).extracting(DatasetStore.Listing::dataset).containsExactly("other");
        assertThat(store.summary("other").orElseThrow().processes()).isEqualTo(3);
        assertThat(new GraphReader(driver()).read("other", null).graph().processCount()).isEqualTo(3);

        assertThat(GraphWriter.cleanUp(driver(), java.time.ZonedDateTime.now()))
                .containsExactly("removed an unfinished load of data set `other` (its previous state, if any, stays)");
        assertThat(counts()).containsExactly(before);
        // on a shared server, a load that began after the cut-off may still be running: left alone
        try (var session = driver().session()) {
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("load/begin-load"),
                    Map.of("key", key, "dataset", "other")).consume());
        }
        assertThat(GraphWriter.cleanUp(driver(), java.time.ZonedDateTime.now().minusHours(1))).isEmpty();
    }

    @Test
    void badFileFailsBeforeAnythingIsWritten() {
        long[] before = counts();
        assertThatThrownBy(() -> csv("process,theme,weight\nA,x,1\nB,y,zero\n"))
                .isInstanceOf(LoadException.class).hasMessage("t.csv:3: weight `zero` is not a number (expected a"
                        + " finite number > 0, e.g. 1 or 0.5)");
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void aDataSetOfOneUnweightedRelationKindReadsTheSameWithoutShippingThem() {
        String text = "process,theme\np1,Remesas\np1,Trabajo\np2,Remesas\np3,Turismo\np2,Turismo\n";
        writer().write("plain", csv(text), GraphWriter.Mode.REPLACE);
        Record summary = query("read/dataset-generation", Map.of("dataset", "plain")).get(0);
        assertThat(summary.get("relations").asList(org.neo4j.driver.Value::asString)).containsExactly("LISTED");
        assertThat(summary.get("weighted").asBoolean()).isFalse();
        org.convergence.engine.analysis.TwoModeData lean = new GraphReader(driver()).read("plain", null);
        try (var session = driver().session()) {
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("test/forget-edge-summary"),
                    Map.of("dataset", "plain")).consume());
        }
        org.convergence.engine.analysis.TwoModeData full = new GraphReader(driver()).read("plain", null);
        assertThat(lean.fingerprint()).isEqualTo(full.fingerprint());
        assertThat(lean.graph().edgeCount()).isEqualTo(5);
        // the seed has several kinds: read with each edge's kind, as before
        writer().write("seed", seed(), GraphWriter.Mode.MERGE);
        assertThat(query("read/dataset-generation", Map.of("dataset", "seed")).get(0).get("relations")
                .asList(org.neo4j.driver.Value::asString)).containsExactly("ACTION_PLAN", "CONVERGENCE_AREA",
                        "STATED_PURPOSE");
    }
}
