package org.convergence.engine.store;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.convergence.cypher.Cypher;
import org.convergence.engine.analysis.BipartiteGraph;
import org.convergence.engine.analysis.Centrality;
import org.convergence.engine.analysis.ClusterKind;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.OverlapPairs;
import org.convergence.engine.analysis.Recommendations;
import org.convergence.engine.analysis.json.LinksJson;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.neo4j.ParallelBatches;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Writes analysis results back into Neo4j through the driver: an {@code AnalysisRun} node (parameters,
 * time, engine version, input fingerprint) linked to its data set; one {@code CONVERGES_WITH}
 * relationship per converging pair carrying the scores; {@code Cluster} nodes with {@code IN_CLUSTER}
 * memberships; {@code SCORED} relationships from the run to every theme and process with betweenness,
 * degree and bridge scores. A run is identified by data set and parameters: writing it again replaces
 * it, runs with other parameters stay beside it.
 *
 * <p>Memory and transactions stay bounded however many pairs there are: rows are built from the
 * result's columns one batch at a time and each batch is its own transaction. A write is all or
 * nothing all the same: every result it creates carries the write's own token, and the run names its
 * visible write; a last small transaction switches the run to the new write (readers never see a
 * half-written one), and only then are the replaced write's results deleted, in batches. What an
 * interrupted write leaves behind is invisible and removed by {@link #cleanUp}.
 */
public final class ResultWriter {

    /**
     * What a write did.
     *
     * @param count relationships and nodes written
     * @param finishedAt when it completed, as stored on the run
     */
    public record Written(long count, ZonedDateTime finishedAt) {
    }

    /** Raised when another write of the same run took over while this one was writing: this one lost. */
    public static final class WriteConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteConflictException(String message) {
            super(message);
        }
    }

    private static final int BATCH = 10_000;
    /**
     * Threads committing pair batches while the caller builds the next. One: two concurrent transactions
     * contend for the locks of the processes both touch, and were no faster (README, Performance, "Design
     * measurements").
     */
    private static final int WRITERS = 1;

    private final Driver driver;
    private final Consumer<String> progress;
    private final Runnable betweenBatches;

    public ResultWriter(Driver driver) {
        this(driver, line -> { }, () -> { });
    }

    /**
     * @param driver an open driver
     * @param progress receives a line now and then on large writes
     * @param betweenBatches runs after every committed batch (tests inject failures here)
     */
    public ResultWriter(Driver driver, Consumer<String> progress, Runnable betweenBatches) {
        this.driver = driver;
        this.progress = progress;
        this.betweenBatches = betweenBatches;
    }

    /**
     * @param dataset data set name
     * @param run run id (from data set and parameters)
     * @param parametersJson the parameters, as canonical JSON
     * @param engineVersion engine version
     * @param result what to write, {@linkplain ConvergenceAnalysis.Result#identified identified}
     * @param generation the data set's generation the result was computed from ({@link GraphReader.Snapshot})
     * @return the number of relationships and nodes written, and when the write completed
     * @throws WriteConflictException if another write of the same run began meanwhile, or the data set was
     *     replaced since it was read: then nothing of this write stays
     */
    public Written write(ConvergenceAnalysis.Result result, String generation) {
        ConvergenceAnalysis.Provenance provenance = result.provenance();
        String dataset = provenance.dataset();
        String run = provenance.run();
        GraphWriter.createSchema(driver);
        String write = UUID.randomUUID().toString();
        Map<String, Object> base = Map.of("dataset", dataset, "run", run, "write", write, "generation", generation);
        try (Session session = driver.session()) {
            String state = session.executeWrite(tx -> {
                var rows = tx.run(Cypher.statement("write/begin-run"), base).list();
                if (rows.isEmpty()) {
                    throw new WriteConflictException("Data set `" + dataset + "` was replaced or deleted while this"
                            + " analysis ran; its results were not written. Run analyze again on the data set as it"
                            + " is now");
                }
                return rows.get(0).get("state").asString(null);
            });
            long written = 1 + pairs(session, base, result);
            progress.accept(String.format(java.util.Locale.ROOT, "  wrote %,d pairs", written - 1));
            long clusters = clusters(session, base, run, write, result);
            written += clusters;
            progress.accept(String.format(java.util.Locale.ROOT, "  wrote %,d clusters and memberships", clusters));
            if (result.centrality() != null) {
                long scored = batches(session, "write/theme-scores", base, scoreRows(result.centrality().themes()))
                        + batches(session, "write/process-scores", base, scoreRows(result.centrality().processes()));
                written += scored;
                progress.accept(String.format(java.util.Locale.ROOT, "  wrote %,d centrality scores", scored));
            }
            long recommended = batches(session, "write/recommendations", base,
                    recommendationRows(result.recommendations()));
            written += recommended;
            if (recommended > 0) {
                progress.accept(String.format(java.util.Locale.ROOT, "  wrote %,d recommendations", recommended));
            }
            Map<String, Object> params = new HashMap<>(base);
            ZonedDateTime finishedAt = ZonedDateTime.now();
            params.put("props", runProperties(result, finishedAt));
            boolean completed = session.executeWrite(tx -> tx.run(Cypher.statement("write/complete-run"), params)
                    .hasNext());
            if (!completed) {
                boolean replaced = session.executeRead(tx -> tx.run(Cypher.statement("read/dataset-generation"),
                        Map.of("dataset", dataset)).list()).stream()
                        .noneMatch(r -> r.get("generation").asString().equals(generation));
                deleteStale(session, dataset, run); // what this write left, now that it is no longer pending
                throw new WriteConflictException(replaced
                        ? "Data set `" + dataset + "` was replaced or deleted while this analysis was writing; its"
                                + " results were discarded. Run analyze again on the data set as it is now"
                        : "Another write of run " + run + " of data set `" + dataset + "` began while this one was"
                                + " writing and replaced it; this write was discarded");
            }
            deleteStale(session, dataset, run);
            if ("complete".equals(state)) {
                progress.accept("replaced the earlier results of " + run);
            }
            return new Written(written, finishedAt);
        }
    }

    /**
     * Finds runs whose write began before {@code before} and never completed (a crash, {@code kill -9},
     * an engine version that wrote in one transaction) and removes what they left: the pending write's
     * results, and the run itself when no write of it ever completed. On a store no other process
     * writes to (the embedded one) every unfinished write is dead; on a shared server, only old ones.
     *
     * @param dataset one data set, or null for all
     * @param before writes that began before this are considered abandoned
     * @return one line per run cleaned up, to tell the user
     */
    public List<String> cleanUp(String dataset, ZonedDateTime before) {
        List<String> cleaned = new ArrayList<>();
        try (Session session = driver.session()) {
            Map<String, Object> filter = new HashMap<>();
            filter.put("dataset", dataset);
            filter.put("before", before);
            var unfinished = session.executeRead(tx -> tx.run(Cypher.statement("read/unfinished-runs"), filter).list());
            for (var r : unfinished) {
                String ds = r.get("dataset").asString();
                String run = r.get("run").asString();
                boolean complete = "complete".equals(r.get("state").asString(null));
                Map<String, Object> key = Map.of("dataset", ds, "run", run);
                session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("write/abandon-run"), key).consume());
                deleteStale(session, ds, run);
                session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("write/delete-unfinished-run"), key)
                        .consume());
                cleaned.add(complete ? "removed the unfinished rewrite of " + run + " of data set `" + ds
                        + "` (its previous results stay)" : "removed run " + run + " of data set `" + ds
                        + "`, whose write never completed");
            }
        }
        return cleaned;
    }

    private static void deleteStale(Session session, String dataset, String run) {
        for (String statement : Cypher.statements("write/delete-stale")) {
            session.run(statement, Map.of("dataset", dataset, "run", run)).consume();
        }
    }

    /**
     * Version of what a write-back writes for the same results. Raised when it starts writing something
     * new (2: labels on CONVERGES_WITH, RECOMMENDED, the run's links and notes; 3: the links in their one
     * JSON form, LinksJson), so that a run stored by
     * an older engine of the same version string is written again rather than kept as unchanged.
     */
    public static final int RESULTS_VERSION = 3;

    /**
     * Whether the run already holds these results: complete, from the same generation of the data set,
     * input fingerprint, parameters, engine version and {@link #RESULTS_VERSION}. Analyses are
     * deterministic, so writing them again would replace the results with equal ones.
     *
     * @return when the held results were written, if the run holds them (a write of them can be skipped)
     */
    public java.util.Optional<ZonedDateTime> holdsSameResults(String dataset, String run, String parametersJson,
            String engineVersion, String fingerprint, String generation) {
        Map<String, Object> params = new HashMap<>();
        params.put("dataset", dataset);
        params.put("run", run);
        params.put("parameters", parametersJson);
        params.put("engineVersion", engineVersion);
        params.put("fingerprint", fingerprint);
        params.put("generation", generation);
        params.put("resultsVersion", RESULTS_VERSION);
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run(Cypher.statement("read/unchanged-run"), params).list()).stream()
                    .findFirst().map(r -> r.get("finishedAt").asZonedDateTime(null));
        }
    }

    private static Map<String, Object> runProperties(ConvergenceAnalysis.Result result, ZonedDateTime finishedAt) {
        ConvergenceAnalysis.Provenance p = result.provenance();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("parameters", p.parameters());
        props.put("engineVersion", p.engineVersion());
        props.put("inputFingerprint", p.inputFingerprint());
        props.put("finishedAt", finishedAt);
        props.put("processes", p.processes());
        props.put("themes", p.themes());
        props.put("edges", p.edges());
        props.put("relationships", p.relationships());
        props.put("pairs", result.pairs().count());
        result.clusters(ClusterKind.CO).ifPresent(c -> props.put("modularity", c.modularity()));
        if (result.centrality() != null) {
            props.put("betweennessSources", result.centrality().sources());
            props.put("betweennessNodes", result.centrality().nodes());
        }
        props.put("notes", result.notes());
        props.put("resultsVersion", RESULTS_VERSION);
        // the requested links, few and small: one JSON document in their one form (LinksJson)
        props.put("links", LinksJson.stored(result.paths()));
        return props;
    }

    /**
     * The pairs, a batch at a time as {@link ConvergenceAnalysis.Result#pairs} hands them over (by first
     * process, then second: each batch touches few processes).
     */
    private long pairs(Session session, Map<String, Object> base, ConvergenceAnalysis.Result result) {
        OverlapAnalysis.Pairs pairs = result.pairs();
        if (pairs.count() == 0) {
            return 0;
        }
        String dataset = (String) base.get("dataset");
        Map<String, String> element = ElementIds.read(session, "read/process-element-ids", dataset);
        String cypher = Cypher.statement("write/converges-with");
        // batches are built here while WRITERS threads commit the ones before
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        try (ParallelBatches committers = new ParallelBatches(driver, WRITERS)) {
            ColumnFields[] columns = {new ColumnFields()};
            try {
                pairs.forEach(new OverlapAnalysis.PairSink() {
                    @Override
                    public void beginPair(String a, String b) {
                        if (committers.failed()) {
                            throw new BatchFailed();
                        }
                        columns[0].value("a", elementOf(a));
                        columns[0].value("b", elementOf(b));
                    }

                    private String elementOf(String process) {
                        String id = element.get(process);
                        if (id == null) {
                            throw new IllegalStateException("Process `" + process + "` of data set `" + dataset
                                    + "` is no longer in the database");
                        }
                        return id;
                    }

                    @Override
                    public void field(String name, long value) {
                        columns[0].field(name, value);
                    }

                    @Override
                    public void field(String name, double value) {
                        columns[0].field(name, value);
                    }

                    @Override
                    public void field(String name, String[] ids, int count) {
                        columns[0].field(name, ids, count);
                    }

                    @Override
                    public void endPair() {
                        if (columns[0].rows() == BATCH) {
                            ColumnFields batch = columns[0];
                            columns[0] = new ColumnFields();
                            committers.submit(writer -> {
                                long total = done.addAndGet(commitColumns(writer, cypher, base, batch));
                                if (total % 1_000_000 < BATCH) {
                                    progress.accept(String.format(java.util.Locale.ROOT, "  wrote %,d of %,d pairs", total,
                                            pairs.count()));
                                }
                            });
                        }
                    }
                });
            } catch (BatchFailed e) {
                // a committer failed: finish() below rethrows its failure
            }
            committers.finish();
            return done.get() + commitColumns(session, cypher, base, columns[0]);
        }
    }

    /** Stops handing pairs over once a committer failed; finish() then reports why. */
    private static final class BatchFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BatchFailed() {
            super(null, null, false, false);
        }
    }

    /** Writes one batch of pair columns in its own transaction and empties them. */
    private int commitColumns(Session session, String cypher, Map<String, Object> base, ColumnFields columns) {
        int n = columns.rows();
        if (n == 0) {
            return 0;
        }
        Map<String, Object> params = new HashMap<>(base);
        for (String field : fieldsOf(cypher)) {
            params.put(field, columns.columns.get(field)); // null for a field this graph lacks, e.g. weightedJaccard
        }
        columns.columns.keySet().forEach(field -> {
            if (!params.containsKey(field)) {
                throw new IllegalStateException("write/converges-with does not store the pair field `" + field + "`");
            }
        });
        session.executeWriteWithoutResult(tx -> tx.run(cypher, params).consume());
        columns.columns.clear();
        betweenBatches.run();
        return n;
    }

    /** @return the column parameters a statement reads, {@code $name[i]} */
    private static java.util.Set<String> fieldsOf(String cypher) {
        java.util.Set<String> fields = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$(\\w+)\\[i]").matcher(cypher);
        while (m.find()) {
            fields.add(m.group(1));
        }
        return fields;
    }

    private long clusters(Session session, Map<String, Object> base, String run, String write,
            ConvergenceAnalysis.Result report) {
        List<Map<String, Object>> clusters = new ArrayList<>();
        List<Map<String, Object>> processMembers = new ArrayList<>();
        List<Map<String, Object>> themeMembers = new ArrayList<>();
        for (ConvergenceAnalysis.ClusterSet set : report.clusterSets()) {
            for (ConvergenceAnalysis.Cluster c : set.clusters()) {
                String id = run + ":" + write + ":" + set.kind().key() + ":" + c.id();
                Map<String, Object> cp = new LinkedHashMap<>();
                cp.put("run", run);
                cp.put("kind", set.kind().key());
                cp.put("index", c.id());
                cp.put("processes", c.processes().size());
                cp.put("themes", c.themes().size());
                cp.put("modularity", set.modularity());
                clusters.add(Map.of("id", id, "props", cp));
                c.processes().forEach(p -> processMembers.add(Map.of("member", p, "cluster", id)));
                c.themes().forEach(t -> themeMembers.add(Map.of("member", t, "cluster", id)));
            }
        }
        return batches(session, "write/cluster-nodes", base, clusters)
                + batches(session, "write/cluster-process-members", base, processMembers)
                + batches(session, "write/cluster-theme-members", base, themeMembers);
    }

    /** Recommendations, per process in process order, ranked from 1 as {@link Recommendations} ranks them. */
    private static List<Map<String, Object>> recommendationRows(
            Map<String, List<Recommendations.Recommendation>> recommendations) {
        List<Map<String, Object>> rows = new ArrayList<>();
        recommendations.forEach((process, list) -> {
            for (int i = 0; i < list.size(); i++) {
                Recommendations.Recommendation r = list.get(i);
                rows.add(Map.of("process", process, "theme", r.theme(), "rank", i + 1, "score", r.score(),
                        "supporters", r.supporters()));
            }
        });
        return rows;
    }

    private static List<Map<String, Object>> scoreRows(List<Centrality.Score> scores) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Centrality.Score s : scores) {
            rows.add(Map.of("id", s.id(), "props", Map.of("betweenness", s.betweenness(), "rawBetweenness",
                    s.rawBetweenness(), "degree", s.degree(), "disconnectedProcessPairs", s.disconnectedProcessPairs(),
                    "bridge", s.disconnectedProcessPairs() > 0)));
        }
        return rows;
    }

    private long batches(Session session, String statement, Map<String, Object> base, List<Map<String, Object>> rows) {
        String cypher = Cypher.statement(statement);
        long done = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            done += commit(session, cypher, base, new ArrayList<>(rows.subList(from, Math.min(rows.size(), from + BATCH))));
        }
        return done;
    }

    /** Writes one batch in its own transaction and empties {@code rows}. */
    private int commit(Session session, String cypher, Map<String, Object> base, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, Object> params = new HashMap<>(base);
        params.put("rows", List.copyOf(rows));
        session.executeWriteWithoutResult(tx -> tx.run(cypher, params).consume());
        int n = rows.size();
        rows.clear();
        betweenBatches.run();
        return n;
    }

    /** Pairs' fields as columns, one list per field, for one batch. */
    private static final class ColumnFields implements OverlapAnalysis.BoxedFieldSink {
        private final Map<String, List<Object>> columns = new LinkedHashMap<>();

        int rows() {
            List<Object> first = columns.get("a");
            return first == null ? 0 : first.size();
        }

        @Override
        public void value(String name, Object value) {
            columns.computeIfAbsent(name, k -> new ArrayList<>(BATCH)).add(value);
        }
    }
}
