package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The comparison page ({@code report --compare}) of the seed and the hand-written 2022 matrix, rendered by
 * headless Chromium from {@code file://}: what a planner sees. Pages and screenshots stay under {@code
 * target/browser/}.
 */
class ComparisonBrowserIT {

    @TempDir
    static Path store;

    private static ChromeDriver browser;

    private static CliRun run(String... args) {
        return CliRun.of(store, args);
    }

    @BeforeAll
    static void pages() throws Exception {
        Chromium.assumeInstalled();
        Files.createDirectories(ReportBrowserIT.ARTEFACTS);
        Path later = Path.of(ComparisonBrowserIT.class.getResource("/snapshots/matriz-americas-2022.csv").toURI());
        Path map = Path.of(ComparisonBrowserIT.class.getResource("/snapshots/process-map.csv").toURI());
        assertThat(run("load", "--seed").exit()).isZero();
        assertThat(run("load", "--matrix", later.toString(), "--dataset", "americas-2022", "--series", "americas",
                "--period", "2022").exit()).isZero();
        CliRun compare = run("compare", "seed", "americas-2022", "--process-map", map.toString(), "--path", "CSM:PM");
        assertThat(compare.exit()).as(compare.err()).isZero();
        for (String lang : List.of("en", "es")) {
            CliRun page = run("report", "--compare", "seed", "americas-2022", "--lang", lang, "--out",
                    ReportBrowserIT.ARTEFACTS.resolve("compare-" + lang + ".html").toString());
            assertThat(page.exit()).as(page.err()).isZero();
        }
        browser = Chromium.start(1400, 5600);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            Chromium.quit(browser);
        }
    }

    private static void open(String file) {
        browser.get(ReportBrowserIT.ARTEFACTS.resolve(file).toAbsolutePath().toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> "true".equals(
                b.findElement(By.tagName("body")).getAttribute("data-rendered")));
    }

    private static Object js(String script, Object... args) {
        return browser.executeScript(script, args);
    }

    /** WCAG 2 contrast of an element's text colour against the page's background. */
    private static double contrast(WebElement e) {
        return ((Number) browser.executeScript("""
                function rgb(s) { return s.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number); }
                function lum(c) {
                  var v = c.map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
                  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
                }
                var fg = lum(rgb(getComputedStyle(arguments[0]).color));
                var bg = lum(rgb(getComputedStyle(document.body).backgroundColor));
                return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
                """, e)).doubleValue();
    }

    @Test
    void theComparisonPageShowsEveryChangeWithNothingFetchedAndNoErrors() throws Exception {
        Chromium.requests(browser);
        open("compare-en.html");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("What changed");
        assertThat(browser.findElement(By.cssSelector("header .subtitle")).getText())
                .isEqualTo("Data set seed (2002) compared with data set americas-2022 (2022)");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("PPP → PM (succeeded by Proyecto"
                + " Mesoamérica in 2008)").contains("4 in both; added: none; removed: none");

        // the 2022 matrix as its document lays it out, with PM where PPP was, each theme marked
        assertThat(browser.findElements(By.cssSelector("table.matrix thead th[data-process]"))).extracting(
                WebElement::getText).extracting(t -> t.split("\n")[0]).containsExactly("CRM", "SOA", "PM", "CSM");
        List<WebElement> added = browser.findElements(By.cssSelector("table.matrix li[data-status=new]"));
        List<WebElement> kept = browser.findElements(By.cssSelector("table.matrix li[data-status=kept]"));
        List<WebElement> dropped = browser.findElements(By.cssSelector("tr[data-row=DROPPED] li[data-status=dropped]"));
        assertThat(added).isNotEmpty();
        assertThat(kept).isNotEmpty();
        assertThat(dropped).isNotEmpty();
        // a planner tells them apart without colour too: a mark before each, a line through the dropped ones
        assertThat((String) js("return getComputedStyle(arguments[0], '::before').content",
                added.get(0).findElement(By.cssSelector(".mark")))).isEqualTo("\"+\"");
        assertThat((String) js("return getComputedStyle(arguments[0]).textDecorationLine", dropped.get(0)))
                .isEqualTo("line-through");
        for (WebElement e : List.of(added.get(0), kept.get(0), dropped.get(0))) {
            assertThat(contrast(e)).as("contrast of %s", e.getText()).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(browser.findElement(By.cssSelector("tr[data-row=DROPPED]")).getText())
                .contains("Migration statistics information systems").contains("was PPP in the earlier snapshot");

        // the slope chart: one line per pair that converges in either snapshot (5), drawn as SVG
        assertThat(((Number) js("return window.convergenceCharts.slope.getOption().series.length")).intValue())
                .isEqualTo(5);
        assertThat(browser.findElements(By.cssSelector("#slope svg text")).stream().map(WebElement::getText).toList())
                .anyMatch(t -> t.startsWith("CRM – SOA 0.500")).contains("2002", "2022");
        assertThat(browser.findElement(By.cssSelector("table.pairs")).getText()).contains("CRM – SOA kept 8 → 8 0.571 → 0.500");

        // the Sankey: the clusters of 2002 on the left, of 2022 on the right, bands carrying all four processes
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bands = (List<Map<String, Object>>) js(
                "return window.convergenceCharts.sankey.getOption().series[0].links");
        assertThat(bands.stream().mapToInt(b -> ((Number) b.get("value")).intValue()).sum()).isEqualTo(4);
        assertThat(browser.findElements(By.cssSelector("#sankey svg text")).stream().map(WebElement::getText).toList())
                .anyMatch(t -> t.startsWith("2002 · C")).anyMatch(t -> t.startsWith("2022 · C"));
        assertThat(browser.findElement(By.id("flows")).getText()).contains("Adjusted Rand index 1.000");

        // the CSM–PM link then (through PPP) and now, side by side, each a chain from CSM to the successor
        WebElement link = browser.findElement(By.cssSelector(".link[data-from=CSM][data-to=PM]"));
        List<WebElement> then = link.findElements(By.cssSelector("figure.then ol.chain li"));
        List<WebElement> now = link.findElements(By.cssSelector("figure.now ol.chain li"));
        assertThat(then.get(0).getText()).isEqualTo("CSM");
        assertThat(then.get(then.size() - 1).getText()).isEqualTo("PPP");
        assertThat(now.get(0).getText()).isEqualTo("CSM");
        assertThat(now.get(now.size() - 1).getText()).isEqualTo("PM");
        assertThat(then).hasSize(5);
        assertThat(now).hasSize(5);
        org.openqa.selenium.Rectangle left = link.findElement(By.cssSelector("figure.then")).getRect();
        org.openqa.selenium.Rectangle right = link.findElement(By.cssSelector("figure.now")).getRect();
        assertThat(right.getX()).isGreaterThan(left.getX() + left.getWidth() - 1); // beside, not below
        assertThat(right.getY()).isEqualTo(left.getY());

        assertThat(browser.findElement(By.id("recommendations")).getText()).contains("3 are addressed by it now");
        assertThat(browser.findElement(By.id("provenance")).getText()).containsPattern("cmp-[0-9a-f]{12}");
        // nothing raw on screen: no template tag, message key or unfilled argument
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).doesNotContain("{{").doesNotContainPattern("\\bcmp\\.").doesNotContainPattern("\\{\\d\\}")
                .doesNotContain("NaN").doesNotContain("null");
        assertThat(Chromium.consoleErrors(browser)).isEmpty();
        assertThat(Chromium.requests(browser)).isNotEmpty()
                .allSatisfy(url -> assertThat(url).matches("(file|data|about):.*"));
        Chromium.screenshot(browser, ReportBrowserIT.ARTEFACTS.resolve("compare-en.png"));
    }

    @Test
    void inSpanishAndLegibleWhenTheSystemPrefersDark() throws Exception {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            open("compare-es.html");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Qué cambió");
            assertThat(browser.findElement(By.cssSelector("tr[data-row=DROPPED] th")).getText())
                    .isEqualTo("Temas abandonados desde la instantánea anterior");
            assertThat(browser.findElement(By.cssSelector("table.pairs")).getText())
                    .contains("CRM – SOA se mantuvo 8 → 8 0,571 → 0,500");
            assertThat(browser.findElement(By.cssSelector(".link[data-from=CSM][data-to=PM] h3")).getText())
                    .startsWith("CSM → PM: ");
            for (String css : List.of("h1", "h2", "#summary td", "table.matrix li[data-status=new]",
                    "tr[data-row=DROPPED] li[data-status=dropped]", "table.pairs td", "#flows .intro")) {
                WebElement e = browser.findElement(By.cssSelector(css));
                assertThat(contrast(e)).as("contrast of %s", css).isGreaterThanOrEqualTo(4.5);
            }
            assertThat(Chromium.consoleErrors(browser)).isEmpty();
            Chromium.screenshot(browser, ReportBrowserIT.ARTEFACTS.resolve("compare-es-dark-preference.png"));
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }
}
