package org.convergence.engine.output.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convergence.cypher.Cypher;
import org.convergence.engine.Neo4jServers;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis.PairField;
import org.convergence.engine.store.DatasetReader;
import org.convergence.engine.store.GraphReader;
import org.convergence.engine.store.ResultWriter;
import org.convergence.engine.store.RunReader;
import org.convergence.loader.SourceText;
import org.convergence.loader.csv.TwoModeCsvParser;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Every export of a run written to the real Neo4j, read back by independent readers and compared with
 * what Cypher returns: GraphML and GEXF with NetworkX ({@code src/test/python/read_graphs.py}; skipped
 * where NetworkX is not installed), the VOSviewer files against the documented columns, the CSV with
 * Commons CSV. On the seed (unweighted, parallel edges) and on a small weighted CSV data set.
 */
class ExportIT {

    private static final Path READ_GRAPHS = Path.of(System.getProperty("basedir", "."), "src/test/python/read_graphs.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Driver driver = Neo4jServers.embedded().driver();

    @TempDir
    Path dir;

    @BeforeEach
    void loadSeedAndWeightedDataAndAnalyseBoth() {
        Neo4jServers.clearAndLoadSeed(driver);
        GraphWriter writer = new GraphWriter(driver, 1000, l -> { });
        // weighted, with a process name that needs escaping, and a theme that is not in the taxonomy
        writer.write("events", new TwoModeCsvParser(Taxonomy.builtIn()).parse(SourceText.decode("events.csv",
                ("process,theme,relation,weight\nann,Remesas,AREA,2\nann,Turismo & <ocio>,AREA,0.5\n"
                        + "bob,Remesas,PLAN,1\nbob,Remesas,AREA,3\nbob,Turismo & <ocio>,AREA,1\ncid,Turismo & <ocio>,PLAN,4\n"
                        + "dan,Derechos Humanos,AREA,1\n").getBytes(StandardCharsets.UTF_8)), null, null),
                GraphWriter.Mode.MERGE);
        for (String dataset : List.of("seed", "events")) {
            GraphReader.Snapshot read = new GraphReader(driver).snapshot(dataset, null);
            // run ids differ between data sets, as the real ones (derived from data set and parameters) do
            new ResultWriter(driver).write(ConvergenceAnalysis.run(read.data(), ConvergenceAnalysis.Parameters.defaults(), l -> { })
                    .identified(dataset, "run-" + dataset, "{\"relations\":\"all\"}", "test", null),
                    read.generation());
        }
    }

    private List<Record> query(String name, String dataset) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(Cypher.statement(name),
                    Map.of("dataset", dataset, "run", "run-" + dataset)).list());
        }
    }

    /** Exports the data set's run in every format with the prefix {@code dir/DATASET}. */
    private Map<ExportFormat, List<WrittenFile>> exportAll(String dataset) throws IOException {
        RunReader reader = new RunReader(driver);
        RunReader.Run run = reader.run(dataset, Optional.empty());
        Map<ExportFormat, List<WrittenFile>> written = new LinkedHashMap<>();
        for (ExportFormat format : ExportFormat.values()) {
            DatasetReader graph = new DatasetReader(driver);
            written.put(format, format.write(ExportSource.of(reader.result(run), () -> graph.members(dataset,
                    run.relations()), sink -> graph.edges(dataset, run.relations(), sink)), dir.resolve(dataset)));
        }
        return written;
    }

    // ---- what Neo4j holds, as the graph files should show it

    /** A value as it should read back: Neo4j's integers as longs, the rest as they are. */
    private static Object plain(Value v) {
        Object o = v.asObject();
        return o instanceof Integer i ? Long.valueOf(i) : o;
    }

    /** Every process and theme node with the attributes an export must give it. */
    private Map<String, Map<String, Object>> expectedNodes(String dataset, boolean processesOnly) {
        Map<String, Map<String, Object>> nodes = new TreeMap<>();
        for (Record r : query("test/export-nodes", dataset)) {
            String kind = r.get("kind").asString();
            if (processesOnly && !kind.equals("process")) {
                continue;
            }
            Map<String, Object> a = new TreeMap<>();
            Map<String, Value> node = r.get("node").asMap(v -> v);
            String name = node.containsKey("name") ? node.get("name").asString() : r.get("id").asString();
            a.put("kind", kind);
            a.put("label", name);
            a.put("name", name);
            for (String language : List.of("nameEs", "nameEn")) {
                if (node.containsKey(language)) {
                    a.put(language, node.get(language).asString());
                }
            }
            for (Value c : r.get("clusters").values()) {
                if (!c.get(0).isNull()) {
                    a.put("cluster_" + c.get(0).asString(), plain(c.get(1)));
                }
            }
            if (!r.get("scores").isNull()) {
                r.get("scores").asMap(ExportIT::plain).forEach((k, v) -> {
                    if (!k.equals("write")) {
                        a.put(k, v);
                    }
                });
            }
            nodes.put(kind + ":" + r.get("id").asString(), a);
        }
        return nodes;
    }

    /** Every ADDRESSES relationship as {@code source>target attributes}, sorted. */
    private List<String> expectedEdges(String dataset) {
        List<String> edges = new ArrayList<>();
        for (Record r : query("test/export-edges", dataset)) {
            Map<String, Object> a = new TreeMap<>();
            Map<String, Value> edge = r.get("edge").asMap(v -> v);
            a.put("relation", edge.get("relation").asString());
            if (edge.containsKey("row")) {
                a.put("row", edge.get("row").asString());
            }
            if (edge.containsKey("weight")) {
                a.put("weight", edge.get("weight").asDouble());
            }
            edges.add("process:" + r.get("process").asString() + ">theme:" + r.get("theme").asString() + " " + a);
        }
        edges.sort(null);
        return edges;
    }

    /**
     * Every pair of the run as {@code a-b attributes}, sorted: the stored value of every pair field
     * (PairField; weightedJaccard where stored), and weight = Jaccard. Other properties of the
     * relationship (run, write, a caption for Neo4j Browser) are bookkeeping or display, not scores.
     */
    private List<String> expectedPairs(String dataset) {
        List<String> pairs = new ArrayList<>();
        for (Record r : query("test/export-pairs", dataset)) {
            Map<String, Object> a = new TreeMap<>();
            Map<String, Value> stored = r.get("pair").asMap(v -> v);
            for (PairField f : PairField.values()) {
                Value v = stored.get(f.key());
                if (v == null || v.isNull()) {
                    assertThat(f).as("stored pair field").isEqualTo(PairField.WEIGHTED_JACCARD);
                } else {
                    a.put(f.key(), f.kind() == PairField.Kind.IDS ? String.join("|", v.asList(Value::asString))
                            : plain(v));
                }
            }
            a.put("weight", a.get("jaccard"));
            pairs.add("process:" + r.get("a").asString() + "-process:" + r.get("b").asString() + " " + a);
        }
        pairs.sort(null);
        return pairs;
    }

    // ---- what NetworkX read

    private static boolean networkxAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import networkx").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonNode readWithNetworkx(List<Path> files) throws Exception {
        assertThat(READ_GRAPHS).exists();
        List<String> command = new ArrayList<>(List.of("python3", READ_GRAPHS.toString()));
        files.forEach(f -> command.add(f.toString()));
        Path output = Files.createTempFile("networkx-", ".json");
        Path errors = Files.createTempFile("networkx-", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile())
                    .start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("NetworkX read within 2 minutes").isTrue();
            assertThat(p.exitValue()).as("read_graphs.py: %s", Files.readString(errors)).isZero();
            return JSON.readTree(output.toFile());
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    /** A JSON attribute value as a Java value: integers as longs, reals as doubles. */
    private static Object plain(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isFloatingPointNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.asText();
    }

    private static Map<String, Map<String, Object>> nodesRead(JsonNode graph) {
        Map<String, Map<String, Object>> nodes = new TreeMap<>();
        graph.get("nodes").properties().forEach(n -> {
            Map<String, Object> a = new TreeMap<>();
            n.getValue().properties().forEach(e -> a.put(e.getKey(), plain(e.getValue())));
            nodes.put(n.getKey(), a);
        });
        return nodes;
    }

    /** The edges read, as {@code source>target attributes} (directed) or {@code a-b attributes} (ends sorted). */
    private static List<String> edgesRead(JsonNode graph) {
        boolean directed = graph.get("directed").asBoolean();
        List<String> edges = new ArrayList<>();
        for (JsonNode e : graph.get("edges")) {
            Map<String, Object> a = new TreeMap<>();
            e.get(2).properties().forEach(f -> {
                if (!f.getKey().equals("id")) { // the files' own edge ids, not data
                    a.put(f.getKey(), plain(f.getValue()));
                }
            });
            String u = e.get(0).asText();
            String v = e.get(1).asText();
            edges.add(directed ? u + ">" + v + " " + a
                    : (u.compareTo(v) < 0 ? u + "-" + v : v + "-" + u) + " " + a);
        }
        edges.sort(null);
        return edges;
    }

    private void graphFilesReadBackAsNeo4jHoldsThem(String dataset) throws Exception {
        Assumptions.assumeTrue(networkxAvailable(), "NetworkX is not installed (python3 -c 'import networkx'"
                + " failed): install python3-networkx to read the GraphML and GEXF exports back");
        exportAll(dataset);
        List<Path> files = new ArrayList<>();
        for (String extension : List.of("graphml", "gexf")) {
            files.add(dir.resolve(dataset + "-bipartite." + extension));
            files.add(dir.resolve(dataset + "-pairs." + extension));
        }
        JsonNode read = readWithNetworkx(files);
        Map<String, Map<String, Object>> nodes = expectedNodes(dataset, false);
        Map<String, Map<String, Object>> processes = expectedNodes(dataset, true);
        List<String> edges = expectedEdges(dataset);
        List<String> pairs = expectedPairs(dataset);
        assertThat(nodes).isNotEmpty();
        assertThat(pairs).isNotEmpty();
        for (Path f : files) {
            JsonNode graph = read.get(f.toString());
            boolean bipartite = f.getFileName().toString().contains("-bipartite.");
            assertThat(graph.get("directed").asBoolean()).as("%s directed", f).isEqualTo(bipartite);
            assertThat(nodesRead(graph)).as("nodes of %s", f).isEqualTo(bipartite ? nodes : processes);
            assertThat(edgesRead(graph)).as("edges of %s", f).isEqualTo(bipartite ? edges : pairs);
        }
    }

    @Test
    void graphmlAndGexfOfTheSeedReadBackWithNetworkxAsNeo4jHoldsThem() throws Exception {
        graphFilesReadBackAsNeo4jHoldsThem("seed");
        // the seed's parallel edges (a theme in two matrix rows of a process) are kept, as in Neo4j
        JsonNode read = readWithNetworkx(List.of(dir.resolve("seed-bipartite.graphml")));
        assertThat(read.get(dir.resolve("seed-bipartite.graphml").toString()).get("multigraph").asBoolean()).isTrue();
        assertThat(expectedEdges("seed")).hasSize(39);
    }

    @Test
    void graphmlAndGexfOfWeightedDataReadBackWithNetworkxAsNeo4jHoldsThem() throws Exception {
        graphFilesReadBackAsNeo4jHoldsThem("events");
        assertThat(expectedPairs("events")).allMatch(p -> p.contains("weightedJaccard="));
        assertThat(expectedEdges("events")).anyMatch(e -> e.contains("weight=0.5"));
    }

    @Test
    void vosviewerFilesHaveTheDocumentedColumnsAndTheRunsPairs() throws Exception {
        exportAll("seed");
        List<String> map = Files.readAllLines(dir.resolve("seed-vosviewer-map.txt"));
        List<String> header = List.of(map.get(0).split("\t", -1));
        // VOSviewer's map file columns: id, label, description, url, x, y, cluster, weight<...>, score<...>
        Pattern documented = Pattern.compile("id|label|description|url|x|y|cluster|weight<[^<>]+>|score<[^<>]+>");
        assertThat(header).allMatch(h -> documented.matcher(h).matches()).startsWith("id", "label")
                .contains("cluster", "weight<Links>", "weight<Total link strength>");
        Map<String, Record> byId = new HashMap<>();
        query("test/export-nodes", "seed").stream().filter(r -> r.get("kind").asString().equals("process"))
                .forEach(r -> byId.put(r.get("id").asString(), r));
        assertThat(map).hasSize(1 + byId.size());
        Map<Integer, String> processOf = new HashMap<>();
        Map<String, Long> links = new HashMap<>();
        for (String line : map.subList(1, map.size())) {
            String[] cells = line.split("\t", -1);
            assertThat(cells).hasSize(header.size());
            processOf.put(Integer.parseInt(cells[0]), cells[1]);
            assertThat(byId).containsKey(cells[1]);
            int cluster = Integer.parseInt(cells[header.indexOf("cluster")]);
            assertThat(cluster).isBetween(1, VosviewerExport.MAX_CLUSTERS);
            links.put(cells[1], Long.parseLong(cells[header.indexOf("weight<Links>")]));
        }
        assertThat(processOf.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4);
        // network: no header, three columns: two item ids of the map file and the link strength (shared themes)
        List<String> expected = new ArrayList<>();
        for (Record r : query("test/export-pairs", "seed")) {
            expected.add(r.get("a").asString() + " " + r.get("b").asString() + " "
                    + r.get("pair").get("shared").asLong());
        }
        List<String> network = new ArrayList<>();
        Map<String, Long> counted = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("seed-vosviewer-network.txt"))) {
            String[] cells = line.split("\t", -1);
            assertThat(cells).as(line).hasSize(3);
            String a = processOf.get(Integer.parseInt(cells[0]));
            String b = processOf.get(Integer.parseInt(cells[1]));
            network.add(a + " " + b + " " + Long.parseLong(cells[2]));
            counted.merge(a, 1L, Long::sum);
            counted.merge(b, 1L, Long::sum);
        }
        assertThat(network).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(links).isEqualTo(counted);
    }

    @Test
    void csvHoldsEveryStoredPairWithAllItsScores() throws Exception {
        exportAll("seed");
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(dir.resolve("seed-pairs.csv"), StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        List<Record> stored = query("test/export-pairs", "seed");
        assertThat(rows).hasSize(stored.size()).hasSize(5);
        Map<String, CSVRecord> byPair = new HashMap<>();
        rows.forEach(r -> byPair.put(r.get("a") + "-" + r.get("b"), r));
        for (Record s : stored) {
            CSVRecord row = byPair.get(s.get("a").asString() + "-" + s.get("b").asString());
            assertThat(row).as("%s-%s", s.get("a"), s.get("b")).isNotNull();
            Map<String, Value> pair = s.get("pair").asMap(v -> v);
            for (PairField f : PairField.of(false)) {
                Value v = pair.get(f.key());
                switch (f.kind()) {
                    case INTEGER -> assertThat(Long.parseLong(row.get(f.key()))).isEqualTo(v.asLong());
                    case REAL -> assertThat(Double.parseDouble(row.get(f.key()))).as(f.key()).isEqualTo(v.asDouble());
                    case IDS -> assertThat(row.get(f.key()).split("\\|")).containsExactlyElementsOf(
                            v.asList(Value::asString));
                    default -> throw new AssertionError(f);
                }
            }
        }
    }
}
