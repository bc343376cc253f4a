package org.convergence.engine.output.html;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.Recommendations;
import org.convergence.engine.analysis.ShortestLinks;
import org.convergence.engine.analysis.Side;
import org.convergence.engine.dataset.DatasetView;

/**
 * Renders a data set ({@link DatasetView}) and one analysis run of it ({@link ConvergenceAnalysis.Result},
 * just computed or read back from Neo4j: the same types either way) as one self-contained HTML file: the page is a Mustache template
 * ({@code report.mustache}), its styles and script are inlined, and so is Apache ECharts (from its
 * WebJar) which draws the heat map and the network with the SVG renderer. Nothing is fetched when
 * the file is opened, so it renders from {@code file://} without network access.
 *
 * <p>Labels come in English and Spanish ({@code messages_en/es.properties}); theme names in the
 * chosen language from the taxonomy; the document's own text is shown as written. The output is a
 * function of the data, the language and the generation time only: the network layout is seeded.
 */
public final class HtmlReport {

    /** Languages a report can be written in. */
    public static final Set<String> LANGUAGES = Set.of("en", "es");

    /** Up to this many processes and themes the network draws every node; above, clusters and bridges. */
    public static final int NETWORK_NODE_LIMIT = 300;

    /** Up to this many processes × themes the incidence table is shown whole; above, the most connected. */
    static final int INCIDENCE_LIMIT = 40;

    /** Bridge themes drawn in the cluster-level network and listed in the bridges table. */
    static final int BRIDGES_SHOWN = 20;

    /** Unmapped labels listed in the report; above, a count and where the full list is. */
    static final int UNMAPPED_LISTED = 200;

    /** Themes listed in the bridges table: the highest betweenness, bridges marked. */
    static final int BRIDGES_LISTED = 10;

    /** Clusters drawn in the cluster-level network, the largest. */
    static final int CLUSTERS_SHOWN = 30;

    /** Processes whose recommendations are listed. */
    static final int RECOMMENDATION_PROCESSES = 20;

    /** Recommendations listed, the strongest first, when more processes than {@link #RECOMMENDATION_PROCESSES} have some. */
    static final int RECOMMENDATIONS_LISTED = 60;

    /** The q-value below which the report counts a pair as significant. */
    static final double SIGNIFICANT = 0.05;

    /** Seed of the network layout. */
    static final long LAYOUT_SEED = 42;

    /** Cells up to which the heat map is drawn as SVG (each cell an element); above, on a canvas. */
    static final int SVG_CELL_LIMIT = 10_000;

    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String lang;
    private final Map<String, String> messages;

    /**
     * @param lang {@code en} or {@code es}
     * @throws IllegalArgumentException for another language
     */
    public HtmlReport(String lang) {
        if (!LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("Value for `lang` was `" + lang + "`, but must be one of en, es");
        }
        this.lang = lang;
        this.messages = messages(lang);
    }

    /**
     * Writes the report.
     *
     * @param data the data set
     * @param result the run's result
     * @param generatedAt when the report is generated (shown under provenance)
     * @param out where the HTML goes; not closed
     */
    public void write(DatasetView data, ConvergenceAnalysis.Result result, String generatedAt, Writer out) {
        write(data, result, generatedAt, out, PairSummary.GRID_LIMIT);
    }

    /** {@link #write} with the number of processes up to which every pair is drawn (tests draw blocks small). */
    void write(DatasetView data, ConvergenceAnalysis.Result result, String generatedAt, Writer out, int gridLimit) {
        RunOverlay run = RunOverlay.of(data, result, gridLimit);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("lang", lang);
        Map<String, String> t = new HashMap<>();
        messages.forEach((k, v) -> t.put(k.replace('.', '_'), v));
        view.put("t", t);
        DatasetView.Provenance prov = data.provenance();
        view.put("subtitle", format("subtitle", prov.dataset(), result.provenance().run()));
        view.put("engineVersion", result.provenance().engineVersion());
        view.put("documentTitle", prov.document().getOrDefault("title", prov.source()));
        view.put("matrix", matrix(data));
        view.put("incidence", data.provenance().matrix() ? null : incidence(data));
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("labels", chartLabels());
        charts.put("decimalMark", String.valueOf(java.text.DecimalFormatSymbols.getInstance(locale()).getDecimalSeparator()));
        charts.put("heat", heat(data, run, view));
        charts.put("network", network(data, run, view));
        view.put("links", links(data, run));
        view.put("bridges", bridges(data, run));
        recommendations(data, run, view);
        explanations(run, view);
        unmapped(data, view);
        view.put("notes", result.notes().isEmpty() ? null : Map.of("items", result.notes()));
        view.put("provenance", provenance(data, run, generatedAt));
        view.put("chartData", safeJson(charts));
        view.put("style", resource("report.css"));
        view.put("script", resource("report.js"));
        view.put("echarts", library());
        Mustache template = new DefaultMustacheFactory("org/convergence/engine/output/html").compile("report.mustache");
        template.execute(out, view);
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------ matrix

    private Map<String, Object> matrix(DatasetView data) {
        return matrix(data, null);
    }

    /**
     * The matrix as its document lays it out, each theme item carrying {@code status}, when a marker is
     * given: what the marker says of that process and theme (the comparison report's new and kept).
     *
     * @param marker a process and a theme id to a status, or null for none
     * @return the matrix's view, or null when the data set is not a matrix document
     */
    Map<String, Object> matrix(DatasetView data, java.util.function.BiFunction<DatasetView.Process, String, String> marker) {
        if (!data.provenance().matrix()) {
            return null;
        }
        List<DatasetView.Process> columns = data.processes();
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> header = new ArrayList<>();
        for (DatasetView.Process p : columns) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("code", p.code());
            h.put("name", p.name());
            String described = p.attributes().get("describedIn");
            h.put("note", p.column() == 0 && described != null
                    ? format("matrixFootnoteProcess", described.replace("footnote ", "")) : null);
            header.add(h);
        }
        m.put("header", header);
        // which processes address each theme, for the shared marks
        List<Set<String>> addressedBy = new ArrayList<>();
        data.themes().forEach(x -> addressedBy.add(new TreeSet<>()));
        DatasetView.Edges e = data.edges();
        for (int i = 0; i < e.size(); i++) {
            addressedBy.get(e.theme()[i]).add(columns.get(e.process()[i]).code());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(textRow("START", columns, p -> join(p.attributes().get("startCountry"),
                p.attributes().get("startYear"))));
        rows.add(textRow("OBJECTIVES", columns, p -> p.attributes().get("objectives")));
        rows.add(textRow("PARTICIPATION", columns, p -> p.attributes().get("participation")));
        rows.add(textRow("GEOGRAPHY", columns, p -> p.attributes().get("geographicArea")));
        for (String relation : List.of("ACTION_PLAN", "CONVERGENCE_AREA", "STATED_PURPOSE")) {
            int r = e.relations().indexOf(relation);
            if (r < 0) {
                continue;
            }
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int pi = 0; pi < columns.size(); pi++) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = 0; i < e.size(); i++) {
                    if (e.process()[i] != pi || e.relation()[i] != r) {
                        continue;
                    }
                    DatasetView.Theme theme = data.themes().get(e.theme()[i]);
                    List<String> labels = e.rawLabels() == null || e.rawLabels().get(i).isEmpty()
                            ? List.of(theme.name(lang)) : e.rawLabels().get(i);
                    Set<String> others = new TreeSet<>(addressedBy.get(e.theme()[i]));
                    others.remove(columns.get(pi).code());
                    for (String label : labels) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("label", label);
                        item.put("theme", theme.name(lang));
                        item.put("themeId", theme.id());
                        item.put("shared", others.isEmpty() ? null : String.join(" ", others));
                        if (marker != null) {
                            item.put("status", marker.apply(columns.get(pi), theme.id()));
                        }
                        items.add(item);
                    }
                }
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("list", items.isEmpty() ? null : Map.of("items", items));
                String noteKey = relation.equals("ACTION_PLAN") ? "actionPlanNote"
                        : relation.equals("CONVERGENCE_AREA") ? "convergenceAreaNote" : null;
                DatasetView.Process p = columns.get(pi);
                List<String> notes = new ArrayList<>();
                if (noteKey != null && p.attributes().get(noteKey) != null) {
                    notes.add(p.attributes().get(noteKey));
                }
                if (relation.equals("ACTION_PLAN") && p.attributes().get("actionPlanStatus") != null) {
                    notes.add(p.attributes().get("actionPlanStatus"));
                }
                cell.put("notes", notes);
                cells.add(cell);
            }
            rows.add(row(relation, cells));
        }
        rows.add(textRow("JOINT_ACTIVITIES", columns, p -> p.activities().isEmpty() ? null
                : String.join("; ", p.activities())));
        m.put("rows", rows);
        m.put("footnotes", data.footnotes().isEmpty() ? null : Map.of("items", data.footnotes()));
        return m;
    }

    private Map<String, Object> textRow(String kind, List<DatasetView.Process> columns,
            java.util.function.Function<DatasetView.Process, String> text) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (DatasetView.Process p : columns) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("text", text.apply(p));
            // present though empty: a section missing from a cell would be looked up in the page, whose `notes`
            // are the run's
            cell.put("notes", List.of());
            cells.add(cell);
        }
        return row(kind, cells);
    }

    Map<String, Object> row(String kind, List<Map<String, Object>> cells) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", kind);
        row.put("label", messages.get("row." + kind));
        row.put("cells", cells);
        return row;
    }

    private static String join(String a, String b) {
        if (a == null && b == null) {
            return null;
        }
        return a == null ? b : b == null ? a : a + ", " + b;
    }

    private Map<String, Object> incidence(DatasetView data) {
        int[] pDegree = new int[data.processes().size()];
        int[] tDegree = new int[data.themes().size()];
        DatasetView.Edges e = data.edges();
        for (int i = 0; i < e.size(); i++) {
            pDegree[e.process()[i]]++;
            tDegree[e.theme()[i]]++;
        }
        int[] ps = mostConnected(pDegree, INCIDENCE_LIMIT);
        int[] ts = mostConnected(tDegree, INCIDENCE_LIMIT); // themes no process addresses stay out
        Map<Integer, Integer> pPos = new HashMap<>();
        for (int i = 0; i < ps.length; i++) {
            pPos.put(ps[i], i);
        }
        Map<Integer, Integer> tPos = new HashMap<>();
        for (int i = 0; i < ts.length; i++) {
            tPos.put(ts[i], i);
        }
        boolean[][] on = new boolean[ps.length][ts.length];
        String[][] title = new String[ps.length][ts.length];
        for (int i = 0; i < e.size(); i++) {
            Integer r = pPos.get(e.process()[i]);
            Integer c = tPos.get(e.theme()[i]);
            if (r != null && c != null) {
                on[r][c] = true;
                // the source's columns a load kept (a source, a year, a note), shown where the edge is
                if (e.sources() != null && !e.sources().get(i).columns().isEmpty()) {
                    String kept = String.join("; ", e.sources().get(i).columns().entrySet().stream()
                            .map(x -> x.getKey() + ": " + x.getValue()).toList());
                    title[r][c] = title[r][c] == null ? kept : title[r][c] + " / " + kept;
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> themes = new ArrayList<>();
        for (int t : ts) {
            themes.add(data.themes().get(t).name(lang));
        }
        m.put("themes", themes);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < ps.length; r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("process", data.processes().get(ps[r]).code());
            List<Map<String, Object>> marks = new ArrayList<>();
            for (int c = 0; c < ts.length; c++) {
                Map<String, Object> mark = new LinkedHashMap<>();
                mark.put("on", on[r][c]);
                mark.put("title", title[r][c]);
                marks.add(mark);
            }
            row.put("marks", marks);
            rows.add(row);
        }
        m.put("rows", rows);
        long connectedProcesses = Arrays.stream(pDegree).filter(d -> d > 0).count();
        long connectedThemes = Arrays.stream(tDegree).filter(d -> d > 0).count();
        boolean summarised = ps.length < connectedProcesses || ts.length < connectedThemes;
        m.put("summary", summarised ? format("incidenceSummary", ps.length, ts.length, connectedProcesses,
                connectedThemes) : null);
        m.put("keptNote", e.sources() != null && e.sources().stream().anyMatch(x -> !x.columns().isEmpty()));
        return m;
    }

    /** The indices of the {@code limit} largest positive values, ties by index, in index order. */
    private static int[] mostConnected(int[] degree, int limit) {
        Integer[] order = java.util.stream.IntStream.range(0, degree.length).filter(i -> degree[i] > 0).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> -degree[i]).thenComparingInt(i -> i));
        int[] out = new int[Math.min(limit, order.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        Arrays.sort(out);
        return out;
    }

    // ------------------------------------------------------------ heat map

    private Map<String, Object> heat(DatasetView data, RunOverlay run, Map<String, Object> view) {
        PairSummary pairs = run.pairs;
        Map<String, Object> heat = new LinkedHashMap<>();
        heat.put("complete", pairs.complete);
        List<DatasetView.Process> processes = data.processes();
        if (pairs.complete) {
            Integer[] order = new Integer[processes.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.<Integer>comparingInt(i -> run.processCluster[i])
                    .thenComparingInt(i -> i));
            int[] pos = new int[order.length];
            List<String> codes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Integer> clusters = new ArrayList<>();
            for (int i = 0; i < order.length; i++) {
                pos[order[i]] = i;
                codes.add(processes.get(order[i]).code());
                names.add(processes.get(order[i]).name());
                clusters.add(run.processCluster[order[i]]);
            }
            heat.put("codes", codes);
            heat.put("names", names);
            heat.put("clusters", clusters);
            int n = order.length;
            // every ordered pair of distinct processes: converging ones with their scores, others empty
            double[][] cell = new double[n * n][];
            for (int i = 0; i < pairs.size(); i++) {
                int x = pos[pairs.a[i]];
                int y = pos[pairs.b[i]];
                double[] v = {pairs.shared[i], pairs.jaccard[i], pairs.overlap[i], pairs.cosine[i], pairs.p[i],
                    pairs.q[i]};
                cell[x * n + y] = v;
                cell[y * n + x] = v;
            }
            List<double[]> cells = new ArrayList<>();
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    if (x != y) {
                        double[] v = cell[x * n + y] == null ? new double[] {0, 0, 0, 0, 1, 1} : cell[x * n + y];
                        cells.add(new double[] {x, y, v[0], v[1], v[2], v[3], v[4], v[5]});
                    }
                }
            }
            heat.put("cells", cells);
            heat.put("svg", cells.size() <= SVG_CELL_LIMIT);
            sharedThemes(data, run, pos, heat);
            long significant = Arrays.stream(pairs.q).filter(q -> q < SIGNIFICANT).count();
            view.put("heatIntro", messages.get("heatmapIntro") + " " + format("significant", significant, pairs.size(),
                    String.format(locale(), "%.2f", SIGNIFICANT)));
        } else {
            PairSummary.Blocks b = pairs.blocks;
            int k = b.k();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                labels.add(messages.get("cluster") + " " + b.clusters()[i] + " (" + b.sizes()[i] + ")");
            }
            heat.put("codes", labels);
            heat.put("names", labels);
            List<double[]> cells = new ArrayList<>();
            for (int x = 0; x < k; x++) {
                for (int y = 0; y < k; y++) {
                    int c = Math.min(x, y) * k + Math.max(x, y);
                    double all = x == y ? b.sizes()[x] * (b.sizes()[x] - 1) / 2.0 : (double) b.sizes()[x] * b.sizes()[y];
                    double denominator = Math.max(1, all);
                    cells.add(new double[] {x, y, b.pairs()[c], b.jaccardSum()[c] / denominator,
                        b.overlapSum()[c] / denominator, b.cosineSum()[c] / denominator, -1, b.minQ()[c], all});
                }
            }
            heat.put("cells", cells);
            heat.put("svg", true);
            view.put("heatIntro", format("heatmapBlocksIntro", processes.size(), k));
        }
        List<Map<String, Object>> strongest = new ArrayList<>();
        if (!pairs.complete) {
            for (int i = 0; i < pairs.size(); i++) {
                strongest.add(pairRow(data, pairs, i));
            }
        }
        view.put("strongest", strongest.isEmpty() ? null : Map.of("rows", strongest));
        return heat;
    }

    /**
     * For the heat map's tooltips, the themes each converging pair shares, through the matrix rows the run
     * analysed: {@code themes} their names, {@code shared} for the key {@code "x:y"} (heat map positions,
     * {@code x < y}) the indices of the pair's themes in {@code themes}. Done only for the complete grid,
     * at most {@link PairSummary#GRID_LIMIT} processes.
     */
    private void sharedThemes(DatasetView data, RunOverlay run, int[] pos, Map<String, Object> heat) {
        DatasetView.Edges e = data.edges();
        List<Set<Integer>> themesOf = new ArrayList<>();
        data.processes().forEach(p -> themesOf.add(new TreeSet<>()));
        for (int i = 0; i < e.size(); i++) {
            if (run.analysed(e.relations().get(e.relation()[i]))) {
                themesOf.get(e.process()[i]).add(e.theme()[i]);
            }
        }
        Map<Integer, Integer> used = new LinkedHashMap<>();
        Map<String, List<Integer>> shared = new LinkedHashMap<>();
        PairSummary pairs = run.pairs;
        for (int i = 0; i < pairs.size(); i++) {
            List<Integer> common = new ArrayList<>();
            for (int t : themesOf.get(pairs.a[i])) {
                if (themesOf.get(pairs.b[i]).contains(t)) {
                    common.add(used.computeIfAbsent(t, k -> used.size()));
                }
            }
            int x = pos[pairs.a[i]];
            int y = pos[pairs.b[i]];
            shared.put(Math.min(x, y) + ":" + Math.max(x, y), common);
        }
        List<String> names = new ArrayList<>();
        used.keySet().forEach(t -> names.add(data.themes().get(t).name(lang)));
        heat.put("themes", names);
        heat.put("shared", shared);
    }

    private Map<String, Object> pairRow(DatasetView data, PairSummary pairs, int i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("a", data.processes().get(pairs.a[i]).code());
        row.put("b", data.processes().get(pairs.b[i]).code());
        row.put("shared", pairs.shared[i]);
        row.put("jaccard", decimal(pairs.jaccard[i]));
        row.put("overlap", decimal(pairs.overlap[i]));
        row.put("cosine", decimal(pairs.cosine[i]));
        row.put("p", scientific(pairs.p[i]));
        row.put("q", scientific(pairs.q[i]));
        return row;
    }

    // ------------------------------------------------------------ network

    private Map<String, Object> network(DatasetView data, RunOverlay run, Map<String, Object> view) {
        int p = data.processes().size();
        int t = data.themes().size();
        DatasetView.Edges e = data.edges();
        Map<String, Object> net = new LinkedHashMap<>();
        List<String> relations = new ArrayList<>();
        for (String r : e.relations()) {
            relations.add(messages.getOrDefault("relation." + r, r));
        }
        net.put("relations", relations);
        net.put("relationKeys", e.relations());
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<int[]> links = new ArrayList<>();
        // only the edges of the matrix rows the run analysed; themes no process addresses through them
        // (broader taxonomy themes, say) stay out of the picture
        boolean[] analysed = new boolean[e.relations().size()];
        for (int r = 0; r < analysed.length; r++) {
            analysed[r] = run.analysed(e.relations().get(r));
        }
        int[] themeNode = new int[t];
        java.util.Arrays.fill(themeNode, -1);
        int drawn = p;
        for (int i = 0; i < e.size(); i++) {
            if (analysed[e.relation()[i]] && themeNode[e.theme()[i]] < 0) {
                themeNode[e.theme()[i]] = 0;
            }
        }
        for (int v = 0; v < t; v++) {
            if (themeNode[v] == 0) {
                themeNode[v] = drawn++;
            }
        }
        if (drawn <= NETWORK_NODE_LIMIT) {
            it.unimi.dsi.fastutil.ints.IntArrayList from = new it.unimi.dsi.fastutil.ints.IntArrayList();
            it.unimi.dsi.fastutil.ints.IntArrayList to = new it.unimi.dsi.fastutil.ints.IntArrayList();
            for (int i = 0; i < e.size(); i++) {
                if (analysed[e.relation()[i]]) {
                    from.add(e.process()[i]);
                    to.add(themeNode[e.theme()[i]]);
                    links.add(new int[] {e.process()[i], themeNode[e.theme()[i]], e.relation()[i]});
                }
            }
            double[][] xy = NetworkLayout.layout(drawn, from.toIntArray(), to.toIntArray(), LAYOUT_SEED);
            Set<String> onPath = new java.util.HashSet<>();
            for (ConvergenceAnalysis.PathResult l : run.result.paths()) {
                for (ShortestLinks.Link path : l.shortest()) {
                    path.nodes().forEach(n -> onPath.add(n.side().key() + ":" + n.id()));
                }
            }
            for (int v = 0; v < p; v++) {
                DatasetView.Process pr = data.processes().get(v);
                Map<String, Object> n = node(pr.code(), pr.name(), Side.PROCESS.key(), run.processCoCluster[v], false, xy[0][v],
                        xy[1][v], 1);
                n.put("path", onPath.contains("process:" + pr.id()));
                nodes.add(n);
            }
            for (int v = 0; v < t; v++) {
                if (themeNode[v] < 0) {
                    continue;
                }
                DatasetView.Theme th = data.themes().get(v);
                Map<String, Object> n = node(th.id(), th.name(lang), Side.THEME.key(), run.themeCoCluster[v], run.themeBridge(v),
                        xy[0][themeNode[v]], xy[1][themeNode[v]], 1);
                n.put("path", onPath.contains("theme:" + th.id()));
                nodes.add(n);
            }
            net.put("detail", true);
            view.put("networkIntro", messages.get("networkIntro"));
        } else {
            clusterNetwork(data, run, nodes, links);
            net.put("detail", false);
            view.put("networkIntro", format("networkClustersIntro", drawn));
        }
        net.put("nodes", nodes);
        net.put("links", links);
        return net;
    }

    private void clusterNetwork(DatasetView data, RunOverlay run, List<Map<String, Object>> nodes, List<int[]> links) {
        Map<Integer, int[]> members = new HashMap<>(); // co-cluster -> {processes, themes}
        for (int v = 0; v < data.processes().size(); v++) {
            members.computeIfAbsent(run.processCoCluster[v], k -> new int[2])[0]++;
        }
        for (int v = 0; v < data.themes().size(); v++) {
            members.computeIfAbsent(run.themeCoCluster[v], k -> new int[2])[1]++;
        }
        List<Integer> clusters = new ArrayList<>(members.keySet());
        clusters.sort(Comparator.<Integer>comparingInt(c -> -(members.get(c)[0] + members.get(c)[1]))
                .thenComparingInt(c -> c));
        clusters = clusters.subList(0, Math.min(clusters.size(), CLUSTERS_SHOWN));
        Map<Integer, Integer> clusterNode = new HashMap<>();
        for (int c : clusters) {
            clusterNode.put(c, clusterNode.size());
        }
        List<Integer> bridges = topBridges(data, run);
        Map<Integer, Integer> bridgeNode = new HashMap<>();
        for (int b : bridges) {
            bridgeNode.put(b, clusterNode.size() + bridgeNode.size());
        }
        Map<Long, Integer> weights = new java.util.TreeMap<>();
        DatasetView.Edges e = data.edges();
        for (int i = 0; i < e.size(); i++) {
            Integer b = bridgeNode.get(e.theme()[i]);
            Integer c = clusterNode.get(run.processCoCluster[e.process()[i]]);
            if (b != null && c != null) {
                weights.merge(((long) b << 32) | c, 1, Integer::sum);
            }
        }
        int n = clusterNode.size() + bridgeNode.size();
        int[] from = new int[weights.size()];
        int[] to = new int[weights.size()];
        int i = 0;
        for (Map.Entry<Long, Integer> w : weights.entrySet()) {
            from[i] = (int) (w.getKey() >>> 32);
            to[i] = (int) (w.getKey() & 0xffffffffL);
            links.add(new int[] {from[i], to[i], -1, w.getValue()});
            i++;
        }
        double[][] xy = NetworkLayout.layout(n, from, to, LAYOUT_SEED);
        for (int c : clusters) {
            int v = clusterNode.get(c);
            int[] m = members.get(c);
            nodes.add(node("c" + c, messages.get("cluster") + " " + c + ": " + format("members", m[0], m[1]), "cluster",
                    c, false, xy[0][v], xy[1][v], m[0] + m[1]));
        }
        for (int b : bridges) {
            DatasetView.Theme th = data.themes().get(b);
            int v = bridgeNode.get(b);
            nodes.add(node(th.id(), th.name(lang), Side.THEME.key(), run.themeCoCluster[b], true, xy[0][v], xy[1][v], 1));
        }
    }

    private static Map<String, Object> node(String id, String name, String kind, int cluster, boolean bridge, double x,
            double y, int size) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        n.put("name", name);
        n.put("kind", kind);
        n.put("cluster", cluster);
        n.put("bridge", bridge);
        n.put("x", Math.round(x * 10) / 10.0);
        n.put("y", Math.round(y * 10) / 10.0);
        n.put("size", size);
        return n;
    }

    /** The {@code limit} themes of highest betweenness (then by id), bridges or not. */
    private static List<Integer> byBetweenness(DatasetView data, RunOverlay run, int limit) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.themes().size(); i++) {
            if (!Double.isNaN(run.themeBetweenness[i])) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -run.themeBetweenness[i])
                .thenComparing(i -> data.themes().get(i).id()));
        return order.subList(0, Math.min(limit, order.size()));
    }

    /** Bridge themes by betweenness (then id); themes with the highest betweenness when none is a bridge. */
    private static List<Integer> topBridges(DatasetView data, RunOverlay run) {
        List<Integer> order = byBetweenness(data, run, Integer.MAX_VALUE);
        List<Integer> bridges = order.stream().filter(run::themeBridge).toList();
        List<Integer> chosen = bridges.isEmpty() ? order : bridges;
        return chosen.subList(0, Math.min(chosen.size(), BRIDGES_SHOWN));
    }

    // ------------------------------------------------------------ tables

    private List<Map<String, Object>> links(DatasetView data, RunOverlay run) {
        Map<String, String> codes = new HashMap<>();
        data.processes().forEach(p -> codes.put(p.id(), p.code()));
        Map<String, DatasetView.Theme> themes = new HashMap<>();
        data.themes().forEach(t -> themes.put(t.id(), t));
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConvergenceAnalysis.PathResult l : run.result.paths()) {
            String from = l.request().from();
            String to = l.request().to();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", codes.getOrDefault(from, from));
            m.put("to", codes.getOrDefault(to, to));
            List<Map<String, Object>> paths = new ArrayList<>();
            for (ShortestLinks.Link p : l.shortest()) {
                paths.add(path(p, false, codes, themes));
            }
            m.put("paths", paths);
            m.put("none", paths.isEmpty());
            m.put("weighted", l.weighted() == null ? null : path(l.weighted(), true, codes, themes));
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> path(ShortestLinks.Link p, boolean weighted, Map<String, String> codes,
            Map<String, DatasetView.Theme> themes) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int i = 0; i < p.nodes().size(); i++) {
            ShortestLinks.Node n = p.nodes().get(i);
            boolean process = n.side() == Side.PROCESS;
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("process", process);
            node.put("label", process ? codes.getOrDefault(n.id(), n.id())
                    : themes.containsKey(n.id()) ? themes.get(n.id()).name(lang) : n.name());
            node.put("title", n.name());
            node.put("last", i == p.nodes().size() - 1);
            nodes.add(node);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodes", nodes);
        m.put("sentence", sentence(p, weighted, codes, themes));
        return m;
    }

    /**
     * The path in plain language in the report's language, as {@code ShortestLinks} words it in English:
     * "CSM is linked to PPP in 4 steps: CSM (stated purpose) and SOA (action plan) both address “…”; …".
     */
    private String sentence(ShortestLinks.Link p, boolean weighted, Map<String, String> codes,
            Map<String, DatasetView.Theme> themes) {
        if (p.nodes().isEmpty()) {
            return p.sentence();
        }
        String from = codes.getOrDefault(p.nodes().get(0).id(), p.nodes().get(0).id());
        String to = codes.getOrDefault(p.nodes().get(p.nodes().size() - 1).id(), p.nodes().get(p.nodes().size() - 1).id());
        StringBuilder s = new StringBuilder(weighted
                ? format("sentenceCost", from, to, String.format(Locale.forLanguageTag(lang), "%.3f", p.cost()))
                : format(p.hops() == 1 ? "sentenceStep" : "sentenceSteps", from, to, p.hops()));
        for (int i = 0; i < p.steps().size(); i++) {
            ShortestLinks.Step st = p.steps().get(i);
            String theme = themes.containsKey(st.theme()) ? themes.get(st.theme()).name(lang) : st.theme();
            s.append(i == 0 ? "" : "; ").append(format("sentenceBoth", codes.getOrDefault(st.from(), st.from()),
                    relations(st.fromRelations()), codes.getOrDefault(st.to(), st.to()), relations(st.toRelations()),
                    theme));
        }
        return s.append('.').toString();
    }

    private String relations(List<String> relations) {
        return String.join(", ", relations.stream().map(r -> messages.getOrDefault("relation." + r,
                r.toLowerCase(Locale.ROOT).replace('_', ' '))).toList());
    }

    private List<Map<String, Object>> bridges(DatasetView data, RunOverlay run) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i : byBetweenness(data, run, BRIDGES_LISTED)) {
            DatasetView.Theme t = data.themes().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("theme", t.name(lang));
            m.put("betweenness", decimal(run.themeBetweenness[i]));
            m.put("degree", run.themeDegree[i]);
            m.put("cutOff", run.themeDisconnected[i]);
            m.put("bridge", run.themeBridge(i));
            out.add(m);
        }
        return out;
    }

    private void recommendations(DatasetView data, RunOverlay run, Map<String, Object> view) {
        Map<String, DatasetView.Theme> themes = new HashMap<>();
        data.themes().forEach(t -> themes.put(t.id(), t));
        Map<String, String> codes = new HashMap<>();
        data.processes().forEach(p -> codes.put(p.id(), p.code()));
        Map<String, List<Recommendations.Recommendation>> all = run.result.recommendations();
        int with = 0;
        long count = 0;
        for (DatasetView.Process p : data.processes()) {
            List<Recommendations.Recommendation> list = all.get(p.id());
            if (list != null && !list.isEmpty()) {
                with++;
                count += list.size();
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (with <= RECOMMENDATION_PROCESSES) {
            // every process's list, as the recommender ranks it
            for (DatasetView.Process p : data.processes()) {
                List<Recommendations.Recommendation> list = all.get(p.id());
                if (list != null && !list.isEmpty()) {
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (int rank = 1; rank <= list.size(); rank++) {
                        items.add(recommendation(p.code(), list.get(rank - 1), rank, themes, codes));
                    }
                    out.add(Map.of("items", items));
                }
            }
            view.put("recommendationsMore", null);
        } else {
            // too many for one page: the strongest, whoever they are for, and where the rest is
            record Ranked(DatasetView.Process process, Recommendations.Recommendation recommendation, int rank) {
            }
            List<Ranked> ranked = new ArrayList<>();
            for (DatasetView.Process p : data.processes()) {
                List<Recommendations.Recommendation> list = all.getOrDefault(p.id(), List.of());
                for (int rank = 1; rank <= list.size(); rank++) {
                    ranked.add(new Ranked(p, list.get(rank - 1), rank));
                }
            }
            ranked.sort(Comparator.<Ranked>comparingDouble(x -> -x.recommendation().score())
                    .thenComparing(x -> x.process().id()).thenComparingInt(Ranked::rank));
            List<Map<String, Object>> strongest = new ArrayList<>();
            for (Ranked x : ranked.subList(0, Math.min(ranked.size(), RECOMMENDATIONS_LISTED))) {
                strongest.add(recommendation(x.process().code(), x.recommendation(), x.rank(), themes, codes));
            }
            out.add(Map.of("items", strongest));
            view.put("recommendationsMore", format("recommendationsSummary", String.format(locale(), "%,d", with),
                    String.format(locale(), "%,d", count), strongest.size()));
        }
        view.put("recommendations", out);
    }

    private Map<String, Object> recommendation(String process, Recommendations.Recommendation r, int rank,
            Map<String, DatasetView.Theme> themes, Map<String, String> codes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("process", process);
        m.put("rank", rank);
        m.put("theme", themes.containsKey(r.theme()) ? themes.get(r.theme()).name(lang) : r.theme());
        m.put("score", decimal(r.score()));
        m.put("supporters", String.join(", ", r.supporters().stream().map(x -> codes.getOrDefault(x, x)).toList()));
        return m;
    }

    /**
     * One plain sentence for each number the report shows, in the report's language: the pair scores
     * beside the heat map, modularity with the network, betweenness with the bridges, the score with the
     * recommendations.
     */
    private void explanations(RunOverlay run, Map<String, Object> view) {
        List<String> glossary = new ArrayList<>();
        for (String key : List.of("shared", "jaccard", "overlap", "cosine", "dice", "p", "q")) {
            glossary.add(messages.get("explain." + key));
        }
        view.put("glossary", glossary);
        double modularity = run.result.modularity();
        view.put("explainModularity", Double.isNaN(modularity) ? messages.get("explain.modularityNone")
                : format("explain.modularity", decimal(modularity)));
        view.put("explainBetweenness", messages.get("explain.betweenness"));
        String metric = "jaccard";
        try {
            metric = JSON.readTree(run.result.provenance().parameters()).path("metric").asText("jaccard");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // parameters not readable: the default metric
        }
        view.put("explainScore", format("explain.score", messages.getOrDefault("score." + metric, metric)));
    }

    /**
     * The labels that matched no taxonomy theme, each with where it stands in the source and the
     * processes that use it, at most {@link #UNMAPPED_LISTED} of them (the most used first); none when no
     * taxonomy was asked for, since every label is then a theme as written.
     */
    private void unmapped(DatasetView data, Map<String, Object> view) {
        DatasetView.Edges e = data.edges();
        long themes = data.themes().stream().filter(DatasetView.Theme::unmapped).count();
        if ("none".equals(data.provenance().taxonomyVersion())) {
            view.put("unmapped", null);
            view.put("unmappedNone", format("unmappedNoTaxonomy", String.format(locale(), "%,d", data.themes().size())));
            return;
        }
        Map<Integer, Set<String>> labels = new java.util.TreeMap<>();
        Map<Integer, Set<String>> where = new java.util.TreeMap<>();
        Map<Integer, Set<String>> processes = new java.util.TreeMap<>();
        for (int i = 0; i < data.themes().size(); i++) {
            if (data.themes().get(i).unmapped()) {
                labels.put(i, new java.util.LinkedHashSet<>());
                where.put(i, new java.util.LinkedHashSet<>());
                processes.put(i, new TreeSet<>());
            }
        }
        for (int i = 0; i < e.size(); i++) {
            int t = e.theme()[i];
            if (!labels.containsKey(t)) {
                continue;
            }
            processes.get(t).add(data.processes().get(e.process()[i]).code());
            if (e.rawLabels() != null) {
                labels.get(t).addAll(e.rawLabels().get(i));
            }
            if (e.sources() != null) {
                String at = where(e.sources().get(i));
                if (at != null) {
                    where.get(t).add(at);
                }
            }
        }
        List<Integer> order = new ArrayList<>(labels.keySet());
        order.sort(Comparator.<Integer>comparingInt(t -> -processes.get(t).size())
                .thenComparing(t -> data.themes().get(t).id()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int t : order.subList(0, Math.min(order.size(), UNMAPPED_LISTED))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("labels", labels.get(t).isEmpty() ? data.themes().get(t).name() : String.join("; ", labels.get(t)));
            row.put("where", String.join("; ", where.get(t)));
            row.put("processes", String.join(", ", processes.get(t)));
            rows.add(row);
        }
        view.put("unmapped", rows.isEmpty() ? null : Map.of("rows", rows));
        automaticMatches(data, view);
        view.put("unmappedMore", themes > rows.size() ? format("unmappedMore", String.format(locale(), "%,d",
                themes - rows.size())) : null);
        view.put("unmappedNone", messages.get("unmappedNone"));
    }

    /**
     * The labels that matched their theme through a proposal of {@code themes suggest}, not a curated
     * entry: each with its theme, score, evidence, where it stands and the processes using it, so that no
     * one takes an automatic match for a curated theme. At most {@link #UNMAPPED_LISTED}, the best scored
     * first.
     */
    private void automaticMatches(DatasetView data, Map<String, Object> view) {
        DatasetView.Edges e = data.edges();
        if (e.sources() == null) {
            view.put("automatic", null);
            return;
        }
        Map<String, Map<String, Object>> byLabel = new java.util.TreeMap<>();
        Map<String, Set<String>> processesOf = new HashMap<>();
        Map<String, Set<String>> whereOf = new HashMap<>();
        for (int i = 0; i < e.size(); i++) {
            DatasetView.Source src = e.sources().get(i);
            if (!src.proposed()) {
                continue;
            }
            DatasetView.Theme theme = data.themes().get(e.theme()[i]);
            for (String label : e.rawLabels() == null || e.rawLabels().get(i).isEmpty()
                    ? List.of(theme.name()) : e.rawLabels().get(i)) {
                String key = label + "\u0000" + theme.id();
                byLabel.computeIfAbsent(key, k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("label", label);
                    m.put("theme", theme.name(lang));
                    m.put("scoreValue", src.score() == null ? 0.0 : src.score());
                    m.put("score", src.score() == null ? "–" : decimal(src.score()));
                    m.put("evidence", src.evidence() == null ? "" : src.evidence());
                    return m;
                });
                processesOf.computeIfAbsent(key, k -> new TreeSet<>()).add(data.processes().get(e.process()[i]).code());
                String at = where(src);
                if (at != null) {
                    whereOf.computeIfAbsent(key, k -> new java.util.LinkedHashSet<>()).add(at);
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byLabel.forEach((key, m) -> {
            m.put("processes", String.join(", ", processesOf.get(key)));
            m.put("where", String.join("; ", whereOf.getOrDefault(key, Set.of())));
            rows.add(m);
        });
        rows.sort(Comparator.<Map<String, Object>>comparingDouble(m -> -(Double) m.get("scoreValue"))
                .thenComparing(m -> (String) m.get("label")));
        view.put("automatic", rows.isEmpty() ? null : Map.of("rows", rows.subList(0, Math.min(rows.size(),
                UNMAPPED_LISTED)), "count", rows.size()));
    }

    /** @return where a label stands, in the report's language, or null when not known */
    private String where(DatasetView.Source source) {
        if (source.sheet() != null && source.cell() != null) {
            return format("whereSheet", source.sheet(), source.cell());
        }
        if (source.line() != null && source.cell() != null) {
            return format("whereLineCell", String.valueOf(source.line()), source.cell());
        }
        return source.line() == null ? null : format("whereLine", String.valueOf(source.line()));
    }

    private List<Map<String, Object>> provenance(DatasetView data, RunOverlay run, String generatedAt) {
        DatasetView.Provenance p = data.provenance();
        ConvergenceAnalysis.Provenance r = run.result.provenance();
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!p.document().isEmpty()) {
            rows.add(entry("document", String.join(" · ", new ArrayList<>(List.of(
                    p.document().getOrDefault("title", ""), p.document().getOrDefault("preparedBy", ""),
                    p.document().getOrDefault("place", ""), p.document().getOrDefault("dates", ""))).stream()
                    .filter(s -> !s.isBlank()).toList())));
        }
        rows.add(entry("source", p.source() + " (" + p.kind() + ")"));
        rows.add(entry("sha", p.sourceSha256()));
        rows.add(entry("taxonomy", p.taxonomyVersion()));
        rows.add(entry("loaded", time(p.loadedAt())));
        rows.add(entry("run", r.run()));
        rows.add(entry("parameters", parameters(r.parameters())));
        rows.add(entry("pairs", String.format(locale(), "%,d", run.pairs.total)));
        rows.add(entry("fingerprint", r.inputFingerprint()));
        rows.add(entry("engine", r.engineVersion()));
        rows.add(entry("finished", r.finishedAt() == null ? "" : time(r.finishedAt().toString())));
        rows.add(entry("generated", time(generatedAt)));
        return rows;
    }

    private Map<String, Object> entry(String key, String value) {
        return Map.of("key", messages.get(key), "value", value == null ? "" : value);
    }

    // ------------------------------------------------------------ helpers

    private Map<String, String> chartLabels() {
        Map<String, String> l = new LinkedHashMap<>();
        for (String k : List.of("score.jaccard", "score.overlap", "score.cosine", "score.q", "shared", "process", "theme",
                "cluster", "bridge", "pairs", "tooltipShared")) {
            l.put(k.replace("score.", ""), messages.get(k));
        }
        return l;
    }

    String format(String key, Object... args) {
        MessageFormat f = new MessageFormat(messages.get(key), Locale.forLanguageTag(lang));
        return f.format(args);
    }

    /** A score to three decimals, with the language's decimal mark (0.571, 0,571). */
    String decimal(double v) {
        return Double.isNaN(v) ? "–" : String.format(locale(), "%.3f", v);
    }

    String scientific(double v) {
        return v >= 0.001 ? String.format(locale(), "%.3f", v) : String.format(locale(), "%.2e", v);
    }

    private Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    /** A stored time (ISO-8601, any precision, with or without a zone id) as {@code 2026-11-29 06:03:52 UTC}. */
    static String time(String iso) {
        try {
            return java.time.ZonedDateTime.parse(iso).withZoneSameInstant(java.time.ZoneOffset.UTC)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** The run's parameters (canonical JSON) as {@code key: value} items, lists joined by commas. */
    private static String parameters(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(json);
            List<String> items = new ArrayList<>();
            node.fields().forEachRemaining(f -> {
                com.fasterxml.jackson.databind.JsonNode v = f.getValue();
                String text = v.isArray() ? String.join(", ", java.util.stream.StreamSupport.stream(v.spliterator(),
                        false).map(com.fasterxml.jackson.databind.JsonNode::asText).toList()) : v.asText();
                items.add(f.getKey() + ": " + text);
            });
            return String.join(" · ", items);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json;
        }
    }

    static Map<String, String> messages(String lang) {
        Properties p = new Properties();
        try (InputStream in = HtmlReport.class.getResourceAsStream("messages_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Report messages for `" + lang + "` are missing from the class path", e);
        }
        Map<String, String> m = new HashMap<>();
        // labels without arguments are unquoted now ('' is '), those with arguments by format()
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).contains("{0}") ? p.getProperty(k)
                : new MessageFormat(p.getProperty(k), Locale.ROOT).format(new Object[0])));
        return m;
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Report resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String library() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("Apache ECharts (" + ECHARTS + ") is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} escaped as \\u00XX. */
    static String safeJson(Object value) {
        try {
            ObjectMapper m = JSON.copy();
            m.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
            return m.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Report data cannot be written as JSON", e);
        }
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['\''] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
