package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.engine.app.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} and {@code report} end to end through picocli, on the embedded Neo4j over a temporary store. */
class ReportIT {

    @TempDir
    Path store;

    @TempDir
    Path work;

    private CliRun run(String... args) {
        return CliRun.of(store, args);
    }

    @Test
    void runWritesTheReportAndPrintsItsPathLast() throws IOException {
        Path job = work.resolve("job.yaml");
        // the built-in job with the report redirected here, as a user's own job file would say
        String builtIn = new String(Job.class.getResourceAsStream(Job.DEFAULT).readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(job, builtIn.replace("report: reports/{dataset}-{lang}.html", "report: out/{dataset}-{lang}.html"));
        CliRun outcome = run("run", job.toString());
        assertThat(outcome.exit()).as(outcome.err()).isZero();
        Path html = work.resolve("out/seed-en.html");
        String[] lines = outcome.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("Report written to " + html);
        String page = Files.readString(html);
        assertThat(page).contains("<html lang=\"en\">").contains("Convergence matrix")
                .contains("Human rights of migrants") // theme names in English...
                .contains("Derechos Humanos de los migrantes") // ...the document's own labels as written
                .contains("CSM is linked to PPP in 4 steps");
        assertThat(count(page, "<th scope=\"col\" data-process=")).isEqualTo(4);
        assertThat(count(page, "<tr data-row=")).isEqualTo(8);
        assertThat(count(page, "<figure class=\"path\">")).isEqualTo(3);
        selfContained(page);
    }

    @Test
    void runDrawsFromTheResultItHoldsAndReportFromTheStoredRunTheSamePage() throws IOException {
        Path job = work.resolve("job.yaml");
        String builtIn = new String(Job.class.getResourceAsStream(Job.DEFAULT).readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(job, builtIn.replace("report: reports/{dataset}-{lang}.html", "report: out/{dataset}-{lang}.html"));
        assertThat(run("run", job.toString()).exit()).isZero();
        Path fromStore = work.resolve("stored.html");
        CliRun report = run("report", "--out", fromStore.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        String memory = withoutTimes(Files.readString(work.resolve("out/seed-en.html")));
        String stored = withoutTimes(Files.readString(fromStore));
        assertThat(memory).contains("CSM is linked to PPP in 4 steps").contains("Human rights of migrants");
        assertThat(stored).isEqualTo(memory);
    }

    /** A page with its times (loaded, finished, generated) masked: the rest must not depend on when it was drawn. */
    private static String withoutTimes(String page) {
        return page.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC", "TIME");
    }

    @Test
    void reportInSpanishOfTheLatestRunAndClearErrors() throws IOException {
        assertThat(run("run").exit()).isZero();
        Path es = work.resolve("informe.html");
        CliRun report = run("report", "--lang", "es", "--out", es.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).contains("4 processes, 26 themes, 5 converging pairs").endsWith("Report written to " + es
                + System.lineSeparator());
        String page = Files.readString(es);
        assertThat(page).contains("<html lang=\"es\">").contains("Matriz de convergencia")
                .contains("Derechos humanos de los migrantes").contains("CSM se vincula con PPP en 4 pasos")
                .contains("Sistemas de información estadística migratoria ◆");
        selfContained(page);

        CliRun lang = run("report", "--lang", "fr", "--out", work.resolve("x.html").toString());
        assertThat(lang.exit()).isEqualTo(2);
        assertThat(lang.err()).contains("`--lang` was `fr`, but must be one of en, es");
        CliRun noRun = run("report", "--run", "run-000000000000", "--out", work.resolve("x.html").toString());
        assertThat(noRun.exit()).isEqualTo(3);
        assertThat(noRun.err()).contains("has no complete run `run-000000000000`; its complete runs, latest first: run-");
        CliRun noData = run("report", "--dataset", "nope", "--out", work.resolve("x.html").toString());
        assertThat(noData.exit()).isEqualTo(3);
        assertThat(noData.err()).contains("Data set `nope` does not exist; known data sets: seed");
        CliRun folder = run("report", "--out", work.toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).contains("which is a folder");
        CliRun notHtml = run("report", "--out", work.resolve("seed.csv").toString());
        assertThat(notHtml.exit()).isEqualTo(2);
        assertThat(notHtml.err()).contains("a report is an HTML file: its name must end in .html");
        CliRun missing = run("report", "--out", work.resolve("no/such/x.html").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("its folder " + work.resolve("no/such") + " does not exist");
        assertThat(work.resolve("no")).doesNotExist();
        Files.writeString(work.resolve("file"), "");
        CliRun underFile = run("report", "--out", work.resolve("file/x.html").toString());
        assertThat(underFile.exit()).isEqualTo(2);
        assertThat(underFile.err()).contains(work.resolve("file") + " is a file, not a folder");
        assertThat(work.resolve("x.html")).doesNotExist();
    }

    @Test
    void aMatrixLoadedFromAWorkbookIsLaidOutAsTheDocument() throws IOException {
        assertThat(run("load", "--seed").exit()).isZero();
        Path xlsx = work.resolve("matriz.xlsx");
        assertThat(run("export", "--format", "xlsx", "--out", xlsx.toString()).exit()).isZero();
        assertThat(run("load", "--matrix", xlsx.toString(), "--dataset", "fromxlsx").exit()).isZero();
        assertThat(run("analyze", "--dataset", "fromxlsx").exit()).isZero();
        Path html = work.resolve("fromxlsx.html");
        CliRun report = run("report", "--dataset", "fromxlsx", "--out", html.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("id=\"matrix\"").doesNotContain("id=\"incidence\"");
        assertThat(count(page, "<tr data-row=")).isEqualTo(8);
        assertThat(page).contains("This run was asked for no links between processes");
    }

    @Test
    void aLargeRunIsSummarisedByClusterInTheReport() throws IOException {
        // 400 processes: past the grid's limit of 300, so blocks of clusters, the strongest pairs and a
        // cluster-level network instead of one cell per pair and one node per theme
        Path csv = work.resolve("large.csv");
        assertThat(run("benchmark", "--write-csv", csv.toString(), "--processes", "400", "--themes", "300", "--edges",
                "3000", "--random-seed", "7").exit()).isZero();
        assertThat(run("load", "--dataset", "large", csv.toString()).exit()).isZero();
        CliRun analyzed = run("analyze", "--dataset", "large", "--no-centrality");
        assertThat(analyzed.exit()).as(analyzed.err()).isZero();
        Path html = work.resolve("large.html");
        CliRun report = run("report", "--dataset", "large", "--out", html.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("400 processes are too many for one cell per pair").contains("Strongest pairs")
                .contains("nodes are too many to draw one by one").contains("id=\"incidence\"")
                .contains("Showing the 40 most connected processes and 40 most connected themes of 400 processes");
        assertThat(Pattern.compile("<tr><td>[^<]+ – [^<]+</td>").matcher(page).results().count())
                .isEqualTo(50); // the 50 strongest pairs
        // recommendations: too many processes have some for one page, so the 60 strongest and where the rest is
        assertThat(page).containsPattern("\\d+ processes have recommendations \\([\\d,]+ in all\\): too many for one"
                + " page, so here are the 60 strongest");
        String recommendations = page.substring(page.indexOf("<section id=\"recommendations\">"),
                page.indexOf("<section id=\"unmapped\">"));
        assertThat(count(recommendations, "<tr><td>")).isEqualTo(60);
        // no taxonomy theme for the generated labels: every label unmapped, summarised, not 300 rows
        String unmapped = page.substring(page.indexOf("<section id=\"unmapped\">"), page.indexOf("<section id=\"provenance\">"));
        assertThat(count(unmapped, "<tr><td>")).isLessThanOrEqualTo(200);
        selfContained(page);
    }

    /** No script, style, image or font comes from elsewhere: the page renders from file:// offline. */
    static void selfContained(String page) {
        // the page outside its inline scripts (the inlined library's code may mention such attributes)
        String markup = page.replaceAll("(?s)<script([^>]*)>.*?</script>", "<script$1></script>");
        assertThat(markup).doesNotContainPattern("(?i)<script[^>]+src=")
                .doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(?!#)[^\"'\\s>]*[:/]")
                .doesNotContainPattern("(?i)url\\(\\s*['\"]?(https?:|//)")
                .doesNotContainPattern("(?i)@import");
        assertThat(count(markup, "<script")).isEqualTo(3);
        assertThat(page).contains("Content-Security-Policy").contains("default-src 'none'");
    }

    static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
