package org.convergence.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.convergence.engine.analysis.BipartiteGraph;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.SimilarityMetric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job against the engine on the same edges, in local mode ({@code local[2]}, UI off, 4 shuffle
 * partitions): every pair, every score bit for bit, p and q within 1e-12 relative, for all pairs,
 * {@code --min-shared 2} and {@code --top-k 5}, on seeded random bipartite graphs with a hub theme that most
 * processes address (split into blocks by a small block size), weighted and not.
 */
class OverlapJobTest {

    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("convergence tests")
                .config("spark.ui.enabled", false).config("spark.sql.shuffle.partitions", 4)
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Edges of a seeded random graph: Zipf-like theme popularity, and theme `hub` for ~80 % of processes. */
    private static List<BipartiteGraph.Edge> randomEdges(long seed, int processes, int themes, int edges,
            boolean weighted) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, BipartiteGraph.Edge> out = new LinkedHashMap<>();
        while (out.size() < edges) {
            String p = String.format("p%03d", r.nextInt(processes));
            String t = String.format("t%03d", (int) Math.floor(themes * Math.pow(r.nextDouble(), 2)));
            out.putIfAbsent(p + "|" + t, new BipartiteGraph.Edge(p, t, weighted ? 0.25 * (1 + r.nextInt(20)) : 1.0));
        }
        for (int a = 0; a < processes; a++) {
            if (r.nextDouble() < 0.8) {
                String p = String.format("p%03d", a);
                out.putIfAbsent(p + "|hub", new BipartiteGraph.Edge(p, "hub", weighted ? 0.5 * (1 + r.nextInt(8)) : 1.0));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static Path csv(String name, List<BipartiteGraph.Edge> edges, boolean weighted) throws Exception {
        StringBuilder text = new StringBuilder(weighted ? "process,theme,weight\n" : "process,theme\n");
        for (BipartiteGraph.Edge e : edges) {
            text.append(e.process()).append(',').append(e.theme());
            if (weighted) {
                text.append(',').append(e.weight());
            }
            text.append('\n');
        }
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, text);
        return file;
    }

    /** The engine's pairs: a|b to field to value. */
    private static Map<String, Map<String, Double>> engine(List<BipartiteGraph.Edge> edges, boolean weighted,
            int minShared, int topK, Map<String, List<String>> themes) {
        BipartiteGraph g = BipartiteGraph.of(edges, weighted);
        OverlapAnalysis.Result result = OverlapAnalysis.run(g, new OverlapAnalysis.Parameters(minShared, topK,
                SimilarityMetric.JACCARD, 1));
        Map<String, Map<String, Double>> out = new TreeMap<>();
        result.forEach(new OverlapAnalysis.PairSink() {
            private Map<String, Double> fields;

            private String key;

            @Override
            public void beginPair(String a, String b) {
                fields = new HashMap<>();
                key = a + "|" + b;
                out.put(key, fields);
            }

            @Override
            public void field(String name, long value) {
                fields.put(name, (double) value);
            }

            @Override
            public void field(String name, double value) {
                fields.put(name, value);
            }

            @Override
            public void field(String name, String[] ids, int count) {
                themes.put(key, List.of(java.util.Arrays.copyOf(ids, count)));
            }

            @Override
            public void endPair() {
            }
        });
        return out;
    }

    private static Map<String, Row> spark(Path input, OverlapJob.Parameters p) {
        OverlapJob.Result result = OverlapJob.run(spark, EdgeInput.read(spark, input.toString(), null), p);
        Map<String, Row> out = new TreeMap<>();
        for (Row r : result.pairs().collectAsList()) {
            out.put(r.getString(r.fieldIndex("a")) + "|" + r.getString(r.fieldIndex("b")), r);
        }
        return out;
    }

    private static void sameAsTheEngine(String name, List<BipartiteGraph.Edge> edges, boolean weighted, int minShared,
            int topK) throws Exception {
        Map<String, List<String>> sharedThemes = new HashMap<>();
        Map<String, Map<String, Double>> expected = engine(edges, weighted, minShared, topK, sharedThemes);
        Map<String, Row> actual = spark(csv(name, edges, weighted), new OverlapJob.Parameters(minShared, topK,
                SimilarityMetric.JACCARD, 7, List.of(), true));
        assertThat(actual.keySet()).as("%s: the pairs", name).containsExactlyElementsOf(expected.keySet());
        List<String> exact = new ArrayList<>(List.of("jaccard", "overlap", "cosine", "dice", "adamicAdar",
                "resourceAllocation", "associationStrength"));
        if (weighted) {
            exact.add("weightedJaccard");
        }
        for (Map.Entry<String, Map<String, Double>> e : expected.entrySet()) {
            Row row = actual.get(e.getKey());
            Map<String, Double> want = e.getValue();
            assertThat(row.getInt(row.fieldIndex("shared"))).as("%s %s shared", name, e.getKey())
                    .isEqualTo(want.get("shared").intValue());
            assertThat(row.getList(row.fieldIndex("sharedThemes"))).as("%s %s shared themes", name, e.getKey())
                    .containsExactlyElementsOf(sharedThemes.get(e.getKey()));
            for (String field : exact) {
                // bit for bit: the same code in the same order of summation
                assertThat(Double.doubleToLongBits(row.getDouble(row.fieldIndex(field))))
                        .as("%s %s %s: %s vs %s", name, e.getKey(), field, row.getDouble(row.fieldIndex(field)),
                                want.get(field))
                        .isEqualTo(Double.doubleToLongBits(want.get(field)));
            }
            assertThat(row.getDouble(row.fieldIndex("p"))).as("%s %s p", name, e.getKey())
                    .isCloseTo(want.get("pValue"), org.assertj.core.data.Percentage.withPercentage(1e-10));
            assertThat(row.getDouble(row.fieldIndex("q"))).as("%s %s q", name, e.getKey())
                    .isCloseTo(want.get("qValue"), org.assertj.core.data.Percentage.withPercentage(1e-10));
        }
        assertThat(expected).as(name).hasSizeGreaterThan(10);
    }

    @Test
    void everyPairAsTheEngineOnRandomGraphsWithAHubTheme() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            List<BipartiteGraph.Edge> edges = randomEdges(seed, 60, 40, 300, false);
            sameAsTheEngine("all-" + seed, edges, false, 1, 0);
        }
    }

    @Test
    void weightedMinSharedAndTopK() throws Exception {
        List<BipartiteGraph.Edge> weighted = randomEdges(11, 50, 30, 250, true);
        sameAsTheEngine("weighted", weighted, true, 1, 0);
        List<BipartiteGraph.Edge> edges = randomEdges(12, 70, 50, 350, false);
        sameAsTheEngine("min-shared-2", edges, false, 2, 0);
        sameAsTheEngine("top-5", edges, false, 1, 5);
        sameAsTheEngine("top-5-weighted", weighted, true, 1, 5);
    }

    @Test
    void theSeedConvergesAsAnalyzeSays() throws Exception {
        Path seed = Path.of(OverlapJobTest.class.getResource("/seed-edges.csv").toURI());
        Map<String, Row> pairs = spark(seed, new OverlapJob.Parameters(1, 0, SimilarityMetric.JACCARD, 2_000, List.of(),
                false));
        Row crmSoa = pairs.get("CRM|SOA");
        assertThat(crmSoa.getInt(crmSoa.fieldIndex("shared"))).isEqualTo(8);
        assertThat(crmSoa.getDouble(crmSoa.fieldIndex("jaccard"))).isEqualTo(8.0 / 14);
        // CSM and PPP share no theme: no pair
        assertThat(pairs).doesNotContainKey("CSM|PPP");
    }

    @Test
    void badInputIsRefusedNamingTheFileAndColumn() throws Exception {
        Path noTheme = dir.resolve("no-theme.csv");
        Files.writeString(noTheme, "process,topic\nA,x\n");
        assertThatThrownBy(() -> EdgeInput.read(spark, noTheme.toString(), null))
                .hasMessageContaining(noTheme.toString()).hasMessageContaining("no column `theme`");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "process,theme\n");
        assertThatThrownBy(() -> EdgeInput.read(spark, empty.toString(), null))
                .hasMessageContaining(empty.toString()).hasMessageContaining("holds no rows");
        Path negative = dir.resolve("negative.csv");
        Files.writeString(negative, "process,theme,weight\nA,x,1\nB,x,-2\nC,y,abc\n");
        assertThatThrownBy(() -> EdgeInput.read(spark, negative.toString(), null))
                .hasMessageContaining(negative.toString()).hasMessageContaining("column `weight` holds 2 value(s)")
                .hasMessageContaining("not a finite number above 0");
        Path blank = dir.resolve("blank.csv");
        Files.writeString(blank, "process,theme\nA,x\n,y\n");
        assertThatThrownBy(() -> EdgeInput.read(spark, blank.toString(), null))
                .hasMessageContaining("column `process` is empty in 1 row(s)");
        Path missing = dir.resolve("missing.parquet");
        assertThatThrownBy(() -> EdgeInput.read(spark, missing.toString(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input `" + missing + "` does not exist");
        // a file that is no Parquet: Spark's own reason, in one line, naming the input
        Path notParquet = dir.resolve("not.parquet");
        Files.writeString(notParquet, "process,theme\nA,x\n");
        assertThatThrownBy(() -> EdgeInput.read(spark, notParquet.toString(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Cannot read parquet input `"
                        + notParquet + "`: ");
    }
}
