package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} end to end: the seed (period 2002 of series americas) against a later matrix written by hand
 * from the processes' public pages (test resource {@code snapshots/}, sources in its SOURCES.md), with CSM as a
 * column of its own and the Proyecto Mesoamérica succeeding the Plan Puebla–Panamá.
 */
class CompareIT {

    @TempDir
    static Path store;

    @TempDir
    Path work;

    private static Path later;
    private static Path map;

    private static CliRun run(String... args) {
        return CliRun.of(store, args);
    }

    @BeforeAll
    static void loadBothSnapshots() throws URISyntaxException {
        later = Path.of(CompareIT.class.getResource("/snapshots/matriz-americas-2022.csv").toURI());
        map = Path.of(CompareIT.class.getResource("/snapshots/process-map.csv").toURI());
        CliRun seed = run("load", "--seed");
        assertThat(seed.exit()).as(seed.err()).isZero();
        CliRun load = run("load", "--matrix", later.toString(), "--dataset", "americas-2022", "--series", "americas",
                "--period", "2022");
        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(load.out()).contains("Data set `americas-2022` is period 2022 of series `americas`");
    }

    @Test
    void theSeriesIsListedInPeriodOrder() {
        CliRun datasets = run("datasets");
        assertThat(datasets.exit()).as(datasets.err()).isZero();
        // the column is as wide as the longest series name (another test loads `americas-csv`)
        assertThat(datasets.out()).containsPattern("\\namericas +2002 \\(seed\\), 2022 \\(americas-2022\\)");
    }

    @Test
    void seedAgainstTheLaterMatrixAsText() {
        CliRun c = run("compare", "seed", "americas-2022", "--process-map", map.toString(), "--path", "CSM:PM");
        assertThat(c.exit()).as(c.err()).isZero();
        // both runs and the comparison are written: the Browser guide's "What changed" slide reads it
        assertThat(c.err()).contains("writing results of run-").containsPattern("wrote comparison cmp-[0-9a-f]{12}: \\d+"
                + " appeared, \\d+ vanished, \\d+ themes gained, \\d+ lost");
        assertThat(c.out()).contains("Comparison of data set `seed` (earlier) with `americas-2022` (later)")
                .contains("PPP is PM (succeeded by Proyecto Mesoamérica in 2008)")
                .contains("Processes added: none; removed: none")
                .contains("Converging pairs:")
                .containsPattern("CSM → PM: \\d steps via .+ then, \\d steps via .+ now")
                .contains("Recommendations of `seed` taken up in `americas-2022`");
        // CRM's action plan of 2002 had three themes; its current focus adds border control, return, ...
        assertThat(c.out()).containsPattern("(?i)CRM +\\+\\d+ .*border management");
    }

    @Test
    void seriesAsJsonAndTheInverse() throws IOException {
        Path m = work.resolve("map.csv");
        Files.writeString(m, "PPP,PM,succeeded\n");
        CliRun series = run("compare", "--series", "americas", "--process-map", m.toString(), "--format", "json",
                "--no-write");
        assertThat(series.exit()).as(series.err()).isZero();
        JsonNode all = new ObjectMapper().readTree(series.out());
        assertThat(all.isArray()).isTrue();
        JsonNode forward = all.get(0);
        assertThat(forward.get("earlier").asText()).isEqualTo("seed");
        assertThat(forward.get("later").asText()).isEqualTo("americas-2022");
        // worded "Tráfico (trata) de personas" in 2002 and "Trata de personas" in 2022: one theme of the taxonomy
        JsonNode soa = null;
        for (JsonNode p : forward.get("processes")) {
            soa = p.get("process").asText().equals("SOA") ? p : soa;
        }
        assertThat(soa).isNotNull();
        assertThat(soa.get("kept").toString()).contains("\"trafficking-in-persons\"");
        assertThat(soa.get("gained").toString()).doesNotContain("trafficking");
        Path back = work.resolve("back.csv");
        Files.writeString(back, "PM,PPP,succeeded\n");
        CliRun inverse = run("compare", "americas-2022", "seed", "--process-map", back.toString(), "--format", "json",
                "--no-write");
        assertThat(inverse.exit()).as(inverse.err()).isZero();
        JsonNode backward = new ObjectMapper().readTree(inverse.out());
        assertThat(backward.get("pairCounts").get("appeared")).isEqualTo(forward.get("pairCounts").get("vanished"));
        assertThat(backward.get("pairCounts").get("vanished")).isEqualTo(forward.get("pairCounts").get("appeared"));
        assertThat(backward.get("themesAdded")).isEqualTo(forward.get("themesRemoved"));
        assertThat(backward.get("clusters").get("adjustedRand").asDouble())
                .isEqualTo(forward.get("clusters").get("adjustedRand").asDouble());
    }

    @Test
    void badInputIsRefusedBeforeAnythingRuns() throws IOException {
        CliRun unknown = run("compare", "seed", "nope", "--no-write");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains("Unknown data set `nope`");
        // PPP and PM do not match by id: without the map the two still share CRM, SOA and CSM
        Path wrong = work.resolve("wrong.csv");
        Files.writeString(wrong, "# map\nPPP,PM\nXYZ,CSM\n");
        CliRun badMap = run("compare", "seed", "americas-2022", "--process-map", wrong.toString(), "--no-write");
        assertThat(badMap.exit()).isEqualTo(3);
        assertThat(badMap.err()).contains(wrong + ":3:").contains("`XYZ` is not in data set `seed`");
        assertThat(badMap.err()).doesNotContain("overlap scores");
        CliRun alpha = run("compare", "seed", "americas-2022", "--alpha", "2", "--no-write");
        assertThat(alpha.exit()).isEqualTo(2);
        assertThat(alpha.err()).contains("`--alpha`");
        Path other = work.resolve("other.csv");
        Files.writeString(other, "process,theme\nX,Human rights\nY,Remittances\n");
        assertThat(run("load", other.toString(), "--dataset", "other").exit()).isZero();
        CliRun apart = run("compare", "seed", "other", "--no-write");
        assertThat(apart.exit()).isNotZero();
        assertThat(apart.err()).contains("share no process").contains("--process-map").doesNotContain("overlap scores");
        CliRun neither = run("compare", "seed", "--no-write");
        assertThat(neither.exit()).isEqualTo(2);
    }

    /** The page without the one row that differs between two drawings: when it was generated. */
    private static String withoutTime(Path html) throws IOException {
        return Files.readString(html).replaceAll("<tr><th scope=\"row\">(Generated|Generado)</th><td><code>[^<]*</code>", "");
    }

    @Test
    void aJobComparesAndDrawsThePageThatReportDrawsAgainFromNeo4j() throws IOException {
        Files.copy(later, work.resolve("later.csv"));
        Files.copy(map, work.resolve("map.csv"));
        Path job = work.resolve("job.yaml");
        Files.writeString(job, """
                datasets:
                  - {name: seed, seed: true}
                  - {name: americas-2022, matrix: later.csv, series: americas, period: "2022"}
                analyses:
                  topK: 0
                comparisons:
                  - {earlier: seed, later: americas-2022, processMap: map.csv, paths: [{from: CSM, to: PM}]}
                output:
                  rows: 3
                """);
        CliRun run = run("run", job.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Comparison of data set `seed` (earlier) with `americas-2022` (later)")
                .contains("PPP is PM (succeeded by Proyecto Mesoamérica in 2008)")
                .containsPattern("CSM → PM: \\d steps via .+ then, \\d steps via .+ now");
        Path drawn = work.resolve("reports/seed-to-americas-2022-en.html");
        assertThat(run.out()).contains("Report written to " + drawn);
        assertThat(run.err()).containsPattern("wrote comparison cmp-[0-9a-f]{12}");

        // report --compare draws the same page from the two stored runs, with the stored map and level
        Path stored = work.resolve("stored.html");
        CliRun report = run("report", "--compare", "seed", "americas-2022", "--out", stored.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).containsPattern("Comparison cmp-[0-9a-f]{12} of data sets `seed` and `americas-2022`"
                + " \\(runs run-[0-9a-f]{12} and run-[0-9a-f]{12}\\): \\d+ pairs appeared, \\d+ vanished, \\d+ kept")
                .contains("Report written to " + stored);
        assertThat(withoutTime(stored)).isEqualTo(withoutTime(drawn));
        String page = Files.readString(stored);
        assertThat(page).contains("PPP → PM (succeeded by Proyecto Mesoamérica in 2008)")
                .contains("data-from=\"CSM\" data-to=\"PM\"")
                .contains("was PPP in the earlier snapshot")
                // CRM's current focus adds border control ("Control fronterizo"), new for it since 2002
                .containsPattern("<li class=\"new\" data-theme=\"[^\"]+\" data-status=\"new\" title=\"Border management\">"
                        + "<span class=\"mark new\" aria-hidden=\"true\"></span>Control fronterizo</li>");
        // and in Spanish, to the default place
        CliRun es = run("report", "--compare", "seed", "americas-2022", "--lang", "es", "--out",
                work.resolve("es.html").toString());
        assertThat(es.exit()).as(es.err()).isZero();
        assertThat(Files.readString(work.resolve("es.html"))).contains("<h1>Qué cambió</h1>")
                .contains("era PPP en la instantánea anterior");
    }

    @Test
    void aReportOfAComparisonRefusesWhatItCannotDraw() throws IOException {
        Path never = work.resolve("never.csv");
        Files.writeString(never, "process,theme\nCRM,Human rights\nSOA,Remittances\n");
        assertThat(run("load", never.toString(), "--dataset", "never").exit()).isZero();
        CliRun none = run("report", "--compare", "seed", "never", "--out", work.resolve("x.html").toString());
        assertThat(none.exit()).isNotZero();
        assertThat(none.err()).contains("Data sets `seed` and `never` have no stored comparison; make one with"
                + " `convergence compare seed never`");
        CliRun unknown = run("report", "--compare", "seed", "nope", "--out", work.resolve("x.html").toString());
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains("Unknown data set `nope`");
        CliRun both = run("report", "--compare", "seed", "never", "--dataset", "seed");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--compare names its two data sets itself");
        CliRun one = run("report", "--compare", "seed");
        assertThat(one.exit()).isEqualTo(2);
        assertThat(Files.exists(work.resolve("x.html"))).isFalse();
    }

    @Test
    void aJobsComparisonsAreCheckedBeforeAnythingRuns() throws IOException {
        Path noAnalyses = work.resolve("no-analyses.yaml");
        Files.writeString(noAnalyses, """
                datasets:
                  - {name: seed, seed: true}
                comparisons:
                  - {earlier: seed, later: americas-2022}
                """);
        CliRun a = run("run", noAnalyses.toString());
        assertThat(a.exit()).isNotZero();
        assertThat(a.err()).contains(noAnalyses.toString()).contains("`comparisons` compare analyses");
        Path noMap = work.resolve("no-map.yaml");
        Files.writeString(noMap, """
                datasets:
                  - {name: seed, seed: true}
                analyses:
                  topK: 0
                comparisons:
                  - {earlier: seed, later: americas-2022, processMap: missing.csv, alpha: 0.01}
                """);
        CliRun b = run("run", noMap.toString());
        assertThat(b.exit()).isNotZero();
        assertThat(b.err()).contains(work.resolve("missing.csv").toString()).contains("file not found");
        Path badAlpha = work.resolve("bad-alpha.yaml");
        Files.writeString(badAlpha, """
                datasets:
                  - {name: seed, seed: true}
                analyses:
                  topK: 0
                comparisons:
                  - {earlier: seed, later: americas-2022, alpha: 1.5}
                """);
        CliRun c = run("run", badAlpha.toString());
        assertThat(c.exit()).isNotZero();
        assertThat(c.err()).contains("`comparisons.alpha`").contains("1.5");
        // nothing ran: no analysis was reported
        assertThat(a.out() + b.out() + c.out()).doesNotContain("Converging pairs");
    }

    @Test
    void aLongCsvWithAPeriodColumnIsOneSnapshotPerPeriodComparedAsASeries() throws Exception {
        Path file = Path.of(CompareIT.class.getResource("/snapshots/americas-long.csv").toURI());
        CliRun load = run("load", file.toString(), "--series", "americas-csv");
        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(load.out()).contains("Loaded data set `americas-long-2002`").contains("Loaded data set"
                + " `americas-long-2022`").contains("Data set `americas-long-2002` is period 2002 of series `americas-csv`")
                .contains("Data set `americas-long-2022` is period 2022 of series `americas-csv`");
        // each period is its own source: loading the file again changes neither
        CliRun again = run("load", file.toString(), "--series", "americas-csv");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Data set `americas-long-2002` already holds").contains("Data set"
                + " `americas-long-2022` already holds");
        assertThat(run("datasets").out()).contains("americas-csv 2002 (americas-long-2002), 2022 (americas-long-2022)");
        CliRun series = run("compare", "--series", "americas-csv", "--process-map", map.toString(), "--format", "json",
                "--no-write");
        assertThat(series.exit()).as(series.err()).isZero();
        JsonNode c = new ObjectMapper().readTree(series.out()).get(0);
        assertThat(c.get("earlier").asText()).isEqualTo("americas-long-2002");
        assertThat(c.get("later").asText()).isEqualTo("americas-long-2022");
        assertThat(c.get("processesAdded")).isEmpty();
        assertThat(c.get("processesRemoved")).isEmpty();
        JsonNode soa = null;
        for (JsonNode p : c.get("processes")) {
            soa = p.get("process").asText().equals("SOA") ? p : soa;
        }
        // "Tráfico (trata) de personas" then, "Trata de personas" now: one theme, kept
        assertThat(soa.get("kept").toString()).contains("\"trafficking-in-persons\"");

        // a bad period anywhere is refused with its line, before anything is loaded
        Path bad = work.resolve("bad-series.csv");
        Files.writeString(bad, Files.readString(file) + "XX,Remesas,ACTION_PLAN,20222\n");
        CliRun refused = run("load", bad.toString());
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err()).contains(bad + ":65:").contains("period `20222`");
        assertThat(run("datasets").out()).doesNotContain("bad-series");
        CliRun one = run("load", file.toString(), "--series", "s", "--period", "2002");
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.err()).contains("--period names one period").contains("`period` column");
    }
}
