package org.convergence.loader.neo4j;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.convergence.cypher.Cypher;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.NodeKind;
import org.convergence.loader.RelKind;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * Writes a {@link LoadPlan} into Neo4j through the driver: constraints first, then every node and
 * relationship in batched {@code UNWIND ... MERGE} statements, all inside <em>one</em> write
 * transaction, so a load either lands whole or not at all. Statements come from the {@code cypher}
 * module; all values travel as parameters.
 */
public final class GraphWriter {

    /** How to treat a data set that already exists. */
    public enum Mode {
        /** Merge into it when it came from the same source and taxonomy; refuse otherwise. */
        MERGE,
        /** Delete it (and its analysis results) first, in the same transaction. */
        REPLACE,
        /** Merge when the fingerprint is unchanged, replace when it changed: what a repeatable job wants. */
        REPLACE_IF_CHANGED
    }

    /**
     * What a write did.
     *
     * @param dataset the data set name
     * @param replaced whether an existing data set was deleted first
     * @param nodes nodes merged
     * @param relationships relationships merged
     * @param millis time in the write transaction
     */
    public record Result(String dataset, boolean replaced, int nodes, int relationships, long millis) {
    }

    /** Raised when a data set exists with a different fingerprint and the mode is {@link Mode#MERGE}. */
    public static final class DatasetConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DatasetConflictException(String message) {
            super(message);
        }
    }

    private final Driver driver;
    private final int batchSize;
    private final Consumer<String> progress;

    /**
     * @param driver an open driver
     * @param batchSize rows per {@code UNWIND} statement, in [1, 100000]
     * @param progress receives a line per finished kind of node or relationship on large loads
     */
    public GraphWriter(Driver driver, int batchSize, Consumer<String> progress) {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("Value for `batchSize` was `" + batchSize
                    + "`, but must be within the range [1, 100000]");
        }
        this.driver = Objects.requireNonNull(driver, "driver");
        this.batchSize = batchSize;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Creates the uniqueness constraints if they do not exist; idempotent. */
    public void createSchema() {
        createSchema(driver);
    }

    /** Creates the uniqueness constraints and indexes if they do not exist; idempotent. */
    public static void createSchema(Driver driver) {
        try (Session session = driver.session()) {
            for (String statement : Cypher.statements("schema/constraints")) {
                session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
            }
        }
    }

    /**
     * Writes a plan as data set {@code dataset}.
     *
     * @param dataset data set name, validated by {@link #requireValidName(String)}
     * @param plan what to write
     * @param mode how to treat an existing data set of that name
     * @return counts and timing
     * @throws DatasetConflictException if the data set exists with another fingerprint in {@link Mode#MERGE}
     */
    public Result write(String dataset, LoadPlan plan, Mode mode) {
        requireValidName(dataset);
        createSchema();
        String fingerprint = plan.source().fingerprint();
        try (Session session = driver.session()) {
            Record existing = session.executeRead(tx -> {
                var rows = tx.run(Cypher.statement("load/find-dataset"), Map.of("dataset", dataset)).list();
                return rows.isEmpty() ? null : rows.get(0);
            });
            boolean exists = existing != null;
            boolean same = exists && fingerprint.equals(existing.get("fingerprint").asString(null));
            if (exists && !same && mode == Mode.MERGE) {
                throw new DatasetConflictException("data set `" + dataset + "` already holds data loaded from "
                        + existing.get("source").asString("?") + " with another fingerprint; use --replace to"
                        + " reload it, or --dataset NAME to load this beside it");
            }
            boolean replace = exists && (mode == Mode.REPLACE || (mode == Mode.REPLACE_IF_CHANGED && !same));
            long start = System.nanoTime();
            int[] counts = session.executeWrite(tx -> writeAll(tx, dataset, plan, replace, fingerprint));
            return new Result(dataset, replace, counts[0], counts[1], (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Checks a data set name.
     *
     * @throws IllegalArgumentException naming the value and the allowed form
     */
    public static String requireValidName(String dataset) {
        if (dataset == null || !dataset.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("Value for `dataset` was `" + dataset + "`, but must be 1 to 64"
                    + " letters, digits, `_`, `.` or `-`, starting with a letter or digit");
        }
        return dataset;
    }

    private int[] writeAll(TransactionContext tx, String dataset, LoadPlan plan, boolean replace, String fingerprint) {
        if (replace) {
            tx.run(Cypher.statement("load/delete-dataset"), Map.of("dataset", dataset)).consume();
        }
        int nodes = 0;
        for (NodeKind kind : NodeKind.values()) {
            List<LoadPlan.NodeRow> rows = plan.nodes().getOrDefault(kind, List.of());
            nodes += runBatches(tx, kind.statement(), dataset, rows.stream().map(LoadPlan.NodeRow::toParameter).toList());
            report(kind.label() + " nodes", rows.size());
        }
        int rels = 0;
        for (RelKind kind : RelKind.values()) {
            List<LoadPlan.RelRow> rows = plan.relationships().getOrDefault(kind, List.of());
            rels += runBatches(tx, kind.statement(), dataset, rows.stream().map(LoadPlan.RelRow::toParameter).toList());
            report(kind.type() + " relationships", rows.size());
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("kind", plan.source().kind());
        props.put("source", plan.source().name());
        props.put("sourceSha256", plan.source().sha256());
        props.put("taxonomyVersion", plan.source().taxonomyVersion());
        props.put("fingerprint", fingerprint);
        props.put("loadedAt", ZonedDateTime.now());
        props.put("processes", plan.count(NodeKind.PROCESS));
        props.put("themes", plan.count(NodeKind.THEME));
        props.put("edges", plan.count(RelKind.ADDRESSES));
        props.put("unmappedLabels", plan.unmapped().size());
        tx.run(Cypher.statement("load/merge-dataset"),
                Map.of("dataset", dataset, "props", props, "document", plan.source().documentId())).consume();
        return new int[] {nodes, rels};
    }

    private int runBatches(TransactionContext tx, String statementName, String dataset, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        String statement = Cypher.statement(statementName);
        for (int from = 0; from < rows.size(); from += batchSize) {
            List<Map<String, Object>> batch = new ArrayList<>(rows.subList(from, Math.min(rows.size(), from + batchSize)));
            tx.run(statement, Map.of("dataset", dataset, "rows", batch)).consume();
        }
        return rows.size();
    }

    private void report(String what, int count) {
        if (count >= 10_000) {
            progress.accept(String.format(java.util.Locale.ROOT, "  wrote %,d %s", count, what));
        }
    }
}
