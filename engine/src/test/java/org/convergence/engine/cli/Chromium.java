package org.convergence.engine.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Chromium through Selenium, with a locally installed browser and driver only (Debian's
 * {@code chromium} and {@code chromium-driver}, or {@code CHROME_BIN} and {@code CHROMEDRIVER}): nothing
 * is downloaded. Tests using it are skipped with a message where neither is installed.
 */
final class Chromium {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Chromium() {
    }

    /** Skips the calling test, with the reason, unless a browser and its driver are installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(browser().isPresent() && driver().isPresent(), "Browser tests skipped: no Chromium and"
                + " chromedriver found (install Debian's chromium and chromium-driver, or set CHROME_BIN and"
                + " CHROMEDRIVER)");
    }

    static Optional<String> browser() {
        return find("CHROME_BIN", BROWSERS);
    }

    static Optional<String> driver() {
        return find("CHROMEDRIVER", DRIVERS);
    }

    private static Optional<String> find(String env, List<String> candidates) {
        String given = System.getenv(env);
        if (given != null && new File(given).canExecute()) {
            return Optional.of(given);
        }
        return candidates.stream().filter(c -> new File(c).canExecute()).findFirst();
    }

    /** @return a headless browser logging the console and the network, {@code width × height} pixels */
    static ChromeDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser().orElseThrow());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--window-size=" + width + "," + height, "--lang=en-US",
                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
        // the browser's temporary files (with --disable-dev-shm-usage, its shared memory too) and its
        // configuration go into a folder of its own, removed by quit(), not into /tmp and ~/.config where
        // they outlived every build; a short path under the system's temporary folder, since the browser
        // puts Unix sockets there and a socket's path may not exceed 107 bytes
        Path home = scratch();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver().orElseThrow())).usingAnyFreePort()
                .withEnvironment(Map.of("TMPDIR", home.resolve("t").toString(),
                        "XDG_CONFIG_HOME", home.resolve("c").toString(),
                        "XDG_CACHE_HOME", home.resolve("h").toString()))
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        SCRATCH.put(browser, home);
        return browser;
    }

    private static final Map<ChromeDriver, Path> SCRATCH = new java.util.concurrent.ConcurrentHashMap<>();

    /** @return a new, empty folder for one browser's files */
    private static Path scratch() {
        try {
            Path home = Files.createTempDirectory("cvc");
            for (String sub : List.of("t", "c", "h")) {
                Files.createDirectories(home.resolve(sub));
            }
            return home;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot make a folder for the browser", e);
        }
    }

    /** Ends the browser and removes its folder. */
    static void quit(ChromeDriver browser) {
        try {
            browser.quit();
        } finally {
            Path home = SCRATCH.remove(browser);
            if (home != null) {
                org.convergence.engine.Neo4jServers.delete(home);
            }
        }
    }

    /** @return the console messages logged at error level since the last call */
    static List<String> consoleErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** @return the URLs the page requested since the last call (from the DevTools network events) */
    static List<String> requests(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("\"Network.requestWillBeSent\""))
                .map(m -> m.replaceAll("(?s).*?\"request\":\\{.*?\"url\":\"([^\"]*)\".*", "$1")).toList();
    }

    /** Saves a screenshot of the window as a build artefact. */
    static Path screenshot(ChromeDriver browser, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
