package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.convergence.engine.neo4j.EmbeddedNeo4j;
import org.convergence.engine.neo4j.Neo4jConnection;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Neo4j Browser as {@code serve} offers it, in headless Chromium: it connects without a click, opens
 * the project's guide and applies its style, and the guide's first query draws processes in the style's
 * colour. The page and a screenshot stay under {@code target/browser/}.
 */
class Neo4jBrowserIT {

    /** The colour style.grass gives processes. */
    static final String PROCESS_COLOUR = "#C0392B";

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
        Loading.write(neo4j, SeedMatrixParser.SEED_DATASET, Loading.seedPlan(null, Taxonomy.builtIn()),
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

    @Test
    void theGuidesFirstQueryDrawsProcessesInTheStylesColour() throws Exception {
        String http = server.httpUri().orElseThrow().toString().replace("127.0.0.1", "localhost");
        browser.get(http + "/browser/?preselectAuthMethod=NO_AUTH");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        try {
            // connected without a click, and the post-connect command opened the guide
            WebElement guide = wait.until(b -> b.findElements(By.xpath("//*[contains(text(),"
                    + "'Convergence of the regional migration processes')]")).stream().filter(WebElement::isDisplayed)
                    .findFirst().orElse(null));
            assertThat(guide.getText()).contains("Convergence of the regional migration processes of the Americas");
            // the guide's first query (on its second slide) goes into the editor with a click, and runs
            wait.until(b -> b.findElements(By.cssSelector("[data-testid='nextSlide']")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
            WebElement first = wait.until(b -> b.findElements(By.xpath("//pre[contains(., 'MATCH (p:Process')]"))
                    .stream().findFirst().orElse(null));
            assertThat(first.getText()).contains("MATCH (p:Process {dataset: 'seed'})-[r:ADDRESSES]->(t:Theme)");
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
            // the guide and the style were served here, and nothing they hold reached out. The only requests
            // beyond this machine are Neo4j Browser 5.24's own: its web fonts, the Segment and Canny scripts
            // its code loads whatever the consent (client.allow_telemetry is false; Community declares no
            // browser.allow_outgoing_connections to turn them off), and a Sentry crash report when Browser
            // fails before the post-connect command turns those off. Pinned here, so that anything else fails.
            List<String> requests = Chromium.requests(browser);
            assertThat(requests).anyMatch(u -> u.matches("http://localhost:\\d+/static/guide\\.md"))
                    .anyMatch(u -> u.matches("http://localhost:\\d+/static/style\\.grass"));
            assertThat(requests).filteredOn(u -> !u.matches("(http://localhost:\\d+|ws://localhost:\\d+|data:|blob:).*"))
                    .allSatisfy(u -> assertThat(u).matches(
                            "https://(fonts\\.googleapis\\.com|fonts\\.gstatic\\.com|cdn\\.segment\\.com|canny\\.io"
                                    + "|[a-z0-9]+\\.ingest\\.sentry\\.io)/.*"));
        } finally {
            // what Browser logged, for whoever reads a failure
            Chromium.consoleErrors(browser).forEach(e -> System.out.println("Neo4j Browser console: " + e));
            Files.createDirectories(ReportBrowserIT.ARTEFACTS);
            Files.writeString(ReportBrowserIT.ARTEFACTS.resolve("neo4j-browser.html"), browser.getPageSource());
            Chromium.screenshot(browser, ReportBrowserIT.ARTEFACTS.resolve("neo4j-browser.png"));
        }
    }
}
