package org.convergence.engine.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convergence.cypher.Cypher;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * A data set's edges read in pages of processes, for a reader that works in partitions (the Spark job,
 * one page per task, each task with its own driver): first {@link #size} (the generation and the number of
 * processes) and {@link #pageStarts} (one pass over the process ids in order), then any page, a range of
 * ids, independently of the others: each page is found through the index of the process key, so reading
 * all pages costs one pass over the processes, however many pages there are. A write-back checks the generation read here, so that results computed from pages of a data
 * set replaced meanwhile are never attached to it.
 */
public final class EdgePages {

    /** Receives one edge: one {@code ADDRESSES} relationship, parallel ones (other relation kinds) included. */
    @FunctionalInterface
    public interface EdgeSink {
        /**
         * @param process process id
         * @param theme theme id
         * @param relation relation kind
         * @param weight the weight, or null when the data set has none
         */
        void edge(String process, String theme, String relation, Double weight);
    }

    /**
     * @param generation the data set's generation (the token of the load that made it)
     * @param processes how many processes it holds
     */
    public record Size(String generation, long processes) {
    }

    private final Driver driver;

    public EdgePages(Driver driver) {
        this.driver = driver;
    }

    /**
     * @param dataset data set name
     * @return its generation and number of processes
     * @throws IllegalArgumentException if there is no such data set, naming the ones there are
     */
    public Size size(String dataset) {
        try (Session session = driver.session()) {
            var rows = session.executeRead(tx -> tx.run(Cypher.statement("read/process-count"),
                    Map.of("dataset", dataset)).list());
            if (rows.isEmpty()) {
                throw new DatasetStore(driver).unknown(dataset);
            }
            return new Size(rows.get(0).get("generation").asString(), rows.get(0).get("processes").asLong());
        }
    }

    /**
     * The first process id of each page of {@code per} processes, in id order: one pass over the ids, streamed,
     * keeping every {@code per}-th.
     *
     * @param dataset data set name
     * @param per processes per page, at least 1
     * @return the first id of each page; page {@code i} runs to the first id of page {@code i + 1}, the last to
     *     the end
     */
    public List<String> pageStarts(String dataset, long per) {
        if (per < 1) {
            throw new IllegalArgumentException("Processes per page was " + per + ", but must be at least 1");
        }
        try (Session session = driver.session()) {
            return session.executeRead(tx -> {
                List<String> starts = new java.util.ArrayList<>(); // a retried transaction starts over
                long[] seen = {0};
                tx.run(Cypher.statement("read/process-ids"), Map.of("dataset", dataset)).forEachRemaining(r -> {
                    if (seen[0]++ % per == 0) {
                        starts.add(r.get("id").asString());
                    }
                });
                return starts;
            });
        }
    }

    /**
     * Reads one page in one transaction.
     *
     * @param dataset data set name
     * @param relations relation kinds to read, or null for all
     * @param from the page's first process id (included)
     * @param to the next page's first process id (excluded), or null for the last page
     * @param sink receives each edge of the page's processes
     * @return the number of edges read
     */
    public long page(String dataset, List<String> relations, String from, String to, EdgeSink sink) {
        Map<String, Object> params = new HashMap<>();
        params.put("dataset", dataset);
        params.put("relations", relations == null || relations.isEmpty() ? null : relations);
        params.put("from", from);
        params.put("to", to);
        List<org.neo4j.driver.Record> records;
        try (Session session = driver.session()) {
            // the page's records first, the edges handed over after: a retried transaction hands nothing twice
            records = session.executeRead(tx -> tx.run(Cypher.statement("read/process-themes-page"), params).list());
        }
        long n = 0;
        for (var r : records) {
            n += edgesOf(r, sink);
        }
        return n;
    }

    /**
     * Hands over the edges of one record of {@code read/process-themes} or {@code read/process-themes-page}:
     * a process with its themes, relation kinds and weights as parallel lists (each weight wrapped in a
     * one-element list, since {@code collect()} drops nulls).
     *
     * @return the number of edges handed over
     */
    static int edgesOf(org.neo4j.driver.Record r, EdgeSink sink) {
        String process = r.get("process").asString();
        List<Object> themes = r.get("themes").asList();
        List<Object> kinds = r.get("relations").asList();
        List<Object> weights = r.get("weights").asList();
        for (int i = 0; i < themes.size(); i++) {
            Object w = ((List<?>) weights.get(i)).get(0);
            sink.edge(process, (String) themes.get(i), (String) kinds.get(i),
                    w == null ? null : ((Number) w).doubleValue());
        }
        return themes.size();
    }
}
