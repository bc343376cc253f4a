package org.convergence.loader.neo4j;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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

/**
 * Writes a {@link LoadPlan} into Neo4j through the driver: constraints first, then every node and
 * relationship in batched {@code UNWIND ... CREATE} statements, each batch its own transaction, so no
 * transaction grows with the data. A load is all or nothing all the same: its nodes are created under
 * a staging key that no reader asks for, and a last transaction renames the data set's current
 * generation to a retired key and the staged nodes to the data set's name (its size follows the nodes,
 * not the relationships); the retired generation is then deleted in batches. A new data set has no
 * generation to rename or delete, and its load runs none of those statements. Until then the previous
 * state stays visible. Relationships find their end nodes by the element ids their node batches
 * returned, with no index lookup per relationship. Statements come from the {@code cypher} module; all
 * values travel as parameters.
 */
public final class GraphWriter {

    /** How to treat a data set that already exists. */
    public enum Mode {
        /** Merge into it when it came from the same source and taxonomy; refuse otherwise. */
        MERGE,
        /** Replace it (and drop its analysis results) once the new one is complete. */
        REPLACE,
        /** Merge when the fingerprint is unchanged, replace when it changed: what a repeatable job wants. */
        REPLACE_IF_CHANGED
    }

    /**
     * What a write did.
     *
     * @param dataset the data set name
     * @param replaced whether an existing data set was replaced
     * @param unchanged whether the data set already held exactly this source, so nothing was written
     * @param nodes nodes written
     * @param relationships relationships written
     * @param millis time writing
     */
    public record Result(String dataset, boolean replaced, boolean unchanged, int nodes, int relationships,
            long millis) {
    }

    /** Raised when a data set exists with a different fingerprint and the mode is {@link Mode#MERGE}. */
    public static final class DatasetConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DatasetConflictException(String message) {
            super(message);
        }
    }

    /** Prefix of the keys under which loads stage their nodes; no data set name can start with it. */
    public static final String STAGING_PREFIX = "~load:";
    /** Prefix of the keys of retired generations awaiting deletion. */
    public static final String RETIRED_PREFIX = "~retired:";

    private final Driver driver;
    private final int batchSize;
    private final Consumer<String> progress;
    private Runnable betweenBatches = () -> { };

    /**
     * Relationship batches committed at once (see {@link ParallelBatches}). Little is gained: both ends of
     * these relationships are sparse nodes that every batch shares (README, Performance, "Design
     * measurements").
     */
    private static final int WRITERS = 2;

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

    /** Name of the constraint or index a schema statement creates. */
    private static final java.util.regex.Pattern SCHEMA_NAME =
            java.util.regex.Pattern.compile("CREATE (?:CONSTRAINT|INDEX) (\\w+) IF NOT EXISTS");

    /**
     * Creates the uniqueness constraints and indexes if they do not exist; idempotent. The names the
     * database has are asked first, in one statement, and only the missing ones are created (a
     * constraint's backing index carries the constraint's name).
     */
    public static void createSchema(Driver driver) {
        try (Session session = driver.session()) {
            java.util.Set<String> present = new java.util.HashSet<>(session.executeRead(tx ->
                    tx.run(Cypher.statement("schema/present")).list(r -> r.get("name").asString())));
            for (String statement : Cypher.statements("schema/constraints")) {
                java.util.regex.Matcher name = SCHEMA_NAME.matcher(statement);
                if (!name.find()) {
                    throw new IllegalStateException("Schema statement without `CREATE CONSTRAINT|INDEX name IF NOT"
                            + " EXISTS`: " + statement);
                }
                if (!present.contains(name.group(1))) {
                    session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
                }
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
            if (same && mode != Mode.REPLACE) {
                return new Result(dataset, false, true, 0, 0, 0);
            }
            long start = System.nanoTime();
            String token = java.util.UUID.randomUUID().toString();
            String key = STAGING_PREFIX + dataset + ":" + token;
            String retired = RETIRED_PREFIX + dataset + ":" + token;
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("load/begin-load"),
                    Map.of("key", key, "dataset", dataset)).consume());
            int[] counts;
            boolean retiring;
            try {
                counts = stage(session, key, plan);
                Map<String, Object> params = new HashMap<>();
                params.put("dataset", dataset);
                params.put("key", key);
                params.put("retired", retired);
                params.put("document", plan.source().documentId());
                Map<String, Object> props = datasetProperties(plan, fingerprint);
                props.put("generation", token); // what analysis runs check they were computed from
                params.put("props", props);
                retiring = session.executeWrite(tx -> {
                    // a previous generation to retire, as this transaction sees it (another load of the same
                    // name may have completed since the check above): a new data set skips the statements
                    // that would rename nothing, and the deletion of a retired generation that holds nothing
                    boolean previous = !tx.run(Cypher.statement("load/find-dataset"), Map.of("dataset", dataset))
                            .list().isEmpty();
                    List<String> statements = new ArrayList<>();
                    if (previous) {
                        statements.addAll(Cypher.statements("load/retire-dataset"));
                    }
                    statements.addAll(Cypher.statements("load/complete-load"));
                    statements.add(Cypher.statement(previous ? "load/retire-load" : "load/end-load"));
                    for (String statement : statements) {
                        tx.run(statement, params).consume();
                    }
                    return previous;
                });
            } catch (RuntimeException e) {
                try {
                    deleteGeneration(session, key);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (retiring) {
                progress.accept("  data set `" + dataset + "` replaced; deleting the previous one and its analysis results"
                        + " in batches");
                deleteGeneration(session, retired);
            }
            return new Result(dataset, retiring, false, counts[0], counts[1], millis);
        }
    }

    /**
     * Deletes a data set with its analysis runs, all or nothing for readers: one transaction retires it
     * (as a replacing load retires the previous generation) and removes its {@code Dataset} node; its
     * nodes are then deleted in batches. An interruption leaves it invisible and the next command that
     * writes finishes the deletion ({@link #cleanUp}).
     *
     * @param dataset the data set's name
     * @return whether there was such a data set
     */
    public boolean delete(String dataset) {
        requireValidName(dataset);
        String retired = RETIRED_PREFIX + dataset + ":" + java.util.UUID.randomUUID();
        try (Session session = driver.session()) {
            boolean existed = session.executeWrite(tx -> {
                if (tx.run(Cypher.statement("load/find-dataset"), Map.of("dataset", dataset)).list().isEmpty()) {
                    return false;
                }
                List<String> statements = new ArrayList<>(Cypher.statements("load/retire-dataset"));
                statements.addAll(Cypher.statements("load/delete-dataset"));
                for (String statement : statements) {
                    tx.run(statement, Map.of("dataset", dataset, "retired", retired)).consume();
                }
                return true;
            });
            if (existed) {
                progress.accept("  data set `" + dataset + "` deleted for readers; removing its nodes and analysis"
                        + " results in batches");
                deleteGeneration(session, retired);
            }
            return existed;
        }
    }

    /**
     * Deletes every node stored under one key, with its relationships, in batches: a retired generation,
     * or what an interrupted load staged.
     */
    public static void deleteGeneration(Session session, String key) {
        for (String statement : Cypher.statements("load/delete-generation")) {
            session.run(statement, Map.of("key", key)).consume();
        }
    }

    /**
     * Finds loads that began before {@code before} and never completed, and retired generations not yet
     * deleted (a crash or {@code kill -9} in either phase), and deletes what they left.
     *
     * @return one line per leftover removed, to tell the user
     */
    public static List<String> cleanUp(Driver driver, java.time.ZonedDateTime before) {
        List<String> cleaned = new ArrayList<>();
        try (Session session = driver.session()) {
            var leftovers = session.executeRead(tx -> tx.run(Cypher.statement("load/unfinished-loads"),
                    Map.of("before", before)).list());
            for (Record r : leftovers) {
                deleteGeneration(session, r.get("key").asString());
                cleaned.add("retired".equals(r.get("state").asString(null))
                        ? "deleted the replaced generation of data set `" + r.get("dataset").asString() + "`"
                        : "removed an unfinished load of data set `" + r.get("dataset").asString()
                                + "` (its previous state, if any, stays)");
            }
        }
        return cleaned;
    }

    /** Runs after every committed batch (tests use it to fail between batches). */
    public GraphWriter betweenBatches(Runnable hook) {
        this.betweenBatches = Objects.requireNonNull(hook, "hook");
        return this;
    }

    private static Map<String, Object> datasetProperties(LoadPlan plan, String fingerprint) {
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
        // what a reader needs to know to read the edges without a property per edge it need not ship:
        // the relation kinds present, and whether any edge has a weight
        java.util.SortedSet<String> relations = new java.util.TreeSet<>();
        boolean weighted = false;
        for (LoadPlan.RelRow r : plan.relationships().getOrDefault(RelKind.ADDRESSES, List.of())) {
            relations.add(String.valueOf(r.props().get("relation")));
            weighted |= r.props().get("weight") != null;
        }
        props.put("relations", List.copyOf(relations));
        props.put("weighted", weighted);
        props.put("unmappedLabels", plan.unmapped().size());
        return props;
    }

    /** @return whether a data set name is 1 to 64 letters, digits, `_`, `.` or `-`, starting with a letter or digit */
    public static boolean isValidName(String dataset) {
        return dataset != null && dataset.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    }

    /**
     * Checks a data set name.
     *
     * @throws IllegalArgumentException naming the value and the allowed form
     */
    public static String requireValidName(String dataset) {
        if (!isValidName(dataset)) {
            throw new IllegalArgumentException("Value for `dataset` was `" + dataset + "`, but must be 1 to 64"
                    + " letters, digits, `_`, `.` or `-`, starting with a letter or digit");
        }
        return dataset;
    }

    /** Creates the plan's nodes and relationships under the staging key, a batch per transaction. */
    private int[] stage(Session session, String key, LoadPlan plan) {
        Map<NodeKind, Map<String, String>> elements = new EnumMap<>(NodeKind.class);
        int nodes = 0;
        for (NodeKind kind : NodeKind.values()) {
            List<LoadPlan.NodeRow> rows = plan.nodes().getOrDefault(kind, List.of());
            Map<String, String> ids = new HashMap<>(rows.size() * 2);
            String statement = Cypher.statement(kind.statement());
            for (int from = 0; from < rows.size(); from += batchSize) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (LoadPlan.NodeRow row : rows.subList(from, Math.min(rows.size(), from + batchSize))) {
                    batch.add(row.toParameter());
                }
                List<Record> created = session.executeWrite(tx -> tx.run(statement, Map.of("key", key, "rows", batch))
                        .list());
                created.forEach(r -> ids.put(r.get("id").asString(), r.get("element").asString()));
                betweenBatches.run();
            }
            elements.put(kind, ids);
            nodes += rows.size();
            report(kind.label() + " nodes", rows.size());
        }
        int rels = 0;
        for (RelKind kind : RelKind.values()) {
            List<LoadPlan.RelRow> rows = plan.relationships().getOrDefault(kind, List.of());
            Map<String, String> fromIds = elements.get(kind.from());
            Map<String, String> toIds = elements.get(kind.to());
            String statement = Cypher.statement(kind.statement());
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            try (ParallelBatches committers = new ParallelBatches(driver, WRITERS)) {
                for (int from = 0; from < rows.size() && !committers.failed(); from += batchSize) {
                    List<Map<String, Object>> batch = new ArrayList<>();
                    for (LoadPlan.RelRow row : rows.subList(from, Math.min(rows.size(), from + batchSize))) {
                        batch.add(Map.of("from", fromIds.get(row.from()), "to", toIds.get(row.to()), "props",
                                row.props()));
                    }
                    committers.submit(writer -> {
                        writer.executeWriteWithoutResult(tx -> tx.run(statement, Map.of("rows", batch)).consume());
                        betweenBatches.run();
                        int total = done.addAndGet(batch.size());
                        if (rows.size() >= 100_000 && total % 100_000 < batch.size()) {
                            progress.accept(String.format(java.util.Locale.ROOT, "  %,d of %,d %s relationships", total,
                                    rows.size(), kind.type()));
                        }
                    });
                }
                committers.finish();
            }
            rels += rows.size();
            report(kind.type() + " relationships", rows.size());
        }
        return new int[] {nodes, rels};
    }

    private void report(String what, int count) {
        if (count >= 10_000) {
            progress.accept(String.format(java.util.Locale.ROOT, "  wrote %,d %s", count, what));
        }
    }
}
