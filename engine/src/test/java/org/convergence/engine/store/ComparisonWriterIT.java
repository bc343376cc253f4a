package org.convergence.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.convergence.engine.Neo4jServers;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.engine.app.Loading;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

/**
 * A comparison written to Neo4j follows a run's rule: visible only once complete, with the changes of its
 * own write only; a rewrite replaces it, and what an interrupted write left is invisible and removed by the
 * next write of the same comparison.
 */
class ComparisonWriterIT {

    private final Driver driver = Neo4jServers.embedded().driver();

    private long count(String cypher, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, params).single().get(0).asLong());
        }
    }

    private SnapshotComparison.Result compared() throws URISyntaxException {
        Neo4jServers.clearAndLoadSeed(driver);
        new GraphWriter(driver, 1000, l -> { }).write("later", Loading.matrixPlan(Path.of(ComparisonWriterIT.class
                .getResource("/snapshots/matriz-americas-2022.csv").toURI()), Taxonomy.builtIn()), GraphWriter.Mode.MERGE);
        GraphReader reader = new GraphReader(driver);
        GraphReader.Snapshot seed = reader.snapshot("seed", null);
        GraphReader.Snapshot later = reader.snapshot("later", null);
        ConvergenceAnalysis.Result a = ConvergenceAnalysis.run(seed.data(), ConvergenceAnalysis.Parameters.defaults(),
                l -> { }).identified("seed", "run-a", "{}", "test", null);
        ConvergenceAnalysis.Result b = ConvergenceAnalysis.run(later.data(), ConvergenceAnalysis.Parameters.defaults(),
                l -> { }).identified("later", "run-b", "{}", "test", null);
        new ResultWriter(driver).write(a, seed.generation());
        new ResultWriter(driver).write(b, later.generation());
        return SnapshotComparison.compare(new SnapshotComparison.Snapshot("seed", seed.data(), a),
                new SnapshotComparison.Snapshot("later", later.data(), b),
                List.of(new SnapshotComparison.Mapping("PPP", "PM", "succeeded")), new SnapshotComparison.Parameters(0.05));
    }

    @Test
    void writtenTwiceOneCompleteComparisonWithItsOwnChanges() throws URISyntaxException {
        SnapshotComparison.Result r = compared();
        ComparisonWriter writer = new ComparisonWriter(driver, l -> { });
        String id = writer.write(r, "run-a", "run-b");
        assertThat(writer.write(r, "run-a", "run-b")).isEqualTo(id);
        Map<String, Object> p = Map.of("id", id);
        assertThat(count("MATCH (c:Comparison {id: $id}) RETURN count(c)", p)).isEqualTo(1);
        assertThat(count("MATCH (c:Comparison {id: $id, state: 'complete'})-[:EARLIER]->(:AnalysisRun {id: 'run-a'})"
                + " MATCH (c)-[:LATER]->(:AnalysisRun {id: 'run-b'}) RETURN count(c)", p)).isEqualTo(1);
        SnapshotComparison.PairCounts pc = r.pairCounts();
        assertThat(count("MATCH (c:Comparison {id: $id}) MATCH ()-[x:CONVERGENCE_VANISHED {comparison: c.id,"
                + " write: c.write}]->() RETURN count(x)", p)).isEqualTo(pc.vanished()).isPositive();
        assertThat(count("MATCH ()-[x:CONVERGENCE_APPEARED|CONVERGENCE_VANISHED {comparison: $id}]->() RETURN count(x)",
                p)).isEqualTo(pc.appeared() + pc.vanished());
        long gained = r.processThemes().stream().mapToLong(t -> t.gained().size()).sum();
        long lost = r.processThemes().stream().mapToLong(t -> t.lost().size()).sum();
        assertThat(count("MATCH (:Process {dataset: 'later'})-[x:THEME_GAINED {comparison: $id}]->(:Theme {dataset:"
                + " 'later'}) RETURN count(x)", p)).isEqualTo(gained).isPositive();
        assertThat(count("MATCH (:Process {dataset: 'later'})-[x:THEME_LOST {comparison: $id}]->(:Theme {dataset:"
                + " 'seed'}) RETURN count(x)", p)).isEqualTo(lost).isPositive();
        assertThat(count("MATCH (c:Comparison {id: $id}) RETURN c.vanished", p)).isEqualTo(pc.vanished());
    }

    @Test
    void whatAnInterruptedWriteLeftIsInvisibleAndRemovedByTheNextWrite() throws URISyntaxException {
        SnapshotComparison.Result r = compared();
        String id = ComparisonWriter.id(r, "run-a", "run-b");
        // an interrupted write: its node in state `writing` and one change of its own
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("CREATE (:Comparison {id: $id, write: 'dead', state: 'writing',"
                    + " earlier: 'seed', later: 'later', startedAt: datetime('2026-01-01T00:00Z')}) WITH 1 AS x MATCH (a:Process {dataset: 'later', id: 'CRM'}),"
                    + " (b:Process {dataset: 'later', id: 'SOA'}) CREATE (a)-[:CONVERGENCE_APPEARED {comparison: $id,"
                    + " write: 'dead'}]->(b)", Map.of("id", id)).consume());
        }
        Map<String, Object> p = Map.of("id", id);
        // the Browser guide shows complete comparisons only
        assertThat(count("MATCH (c:Comparison {state: 'complete'}) RETURN count(c)", p)).isZero();
        new ComparisonWriter(driver, l -> { }).write(r, "run-a", "run-b");
        assertThat(count("MATCH ()-[x {comparison: $id, write: 'dead'}]->() RETURN count(x)", p)).isZero();
        assertThat(count("MATCH (c:Comparison {id: $id}) RETURN count(c)", p)).isEqualTo(1);
    }

    @Test
    void recoveryRemovesAnUnfinishedWriteOfAnotherComparison() throws URISyntaxException {
        compared();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("CREATE (:Comparison {id: 'cmp-dead', write: 'w',"
                    + " state: 'writing', startedAt: datetime('2026-01-01T00:00Z')}) WITH 1 AS x"
                    + " MATCH (a:Process {dataset: 'later', id: 'CRM'}), (t:Theme {dataset: 'later', id: 'labour-migration'})"
                    + " CREATE (a)-[:THEME_GAINED {comparison: 'cmp-dead', write: 'w'}]->(t)").consume());
        }
        assertThat(new ComparisonWriter(driver, l -> { }).cleanUp(java.time.ZonedDateTime.now()))
                .containsExactly("comparison cmp-dead: removed what an unfinished or replaced write left");
        assertThat(count("MATCH (c:Comparison) RETURN count(c)", Map.of())).isZero();
        assertThat(count("MATCH ()-[x:THEME_GAINED]->() RETURN count(x)", Map.of())).isZero();
    }

    @Test
    void deletingADataSetTakesItsComparisonsAlong() throws URISyntaxException {
        SnapshotComparison.Result r = compared();
        new ComparisonWriter(driver, l -> { }).write(r, "run-a", "run-b");
        assertThat(new GraphWriter(driver, 1000, l -> { }).delete("later")).isTrue();
        assertThat(count("MATCH (c:Comparison {state: 'complete'}) RETURN count(c)", Map.of())).isZero();
        new ComparisonWriter(driver, l -> { }).cleanUp(java.time.ZonedDateTime.now());
        assertThat(count("MATCH (c:Comparison) RETURN count(c)", Map.of())).isZero();
    }
}
