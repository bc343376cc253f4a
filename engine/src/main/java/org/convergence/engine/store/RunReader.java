package org.convergence.engine.store;

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
import org.convergence.engine.analysis.Centrality;
import org.convergence.engine.analysis.ClusterKind;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis.PairField;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.Recommendations;
import org.convergence.engine.analysis.Side;
import org.convergence.engine.analysis.json.LinksJson;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Reads complete analysis runs back from Neo4j, as {@link ResultWriter} stored them: the runs of a data set
 * ({@link Run}) and, of one, its results as the one result model ({@link #result}), which every output
 * reads, whether the results were just computed or stored long ago.
 *
 * <p>Only complete runs are read, and of each only the results of its visible write (the rule of
 * {@code read/run-summary.cypher}). Clusters, centrality, recommendations and links are the data set's size
 * and read at once, in one read transaction; pairs can be millions and are never held: they are read when
 * an output asks for them, the database sorting them one process at a time (or, for the strongest, with a
 * top-n sort) and the driver handing them over as they arrive, each read in one explicit transaction, never
 * retried, so that a sink never sees a pair twice.
 */
public final class RunReader {

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
            DatasetStore store = new DatasetStore(driver);
            if (store.list().stream().noneMatch(d -> d.dataset().equals(dataset))) {
                throw store.unknown(dataset);
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
     * The one reader of a stored run: its results as the result model every output reads.
     *
     * @param run a run from {@link #run}
     * @return its results; the pairs are read from Neo4j each time an output asks for them
     */
    public ConvergenceAnalysis.Result result(Run run) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> result(tx, run));
        }
    }

    private ConvergenceAnalysis.Result result(TransactionContext tx, Run run) {
        Map<String, Object> key = params(run);
        Record extras = tx.run(Cypher.statement("read/stored-run"), key).single();
        Map<String, String> themeNames = new HashMap<>();
        tx.run(Cypher.statement("read/graph-members"), key).forEachRemaining(r -> {
            if (Side.of(r.get("side").asString()) == Side.THEME) {
                themeNames.put(r.get("id").asString(), r.get("name").asString());
            }
        });
        // clusters, by kind in the order the analysis makes them, members sorted by id as it lists them
        Map<ClusterKind, List<ConvergenceAnalysis.Cluster>> clusters = new EnumMap<>(ClusterKind.class);
        Map<ClusterKind, Double> modularity = new EnumMap<>(ClusterKind.class);
        tx.run(Cypher.statement("read/stored-clusters"), key).forEachRemaining(r -> {
            ClusterKind kind = ClusterKind.of(r.get("kind").asString());
            List<String> processes = new ArrayList<>(r.get("processes").asList(Value::asString));
            List<String> themes = new ArrayList<>(r.get("themes").asList(Value::asString));
            Collections.sort(processes);
            Collections.sort(themes);
            clusters.computeIfAbsent(kind, k -> new ArrayList<>()).add(new ConvergenceAnalysis.Cluster(
                    r.get("index").asInt(), List.copyOf(processes), List.copyOf(themes)));
            modularity.put(kind, r.get("modularity").asDouble(Double.NaN));
        });
        List<ConvergenceAnalysis.ClusterSet> sets = new ArrayList<>();
        for (ClusterKind kind : List.of(ClusterKind.CO, ClusterKind.PROCESS, ClusterKind.THEME)) {
            if (clusters.containsKey(kind)) {
                List<ConvergenceAnalysis.Cluster> list = clusters.get(kind);
                list.sort(java.util.Comparator.comparingInt(ConvergenceAnalysis.Cluster::id));
                sets.add(new ConvergenceAnalysis.ClusterSet(kind, List.copyOf(list), kind == ClusterKind.CO
                        && run.modularity().isPresent() ? run.modularity().getAsDouble() : modularity.get(kind)));
            }
        }
        // centrality, each side by decreasing betweenness, then id, as the analysis orders it
        List<Centrality.Score> themes = new ArrayList<>();
        List<Centrality.Score> processes = new ArrayList<>();
        tx.run(Cypher.statement("read/stored-scores"), key).forEachRemaining(r -> {
            Side side = Side.of(r.get("side").asString());
            (side == Side.PROCESS ? processes : themes).add(new Centrality.Score(side, r.get("id").asString(),
                    r.get("name").asString(), r.get("betweenness").asDouble(), r.get("rawBetweenness").asDouble(),
                    r.get("degree").asInt(), r.get("disconnectedProcessPairs").asLong()));
        });
        Centrality.Result centrality = null;
        if (!themes.isEmpty() || !processes.isEmpty()) {
            java.util.Comparator<Centrality.Score> order = java.util.Comparator
                    .comparingDouble((Centrality.Score s) -> -s.rawBetweenness()).thenComparing(Centrality.Score::id);
            themes.sort(order);
            processes.sort(order);
            int nodes = extras.get("betweennessNodes").asInt(themes.size() + processes.size());
            centrality = new Centrality.Result(List.copyOf(themes), List.copyOf(processes),
                    extras.get("betweennessSources").asInt(nodes), nodes);
        }
        Map<String, List<Recommendations.Recommendation>> recommendations = new java.util.TreeMap<>();
        tx.run(Cypher.statement("read/stored-recommendations"), key).forEachRemaining(r -> recommendations
                .computeIfAbsent(r.get("process").asString(), k -> new ArrayList<>())
                .add(new Recommendations.Recommendation(r.get("process").asString(), r.get("theme").asString(),
                        r.get("themeName").asString(), r.get("score").asDouble(),
                        r.get("supporters").asList(Value::asString))));
        List<String> notes = extras.get("notes").isNull() ? List.of() : extras.get("notes").asList(Value::asString);
        ConvergenceAnalysis.Provenance provenance = new ConvergenceAnalysis.Provenance(run.dataset(), run.id(),
                run.parameters() == null ? "{}" : run.parameters(), run.engineVersion(), run.inputFingerprint(),
                run.finishedAt(), run.relations(), (int) run.processes(), (int) run.themes(), (int) run.edges(),
                extras.get("relationships").asLong(run.edges()), run.weighted());
        return new ConvergenceAnalysis.Result(provenance, new StoredPairs(run), sets,
                LinksJson.readStored(extras.get("links").asString(null)), centrality,
                java.util.Collections.unmodifiableMap(recommendations), java.util.Collections.unmodifiableMap(themeNames),
                notes, Map.of());
    }

    /** A stored run's pairs, read from Neo4j each time they are asked for. */
    private final class StoredPairs implements OverlapAnalysis.Pairs {
        private final Run run;

        StoredPairs(Run run) {
            this.run = run;
        }

        @Override
        public long count() {
            return run.pairs();
        }

        @Override
        public long hypotheses() {
            long n = run.processes();
            return Math.max(run.pairs(), n * (n - 1) / 2);
        }

        @Override
        public List<PairField> fields() {
            return run.pairFields();
        }

        /**
         * @throws RunChangedException if the run was replaced while its pairs were read (fewer or more pairs
         *     than it recorded): what the sink received is then incomplete
         */
        @Override
        public void forEach(OverlapAnalysis.PairSink sink) {
            long read = pairs("read/stored-pairs", params(run), sink);
            if (read != run.pairs()) {
                throw new RunChangedException(String.format(Locale.ROOT, "Run %s of data set `%s` changed while its"
                        + " pairs were read (%,d read, %,d recorded): it was written again or removed meanwhile; read"
                        + " it again", run.id(), run.dataset(), read, run.pairs()));
            }
        }

        @Override
        public void strongest(long n, OverlapAnalysis.PairSink sink) {
            Map<String, Object> params = params(run);
            params.put("limit", n);
            pairs("read/strongest-pairs", params, sink);
        }

        private long pairs(String statement, Map<String, Object> params, OverlapAnalysis.PairSink sink) {
            List<PairField> fields = run.pairFields();
            long[] count = new long[1];
            stream(statement, params, r -> {
                String a = r.get("a").asString();
                String b = r.get("b").asString();
                sink.beginPair(a, b);
                for (PairField f : fields) {
                    Value v = r.get(f.key());
                    if (v.isNull()) {
                        throw new IllegalStateException("Pair " + a + "-" + b + " of run " + run.id() + " of data set `"
                                + run.dataset() + "` has no `" + f.key() + "`; " + statement + ".cypher must return"
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
            return count[0];
        }
    }

    /** Runs a statement in one explicit read transaction (never retried) and hands each record on. */
    private void stream(String statement, Map<String, Object> params, Consumer<Record> each) {
        try (Session session = driver.session(); Transaction tx = session.beginTransaction()) {
            Result result = tx.run(Cypher.statement(statement), params);
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

}
