package org.convergence.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.convergence.engine.store.ConnectionSettings;
import org.convergence.engine.store.EdgePages;
import org.convergence.engine.store.Neo4jConnection;

/**
 * The Spark job's side of Neo4j, all through the engine's store classes and the Neo4j Java driver: a data
 * set read in partitions (each task reads its page of processes with a driver of its own, {@link EdgePages}),
 * the engine's fingerprint of what was read, and the check that an edge file holds a data set's edges.
 *
 * @param uri Bolt or neo4j URI of the server or cluster
 * @param user user, or null
 * @param password password, or null for a server without authentication
 */
public record Neo4jStore(String uri, String user, String password) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Columns of a data set's edges as read: one row per {@code ADDRESSES} relationship. */
    static final StructType EDGES = new StructType()
            .add("process", DataTypes.StringType, false)
            .add("theme", DataTypes.StringType, false)
            .add("relation", DataTypes.StringType, true)
            .add("weight", DataTypes.DoubleType, true);

    /**
     * A data set's edges as read, and how they were read.
     *
     * @param rows one row per relationship ({@link #EDGES})
     * @param generation the data set's generation, read before any page
     * @param processes the data set's processes (with or without edges)
     * @param pages the pages (tasks) it was read in
     */
    public record Read(Dataset<Row> rows, String generation, long processes, int pages) {
    }

    /** @return a connection to the server, as the engine's commands open one with {@code --uri} */
    Neo4jConnection open() {
        return Neo4jConnection.open(ConnectionSettings.resolve(uri, user, password, null, Map.of()));
    }

    /**
     * @param dataset data set name
     * @return its generation and number of processes
     * @throws IllegalArgumentException if there is no such data set
     */
    public EdgePages.Size size(String dataset) {
        try (Neo4jConnection neo4j = open()) {
            return new EdgePages(neo4j.driver()).size(dataset);
        }
    }

    /**
     * Reads a data set's edges in pages of processes, one Spark task per page, each with a driver of its own;
     * nothing of it passes through this (the driver's) JVM.
     *
     * @param dataset data set name
     * @param size its generation and number of processes, as {@link #size} read them
     * @param relations relation kinds, or empty for all: only those are read
     * @param pages how many pages, or 0 for one per 20,000 processes (at least Spark's default parallelism)
     */
    public Read read(SparkSession spark, String dataset, EdgePages.Size size, List<String> relations, int pages) {
        long processes = size.processes();
        int n = pages > 0 ? pages : (int) Math.max(spark.sparkContext().defaultParallelism(),
                Math.min(100_000, (processes + 19_999) / 20_000));
        n = (int) Math.max(1, Math.min(n, Math.max(1, processes)));
        long per = (processes + n - 1) / n;
        List<String> starts;
        try (Neo4jConnection neo4j = open()) {
            starts = new EdgePages(neo4j.driver()).pageStarts(dataset, Math.max(1, per));
        }
        List<String[]> ranges = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            ranges.add(new String[] {starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : null});
        }
        Neo4jStore store = this;
        List<String> kinds = relations.isEmpty() ? null : new ArrayList<>(relations);
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(ranges, Math.max(1, ranges.size()))
                .mapPartitions(it -> store.page(dataset, kinds, it));
        return new Read(spark.createDataFrame(rows, EDGES), size.generation(), processes, ranges.size());
    }

    /** Reads the pages of one task. */
    private Iterator<Row> page(String dataset, List<String> relations, Iterator<String[]> ranges) {
        List<Row> out = new ArrayList<>();
        try (Neo4jConnection neo4j = open()) {
            EdgePages reader = new EdgePages(neo4j.driver());
            while (ranges.hasNext()) {
                String[] range = ranges.next();
                reader.page(dataset, relations, range[0], range[1],
                        (process, theme, relation, weight) -> out.add(RowFactory.create(process, theme, relation, weight)));
            }
        }
        return out.iterator();
    }

    /**
     * The engine's fingerprint of a graph's input ({@code TwoModeData}): SHA-256 of the relationships as lines
     * {@code process⇥theme⇥relation⇥weight} ({@code null} when unweighted), sorted, joined by newlines. Sorted
     * by Spark (a range partitioning) and streamed here one partition at a time, so memory stays bounded; the
     * few lines of one process, theme and relation are ordered here by their weight's text, as the engine
     * orders them. Ids compare as Spark compares strings, by UTF-8 bytes: the engine's order (UTF-16 units)
     * differs only for ids mixing characters above U+FFFF with ones in U+E000–U+FFFF.
     *
     * @param rows relationships ({@link #EDGES})
     */
    public static String fingerprint(Dataset<Row> rows) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Iterator<Row> it = rows.select(col("process"), col("theme"), col("relation"), col("weight"))
                .orderBy("process", "theme", "relation").toLocalIterator();
        try (var out = new java.io.BufferedOutputStream(new java.security.DigestOutputStream(
                java.io.OutputStream.nullOutputStream(), digest), 1 << 16)) {
            boolean first = true;
            String key = null;
            List<String> weights = new ArrayList<>();
            String[] pending = null;
            while (true) {
                Row r = it.hasNext() ? it.next() : null;
                String k = r == null ? null : r.getString(0) + '\t' + r.getString(1) + '\t' + r.getString(2);
                if (key != null && !key.equals(k)) {
                    weights.sort(null);
                    for (String w : weights) {
                        if (!first) {
                            out.write('\n');
                        }
                        first = false;
                        out.write(key.getBytes(StandardCharsets.UTF_8));
                        out.write('\t');
                        out.write(w.getBytes(StandardCharsets.US_ASCII));
                    }
                    weights.clear();
                }
                if (r == null) {
                    break;
                }
                key = k;
                weights.add(r.isNullAt(3) ? "null" : Double.toString(r.getDouble(3)));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : digest.digest()) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    /**
     * The edges an analysis sees: one per process and theme, with the largest weight of its parallel rows
     * (1 when unweighted), as the engine's graph has them.
     */
    static Dataset<Row> distinctEdges(Dataset<Row> rows, boolean weighted) {
        return rows.select(col("process"), col("theme"), weighted ? col("weight") : lit(1.0).as("weight"))
                .groupBy("process", "theme").agg(max("weight").as("w"));
    }

    /**
     * Checks that an edge file holds a data set's edges (the ones an analysis sees), so that pairs computed from
     * the file may be stored as a run of the data set.
     *
     * @param file the file, for its name and whether it is weighted
     * @param fileRows its rows of the relation kinds analysed
     * @param stored the data set's relationships of those kinds
     * @throws IllegalArgumentException naming how many edges differ, with an example of each side
     */
    static void requireSameEdges(EdgeInput.Edges file, Dataset<Row> fileRows, Dataset<Row> stored,
            boolean storedWeighted, String dataset) {
        Dataset<Row> a = distinctEdges(fileRows, file.weighted()).persist();
        Dataset<Row> b = distinctEdges(stored, storedWeighted).persist();
        Dataset<Row> onlyFile = a.except(b);
        Dataset<Row> onlyStored = b.except(a);
        long fileOnly = onlyFile.count();
        long storedOnly = onlyStored.count();
        if (fileOnly + storedOnly > 0) {
            StringBuilder m = new StringBuilder(String.format(java.util.Locale.ROOT, "Input `%s` does not hold the edges"
                    + " of data set `%s`, so its pairs cannot be stored as a run of it: %,d edge(s) only in the file,"
                    + " %,d only in the data set", file.source(), dataset, fileOnly, storedOnly));
            if (fileOnly > 0) {
                m.append("; e.g. in the file only: ").append(describe(onlyFile.orderBy("process", "theme").first()));
            }
            if (storedOnly > 0) {
                m.append("; e.g. in the data set only: ").append(describe(onlyStored.orderBy("process", "theme").first()));
            }
            throw new IllegalArgumentException(m + ". Leave out --input to analyse the data set as stored");
        }
        a.unpersist();
        b.unpersist();
    }

    private static String describe(Row edge) {
        return edge.getString(0) + " – " + edge.getString(1) + " (weight " + edge.getDouble(2) + ")";
    }
}
