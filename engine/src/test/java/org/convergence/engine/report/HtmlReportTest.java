package org.convergence.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTML report on hand-built data: its sections, its chart data, escaping and determinism. */
class HtmlReportTest {

    /** Three processes, four themes; p0 and p1 converge (2 shared of 3), p2 shares nothing. */
    static ReportData tiny(String kind, String hostileName) {
        List<ReportData.Process> processes = List.of(
                new ReportData.Process("p0", "P0", "Process zero", 1, Map.of("objectives", "Obj 0"), List.of(), 0, 0, 0.5),
                new ReportData.Process("p1", "P1", "Process one", 2, Map.of(), List.of("Joint <b>thing</b>"), 0, 0, 0.25),
                new ReportData.Process("p2", "P2", "Process two", 3, Map.of(), List.of(), 1, 1, 0.0));
        List<ReportData.Theme> themes = List.of(
                new ReportData.Theme("a", "A", "Alpha", "Alfa", false, 0, 0, 0.1, 2, 0, false),
                new ReportData.Theme("b", "B", "Beta", "Beta", false, 0, 0, 0.6, 2, 1, true),
                new ReportData.Theme("c", hostileName, null, null, true, 0, 1, 0.0, 1, 0, false),
                new ReportData.Theme("d", "D", "Delta", "Delta", false, 1, 1, 0.0, 1, 0, false));
        ReportData.Edges edges = new ReportData.Edges(new int[] {0, 0, 1, 1, 1, 2}, new int[] {0, 1, 0, 1, 2, 3},
                new int[] {0, 1, 0, 1, 0, 0}, List.of("ACTION_PLAN", "CONVERGENCE_AREA"),
                List.of(List.of("alpha"), List.of("beta**"), List.of("Alpha"), List.of("Beta"), List.of(hostileName),
                        List.of("delta")),
                java.util.Arrays.asList(null, "**", null, null, null, null),
                List.of(new ReportData.Source(null, null, 2), new ReportData.Source(null, null, 3),
                        new ReportData.Source(null, null, 4), new ReportData.Source(null, null, 5),
                        new ReportData.Source("Matriz", "C12", null), new ReportData.Source(null, null, 7)));
        ReportData.Pairs pairs = new ReportData.Pairs(true, 1, new int[] {0}, new int[] {1}, new int[] {2},
                new double[] {2d / 3}, new double[] {1}, new double[] {2 / Math.sqrt(6)}, new double[] {0.25},
                new double[] {0.25}, null);
        ReportData.Path path = new ReportData.Path(List.of(new ReportData.PathNode("process", "p0", "Process zero"),
                new ReportData.PathNode("theme", "a", "Alpha"), new ReportData.PathNode("process", "p1", "Process one")),
                List.of(new ReportData.Step("p0", List.of("ACTION_PLAN"), "a", "p1", List.of("ACTION_PLAN"))),
                "p0 is linked to p1 in 2 steps: p0 (action plan) and p1 (action plan) both address \u201cAlpha\u201d.", 2, 2);
        ReportData.Provenance provenance = new ReportData.Provenance("tiny", kind, "tiny.csv", "abc", "2026-11-28",
                "2026-11-29T00:00Z", Map.of(), "run-1", "{\"metric\":\"jaccard\"}", "test", "2026-11-29T00:01Z",
                "fff", 1, List.of(), !kind.equals("csv"), 0.25);
        return new ReportData(provenance, processes, themes, edges, pairs,
                List.of(new ReportData.Link("p0", "p1", List.of(path), null),
                        new ReportData.Link("p0", "p2", List.of(), null)),
                Map.of("p2", List.of(new ReportData.Recommendation("a", 1, 0.5, List.of("p0")))),
                List.of(new ReportData.Footnote("**", "A footnote")), List.of("A note"));
    }

    private static String render(ReportData data, String lang) {
        StringWriter out = new StringWriter();
        new HtmlReport(lang).write(data, "2026-11-29T12:00Z", out);
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
        ReportData small = tiny("csv", "Gamma");
        ReportData.Blocks blocks = new ReportData.Blocks(new int[] {0, 1}, new int[] {2, 1}, new long[] {1, 0, 0, 0},
                new double[] {2d / 3, 0, 0, 0}, new double[] {1, 0, 0, 0}, new double[] {0.8, 0, 0, 0},
                new double[] {0.25, 1, 1, 1});
        ReportData.Pairs summarised = new ReportData.Pairs(false, 1, new int[] {0}, new int[] {1}, new int[] {2},
                new double[] {2d / 3}, new double[] {1}, new double[] {0.8}, new double[] {0.25}, new double[] {0.25},
                blocks);
        ReportData data = new ReportData(small.provenance(), small.processes(), small.themes(), small.edges(),
                summarised, small.links(), small.recommendations(), small.footnotes(), small.notes());
        String page = render(data, "en");
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
        ReportData tiny = tiny("csv", "Gamma");
        ReportData.Provenance p = tiny.provenance();
        ReportData none = new ReportData(new ReportData.Provenance(p.dataset(), p.kind(), p.source(), p.sourceSha256(),
                "none", p.loadedAt(), p.document(), p.run(), p.parameters(), p.engineVersion(), p.finishedAt(),
                p.inputFingerprint(), p.pairCount(), p.relations(), p.matrix(), p.modularity()), tiny.processes(),
                tiny.themes(), tiny.edges(), tiny.pairs(), tiny.links(), tiny.recommendations(), tiny.footnotes(),
                tiny.notes());
        String plain = render(none, "en");
        assertThat(plain.substring(plain.indexOf("<section id=\"unmapped\">"))).contains("No taxonomy was asked for when"
                + " the data set was loaded: every label is a theme as written (4 themes)").doesNotContain("<td>Gamma</td>");
    }

    @Test
    void manyUnmappedLabelsAreSummarisedMostUsedFirst() {
        ReportData tiny = tiny("csv", "Gamma");
        int n = HtmlReport.UNMAPPED_LISTED + 50;
        List<ReportData.Theme> themes = new java.util.ArrayList<>();
        int[] process = new int[n + 2];
        int[] theme = new int[n + 2];
        for (int i = 0; i < n; i++) {
            themes.add(new ReportData.Theme(String.format("t%03d", i), String.format("Label %03d", i), null, null, true,
                    0, 0, Double.NaN, 1, 0, false));
            process[i] = 0;
            theme[i] = i;
        }
        // the last label is used by two processes more: listed first
        process[n] = 1;
        theme[n] = n - 1;
        process[n + 1] = 2;
        theme[n + 1] = n - 1;
        ReportData.Edges edges = new ReportData.Edges(process, theme, new int[n + 2], List.of("LISTED"), null, null, null);
        ReportData many = new ReportData(tiny.provenance(), tiny.processes(), themes, edges,
                new ReportData.Pairs(true, 0, new int[0], new int[0], new int[0], new double[0], new double[0],
                        new double[0], new double[0], new double[0], null), List.of(), Map.of(), List.of(), List.of());
        String page = render(many, "en");
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
