package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.convergence.engine.app.Loading;
import org.convergence.engine.store.EmbeddedNeo4j;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Neo4j Browser as {@code serve} offers it, in headless Chromium, checked as a person would: the address
 * {@code serve} prints (and the README gives) connects without a click; the project's guide opens, and
 * its headings and text are legible in Browser's light and dark themes (WCAG contrast at least 4.5:1,
 * measured on the rendered page); the style is applied without a frame showing the raw stylesheet; and
 * the guide's first query, which reads the data set {@code serve} was given as {@code $dataset}, draws
 * processes in the style's colour. The page and screenshots stay under {@code target/browser/}.
 */
class Neo4jBrowserIT {

    /** The colour style.grass gives processes. */
    static final String PROCESS_COLOUR = "#C0392B";

    /** WCAG 2's contrast ratio of normal text (level AA). */
    static final double LEGIBLE = 4.5;

    /**
     * The lowest contrast ratio, by the WCAG 2 formula, of the text of the guide's headings, paragraphs
     * and list items against the background actually behind them (the first ancestor with an opaque one).
     */
    private static final String GUIDE_CONTRAST = """
            const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
                .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
              return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const opaque = c => { const v = c.match(/[\\d.]+/g); return v && (v.length < 4 || Number(v[3]) > 0.5); };
            const behind = el => { for (let e = el; e; e = e.parentElement) {
                const c = getComputedStyle(e).backgroundColor; if (opaque(c)) return c; } return 'rgb(255, 255, 255)'; };
            const title = [...document.querySelectorAll('h1, h2, h3')]
                .find(h => h.textContent.includes('Convergence of the regional migration processes'));
            if (!title) return null;
            let guide = title.parentElement;
            while (guide && guide.querySelectorAll('p').length === 0) guide = guide.parentElement;
            const texts = [...guide.querySelectorAll('h1, h2, h3, p, li')].filter(e => e.textContent.trim());
            const ratios = texts.map(e => { const a = lum(getComputedStyle(e).color), b = lum(behind(e));
                return [(Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), e.tagName + ' ' + e.textContent.trim()
                    .slice(0, 40) + ' ' + getComputedStyle(e).color + ' on ' + behind(e)]; });
            ratios.sort((x, y) => x[0] - y[0]);
            return ratios.length ? ratios[0][0] + ' | ' + ratios[0][1] + ' | ' + ratios.length : null;
            """;

    @TempDir
    static Path store;

    private static EmbeddedNeo4j server;
    private static Neo4jConnection neo4j;
    private static ChromeDriver browser;

    @BeforeAll
    static void serve() {
        Chromium.assumeInstalled();
        // what ServeCommand starts: Bolt and HTTP on loopback, no authentication, the seed loaded
        server = EmbeddedNeo4j.start(new EmbeddedNeo4j.Options(store, "localhost", 0, 0, null, 64));
        neo4j = Neo4jConnection.attach(server, "test");
        Loading.write(neo4j, SeedMatrixParser.SEED_DATASET, Loading.matrixPlan(null, Taxonomy.builtIn()),
                GraphWriter.Mode.MERGE, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        browser = Chromium.start(1400, 1600);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            Chromium.quit(browser);
        }
        if (neo4j != null) {
            neo4j.close();
        }
    }

    /** @return the lowest contrast of the guide's text and what it was measured on, once the guide is drawn */
    private static String guideContrast(WebDriverWait wait) {
        return wait.until(b -> (String) browser.executeScript(GUIDE_CONTRAST));
    }

    private static void runInEditor(String command) {
        WebElement editor = browser.findElement(By.cssSelector("#monaco-main-editor textarea, .monaco-editor textarea"));
        editor.click();
        new Actions(browser).sendKeys(command).sendKeys(Keys.ENTER).perform();
    }

    @Test
    void theGuideIsLegibleInBothThemesTheStyleAppliedWithoutARawFrameAndItsQueriesReadTheDataSet()
            throws Exception {
        String http = server.httpUri().orElseThrow().toString().replace("127.0.0.1", "localhost");
        browser.get(http + "/browser/?preselectAuthMethod=NO_AUTH");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        try {
            // connected without a click, and the post-connect commands opened the guide
            String light = guideContrast(wait);
            Chromium.screenshot(browser, ReportBrowserIT.ARTEFACTS.resolve("neo4j-browser-light.png"));
            assertThat(Double.parseDouble(light.split(" \\| ")[0])).as("lowest contrast in the light theme: %s", light)
                    .isGreaterThanOrEqualTo(LEGIBLE);
            assertThat(Integer.parseInt(light.split(" \\| ")[2])).as("texts measured").isGreaterThanOrEqualTo(3);
            // no frame shows the stylesheet, the config commands or the guide's source
            String stream = browser.findElement(By.tagName("body")).getText();
            assertThat(stream).doesNotContain(":style").doesNotContain("text-color-internal")
                    .doesNotContain("shaft-width").doesNotContain(":config").doesNotContain(":play");
            assertThat(stream).contains("Successfully set your parameters"); // the one frame: `dataset` for the guide
            // the guide's first query (on its second slide) goes into the editor with a click, and runs on $dataset
            wait.until(b -> b.findElements(By.cssSelector("[data-testid='guideNextSlide']")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
            WebElement first = wait.until(b -> b.findElements(By.xpath("//pre[contains(., 'MATCH (p:Process')]"))
                    .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
            assertThat(first.getText()).contains("MATCH (p:Process {dataset: $dataset})-[r:ADDRESSES]->(t:Theme)");
            first.click();
            browser.findElement(By.cssSelector("[data-testid='editor-Run']")).click();
            // the result is drawn as a graph; processes wear the style's colour
            List<WebElement> circles = wait.until(b -> {
                List<WebElement> found = b.findElements(By.cssSelector("svg g.node circle"));
                return found.size() >= 27 ? found : null;
            });
            List<String> fills = circles.stream().map(c -> String.valueOf(c.getAttribute("fill")).toUpperCase()).toList();
            assertThat(fills).filteredOn(PROCESS_COLOUR::equals).hasSize(4);
            assertThat(fills).contains("#2E86C1"); // themes
            List<String> captions = browser.findElements(By.cssSelector("svg g.node text")).stream()
                    .map(WebElement::getText).toList();
            assertThat(String.join(" ", captions)).contains("CRM").contains("PPP");
            Chromium.screenshot(browser, ReportBrowserIT.ARTEFACTS.resolve("neo4j-browser.png"));

            // the dark theme, as a user picks it
            runInEditor(":config theme: \"dark\"");
            wait.until(b -> b.findElement(By.tagName("body")).getText().contains("\"theme\": \"dark\""));
            browser.findElement(By.cssSelector("[data-testid='pagination-1']")).click(); // back to the first slide
            String dark = guideContrast(wait);
            Chromium.screenshot(browser, ReportBrowserIT.ARTEFACTS.resolve("neo4j-browser-dark.png"));
            assertThat(Double.parseDouble(dark.split(" \\| ")[0])).as("lowest contrast in the dark theme: %s", dark)
                    .isGreaterThanOrEqualTo(LEGIBLE);

            // the guide and the style were served here, and nothing they hold reached out. The only requests
            // beyond this machine are Neo4j Browser 5.24's own: its web fonts, the Segment and Canny scripts
            // its code loads whatever the consent (client.allow_telemetry is false; Community declares no
            // browser.allow_outgoing_connections to turn them off), and a Sentry crash report when Browser
            // fails before it has read the server's settings. Pinned here, so that anything else fails.
            List<String> requests = Chromium.requests(browser);
            assertThat(requests).anyMatch(u -> u.matches("http://localhost:\\d+/static/guide\\.md"));
            assertThat(requests).filteredOn(u -> !u.matches("(http://localhost:\\d+|ws://localhost:\\d+|data:|blob:).*"))
                    .allSatisfy(u -> assertThat(u).matches(
                            "https://(fonts\\.googleapis\\.com|fonts\\.gstatic\\.com|cdn\\.segment\\.com|canny\\.io"
                                    + "|[a-z0-9]+\\.ingest\\.sentry\\.io)/.*"));
        } finally {
            // what Browser logged, for whoever reads a failure
            Chromium.consoleErrors(browser).forEach(e -> System.out.println("Neo4j Browser console: " + e));
            Files.createDirectories(ReportBrowserIT.ARTEFACTS);
            Files.writeString(ReportBrowserIT.ARTEFACTS.resolve("neo4j-browser.html"), browser.getPageSource());
            Chromium.screenshot(browser, ReportBrowserIT.ARTEFACTS.resolve("neo4j-browser-last.png"));
        }
    }
}
