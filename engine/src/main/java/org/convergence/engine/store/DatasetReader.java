package org.convergence.engine.store;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.convergence.cypher.Cypher;
import org.convergence.engine.analysis.Side;
import org.convergence.engine.dataset.DatasetView;
import org.convergence.engine.dataset.GraphEdge;
import org.convergence.engine.dataset.GraphMember;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Reads what a data set holds, beside the analysis runs of it ({@link RunReader}): the view a report draws
 * ({@link DatasetView}, in one read transaction), and the processes, themes and edges of the graph a run
 * analysed (its relation kinds), which exports write. Edges are handed to a sink as they are read.
 */
public final class DatasetReader {

    /** Source labels of each edge are kept up to this many processes and themes (matrix documents are far smaller). */
    static final int RAW_LABEL_LIMIT = 20_000;

    private final Driver driver;

    public DatasetReader(Driver driver) {
        this.driver = driver;
    }

    /**
     * @param dataset data set name
     * @return the data set as a report shows it
     * @throws IllegalArgumentException if there is no such data set
     */
    public DatasetView view(String dataset) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> view(tx, dataset));
        }
    }

    private static DatasetView view(TransactionContext tx, String dataset) {
        Map<String, Object> key = Map.of("dataset", dataset);
        List<Record> ds = tx.run(Cypher.statement("report/dataset"), key).list();
        if (ds.isEmpty()) {
            throw new IllegalArgumentException("Data set `" + dataset + "` does not exist");
        }
        List<DatasetView.Process> processes = new ArrayList<>();
        Object2IntOpenHashMap<String> processIndex = new Object2IntOpenHashMap<>();
        processIndex.defaultReturnValue(-1);
        tx.run(Cypher.statement("report/processes"), key).forEachRemaining(r -> {
            Map<String, String> attributes = new LinkedHashMap<>();
            r.get("attributes").asMap(Value::asObject).forEach((k, v) -> {
                if (v != null) {
                    attributes.put(k, String.valueOf(v));
                }
            });
            processIndex.put(r.get("id").asString(), processes.size());
            processes.add(new DatasetView.Process(r.get("id").asString(), r.get("code").asString(),
                    r.get("name").asString(), r.get("column").asInt(), attributes,
                    r.get("activities").asList(Value::asString)));
        });
        List<DatasetView.Theme> themes = new ArrayList<>();
        Object2IntOpenHashMap<String> themeIndex = new Object2IntOpenHashMap<>();
        themeIndex.defaultReturnValue(-1);
        tx.run(Cypher.statement("report/themes"), key).forEachRemaining(r -> {
            themeIndex.put(r.get("id").asString(), themes.size());
            themes.add(new DatasetView.Theme(r.get("id").asString(), r.get("name").asString(),
                    r.get("nameEn").asString(null), r.get("nameEs").asString(null), r.get("unmapped").asBoolean()));
        });
        DatasetView.Edges edges = edges(tx, dataset, processIndex, themeIndex);
        List<DatasetView.Footnote> footnotes = tx.run(Cypher.statement("report/footnotes"), key)
                .list(r -> new DatasetView.Footnote(r.get("marker").asString(""), r.get("text").asString("")));
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
        DatasetView.Provenance provenance = new DatasetView.Provenance(dataset, d.get("kind").asString("?"),
                d.get("source").asString("?"), d.get("sourceSha256").asString("?"),
                d.get("taxonomyVersion").asString("none"), d.get("loadedAt").asString("?"), document,
                org.convergence.loader.matrix.MatrixDocument.Format.ofKind(d.get("kind").asString("")).isPresent());
        return new DatasetView(provenance, processes, themes, edges, footnotes);
    }

    /** @return the kept columns of an edge, from the list of [name, value] pairs the query returns */
    private static Map<String, String> kept(Value pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        if (!pairs.isNull()) {
            pairs.asList(v -> v).forEach(k -> columns.put(k.get(0).asString(), k.get(1).asString("")));
        }
        return columns;
    }

    private static DatasetView.Edges edges(TransactionContext tx, String dataset, Object2IntOpenHashMap<String> processes,
            Object2IntOpenHashMap<String> themes) {
        IntArrayList p = new IntArrayList();
        IntArrayList t = new IntArrayList();
        IntArrayList rel = new IntArrayList();
        List<String> relations = new ArrayList<>();
        Object2IntOpenHashMap<String> relationIndex = new Object2IntOpenHashMap<>();
        relationIndex.defaultReturnValue(-1);
        List<List<String>> raw = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        List<DatasetView.Source> sources = new ArrayList<>();
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
                sources.add(new DatasetView.Source(r.get("sheet").asString(null), r.get("cell").asString(null),
                        r.get("line").isNull() ? null : r.get("line").asInt(), r.get("proposed").asBoolean(false),
                        r.get("matchScore").isNull() ? null : r.get("matchScore").asDouble(),
                        r.get("matchEvidence").asString(null), kept(r.get("kept"))));
            }
        });
        boolean kept = labels && raw.size() == p.size();
        return new DatasetView.Edges(p.toIntArray(), t.toIntArray(), rel.toIntArray(), relations, kept ? raw : null,
                kept ? markers : null, kept ? sources : null);
    }

    /**
     * @param dataset data set name
     * @param relations the relation kinds of the graph; empty or null for all
     * @return the processes and themes of the graph, processes first, each side by id
     */
    public List<GraphMember> members(String dataset, List<String> relations) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run(Cypher.statement("read/graph-members"), params(dataset, relations))
                    .list(r -> new GraphMember(Side.of(r.get("side").asString()), r.get("id").asString(),
                            r.get("name").asString(), optional(r.get("nameEs")), optional(r.get("nameEn")))));
        }
    }

    /**
     * Hands the graph's process-theme edges to {@code sink} as they are read, ordered by process id, then
     * theme id and relation, in one explicit read transaction (never retried, so no edge comes twice).
     *
     * @param dataset data set name
     * @param relations the relation kinds of the graph; empty or null for all
     * @param sink receives each edge
     * @return the number of edges
     */
    public long edges(String dataset, List<String> relations, Consumer<GraphEdge> sink) {
        Map<String, String> interned = new HashMap<>(); // relations and rows repeat: one string each
        long count = 0;
        try (Session session = driver.session(); Transaction tx = session.beginTransaction()) {
            Result result = tx.run(Cypher.statement("read/stored-edges"), params(dataset, relations));
            while (result.hasNext()) {
                Record r = result.next();
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
                sink.accept(new GraphEdge(r.get("process").asString(), r.get("theme").asString(),
                        interned.computeIfAbsent(r.get("relation").asString(), s -> s),
                        row.isNull() ? Optional.empty() : Optional.of(interned.computeIfAbsent(row.asString(), s -> s)),
                        weight.isNull() ? OptionalDouble.empty() : OptionalDouble.of(weight.asDouble()), columns));
                count++;
            }
            tx.commit();
        }
        return count;
    }

    private static Map<String, Object> params(String dataset, List<String> relations) {
        Map<String, Object> params = new HashMap<>();
        params.put("dataset", dataset);
        params.put("relations", relations == null || relations.isEmpty() ? null : relations);
        return params;
    }

    private static Optional<String> optional(Value v) {
        return v.isNull() ? Optional.empty() : Optional.of(v.asString());
    }
}
