package org.convergence.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.cypher.Cypher;
import org.convergence.engine.Neo4jServers;
import org.convergence.engine.analysis.ConvergenceAnalysis;
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
    void everyGuideQueryRunsAndFindsTheSeedAndItsLatestRun() {
        Neo4jServers.clearAndLoadSeed(driver);
        GraphReader.Snapshot read = new GraphReader(driver).snapshot("seed", null);
        new ResultWriter(driver).write(ConvergenceAnalysis.run(read.data(), ConvergenceAnalysis.Parameters.defaults(), l -> { })
                .identified("seed", "run-guide", "{}", "test", null), read.generation());
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
