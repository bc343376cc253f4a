package org.convergence.engine.neo4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.convergence.cypher.Cypher;
import org.convergence.engine.report.ReportData;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Reads what a report shows from Neo4j: a data set and the visible write of one complete analysis run,
 * in one read transaction, so that the report never mixes two writes. Pairs are streamed: all of them
 * are kept only up to {@link ReportData#PAIR_GRID_LIMIT} processes; above, they are summed into
 * cluster × cluster blocks and a bounded heap of the strongest, so memory does not grow with them.
 */
public final class ReportReader {

    /** Process clusters shown as blocks when the grid is summarised; the rest are summed as "other". */
    static final int MAX_BLOCKS = 30;

    /** Source labels of each edge are kept up to this many edges (matrix documents are far smaller). */
    static final int RAW_LABEL_LIMIT = 20_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Driver driver;

    public ReportReader(Driver driver) {
        this.driver = driver;
    }

    /**
     * @param dataset data set name
     * @param run a run id, or null for the latest complete run of the data set
     * @return the data set and run as stored
     * @throws IllegalArgumentException if the data set has no such (or no) complete run, as
     *     {@link RunReader#run} says
     */
    public ReportData read(String dataset, String run) {
        RunReader.Run resolved = new RunReader(driver).run(dataset, java.util.Optional.ofNullable(run));
        try (var session = driver.session()) {
            return session.executeRead(tx -> read(tx, resolved));
        }
    }

    private ReportData read(TransactionContext tx, RunReader.Run run) {
        String dataset = run.dataset();
        String id = run.id();
        List<Record> ds = tx.run(Cypher.statement("report/dataset"), Map.of("dataset", dataset)).list();
        Map<String, Object> key = Map.of("dataset", dataset, "run", id, "write", run.write());
        Record extras = tx.run(Cypher.statement("report/run"), key).single();

        List<ReportData.Process> processes = new ArrayList<>();
        Object2IntOpenHashMap<String> processIndex = new Object2IntOpenHashMap<>();
        processIndex.defaultReturnValue(-1);
        tx.run(Cypher.statement("report/processes"), key).forEachRemaining(r -> {
            Map<String, String> attributes = new LinkedHashMap<>();
            r.get("attributes").asMap(Value::asObject).forEach((k, v) -> {
                if (v != null) {
                    attributes.put(k, String.valueOf(v));
                }
            });
            Map<String, Integer> clusters = clusters(r.get("clusters"));
            processIndex.put(r.get("id").asString(), processes.size());
            processes.add(new ReportData.Process(r.get("id").asString(), r.get("code").asString(),
                    r.get("name").asString(), r.get("column").asInt(), attributes,
                    r.get("activities").asList(Value::asString), clusters.getOrDefault("co", -1),
                    clusters.getOrDefault("process", -1), r.get("betweenness").isNull() ? Double.NaN
                            : r.get("betweenness").asDouble()));
        });
        List<ReportData.Theme> themes = new ArrayList<>();
        Object2IntOpenHashMap<String> themeIndex = new Object2IntOpenHashMap<>();
        themeIndex.defaultReturnValue(-1);
        tx.run(Cypher.statement("report/themes"), key).forEachRemaining(r -> {
            Map<String, Integer> clusters = clusters(r.get("clusters"));
            Value s = r.get("score");
            themeIndex.put(r.get("id").asString(), themes.size());
            themes.add(new ReportData.Theme(r.get("id").asString(), r.get("name").asString(),
                    r.get("nameEn").asString(null), r.get("nameEs").asString(null), r.get("unmapped").asBoolean(),
                    clusters.getOrDefault("co", -1), clusters.getOrDefault("theme", -1),
                    s.isNull() ? Double.NaN : s.get("betweenness").asDouble(Double.NaN),
                    s.isNull() ? 0 : s.get("degree").asInt(0), s.isNull() ? 0 : s.get("disconnectedProcessPairs").asLong(0),
                    !s.isNull() && s.get("bridge").asBoolean(false)));
        });

        ReportData.Edges edges = edges(tx, dataset, processIndex, themeIndex);
        ReportData.Pairs pairs = pairs(tx, key, processes, processIndex, run.pairs());

        Map<String, List<ReportData.Recommendation>> recommendations = new LinkedHashMap<>();
        tx.run(Cypher.statement("report/recommendations"), key).forEachRemaining(r -> recommendations
                .computeIfAbsent(r.get("process").asString(), k -> new ArrayList<>())
                .add(new ReportData.Recommendation(r.get("theme").asString(), r.get("rank").asInt(),
                        r.get("score").asDouble(), r.get("supporters").asList(Value::asString))));
        List<ReportData.Footnote> footnotes = tx.run(Cypher.statement("report/footnotes"), Map.of("dataset", dataset))
                .list(r -> new ReportData.Footnote(r.get("marker").asString(""), r.get("text").asString("")));

        Value d = ds.get(0).get("dataset");
        Map<String, String> document = new LinkedHashMap<>();
        List<Value> documents = ds.get(0).get("documents").asList(v -> v);
        if (!documents.isEmpty()) {
            documents.get(0).asMap(Value::asObject).forEach((k, v) -> {
                if (v != null) {
                    document.put(k, String.valueOf(v));
                }
            });
        }
        ReportData.Provenance provenance = new ReportData.Provenance(dataset, d.get("kind").asString("?"),
                d.get("source").asString("?"), d.get("sourceSha256").asString("?"),
                d.get("taxonomyVersion").asString("none"), d.get("loadedAt").asString("?"), document, id,
                run.parameters() == null ? "{}" : run.parameters(), run.engineVersion() == null ? "?" : run.engineVersion(),
                run.finished(), run.inputFingerprint() == null ? "?" : run.inputFingerprint(), pairs.total(),
                run.relations(), org.convergence.loader.matrix.MatrixDocument.Format.ofKind(d.get("kind").asString(""))
                        .isPresent(), extras.get("modularity").isNull() ? Double.NaN : extras.get("modularity").asDouble());
        List<String> notes = extras.get("notes").isNull() ? List.of() : extras.get("notes").asList(Value::asString);
        return new ReportData(provenance, processes, themes, edges, pairs, links(extras.get("links").asString(null)),
                recommendations, footnotes, notes);
    }

    /** @return the kept columns of an edge, from the list of [name, value] pairs the query returns */
    private static Map<String, String> kept(Value pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        if (!pairs.isNull()) {
            pairs.asList(v -> v).forEach(k -> columns.put(k.get(0).asString(), k.get(1).asString("")));
        }
        return columns;
    }

    private static Map<String, Integer> clusters(Value list) {
        Map<String, Integer> out = new HashMap<>();
        for (Value pair : list.values()) {
            if (!pair.get(0).isNull()) {
                out.put(pair.get(0).asString(), pair.get(1).asInt());
            }
        }
        return out;
    }

    private static ReportData.Edges edges(TransactionContext tx, String dataset, Object2IntOpenHashMap<String> processes,
            Object2IntOpenHashMap<String> themes) {
        IntArrayList p = new IntArrayList();
        IntArrayList t = new IntArrayList();
        IntArrayList rel = new IntArrayList();
        List<String> relations = new ArrayList<>();
        Object2IntOpenHashMap<String> relationIndex = new Object2IntOpenHashMap<>();
        relationIndex.defaultReturnValue(-1);
        List<List<String>> raw = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        List<ReportData.Source> sources = new ArrayList<>();
        boolean labels = processes.size() + themes.size() <= RAW_LABEL_LIMIT;
        tx.run(Cypher.statement("report/edges"), Map.of("dataset", dataset, "labels", labels)).forEachRemaining(r -> {
            p.add(processes.getInt(r.get("process").asString()));
            t.add(themes.getInt(r.get("theme").asString()));
            String relation = r.get("relation").asString();
            int ri = relationIndex.getInt(relation);
            if (ri < 0) {
                ri = relations.size();
                relations.add(relation);
                relationIndex.put(relation, ri);
            }
            rel.add(ri);
            if (labels && raw.size() < RAW_LABEL_LIMIT) {
                raw.add(r.get("rawLabels").isNull() ? List.of() : r.get("rawLabels").asList(Value::asString));
                markers.add(r.get("marker").asString(null));
                sources.add(new ReportData.Source(r.get("sheet").asString(null), r.get("cell").asString(null),
                        r.get("line").isNull() ? null : r.get("line").asInt(), r.get("proposed").asBoolean(false),
                        r.get("matchScore").isNull() ? null : r.get("matchScore").asDouble(),
                        r.get("matchEvidence").asString(null), kept(r.get("kept"))));
            }
        });
        boolean kept = labels && raw.size() == p.size();
        return new ReportData.Edges(p.toIntArray(), t.toIntArray(), rel.toIntArray(), relations, kept ? raw : null,
                kept ? markers : null, kept ? sources : null);
    }

    private static ReportData.Pairs pairs(TransactionContext tx, Map<String, Object> key,
            List<ReportData.Process> processes, Object2IntOpenHashMap<String> processIndex, long stored) {
        boolean complete = processes.size() <= ReportData.PAIR_GRID_LIMIT;
        Columns all = new Columns();
        // the strongest pairs when summarising: a min-heap on (jaccard, then the later pair) of pair rows
        PriorityQueue<double[]> top = new PriorityQueue<>((x, y) -> x[2] != y[2] ? Double.compare(x[2], y[2])
                : Double.compare(y[0] * processes.size() + y[1], x[0] * processes.size() + x[1]));
        Blocking blocking = complete ? null : new Blocking(processes);
        long[] total = {0};
        tx.run(Cypher.statement("report/pairs"), key).forEachRemaining(r -> {
            total[0]++;
            int a = processIndex.getInt(r.get("a").asString());
            int b = processIndex.getInt(r.get("b").asString());
            int shared = r.get("shared").asInt();
            double j = r.get("jaccard").asDouble();
            double o = r.get("overlap").asDouble();
            double c = r.get("cosine").asDouble();
            double p = r.get("p").asDouble(1);
            double q = r.get("q").asDouble(1);
            if (complete) {
                all.add(a, b, shared, j, o, c, p, q);
            } else {
                blocking.add(a, b, j, o, c, q);
                top.add(new double[] {Math.min(a, b), Math.max(a, b), j, shared, o, c, p, q});
                if (top.size() > ReportData.TOP_PAIRS) {
                    top.poll();
                }
            }
        });
        if (!complete) {
            List<double[]> best = new ArrayList<>(top);
            best.sort(top.comparator().reversed());
            for (double[] x : best) {
                all.add((int) x[0], (int) x[1], (int) x[3], x[2], x[4], x[5], x[6], x[7]);
            }
        }
        return new ReportData.Pairs(complete, Math.max(total[0], stored), all.a.toIntArray(), all.b.toIntArray(),
                all.shared.toIntArray(), all.j.toDoubleArray(), all.o.toDoubleArray(), all.c.toDoubleArray(),
                all.p.toDoubleArray(), all.q.toDoubleArray(), complete ? null : blocking.blocks());
    }

    /** Pair columns being filled. */
    private static final class Columns {
        final IntArrayList a = new IntArrayList();
        final IntArrayList b = new IntArrayList();
        final IntArrayList shared = new IntArrayList();
        final DoubleArrayList j = new DoubleArrayList();
        final DoubleArrayList o = new DoubleArrayList();
        final DoubleArrayList c = new DoubleArrayList();
        final DoubleArrayList p = new DoubleArrayList();
        final DoubleArrayList q = new DoubleArrayList();

        void add(int a, int b, int shared, double j, double o, double c, double p, double q) {
            this.a.add(a);
            this.b.add(b);
            this.shared.add(shared);
            this.j.add(j);
            this.o.add(o);
            this.c.add(c);
            this.p.add(p);
            this.q.add(q);
        }
    }

    /** Cluster × cluster sums of the pairs, over the largest {@link #MAX_BLOCKS} process clusters. */
    private static final class Blocking {
        private final int[] blockOf;
        private final int[] clusters;
        private final int[] sizes;
        private final long[] pairs;
        private final double[] j;
        private final double[] o;
        private final double[] c;
        private final double[] minQ;

        Blocking(List<ReportData.Process> processes) {
            Map<Integer, Integer> size = new HashMap<>();
            for (ReportData.Process p : processes) {
                size.merge(p.cluster(), 1, Integer::sum);
            }
            List<Integer> order = new ArrayList<>(size.keySet());
            order.sort((x, y) -> size.get(x).equals(size.get(y)) ? Integer.compare(x, y) : size.get(y) - size.get(x));
            int k = Math.min(order.size(), MAX_BLOCKS);
            clusters = new int[k];
            sizes = new int[k];
            Map<Integer, Integer> block = new HashMap<>();
            for (int i = 0; i < k; i++) {
                clusters[i] = order.get(i);
                block.put(order.get(i), i);
            }
            blockOf = new int[processes.size()];
            for (int i = 0; i < processes.size(); i++) {
                Integer b = block.get(processes.get(i).cluster());
                blockOf[i] = b == null ? -1 : b;
                if (b != null) {
                    sizes[b]++;
                }
            }
            pairs = new long[k * k];
            j = new double[k * k];
            o = new double[k * k];
            c = new double[k * k];
            minQ = new double[k * k];
            java.util.Arrays.fill(minQ, 1.0);
        }

        void add(int a, int b, double jaccard, double overlap, double cosine, double q) {
            int x = blockOf[a];
            int y = blockOf[b];
            if (x < 0 || y < 0) {
                return;
            }
            int cell = Math.min(x, y) * clusters.length + Math.max(x, y);
            pairs[cell]++;
            j[cell] += jaccard;
            o[cell] += overlap;
            c[cell] += cosine;
            minQ[cell] = Math.min(minQ[cell], q);
        }

        ReportData.Blocks blocks() {
            return new ReportData.Blocks(clusters, sizes, pairs, j, o, c, minQ);
        }
    }

    /** The run's links as {@code ResultWriter} stored them: the analysis's path results as JSON. */
    static List<ReportData.Link> links(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<ReportData.Link> links = new ArrayList<>();
            for (JsonNode result : JSON.readTree(json)) {
                List<ReportData.Path> paths = new ArrayList<>();
                for (JsonNode path : result.path("shortest")) {
                    paths.add(path(path));
                }
                JsonNode weighted = result.path("weighted");
                links.add(new ReportData.Link(result.path("request").path("from").asText(),
                        result.path("request").path("to").asText(), paths,
                        weighted.isObject() ? path(weighted) : null));
            }
            return links;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The links stored with the run are not valid JSON: " + e.getMessage(), e);
        }
    }

    private static ReportData.Path path(JsonNode path) {
        List<ReportData.PathNode> nodes = new ArrayList<>();
        for (JsonNode n : path.path("nodes")) {
            nodes.add(new ReportData.PathNode(n.path("kind").asText(), n.path("id").asText(), n.path("name").asText()));
        }
        List<ReportData.Step> steps = new ArrayList<>();
        for (JsonNode st : path.path("steps")) {
            steps.add(new ReportData.Step(st.path("from").asText(), texts(st.path("fromRelations")),
                    st.path("theme").asText(), st.path("to").asText(), texts(st.path("toRelations"))));
        }
        return new ReportData.Path(nodes, steps, path.path("sentence").asText(), path.path("hops").asInt(),
                path.path("cost").asDouble(path.path("hops").asInt()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
