package org.convergence.engine.store;

import java.util.List;
import java.util.Map;
import org.convergence.cypher.Cypher;
import org.convergence.engine.analysis.TwoModeData;
import org.neo4j.driver.Driver;

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
        return snapshot(dataset, relations).data();
    }

    /**
     * Checks that processes named by the user are in a graph as read, saying why when one is not: a process
     * of the data set whose themes all lie outside the relation kinds asked for is left out of the graph,
     * and "unknown process" would mislead. Otherwise, as {@link TwoModeData#requireProcess}.
     *
     * @param dataset data set name
     * @param relations the relation kinds the graph was read with, or null for all
     * @param data the graph as read
     * @param processes process ids to check
     * @throws IllegalArgumentException naming the first process not in the graph, and why
     */
    public void requireProcesses(String dataset, List<String> relations, TwoModeData data,
            java.util.Collection<String> processes) {
        for (String id : processes) {
            if (data.graph().processIndex(id) >= 0) {
                continue;
            }
            if (relations != null) {
                List<org.neo4j.driver.Record> found;
                try (var session = driver.session()) {
                    found = session.executeRead(tx -> tx.run(Cypher.statement("read/process-relations"),
                            Map.of("dataset", dataset, "process", id)).list());
                }
                if (!found.isEmpty()) {
                    List<String> kinds = found.get(0).get("relations").asList(org.neo4j.driver.Value::asString);
                    throw new IllegalArgumentException("Process `" + id + "` of data set `" + dataset + "` has no theme"
                            + " under the relation kinds asked for (" + String.join(", ", relations) + "), so it is not"
                            + " in the graph analysed; its themes are under " + (kinds.isEmpty() ? "no relation kind"
                                    : String.join(", ", kinds.stream().sorted().toList())));
                }
            }
            data.requireProcess(id);
        }
    }

    /**
     * A data set's graph as read, with the generation of the data set it was read from (the token of
     * the load that made it; empty for data sets loaded by earlier versions), read in the same
     * transaction: a write-back checks it, so that results are never attached to a data set replaced
     * meanwhile.
     *
     * @param data the analysis input
     * @param generation the data set's generation when it was read
     */
    public record Snapshot(TwoModeData data, String generation) {
    }

    /**
     * @param dataset data set name
     * @param relations relation kinds to count, or null for all
     * @return the graph with the generation it was read from
     * @throws IllegalArgumentException if the data set does not exist or has no edges of those kinds
     */
    public Snapshot snapshot(String dataset, List<String> relations) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("dataset", dataset);
        params.put("relations", relations);
        TwoModeData.Builder[] built = new TwoModeData.Builder[1];
        String[] generation = new String[1];
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                TwoModeData.Builder builder = new TwoModeData.Builder(); // a retried transaction starts over
                var found = tx.run(Cypher.statement("read/dataset-generation"), Map.of("dataset", dataset)).list();
                generation[0] = found.isEmpty() ? null : found.get(0).get("generation").asString();
                if (generation[0] == null) {
                    return null; // no such data set: said below, with the ones there are
                }
                tx.run(Cypher.statement("read/theme-names"), Map.of("dataset", dataset))
                        .forEachRemaining(r -> builder.themeName(r.get("theme").asString(), r.get("themeName").asString()));
                String only = onlyKind(found.get(0), relations);
                if (only != null) {
                    // one relation kind, no weights: the themes alone
                    tx.run(Cypher.statement("read/process-themes-plain"), Map.of("dataset", dataset))
                            .forEachRemaining(r -> {
                                int process = builder.process(r.get("process").asString(),
                                        r.get("processName").asString());
                                for (Object theme : r.get("themes").asList()) {
                                    builder.edge(process, (String) theme, only, null);
                                }
                            });
                    built[0] = builder;
                    return null;
                }
                // one record per process, its edges as parallel lists, straight into the builder's columns
                tx.run(Cypher.statement("read/process-themes"), params).forEachRemaining(r -> {
                    int process = builder.process(r.get("process").asString(), r.get("processName").asString());
                    EdgePages.edgesOf(r, (id, theme, relation, weight) ->
                            builder.edge(process, theme, relation, weight));
                });
                built[0] = builder;
                return null;
            });
        }
        if (generation[0] == null) {
            throw new DatasetStore(driver).unknown(dataset);
        }
        if (built[0].edges() == 0) {
            throw new IllegalArgumentException("Data set `" + dataset + "` has no process-theme relations"
                    + (relations == null ? "" : " of kind " + String.join(", ", relations)));
        }
        return new Snapshot(built[0].build(), generation[0]);
    }

    /**
     * The one relation kind every edge to read has, when the data set's load recorded that its edges
     * are unweighted and of that one kind (and the kinds asked for include it); else null, and the
     * edges are read with their relation and weight each.
     */
    private static String onlyKind(org.neo4j.driver.Record dataset, List<String> relations) {
        if (dataset.get("relations").isNull() || dataset.get("weighted").isNull() || dataset.get("weighted").asBoolean()) {
            return null;
        }
        List<String> kinds = dataset.get("relations").asList(org.neo4j.driver.Value::asString);
        if (kinds.size() != 1 || (relations != null && !relations.contains(kinds.get(0)))) {
            return null;
        }
        return kinds.get(0);
    }
}
