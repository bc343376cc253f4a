package org.convergence.engine.output.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.engine.analysis.BipartiteGraph;
import org.convergence.engine.analysis.HandBuiltSnapshots;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.engine.analysis.TwoModeData;
import org.convergence.engine.dataset.DatasetView;
import org.junit.jupiter.api.Test;

/**
 * The comparison page on {@link HandBuiltSnapshots}, whose changes are listed by hand:
 *
 * <pre>
 *          earlier                later
 *   A      t1 t2 t3               t1 t2 t3 t4      (gains t4)
 *   B      t1 t2 t4               t9 t10           (A–B vanishes; B loses t1 t2 t4)
 *   C      t5 t6                  t5 t6 t1         (A–C appears through t1)
 *   P → Q  t5 t6 t7               t5 t6 t7         (renamed: C–Q is C–P kept)
 *   D      —                      t2 t9            (new: A–D and B–D appear)
 * </pre>
 */
class ComparisonReportTest {

    private static final TwoModeData EARLIER = HandBuiltSnapshots.EARLIER;
    private static final TwoModeData LATER = HandBuiltSnapshots.LATER;

    private static SnapshotComparison.Result comparison() {
        return HandBuiltSnapshots.compared("early", "late");
    }

    /** A CSV data set's view of a graph: theme {@code tN} is named "Theme N" in English, "Tema N" in Spanish. */
    private static DatasetView view(String name, TwoModeData data) {
        BipartiteGraph g = data.graph();
        List<DatasetView.Process> processes = new ArrayList<>();
        for (int a = 0; a < g.processCount(); a++) {
            processes.add(new DatasetView.Process(g.process(a), g.process(a), "Process " + g.process(a), 0, Map.of(),
                    List.of()));
        }
        List<DatasetView.Theme> themes = new ArrayList<>();
        for (int t = 0; t < g.themeCount(); t++) {
            String n = g.theme(t).substring(1);
            themes.add(new DatasetView.Theme(g.theme(t), g.theme(t), "Theme " + n, "Tema " + n, false));
        }
        int[] p = new int[g.edgeCount()];
        int[] th = new int[g.edgeCount()];
        int i = 0;
        for (int a = 0; a < g.processCount(); a++) {
            for (int t : g.themesOf(a)) {
                p[i] = a;
                th[i++] = t;
            }
        }
        DatasetView.Edges edges = new DatasetView.Edges(p, th, new int[p.length], List.of("LISTED"), null, null, null);
        return new DatasetView(new DatasetView.Provenance(name, "csv", name + ".csv", "abc", "t", "2026-12-01T00:00Z",
                Map.of(), false), processes, themes, edges, List.of());
    }

    private static String render(String lang) {
        StringWriter out = new StringWriter();
        new ComparisonReport(lang).write(comparison(), "cmp-0123456789ab",
                new ComparisonReport.Side(view("early", EARLIER), "2002", "run-e"),
                new ComparisonReport.Side(view("late", LATER), "2010", "run-l"), "test", "2026-12-07T12:00Z", out);
        return out.toString();
    }

    private static JsonNode chartData(String page) throws Exception {
        int start = page.indexOf("<script type=\"application/json\" id=\"report-data\">");
        int from = page.indexOf('>', start) + 1;
        return new ObjectMapper().readTree(page.substring(from, page.indexOf("</script>", from)));
    }

    /** The marks of one process's row of the change table, by theme column. */
    private static List<String> marks(String page, String process) {
        Matcher row = Pattern.compile("<tr><th scope=\"row\">" + process + "</th>(.*?)</tr>").matcher(page);
        assertThat(row.find()).as("row of %s", process).isTrue();
        Matcher cell = Pattern.compile("<td(?: class=\"(\\w+)\"[^>]*)?>([^<]*)</td>").matcher(row.group(1));
        List<String> out = new ArrayList<>();
        while (cell.find()) {
            out.add(cell.group(1) == null ? "" : cell.group(1) + " " + cell.group(2));
        }
        return out;
    }

    @Test
    void theChangeTableMarksEachThemeNewKeptOrDroppedPerProcess() {
        String page = render("en");
        // the themes that changed for some process, by name: 1, 10, 2, 4, 9 (t3, t5, t6, t7 changed for none)
        Matcher head = Pattern.compile("<th scope=\"col\" class=\"vertical\"><span>([^<]+)</span>").matcher(page);
        List<String> themes = new ArrayList<>();
        while (head.find()) {
            themes.add(head.group(1));
        }
        assertThat(themes).containsExactly("Theme 1", "Theme 10", "Theme 2", "Theme 4", "Theme 9");
        assertThat(marks(page, "A")).containsExactly("kept ●", "", "kept ●", "new +", "");
        assertThat(marks(page, "B")).containsExactly("dropped −", "new +", "dropped −", "dropped −", "new +");
        assertThat(marks(page, "C")).containsExactly("new +", "", "", "", "");
        // Q (was P) changed nothing and D is new: neither has a row
        assertThat(page).doesNotContain("<th scope=\"row\">Q</th>").doesNotContain("<th scope=\"row\">D</th>");
    }

    @Test
    void theSummaryPairsFlowsLinksAndRecommendations() throws Exception {
        String page = render("en");
        assertThat(page).contains("<title>What changed · Data set early (2002) compared with data set late (2010)</title>")
                .contains("4 in both; added: D; removed: none")
                .contains("P → Q (renamed)")
                .contains("3 appeared, 1 vanished, 1 kept")
                .contains("Theme 10, Theme 9") // no process addressed them before
                .contains("cmp-0123456789ab").contains("run-e").contains("run-l").contains("2026-12-07 12:00:00 UTC");
        // every pair that converges in either snapshot, the largest change first: A–B 2/4 → 0, B–D 0 → 1/3,
        // A–D 0 → 1/5, A–C 0 → 1/6, C–Q 2/3 → 2/4 (a change of 1/6 too, a rounding smaller)
        JsonNode slope = chartData(page).get("slope");
        assertThat(slope).hasSize(5);
        assertThat(slope.get(0).get("pair").asText()).isEqualTo("A – B");
        assertThat(slope.get(0).get("status").asText()).isEqualTo("VANISHED");
        assertThat(slope.get(0).get("before").asDouble()).isEqualTo(2d / 4);
        assertThat(slope.get(0).get("after").asDouble()).isZero();
        assertThat(slope.get(1).get("pair").asText()).isEqualTo("B – D");
        assertThat(slope.get(1).get("after").asDouble()).isEqualTo(1d / 3);
        assertThat(slope.get(4).get("pair").asText()).isEqualTo("C – Q");
        assertThat(slope.get(4).get("before").asDouble()).isEqualTo(2d / 3); // C {t5 t6}, P {t5 t6 t7}
        assertThat(slope.get(4).get("after").asDouble()).isEqualTo(2d / 4); // C {t1 t5 t6}, Q {t5 t6 t7}
        assertThat(page).contains("<tr class=\"vanished\"><td>A – B</td><td>vanished</td><td>2 → 0</td>"
                + "<td>0.500 → 0.000</td><td>−0.500</td>");
        // the link A → Q: none then (A's themes reach B only), A –t1– C –t5– Q now
        assertThat(page).contains("<h3>A → Q: linked now, not then</h3>").contains("A and P are not linked.")
                .containsPattern("Now · 4 steps</p><ol class=\"chain\"><li class=\"process\" title=\"Process A\">A</li>"
                        + "<li class=\"theme\" title=\"t1\">Theme 1</li><li class=\"process\" title=\"Process C\">C</li>"
                        + "<li class=\"theme\" title=\"t[56]\">Theme [56]</li><li class=\"process\" title=\"Process Q\">Q</li>");
        // the Sankey's bands carry every process in both snapshots once
        JsonNode links = chartData(page).at("/sankey/links");
        int processes = 0;
        for (JsonNode l : links) {
            processes += l.get("value").asInt();
        }
        assertThat(processes).isEqualTo(comparison().clusterFlows().orElseThrow().processes());
        // recommendations: the taken-up ones first, each row saying so
        List<SnapshotComparison.Recommended> recommended = comparison().recommendationsTakenUp();
        long taken = recommended.stream().filter(SnapshotComparison.Recommended::takenUp).count();
        assertThat(page).contains("Of the " + recommended.size() + " themes the earlier snapshot recommended to a process"
                + " still present, " + taken + " are addressed by it now");
    }

    @Test
    void inSpanishWithTheSpanishThemeNamesAndDecimalComma() throws Exception {
        String page = render("es");
        assertThat(page).contains("<html lang=\"es\">").contains("<h1>Qué cambió</h1>")
                .contains("<span>Tema 10</span>").contains("0,500 → 0,000")
                .contains("3 aparecieron, 1 desaparecieron, 1 se mantuvieron");
        assertThat(chartData(page).get("decimalMark").asText()).isEqualTo(",");
    }

    @Test
    void theSamePageTwiceAndNothingRawOnIt() {
        String page = render("en");
        assertThat(render("en")).isEqualTo(page);
        // every label is filled in: no Mustache tag, no message key, no unformatted argument (outside the scripts)
        assertThat(page.replaceAll("(?s)<script[^>]*>.*?</script>", "")).doesNotContainPattern("\\{\\{|\\}\\}").doesNotContainPattern(">cmp[._]")
                .doesNotContainPattern("\\{\\d\\}");
    }

    @Test
    void everyComparisonLabelIsInBothLanguages() throws Exception {
        Properties en = new Properties();
        Properties es = new Properties();
        en.load(new java.io.InputStreamReader(HtmlReport.class.getResourceAsStream("messages_en.properties"),
                java.nio.charset.StandardCharsets.UTF_8));
        es.load(new java.io.InputStreamReader(HtmlReport.class.getResourceAsStream("messages_es.properties"),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(es.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(en.stringPropertyNames().stream().filter(k -> k.startsWith("cmp.")).count()).isGreaterThan(50);
    }
}
