package org.convergence.engine.neo4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.convergence.cypher.Cypher;
import org.convergence.engine.analysis.ClusterKind;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis.PairField;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;

/**
 * Reads one complete analysis run back from Neo4j, as {@link ResultWriter} stored it, for exports and
 * reports: the run ({@link Run}), the processes and themes of its graph with their clusters and
 * centrality ({@link Member}), the process-theme edges ({@link Edge}) and the converging pairs with
 * all their scores, handed to a {@link PairSink} one at a time.
 *
 * <p>Only complete runs are read, and of each only the results of its visible write (the rule of
 * {@code read/run-summary.cypher}). Members and edges are the data set's size; pairs can be millions
 * and are never held: the database sorts them one process at a time and the driver hands them over as
 * they arrive, so memory does not depend on their number. Streamed reads run in one explicit
 * transaction each, never retried, so that a sink never sees a pair twice.
 */
public final class RunReader {

    /** Which side of the two-mode graph a node is on. */
    public enum Kind {
        /** A process (a matrix column, a CSV's {@code process}). */
        PROCESS("process"),
        /** A theme. */
        THEME("theme");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** @return the name stored and written, {@code process} or {@code theme} */
        public String key() {
            return key;
        }
    }

    /**
     * One complete analysis run.
     *
     * @param dataset data set name
     * @param id run id, e.g. {@code run-682697520483}
     * @param write the token of its visible write: its results carry it
     * @param parameters the parameters as canonical JSON
     * @param engineVersion version of the engine that wrote it
     * @param inputFingerprint fingerprint of the graph it analysed
     * @param finishedAt when its write completed
     * @param processes processes of its graph
     * @param themes themes of its graph
     * @param edges distinct process-theme edges of its graph (parallel relationships count once)
     * @param pairs converging pairs written
     * @param modularity modularity of the clustering of processes and themes together, if it clustered
     * @param relations the relation kinds it counted (its {@code relations} parameter); empty for all
     * @param weighted whether those edges carry weights (then its pairs have {@code weightedJaccard})
     */
    public record Run(String dataset, String id, String write, String parameters, String engineVersion,
            String inputFingerprint, ZonedDateTime finishedAt, long processes, long themes, long edges, long pairs,
            OptionalDouble modularity, List<String> relations, boolean weighted) {
        public Run {
            relations = List.copyOf(relations);
        }

        /** @return when it finished, to the second with its UTC offset, e.g. {@code 2026-11-29T05:16:14Z} */
        public String finished() {
            return finishedAt == null ? "at an unknown time"
                    : toSecond(finishedAt);
        }

        /** @return the fields a pair of this run has, in order */
        public List<PairField> pairFields() {
            return PairField.of(weighted);
        }
    }

    /**
     * Centrality of a node in a run, as {@code SCORED} holds it.
     *
     * @param betweenness two-mode normalised betweenness in [0, 1]
     * @param rawBetweenness unnormalised betweenness
     * @param degree number of neighbours in the run's graph
     * @param disconnectedProcessPairs process pairs cut off if the node is removed
     * @param bridge whether that number is positive
     */
    public record Scores(double betweenness, double rawBetweenness, long degree, long disconnectedProcessPairs,
            boolean bridge) {
    }

    /**
     * A process or theme of a run's graph.
     *
     * @param kind process or theme
     * @param id its id in the data set
     * @param name its name ({@code name}, else the id)
     * @param nameEs its Spanish name ({@code nameEs}: taxonomy themes), if stored
     * @param nameEn its English name ({@code nameEn}: taxonomy themes), if stored
     * @param clusters its cluster index in each clustering of the run that covers it
     * @param scores its centrality, if the run computed centrality
     */
    public record Member(Kind kind, String id, String name, Optional<String> nameEs, Optional<String> nameEn,
            Map<ClusterKind, Integer> clusters, Optional<Scores> scores) {
        public Member {
            clusters = clusters.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(clusters));
        }

        /** @return its cluster index in the clustering of that kind, if it has one */
        public OptionalInt cluster(ClusterKind clustering) {
            Integer index = clusters.get(clustering);
            return index == null ? OptionalInt.empty() : OptionalInt.of(index);
        }
    }

    /**
     * One {@code ADDRESSES} relationship of a run's graph.
     *
     * @param process process id
     * @param theme theme id
     * @param relation the matrix row kind, e.g. {@code ACTION_PLAN}
     * @param row the matrix row's label, if the source had rows (a CSV has none)
     * @param weight its weight, if the data has weights
     * @param columns the source's columns a load kept on it ({@code load --keep-columns}), by name
     */
    public record Edge(String process, String theme, String relation, Optional<String> row, OptionalDouble weight,
            Map<String, String> columns) {

        /** An edge with no kept source columns. */
        public Edge(String process, String theme, String relation, Optional<String> row, OptionalDouble weight) {
            this(process, theme, relation, row, weight, Map.of());
        }
    }

    /**
     * Receives converging pairs one at a time: {@link #beginPair}, then the pair's fields in
     * {@link Run#pairFields()} order through the {@link OverlapAnalysis.FieldSink} methods, then
     * {@link #endPair()}. The id array of {@code sharedThemes} is the sink's to keep.
     */
    public interface PairSink extends OverlapAnalysis.FieldSink {
        /** A pair begins: its two process ids, {@code a < b} as stored. */
        void beginPair(String a, String b);

        /** The pair's last field was handed over. */
        void endPair();
    }

    /** Raised when a run's results changed while they were read: it was written again or removed meanwhile. */
    public static final class RunChangedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        RunChangedException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Driver driver;

    private static final java.time.format.DateTimeFormatter TO_SECOND =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", java.util.Locale.ROOT);

    /**
     * @return a time to the second with its offset, e.g. {@code 2026-11-29T13:25:00Z}: always with its
     *     seconds, which {@code OffsetDateTime.toString()} leaves out when they are zero
     */
    public static String toSecond(ZonedDateTime time) {
        return time.toOffsetDateTime().format(TO_SECOND);
    }

    public RunReader(Driver driver) {
        this.driver = driver;
    }

    /**
     * @param dataset data set name
     * @return its complete runs, latest first (by {@code finishedAt}, then id); empty if it has none
     */
    public List<Run> runs(String dataset) {
        try (Session session = driver.session()) {
            List<Record> rows = session.executeRead(tx -> tx.run(Cypher.statement("read/stored-runs"),
                    Map.of("dataset", dataset)).list());
            List<Run> runs = new ArrayList<>();
            // what the load recorded of its edges answers "weighted?" without a scan of them (null: a load
            // from before it recorded that); runs of the same relation kinds ask at most once
            List<Record> recorded = rows.isEmpty() ? List.of() : session.executeRead(tx -> tx.run(
                    Cypher.statement("read/dataset-generation"), Map.of("dataset", dataset)).list());
            Value recordedWeighted = recorded.isEmpty() ? null : recorded.get(0).get("weighted");
            Map<List<String>, Boolean> weightedByRelations = new HashMap<>();
            for (Record r : rows) {
                List<String> relations = relations(r.get("run").asString(), r.get("parameters").asString(null));
                boolean weighted = weightedByRelations.computeIfAbsent(relations, kinds -> {
                    if (recordedWeighted != null && !recordedWeighted.isNull()
                            && (!recordedWeighted.asBoolean() || kinds.isEmpty())) {
                        return recordedWeighted.asBoolean();
                    }
                    Map<String, Object> params = new HashMap<>();
                    params.put("dataset", dataset);
                    params.put("relations", kinds.isEmpty() ? null : kinds);
                    return session.executeRead(tx -> tx.run(Cypher.statement("read/stored-weighted"), params)
                            .single().get("weighted").asBoolean());
                });
                Value modularity = r.get("modularity");
                runs.add(new Run(dataset, r.get("run").asString(), r.get("write").asString(),
                        r.get("parameters").asString(null), r.get("engineVersion").asString(null),
                        r.get("inputFingerprint").asString(null), r.get("finishedAt").asZonedDateTime(null),
                        r.get("processes").asLong(0), r.get("themes").asLong(0), r.get("edges").asLong(0),
                        r.get("pairs").asLong(0),
                        modularity.isNull() ? OptionalDouble.empty() : OptionalDouble.of(modularity.asDouble()),
                        relations, weighted));
            }
            return runs;
        }
    }

    /**
     * Resolves the run to read.
     *
     * @param dataset data set name
     * @param run a run id, or empty for the data set's latest complete run
     * @return the run
     * @throws IllegalArgumentException if the data set does not exist (naming those that do), has no
     *     complete run (saying how to make one), or has no complete run of that id (listing those it has)
     */
    public Run run(String dataset, Optional<String> run) {
        List<Run> runs = runs(dataset);
        if (run.isPresent() && runs.stream().noneMatch(r -> r.id().equals(run.get()))) {
            List<String> owners = datasetsWithRun(run.get());
            if (!owners.isEmpty()) {
                throw new IllegalArgumentException("Run `" + run.get() + "` is not of data set `" + dataset + "` but of "
                        + owners.stream().map(o -> "`" + o + "`").collect(Collectors.joining(", "))
                        + "; name it with --dataset " + owners.get(0));
            }
        }
        if (runs.isEmpty()) {
            List<String> known = new DatasetStore(driver).list().stream().map(DatasetStore.Listing::dataset).toList();
            if (!known.contains(dataset)) {
                throw new IllegalArgumentException("Data set `" + dataset + "` does not exist; " + (known.isEmpty()
                        ? "the database has none yet: run `convergence load --seed` or `convergence run`"
                        : "known data sets: " + String.join(", ", known)));
            }
            throw new IllegalArgumentException("Data set `" + dataset + "` has no complete analysis run; run"
                    + " `convergence analyze --dataset " + dataset + "` first");
        }
        if (run.isEmpty()) {
            return runs.get(0);
        }
        return runs.stream().filter(r -> r.id().equals(run.get())).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Data set `" + dataset + "` has no complete run `" + run.get()
                        + "`; its complete runs, latest first: " + runs.stream()
                                .map(r -> r.id() + " (finished " + r.finished() + ")")
                                .collect(Collectors.joining(", "))));
    }

    /** @return the data sets that have a complete run of this id, sorted */
    private List<String> datasetsWithRun(String run) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run(Cypher.statement("read/run-datasets"), Map.of("run", run)).list())
                    .stream().map(r -> r.get("dataset").asString()).toList();
        }
    }

    /**
     * @param run a run from {@link #run}
     * @return the processes and themes of its graph, processes first, each kind sorted by id
     */
    public List<Member> members(Run run) {
        try (Session session = driver.session()) {
            List<Record> rows = session.executeRead(tx -> tx.run(Cypher.statement("read/stored-members"),
                    params(run)).list());
            List<Member> members = new ArrayList<>(rows.size());
            for (Record r : rows) {
                Map<ClusterKind, Integer> clusters = new EnumMap<>(ClusterKind.class);
                for (Value c : r.get("clusters").values()) {
                    clusters.put(clusterKind(c.get(0).asString()), c.get(1).asInt());
                }
                Optional<Scores> scores = r.get("betweenness").isNull() ? Optional.empty()
                        : Optional.of(new Scores(r.get("betweenness").asDouble(), r.get("rawBetweenness").asDouble(),
                                r.get("degree").asLong(), r.get("disconnectedProcessPairs").asLong(),
                                r.get("bridge").asBoolean()));
                members.add(new Member("process".equals(r.get("kind").asString()) ? Kind.PROCESS : Kind.THEME,
                        r.get("id").asString(), r.get("name").asString(), optional(r.get("nameEs")),
                        optional(r.get("nameEn")), clusters, scores));
            }
            return members;
        }
    }

    /**
     * Hands the run's process-theme edges to {@code sink} as they are read, ordered by process id, then
     * theme id and relation.
     *
     * @param run a run from {@link #run}
     * @param sink receives each edge
     * @return the number of edges
     */
    public long edges(Run run, Consumer<Edge> sink) {
        Map<String, String> interned = new HashMap<>(); // relations and rows repeat: one string each
        long[] count = new long[1];
        stream("read/stored-edges", run, r -> {
            Value row = r.get("row");
            Value weight = r.get("weight");
            Map<String, String> columns = Map.of();
            List<Value> kept = r.get("kept").asList(v -> v);
            if (!kept.isEmpty()) {
                columns = new LinkedHashMap<>();
                for (Value k : kept) {
                    columns.put(interned.computeIfAbsent(k.get(0).asString(), s -> s), k.get(1).asString(""));
                }
            }
            sink.accept(new Edge(r.get("process").asString(), r.get("theme").asString(),
                    interned.computeIfAbsent(r.get("relation").asString(), s -> s),
                    row.isNull() ? Optional.empty() : Optional.of(interned.computeIfAbsent(row.asString(), s -> s)),
                    weight.isNull() ? OptionalDouble.empty() : OptionalDouble.of(weight.asDouble()), columns));
            count[0]++;
        });
        return count[0];
    }

    /**
     * Hands the run's converging pairs to {@code sink} as they are read, ordered by the first process's
     * id, then the second's, with every field of {@link Run#pairFields()}. Memory does not depend on
     * the number of pairs.
     *
     * @param run a run from {@link #run}
     * @param sink receives each pair
     * @return the number of pairs
     * @throws RunChangedException if the run was replaced while its pairs were read (fewer or more
     *     pairs than it recorded): what the sink received is then incomplete
     */
    public long pairs(Run run, PairSink sink) {
        List<PairField> fields = run.pairFields();
        long[] count = new long[1];
        stream("read/stored-pairs", run, r -> {
            String a = r.get("a").asString();
            String b = r.get("b").asString();
            sink.beginPair(a, b);
            for (PairField f : fields) {
                Value v = r.get(f.key());
                if (v.isNull()) {
                    throw new IllegalStateException("Pair " + a + "-" + b + " of run " + run.id() + " of data set `"
                            + run.dataset() + "` has no `" + f.key() + "`; read/stored-pairs.cypher must return"
                            + " every pair field");
                }
                switch (f.kind()) {
                    case INTEGER -> sink.field(f.key(), v.asLong());
                    case REAL -> sink.field(f.key(), v.asDouble());
                    case IDS -> {
                        String[] ids = v.asList(Value::asString).toArray(String[]::new);
                        sink.field(f.key(), ids, ids.length);
                    }
                    default -> throw new IllegalStateException("Unknown pair field kind " + f.kind());
                }
            }
            sink.endPair();
            count[0]++;
        });
        if (count[0] != run.pairs()) {
            throw new RunChangedException(String.format(Locale.ROOT, "Run %s of data set `%s` changed while its"
                    + " pairs were read (%,d read, %,d recorded): it was written again or removed meanwhile; export"
                    + " it again", run.id(), run.dataset(), count[0], run.pairs()));
        }
        return count[0];
    }

    /** Runs a statement in one explicit read transaction (never retried) and hands each record on. */
    private void stream(String statement, Run run, Consumer<Record> each) {
        try (Session session = driver.session(); Transaction tx = session.beginTransaction()) {
            Result result = tx.run(Cypher.statement(statement), params(run));
            while (result.hasNext()) {
                each.accept(result.next());
            }
            tx.commit();
        }
    }

    private static Map<String, Object> params(Run run) {
        Map<String, Object> params = new HashMap<>();
        params.put("dataset", run.dataset());
        params.put("run", run.id());
        params.put("write", run.write());
        params.put("relations", run.relations().isEmpty() ? null : run.relations());
        return params;
    }

    /**
     * The relation kinds of a run's {@code relations} parameter, as the analysis settings write it
     * ({@code "all"} or a list of kinds).
     */
    static List<String> relations(String run, String parametersJson) {
        if (parametersJson == null) {
            return List.of();
        }
        try {
            JsonNode relations = JSON.readTree(parametersJson).path("relations");
            if (!relations.isArray()) {
                return List.of(); // "all", or a run from before relations were a parameter
            }
            List<String> kinds = new ArrayList<>();
            relations.forEach(k -> kinds.add(k.asText()));
            return kinds;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Run " + run + " has parameters that are not JSON: " + parametersJson, e);
        }
    }

    private static ClusterKind clusterKind(String key) {
        for (ClusterKind k : ClusterKind.values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        throw new IllegalStateException("Unknown cluster kind `" + key + "` stored");
    }

    private static Optional<String> optional(Value v) {
        return v.isNull() ? Optional.empty() : Optional.of(v.asString());
    }
}
