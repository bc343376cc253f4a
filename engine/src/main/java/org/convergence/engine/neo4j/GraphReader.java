package org.convergence.engine.neo4j;

import java.util.List;
import java.util.Map;
import org.convergence.cypher.Cypher;
import org.convergence.engine.analysis.TwoModeData;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/** Reads the bipartite graph of a data set from Neo4j into the analysis input. */
public final class GraphReader {

    private final Driver driver;

    public GraphReader(Driver driver) {
        this.driver = driver;
    }

    /**
     * @param dataset data set name
     * @param relations relation kinds to count (e.g. {@code CONVERGENCE_AREA}), or null for all
     * @return the analysis input
     * @throws IllegalArgumentException if the data set does not exist or has no edges of those kinds
     */
    public TwoModeData read(String dataset, List<String> relations) {
        DatasetStore store = new DatasetStore(driver);
        if (store.summary(dataset).isEmpty()) {
            List<String> known = store.list().stream().map(DatasetStore.Listing::dataset).toList();
            throw new IllegalArgumentException("Data set `" + dataset + "` does not exist; "
                    + (known.isEmpty() ? "the database has none yet: run `convergence load --seed` or `convergence run`"
                            : "known data sets: " + String.join(", ", known)));
        }
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("dataset", dataset);
        params.put("relations", relations);
        List<TwoModeData.Row> rows;
        try (var session = driver.session()) {
            rows = session.executeRead(tx -> tx.run(Cypher.statement("read/process-themes"), params).list(r -> {
                Value w = r.get("weight");
                return new TwoModeData.Row(r.get("process").asString(), r.get("processName").asString(),
                        r.get("theme").asString(), r.get("themeName").asString(), r.get("relation").asString(),
                        w.isNull() ? null : w.asDouble());
            }));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Data set `" + dataset + "` has no process-theme relations"
                    + (relations == null ? "" : " of kind " + String.join(", ", relations)));
        }
        return TwoModeData.of(rows);
    }
}
