package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * The HTML report of the seed, rendered by headless Chromium from {@code file://}: what a planner sees.
 * HtmlReports and screenshots stay under {@code target/browser/} as build artefacts.
 */
class ReportBrowserIT {

    /** Under the module's {@code target/}; the tests run in a working folder of their own (see the pom). */
    static final Path ARTEFACTS = Path.of(System.getProperty("basedir", "."), "target", "browser");

    @TempDir
    static Path store;

    private static ChromeDriver browser;

    @BeforeAll
    static void reports() throws Exception {
        Chromium.assumeInstalled();
        Files.createDirectories(ARTEFACTS);
        assertThat(cli("run")).isZero();
        assertThat(cli("report", "--out", ARTEFACTS.resolve("seed-en.html").toString())).isZero();
        assertThat(cli("report", "--lang", "es", "--out", ARTEFACTS.resolve("seed-es.html").toString())).isZero();
        browser = Chromium.start(1400, 6400);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            Chromium.quit(browser);
        }
    }

    private static int cli(String... args) {
        CommandLine cli = ConvergenceCli.newCommandLine(Map.of("CONVERGENCE_DATA_DIR", store.toString()));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        if (exit != 0) {
            System.err.println(err);
        }
        return exit;
    }

    private static void open(String file) {
        browser.get(ARTEFACTS.resolve(file).toAbsolutePath().toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> "true".equals(
                b.findElement(By.tagName("body")).getAttribute("data-rendered")));
    }

    private Object js(String script) {
        return browser.executeScript(script);
    }

    @Test
    void theSeedReportRendersEverySectionWithNothingFetchedAndNoErrors() throws Exception {
        Chromium.requests(browser); // forget what came before
        open("seed-en.html");
        // the matrix as the document lays it out: 4 process columns, 8 rows, shared themes marked
        List<WebElement> columns = browser.findElements(By.cssSelector("table.matrix thead th[data-process]"));
        assertThat(columns).extracting(WebElement::getText).extracting(t -> t.split("\n")[0])
                .containsExactly("CRM", "SOA", "PPP", "CSM");
        assertThat(browser.findElements(By.cssSelector("table.matrix tbody tr"))).hasSize(8);
        assertThat(browser.findElement(By.cssSelector("tr[data-row=CONVERGENCE_AREA]")).getText())
                .contains("Remesas").contains("Sistemas de Información Estadística Migratoria (SIEMCA)");
        assertThat(browser.findElements(By.cssSelector("tr[data-row=CONVERGENCE_AREA] .shared"))).isNotEmpty();

        // heat map: a cell for every ordered pair of the 4 processes, drawn as SVG, CRM–SOA's Jaccard 8/14
        assertThat(((Number) js("return window.convergenceCharts.heatmap.getModel().getSeriesByIndex(0).getData()"
                + ".count()")).intValue()).isEqualTo(12);
        List<String> cellLabels = browser.findElements(By.cssSelector("#heatmap svg text")).stream()
                .map(WebElement::getText).toList();
        assertThat(cellLabels).filteredOn("0.571"::equals).hasSize(2);
        new Select(browser.findElement(By.id("score"))).selectByValue("q");
        assertThat(js("return window.convergenceCharts.heatmap.getOption().series[0].name")).isEqualTo("q");
        assertThat(browser.findElements(By.cssSelector("#heatmap svg text")).stream().map(WebElement::getText).toList())
                .filteredOn("0.100"::equals).hasSize(2); // CRM–SOA's q-value
        new Select(browser.findElement(By.id("score"))).selectByValue("jaccard");

        // the network: 4 processes and the 23 themes some process addresses (3 broader taxonomy themes stay out)
        assertThat(((Number) js("return window.convergenceCharts.network.getModel().getSeriesByIndex(0).getData()"
                + ".count()")).intValue()).isEqualTo(27);
        List<String> networkLabels = browser.findElements(By.cssSelector("#network svg text")).stream()
                .map(WebElement::getText).toList();
        assertThat(networkLabels).contains("CRM", "SOA", "PPP", "CSM", "Migration statistics information systems");

        // the CSM–PPP link as path diagrams, each with its sentence
        List<WebElement> paths = browser.findElements(By.cssSelector(".link[data-from=CSM][data-to=PPP] figure.path"));
        assertThat(paths).hasSizeGreaterThanOrEqualTo(3);
        List<WebElement> chain = paths.get(0).findElements(By.cssSelector("ol.chain li"));
        assertThat(chain.get(0).getText()).isEqualTo("CSM");
        assertThat(chain.get(chain.size() - 1).getText()).isEqualTo("PPP");
        assertThat(paths.get(0).findElement(By.tagName("figcaption")).getText()).startsWith("CSM is linked to PPP");

        assertThat(browser.findElement(By.id("bridges")).getText()).contains("Migration statistics information systems");
        assertThat(browser.findElement(By.id("provenance")).getText()).contains("94c7b1bca3cac84a559b8ac4234912727f479cee8336fdbcff15c29d3f7bc6ab");

        assertThat(Chromium.consoleErrors(browser)).isEmpty();
        assertThat(Chromium.requests(browser)).isNotEmpty()
                .allSatisfy(url -> assertThat(url).matches("(file|data|about):.*"));
        Chromium.screenshot(browser, ARTEFACTS.resolve("report-seed-en.png"));
    }

    @Test
    void theSpanishReport() throws Exception {
        open("seed-es.html");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Informe de convergencia");
        assertThat(browser.findElement(By.cssSelector("tr[data-row=ACTION_PLAN] th")).getText()).isEqualTo("Plan de acción");
        assertThat(browser.findElements(By.cssSelector("#network svg text")).stream().map(WebElement::getText).toList())
                .contains("Sistemas de información estadística migratoria");
        assertThat(browser.findElement(By.cssSelector(".link figcaption")).getText()).startsWith("CSM se vincula con PPP");
        assertThat(Chromium.consoleErrors(browser)).isEmpty();
        Chromium.screenshot(browser, ARTEFACTS.resolve("report-seed-es.png"));
    }
}
