package org.convergence.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.cypher.Cypher;
import org.convergence.engine.Neo4jServers;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.engine.app.Loading;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * Every query of the Browser guide runs on the seed, given as {@code $dataset} as {@code serve} sets it,
 * with an analysis written back, and finds something.
 */
class GuideQueriesIT {

    private final Driver driver = Neo4jServers.embedded().driver();

    private static List<String> guideQueries() {
        Matcher m = Pattern.compile("```cypher\\n(.*?)```", Pattern.DOTALL).matcher(Cypher.text("guide/guide.md"));
        List<String> queries = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).startsWith(":")) { // a Browser command (:param), not Cypher
                queries.add(m.group(1).strip());
            }
        }
        return queries;
    }

    @Test
    void everyGuideQueryRunsAndFindsTheSeedAndItsLatestRun() throws java.net.URISyntaxException {
        Neo4jServers.clearAndLoadSeed(driver);
        GraphReader.Snapshot read = new GraphReader(driver).snapshot("seed", null);
        ConvergenceAnalysis.Result seed = ConvergenceAnalysis.run(read.data(), ConvergenceAnalysis.Parameters.defaults(),
                l -> { }).identified("seed", "run-guide", "{}", "test", null);
        new ResultWriter(driver).write(seed, read.generation());
        // a later snapshot compared with the seed, for the "What changed" slide
        new GraphWriter(driver, 1000, l -> { }).write("later", Loading.matrixPlan(Path.of(GuideQueriesIT.class
                .getResource("/snapshots/matriz-americas-2022.csv").toURI()), Taxonomy.builtIn()), GraphWriter.Mode.MERGE);
        GraphReader.Snapshot readLater = new GraphReader(driver).snapshot("later", null);
        ConvergenceAnalysis.Result later = ConvergenceAnalysis.run(readLater.data(),
                ConvergenceAnalysis.Parameters.defaults(), l -> { }).identified("later", "run-later", "{}", "test", null);
        new ResultWriter(driver).write(later, readLater.generation());
        SnapshotComparison.Result compared = SnapshotComparison.compare(
                new SnapshotComparison.Snapshot("seed", read.data(), seed),
                new SnapshotComparison.Snapshot("later", readLater.data(), later),
                List.of(new SnapshotComparison.Mapping("PPP", "PM", "succeeded")), new SnapshotComparison.Parameters(0.05));
        new ComparisonWriter(driver, l -> { }).write(compared, "run-guide", "run-later");
        List<String> queries = guideQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        for (String q : queries) {
            List<Record> rows;
            try (var session = driver.session()) {
                rows = session.executeRead(tx -> tx.run(q, java.util.Map.of("dataset", "seed")).list());
            }
            assertThat(rows).as("guide query:%n%s", q).isNotEmpty();
            assertThat(q).as("a guide query reads the data set Browser was given").doesNotContain("'seed'");
        }
    }
}
