package org.convergence.engine.output.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.convergence.engine.analysis.Centrality;
import org.convergence.engine.analysis.ClusterKind;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.ListedPairs;
import org.convergence.engine.analysis.Recommendations;
import org.convergence.engine.analysis.ShortestLinks;
import org.convergence.engine.analysis.Side;
import org.convergence.engine.dataset.DatasetView;
import org.junit.jupiter.api.Test;

/** The HTML report on hand-built data: its sections, its chart data, escaping and determinism. */
class HtmlReportTest {

    /** A data set and a run of it, as a report takes them. */
    record Tiny(DatasetView data, ConvergenceAnalysis.Result result) {
    }

    private static ShortestLinks.Node node(Side side, String id, String name) {
        return new ShortestLinks.Node(side, id, name);
    }

    /** The tiny run's result with other pairs and recommendations. */
    static ConvergenceAnalysis.Result result(List<ListedPairs.Row> pairs, List<ConvergenceAnalysis.PathResult> links,
            Map<String, List<Recommendations.Recommendation>> recommendations) {
        List<ConvergenceAnalysis.ClusterSet> clusters = List.of(
                new ConvergenceAnalysis.ClusterSet(ClusterKind.CO, List.of(
                        new ConvergenceAnalysis.Cluster(0, List.of("p0", "p1"), List.of("a", "b", "c")),
                        new ConvergenceAnalysis.Cluster(1, List.of("p2"), List.of("d"))), 0.25),
                new ConvergenceAnalysis.ClusterSet(ClusterKind.PROCESS, List.of(
                        new ConvergenceAnalysis.Cluster(0, List.of("p0", "p1"), List.of()),
                        new ConvergenceAnalysis.Cluster(1, List.of("p2"), List.of())), 0.1),
                new ConvergenceAnalysis.ClusterSet(ClusterKind.THEME, List.of(
                        new ConvergenceAnalysis.Cluster(0, List.of(), List.of("a", "b")),
                        new ConvergenceAnalysis.Cluster(1, List.of(), List.of("c", "d"))), 0.1));
        Centrality.Result centrality = new Centrality.Result(
                List.of(new Centrality.Score(Side.THEME, "b", "B", 0.6, 6, 2, 1),
                        new Centrality.Score(Side.THEME, "a", "A", 0.1, 1, 2, 0),
                        new Centrality.Score(Side.THEME, "c", "C", 0.0, 0, 1, 0),
                        new Centrality.Score(Side.THEME, "d", "D", 0.0, 0, 1, 0)),
                List.of(new Centrality.Score(Side.PROCESS, "p0", "Process zero", 0.5, 5, 2, 0),
                        new Centrality.Score(Side.PROCESS, "p1", "Process one", 0.25, 2.5, 3, 0),
                        new Centrality.Score(Side.PROCESS, "p2", "Process two", 0.0, 0, 1, 0)), 7, 7);
        ConvergenceAnalysis.Provenance provenance = new ConvergenceAnalysis.Provenance("tiny", "run-1",
                "{\"metric\":\"jaccard\"}", "test", "fff", java.time.ZonedDateTime.parse("2026-11-29T00:01Z"),
                List.of(), 3, 4, 6, 6, false);
        return new ConvergenceAnalysis.Result(provenance, new ListedPairs(pairs, 3, false), clusters, links, centrality,
                recommendations, Map.of(), List.of("A note"), Map.of());
    }

    /** Three processes, four themes; p0 and p1 converge (2 shared of 3), p2 shares nothing. */
    static Tiny tiny(String kind, String hostileName) {
        List<DatasetView.Process> processes = List.of(
                new DatasetView.Process("p0", "P0", "Process zero", 1, Map.of("objectives", "Obj 0"), List.of()),
                new DatasetView.Process("p1", "P1", "Process one", 2, Map.of(), List.of("Joint <b>thing</b>")),
                new DatasetView.Process("p2", "P2", "Process two", 3, Map.of(), List.of()));
        List<DatasetView.Theme> themes = List.of(
                new DatasetView.Theme("a", "A", "Alpha", "Alfa", false),
                new DatasetView.Theme("b", "B", "Beta", "Beta", false),
                new DatasetView.Theme("c", hostileName, null, null, true),
                new DatasetView.Theme("d", "D", "Delta", "Delta", false));
        DatasetView.Edges edges = new DatasetView.Edges(new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 1, 0, 1, 2, 3},
                new int[] {0, 1, 0, 1, 0, 0}, List.of("ACTION_PLAN", "CONVERGENCE_AREA"),
                List.of(List.of("alpha"), List.of("beta**"), List.of("Alpha"), List.of("Beta"), List.of(hostileName),
                        List.of("delta")),
                java.util.Arrays.asList(null, "**", null, null, null, null),
                List.of(new DatasetView.Source(null, null, 2), new DatasetView.Source(null, null, 3),
                        new DatasetView.Source(null, null, 4), new DatasetView.Source(null, null, 5),
                        new DatasetView.Source("Matriz", "C12", null), new DatasetView.Source(null, null, 7)));
        DatasetView.Provenance provenance = new DatasetView.Provenance("tiny", kind, "tiny.csv", "abc", "2026-11-28",
                "2026-11-29T00:00Z", Map.of(), !kind.equals("csv"));
        DatasetView data = new DatasetView(provenance, processes, themes, edges,
                List.of(new DatasetView.Footnote("**", "A footnote")));
        ShortestLinks.Link path = new ShortestLinks.Link(2, List.of(node(Side.PROCESS, "p0", "Process zero"),
                node(Side.THEME, "a", "Alpha"), node(Side.PROCESS, "p1", "Process one")),
                List.of(new ShortestLinks.Step("p0", List.of("ACTION_PLAN"), "a", "Alpha", "p1", List.of("ACTION_PLAN"))),
                2, "p0 is linked to p1 in 2 steps: p0 (action plan) and p1 (action plan) both address \u201cAlpha\u201d.");
        List<ConvergenceAnalysis.PathResult> links = List.of(
                new ConvergenceAnalysis.PathResult(new ConvergenceAnalysis.PathRequest("p0", "p1", 3), List.of(path), null),
                new ConvergenceAnalysis.PathResult(new ConvergenceAnalysis.PathRequest("p0", "p2", 3), List.of(), null));
        Map<String, List<Recommendations.Recommendation>> recommendations = Map.of("p2",
                List.of(new Recommendations.Recommendation("p2", "a", "Alpha", 0.5, List.of("p0"))));
        return new Tiny(data, result(List.of(pair()), links, recommendations));
    }

    /** p0 and p1: 2 shared of 3. */
    private static ListedPairs.Row pair() {
        return new ListedPairs.Row("p0", "p1", Map.of("shared", 2L, "jaccard", 2d / 3, "overlap", 1.0,
                "cosine", 2 / Math.sqrt(6), "pValue", 0.25, "qValue", 0.25));
    }

    private static String render(Tiny tiny, String lang) {
        return render(tiny.data(), tiny.result(), lang, PairSummary.GRID_LIMIT);
    }

    private static String render(DatasetView data, ConvergenceAnalysis.Result result, String lang, int gridLimit) {
        StringWriter out = new StringWriter();
        new HtmlReport(lang).write(data, result, "2026-11-29T12:00Z", out, gridLimit);
        return out.toString();
    }

    private static JsonNode chartData(String page) throws Exception {
        int start = page.indexOf("<script type=\"application/json\" id=\"report-data\">");
        int from = page.indexOf('>', start) + 1;
        return new ObjectMapper().readTree(page.substring(from, page.indexOf("</script>", from)));
    }

    @Test
    void everySectionOfACsvDataSet() throws Exception {
        String page = render(tiny("csv", "Gamma"), "en");
        assertThat(page).contains("<html lang=\"en\">").contains("id=\"incidence\"").doesNotContain("id=\"matrix\"")
                .doesNotContain("Strongest pairs") // the table of strongest pairs only when summarised
                .contains("P0 is linked to P1 in 2 steps: P0 (action plan) and P1 (action plan) both address “Alpha”.")
                .contains("No path: the two processes are not connected through any theme.")
                .contains("Beta ◆").contains("<td>P2</td><td>1</td><td>Alpha</td><td>0.500</td><td>P0</td>")
                .contains("Gamma") // the unmapped label
                .contains("A note").contains("run-1").contains("2026-11-29 12:00:00 UTC").contains("metric: jaccard");
        JsonNode data = chartData(page);
        // every ordered pair of distinct processes is a cell: 3 × 2
        assertThat(data.at("/heat/cells")).hasSize(6);
        JsonNode p0p1 = data.at("/heat/cells/0");
        assertThat(p0p1.get(2).asInt()).isEqualTo(2);
        assertThat(p0p1.get(3).asDouble()).isEqualTo(2d / 3);
        JsonNode p0p2 = data.at("/heat/cells/1");
        assertThat(p0p2.get(3).asDouble()).isZero();
        assertThat(p0p2.get(7).asDouble()).isEqualTo(1.0);
        // processes ordered by cluster: P0, P1 (cluster 0) before P2 (cluster 1)
        assertThat(data.at("/heat/codes").toString()).isEqualTo("[\"P0\",\"P1\",\"P2\"]");
        assertThat(data.at("/network/nodes")).hasSize(7);
        assertThat(data.at("/network/links")).hasSize(6);
        assertThat(data.at("/network/nodes/4/bridge").asBoolean()).isTrue();
    }

    @Test
    void aMatrixDocumentIsLaidOutAsTheDocumentWithSharedThemesMarked() {
        String page = render(tiny("seed-matrix", "Gamma"), "es");
        assertThat(page).contains("<html lang=\"es\">").contains("id=\"matrix\"").doesNotContain("id=\"incidence\"")
                .contains("<th scope=\"row\">Plan de acción</th>")
                .contains("title=\"Alfa\">alpha <span class=\"shared\" title=\"también P1\">P1</span>")
                .contains("Joint &lt;b&gt;thing&lt;/b&gt;")
                .contains("<dt>**</dt><dd>A footnote</dd>")
                .contains("P0 se vincula con P1 en 2 pasos: P0 (plan de acción) y P1 (plan de acción) tratan «Alfa».");
        // the run's notes once, in their section: never in the matrix's text cells, which have none
        assertThat(page).doesNotContain("{items=");
        assertThat(page.split("A note", -1)).hasSize(2);
    }

    @Test
    void textCannotBreakOutOfThePageOrItsData() throws Exception {
        String hostile = "</script><script>alert(1)</script>&'\"";
        String page = render(tiny("csv", hostile), "en");
        assertThat(page).doesNotContain("<script>alert(1)");
        assertThat(chartData(page).at("/network/nodes/5/name").asText()).isEqualTo(hostile);
    }

    @Test
    void theSameDataGivesTheSamePage() {
        assertThat(render(tiny("csv", "Gamma"), "en")).isEqualTo(render(tiny("csv", "Gamma"), "en"));
    }

    @Test
    void largeRunsAreSummarisedByCluster() throws Exception {
        Tiny small = tiny("csv", "Gamma");
        // drawn as if above the grid's limit: blocks of the process clusters {p0, p1} and {p2}, and the strongest
        String page = render(small.data(), small.result(), "en", 2);
        JsonNode cells = chartData(page).at("/heat/cells");
        assertThat(cells).hasSize(4);
        // cluster 0 with itself: one converging pair of C(2,2) = 1, mean Jaccard 2/3
        assertThat(cells.get(0).get(2).asInt()).isEqualTo(1);
        assertThat(cells.get(0).get(3).asDouble()).isEqualTo(2d / 3);
        assertThat(page).contains("Strongest pairs").contains("<td>P0 – P1</td><td>2</td><td>0.667</td>");
    }

    @Test
    void everyNumberIsExplainedInOneSentenceInBothLanguagesAndTheTooltipNamesTheSharedThemes() throws Exception {
        String en = render(tiny("csv", "Gamma"), "en");
        assertThat(en).contains("How to read the numbers")
                .contains("Jaccard: the shared themes as a share of all the themes either process addresses")
                .contains("q: p corrected for testing many pairs at once (Benjamini–Hochberg)")
                .contains("Dice: twice the shared themes").contains("1 when all of one process&#39;s themes are among")
                .contains("Modularity 0.250: how much more the members of each cluster are linked")
                .contains("Betweenness: the share of the shortest chains between pairs of processes")
                .contains("Score: the sum of the similarities (Jaccard) to the process of its most similar processes");
        String es = render(tiny("csv", "Gamma"), "es");
        assertThat(es).contains("Cómo leer las cifras").contains("Modularidad 0,250: cuánto más se vinculan")
                .contains("Puntuación: la suma de las similitudes (Jaccard)");
        // P0 and P1 share Alpha and Beta: the pair's tooltip lists them by name
        JsonNode heat = chartData(en).at("/heat");
        assertThat(heat.at("/shared/0:1")).hasSize(2);
        List<String> shared = new java.util.ArrayList<>();
        heat.at("/shared/0:1").forEach(i -> shared.add(heat.at("/themes/" + i.asInt()).asText()));
        assertThat(shared).containsExactly("Alpha", "Beta");
        assertThat(chartData(es).at("/labels/tooltipShared").asText()).isEqualTo("Temas compartidos");
        // the nodes on the requested P0–P1 link keep their labels in any picture
        JsonNode nodes = chartData(en).at("/network/nodes");
        List<String> onPath = new java.util.ArrayList<>();
        nodes.forEach(n -> {
            if (n.get("path").asBoolean()) {
                onPath.add(n.get("id").asText());
            }
        });
        assertThat(onPath).containsExactlyInAnyOrder("P0", "P1", "a");
    }

    @Test
    void unmappedLabelsAreListedOnceWithWhereTheyStandAndWhoUsesThem() {
        String page = render(tiny("seed-matrix", "Gamma"), "en");
        String section = page.substring(page.indexOf("<section id=\"unmapped\">"), page.indexOf("<section id=\"provenance\">"));
        assertThat(section).contains("<th>Label</th><th>Where in the source</th><th>Processes</th>")
                .contains("<tr><td>Gamma</td><td>sheet Matriz, cell C12</td><td>P1</td></tr>");
        // with no taxonomy asked for, no label is "unmapped": nothing listed, and said why
        Tiny tiny = tiny("csv", "Gamma");
        DatasetView d = tiny.data();
        DatasetView.Provenance p = d.provenance();
        DatasetView none = new DatasetView(new DatasetView.Provenance(p.dataset(), p.kind(), p.source(), p.sourceSha256(),
                "none", p.loadedAt(), p.document(), p.matrix()), d.processes(), d.themes(), d.edges(), d.footnotes());
        String plain = render(none, tiny.result(), "en", PairSummary.GRID_LIMIT);
        assertThat(plain.substring(plain.indexOf("<section id=\"unmapped\">"))).contains("No taxonomy was asked for when"
                + " the data set was loaded: every label is a theme as written (4 themes)").doesNotContain("<td>Gamma</td>");
    }

    @Test
    void manyUnmappedLabelsAreSummarisedMostUsedFirst() {
        Tiny tiny = tiny("csv", "Gamma");
        int n = HtmlReport.UNMAPPED_LISTED + 50;
        List<DatasetView.Theme> themes = new java.util.ArrayList<>();
        int[] process = new int[n + 2];
        int[] theme = new int[n + 2];
        for (int i = 0; i < n; i++) {
            themes.add(new DatasetView.Theme(String.format("t%03d", i), String.format("Label %03d", i), null, null, true));
            process[i] = 0;
            theme[i] = i;
        }
        // the last label is used by two processes more: listed first
        process[n] = 1;
        theme[n] = n - 1;
        process[n + 1] = 2;
        theme[n + 1] = n - 1;
        DatasetView.Edges edges = new DatasetView.Edges(process, theme, new int[n + 2], List.of("LISTED"), null, null, null);
        DatasetView many = new DatasetView(tiny.data().provenance(), tiny.data().processes(), themes, edges, List.of());
        String page = render(many, result(List.of(), List.of(), Map.of()), "en", PairSummary.GRID_LIMIT);
        String section = page.substring(page.indexOf("<section id=\"unmapped\">"), page.indexOf("<section id=\"provenance\">"));
        assertThat(section.split("<tr><td>", -1)).hasSize(HtmlReport.UNMAPPED_LISTED + 1);
        assertThat(section.indexOf("<tr><td>Label 249</td><td></td><td>P0, P1, P2</td></tr>"))
                .isLessThan(section.indexOf("<tr><td>Label 000</td>"));
        assertThat(section).contains("… and 50 more labels, used by fewer processes");
    }

    @Test
    void onlyEnglishAndSpanish() {
        assertThatThrownBy(() -> new HtmlReport("fr")).hasMessageContaining("`lang` was `fr`, but must be one of en, es");
    }
}
