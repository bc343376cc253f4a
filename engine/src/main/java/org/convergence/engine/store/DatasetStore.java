package org.convergence.engine.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convergence.cypher.Cypher;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads what data sets the database holds and what is in them. */
public final class DatasetStore {

    /**
     * Counts of one data set as stored.
     *
     * @param dataset name
     * @param source where it was loaded from
     * @param kind the source's kind: {@code seed-matrix}, {@code matrix-xlsx} or {@code matrix-csv} for a
     *     matrix (see {@code MatrixDocument.Format}), {@code csv} for a long edge list
     * @param processes process nodes
     * @param themes theme nodes (including broader themes of the taxonomy)
     * @param unmappedThemes themes that matched no taxonomy entry
     * @param addresses process-theme relationships
     * @param nodes all nodes of the data set
     * @param relationships all relationships starting at a node of the data set (loaded facts only)
     * @param analysisRuns analysis runs stored for the data set
     */
    public record Summary(String dataset, String source, String kind, long processes, long themes,
            long unmappedThemes, long addresses, long nodes, long relationships, long analysisRuns) {
    }

    /**
     * One process with its theme counts per relation kind.
     *
     * @param id process id as in the source
     * @param name process name
     * @param startCountry country it started in, or null
     * @param startYear year it started, or null
     * @param themesByRelation theme count per relation kind
     */
    public record ProcessOverview(String id, String name, String startCountry, Integer startYear,
            Map<String, Long> themesByRelation) {
    }

    /**
     * A data set as listed; {@code loadedAt} to the second with its UTC offset, e.g. {@code 2026-11-29T05:16:14Z};
     * {@code series} and {@code period} when it is a snapshot of a series, else null.
     */
    public record Listing(String dataset, String kind, String source, String loadedAt, String series, String period) {
    }

    /**
     * A run of a data set with a write that has not completed: one being written now, or one a crash or
     * {@code kill -9} interrupted, whose leftovers the next command that writes removes.
     *
     * @param run the run id
     * @param hasCompleteResults whether an earlier write of it completed (its results stay visible)
     */
    public record UnfinishedRun(String run, boolean hasCompleteResults) {
    }

    private final Driver driver;

    /**
     * @param dataset a data set name found in no read
     * @return the error to throw for it, naming the data sets there are (their list, not their summary:
     *     counting everything a data set holds takes seconds), or how to make one when there are none
     */
    public IllegalArgumentException unknown(String dataset) {
        List<String> known = list().stream().map(Listing::dataset).toList();
        return new IllegalArgumentException("Data set `" + dataset + "` does not exist; " + (known.isEmpty()
                ? "the database has none yet: run `convergence load --seed` or `convergence run`"
                : "known data sets: " + String.join(", ", known)));
    }

    public DatasetStore(Driver driver) {
        this.driver = driver;
    }

    /** @return the data set's counts, if it exists */
    public Optional<Summary> summary(String dataset) {
        List<Record> rows = read("read/dataset-summary", Map.of("dataset", dataset));
        return rows.stream().findFirst().map(r -> new Summary(r.get("dataset").asString(),
                r.get("source").asString(null), r.get("kind").asString(null), r.get("processes").asLong(),
                r.get("themes").asLong(), r.get("unmappedThemes").asLong(), r.get("addresses").asLong(),
                r.get("nodes").asLong(), r.get("relationships").asLong(), r.get("analysisRuns").asLong()));
    }

    /** @return every process of the data set with its theme counts, in source order */
    public List<ProcessOverview> processes(String dataset) {
        return read("read/process-overview", Map.of("dataset", dataset)).stream().map(r -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Value pair : r.get("counts").values()) {
                counts.put(pair.get(0).asString(), pair.get(1).asLong());
            }
            Value year = r.get("startYear");
            return new ProcessOverview(r.get("id").asString(), r.get("name").asString(),
                    r.get("startCountry").asString(null), year.isNull() ? null : year.asInt(), counts);
        }).toList();
    }

    /** @return all data sets, sorted by name */
    public List<Listing> list() {
        return read("read/datasets", Map.of()).stream().map(r -> new Listing(r.get("dataset").asString(),
                r.get("kind").asString(null), r.get("source").asString(null),
                r.get("loadedAt").isNull() ? null : RunReader.toSecond(r.get("loadedAt").asZonedDateTime()),
                r.get("series").asString(null), r.get("period").asString(null))).toList();
    }

    /**
     * Marks a data set as the snapshot of a series for a period, or as none with null for both.
     *
     * @return whether the data set exists
     */
    public boolean setSnapshot(String dataset, String series, String period) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("dataset", dataset);
        params.put("series", series);
        params.put("period", period);
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run(Cypher.statement("load/set-snapshot"), params).single()
                    .get("found").asLong()) > 0;
        }
    }

    /** @return the snapshots of a series, ordered by period */
    public List<Listing> series(String series) {
        return list().stream().filter(l -> series.equals(l.series()))
                .sorted(java.util.Comparator.comparing(Listing::period)).toList();
    }

    /** @return the data set's runs with a write that has not completed, by id */
    public List<UnfinishedRun> unfinishedRuns(String dataset) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("dataset", dataset);
        params.put("before", java.time.ZonedDateTime.now());
        return read("read/unfinished-runs", params).stream().map(r -> new UnfinishedRun(r.get("run").asString(),
                "complete".equals(r.get("state").asString(null)))).toList();
    }

    private List<Record> read(String statement, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(Cypher.statement(statement), params).list());
        }
    }

    /**
     * @param dataset data set name
     * @return how many complete analysis runs it has (found through the run key's index)
     */
    public long completeRuns(String dataset) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(Cypher.statement("read/runs"), Map.of("dataset", dataset)).list())
                    .size();
        }
    }
}
