package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convergence.engine.app.LoadRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end through picocli, each on the embedded Neo4j over a temporary store. */
class ConvergenceCliIT {

    @TempDir
    Path store;

    private CliRun run(String... args) {
        return CliRun.of(store, args);
    }

    @Test
    void runLoadsTheSeedAndPrintsASummaryAndIsRepeatable() {
        CliRun first = run("run");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Loaded data set `seed`")
                .contains("4 processes, 26 themes (0 unmapped), 39 process-theme relations")
                .contains("CRM    Conferencia Regional sobre Migración")
                .contains("CSM    Conferencia Sudamericana de Migración")
                .contains("Every theme label matched the taxonomy.");
        assertThat(first.out()).contains("56 nodes and 89 relationships in all\n")
                .containsPattern("CRM +SOA +8 +0\\.5714")
                .contains("CSM is linked to PPP in 4 steps")
                .containsPattern("Migration statistics information systems +0\\.6105 .*bridge: 3 pair")
                .contains("Recommendations");
        CliRun second = run("run");
        assertThat(second.exit()).isZero();
        // the same seed and taxonomy: nothing to write, and the previous run is replaced by the new one
        assertThat(second.out()).contains("Data set `seed` already holds").contains("unchanged; nothing written")
                .contains("56 nodes and 89 relationships in all; 1 analysis run(s) stored beside them");
        String runId = first.out().replaceAll("(?s).*Analysis (run-[0-9a-f]{12}).*", "$1");
        assertThat(second.out()).contains("Analysis " + runId + " of data set `seed`");
        // the same input, parameters and engine: the stored results are those a write would write
        assertThat(first.err()).contains("writing results of " + runId);
        assertThat(second.err()).contains(runId + " of data set `seed` already holds these results")
                .doesNotContain("writing results");
        // other parameters: another run, written
        CliRun other = run("analyze", "--min-shared", "2");
        assertThat(other.exit()).isZero();
        assertThat(other.err()).contains("writing results of run-").doesNotContain("already holds");
        String otherId = other.out().replaceAll("(?s).*Analysis (run-[0-9a-f]{12}).*", "$1");
        // both runs listed under their data set, the latest first, with what they were asked for
        CliRun list = run("datasets");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).startsWith("DATA SET             KIND         SOURCE")
                .containsPattern("(?s)seed +seed-matrix .*\\(loaded \\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z\\)\n"
                + "  " + otherId + "  finished [0-9T:-]+Z  3 pairs  --min-shared 2\n"
                + "  " + runId + "  finished [0-9T:-]+Z  5 pairs  --path CSM:PPP\n");
    }

    @Test
    void analyzeAsJsonPathAndRecommend() throws IOException {
        assertThat(run("load", "--seed").exit()).isZero();
        CliRun json = run("analyze", "--format", "json", "--relations", "CONVERGENCE_AREA", "--no-write");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("dataset").asText()).isEqualTo("seed");
        JsonNode top = root.get("pairs").get(0);
        assertThat(top.get("a").asText()).isEqualTo("CRM");
        assertThat(top.get("b").asText()).isEqualTo("SOA");
        assertThat(top.get("shared").asInt()).isEqualTo(7);
        assertThat(top.get("jaccard").asDouble()).isEqualTo(7d / 9);
        assertThat(top.has("weightedJaccard")).isFalse();
        assertThat(top.get("sharedThemes")).hasSize(7);
        for (String field : new String[] {"overlap", "cosine", "dice", "pValue", "qValue"}) {
            assertThat(top.has(field)).as(field).isTrue();
        }
        assertThat(root.get("clusters").size()).isPositive();
        assertThat(root.get("clusters").get(0).has("processes")).isTrue();
        assertThat(root.has("modularity")).isTrue();
        assertThat(root.get("bridges").get(0).get("theme").asText()).isEqualTo("migration-statistics");
        for (String stage : new String[] {"read", "overlap", "clusters", "paths", "centrality", "write"}) {
            assertThat(root.get("timingsMs").has(stage)).as(stage).isTrue();
        }

        CliRun path = run("path", "CSM", "PPP", "--k", "2", "--format", "json");
        assertThat(path.exit()).as(path.err()).isZero();
        JsonNode paths = new ObjectMapper().readTree(path.out()).get("paths");
        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).get("hops").asInt()).isEqualTo(4);
        JsonNode first = paths.get(0).get("nodes").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("process");
        assertThat(first.get("id").asText()).isEqualTo("CSM");
        assertThat(first.get("name").asText()).isEqualTo("Conferencia Sudamericana de Migración");
        assertThat(paths.get(0).get("nodes").get(1).get("kind").asText()).isEqualTo("theme");

        CliRun unknown = run("path", "CMS", "PPP");
        assertThat(unknown.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("Unknown process `CMS`; did you mean CRM, CSM?");

        // CSM states purposes only: with areas of convergence alone it is not in the graph, and that is said
        for (String[] args : List.of(new String[] {"path", "CSM", "PPP", "--relations", "CONVERGENCE_AREA"},
                new String[] {"recommend", "CSM", "--relations", "CONVERGENCE_AREA"},
                new String[] {"analyze", "--relations", "CONVERGENCE_AREA", "--path", "CSM:PPP", "--no-write"})) {
            CliRun filtered = run(args);
            assertThat(filtered.exit()).as(filtered.err()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
            assertThat(filtered.err()).contains("Process `CSM` of data set `seed` has no theme under the relation"
                    + " kinds asked for (CONVERGENCE_AREA), so it is not in the graph analysed; its themes are under"
                    + " STATED_PURPOSE").doesNotContain("Unknown process");
        }

        CliRun noLink = run("path", "CSM", "PPP", "--relations", "ACTION_PLAN,STATED_PURPOSE");
        assertThat(noLink.exit()).as(noLink.err()).isZero();
        assertThat(noLink.out()).contains("No link: CSM and PPP are in different components");

        CliRun recommend = run("recommend", "PPP");
        assertThat(recommend.exit()).as(recommend.err()).isZero();
        assertThat(recommend.out()).contains("PPP:").contains("(from CRM, SOA)");

        CliRun missing = run("analyze", "--dataset", "nope");
        assertThat(missing.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("Data set `nope` does not exist; known data sets: seed");
    }

    @Test
    void jobFileLoadsCsvAndWritesJson(@TempDir Path files) throws IOException {
        Files.writeString(files.resolve("edges.csv"), "process,theme,weight\nann,Remesas,2\nbob,Remesas,1\n"
                + "bob,Turismo,1\ncid,Turismo,3\n");
        Path job = Files.writeString(files.resolve("job.yaml"), "datasets:\n  - name: events\n    csv: edges.csv\n"
                + "analyses:\n  paths: [{from: ann, to: cid, k: 1}]\n  clusters: {algorithm: louvain}\n"
                + "  betweennessBudget: 1000\n"
                + "output:\n  json: out-{dataset}.json\n");
        CliRun outcome = run("run", job.toString());
        assertThat(outcome.exit()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("ann is linked to cid in 4 steps");
        JsonNode json = new ObjectMapper().readTree(files.resolve("out-events.json").toFile());
        // ann-bob first (Jaccard 1/2, tie with bob-cid broken by id): Σmin = min(2, 1) = 1 over
        // Σmax = max(2, 1) [Remesas] + max(0, 1) [Turismo] = 3
        JsonNode annBob = json.get("pairs").get(0);
        assertThat(annBob.get("a").asText() + "-" + annBob.get("b").asText()).isEqualTo("ann-bob");
        assertThat(annBob.get("weightedJaccard").asDouble()).isEqualTo(1d / 3);
        assertThat(json.get("pairs").get(1).get("weightedJaccard").asDouble()).isEqualTo(1d / 4);
        // 7 nodes: below the 64 sources an estimate would use, so exact whatever the budget
        assertThat(json.get("betweennessExact").asBoolean()).isTrue();
        Path bad = Files.writeString(files.resolve("bad.yaml"), "datasets:\n  - name: x\n    seed: true\n    colour: red\n");
        CliRun badJob = run("run", bad.toString());
        assertThat(badJob.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(badJob.err()).contains(bad + ":4:").contains("colour");
    }

    @Test
    void loadCsvBesideTheSeedThenReplace(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("events.csv"),
                "process,theme,weight\nann,Remesas,2\nbob,Remesas,1\nbob,Music,1\n");
        CliRun loaded = run("load", csv.toString());
        assertThat(loaded.exit()).as(loaded.err()).isZero();
        assertThat(loaded.out()).contains("data set `events`").contains("2 processes, 2 themes (1 unmapped)")
                .contains("line 4: \"Music\"").contains("1 label(s) matched no taxonomy theme");
        // without a taxonomy every label is a theme as written: counted, not listed as unmatched
        CliRun plain = run("load", "--no-taxonomy", "--dataset", "plain", csv.toString());
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("No taxonomy: 2 theme label(s) taken as written.")
                .doesNotContain("matched no taxonomy").doesNotContain("line 4: \"Music\"");
        Files.writeString(csv, "process,theme\ncid,Turismo\n");
        CliRun conflict = run("load", csv.toString());
        assertThat(conflict.exit()).isEqualTo(ConvergenceCli.EXIT_CONFLICT);
        assertThat(conflict.err()).contains("--replace");
        CliRun replaced = run("load", "--replace", csv.toString());
        assertThat(replaced.exit()).isZero();
        assertThat(replaced.out()).contains("Reloaded data set `events`").contains("1 processes");
        assertThat(run("load", "--seed").exit()).isZero();
        CliRun list = run("datasets");
        assertThat(list.out()).contains("events").contains("seed");
        // a run of one data set named under another (the default, seed): pointed to its own
        CliRun analyzed = run("analyze", "--dataset", "events", "--no-centrality");
        assertThat(analyzed.exit()).as(analyzed.err()).isZero();
        String runId = analyzed.out().replaceAll("(?s).*Analysis (run-[0-9a-f]{12}).*", "$1");
        CliRun elsewhere = run("export", "--run", runId, "--format", "csv", "--out", files.toString());
        assertThat(elsewhere.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(elsewhere.err()).contains("Run `" + runId + "` is not of data set `seed` but of `events`; name it"
                + " with --dataset events");
    }

    @Test
    void aSpanishExcelCsvStillOpenInExcelLoadsAndADataSetIsDeletedWithItsRuns(@TempDir Path files)
            throws IOException {
        // saved as "CSV" by a Spanish-locale Excel: `;` and Windows-1252; Excel still has it open
        Path csv = Files.write(files.resolve("mine.csv"), "process;theme;relation\r\nCRM;Migración y desarrollo;PLAN\r\n"
                .concat("PPP;Migración y desarrollo;PLAN\r\nPPP;Turismo;PLAN\r\n").getBytes("windows-1252"));
        Files.writeString(files.resolve("~$mine.csv"), "");
        CliRun loaded = run("load", csv.toString());
        assertThat(loaded.exit()).as(loaded.err()).isZero();
        assertThat(loaded.out()).contains("data set `mine`").contains("2 processes, 2 themes (0 unmapped)")
                .contains("Note: " + csv + " read as Windows-1252 text with `;` between fields");
        assertThat(loaded.err()).contains("warning: " + csv + " seems to be open in a spreadsheet program (~$mine.csv is"
                + " beside it)");
        assertThat(run("load", "--seed").exit()).isZero();
        CliRun analyzed = run("analyze", "--dataset", "mine", "--no-centrality");
        assertThat(analyzed.exit()).as(analyzed.err()).isZero();
        // deleted with its run, the other data set untouched
        CliRun deleted = run("datasets", "--delete", "mine");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        assertThat(deleted.out()).startsWith("Deleted data set `mine` and its 1 analysis run(s) from ");
        assertThat(run("datasets").out()).doesNotContain("mine").contains("seed");
        assertThat(run("analyze", "--dataset", "mine").err()).contains("`mine`");
        CliRun again = run("datasets", "--delete", "mine");
        assertThat(again.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(again.err()).contains("Unknown data set `mine`; data sets: seed");
        // and it can be loaded again under its name, as new
        CliRun reloaded = run("load", csv.toString());
        assertThat(reloaded.exit()).as(reloaded.err()).isZero();
        assertThat(reloaded.out()).contains("Loaded data set `mine`");
    }

    @Test
    void labelsInOtherWordsMatchThroughProposalsThatEveryOutputNames(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("rcp.csv"), "process,theme\nCSM,Combatting human trafficking\n"
                + "CRM,Trata de personas\nSOA,Counter migrant smuggling\nCRM,Tráfico de migrantes\nBALI,Remittances\n"
                + "CRM,Remesas\nBALI,Knowledge\n");
        // themes suggest: a taxonomy file with the proposals, each marked, and the command to load it
        Path proposals = files.resolve("proposals.yaml");
        CliRun suggested = run("themes", "suggest", csv.toString(), "--out", proposals.toString());
        assertThat(suggested.exit()).as(suggested.err()).isZero();
        assertThat(suggested.out()).contains("3 label(s) of " + csv + " match no taxonomy entry") // and Knowledge
                .contains("trafficking-in-persons (Trafficking in persons): \"Combatting human trafficking\"")
                .contains("smuggling-of-migrants (Smuggling of migrants): \"Counter migrant smuggling\"")
                .contains("convergence load " + csv + " --taxonomy " + proposals);
        assertThat(Files.readString(proposals)).contains("label: Combatting human trafficking").contains("proposed: true");
        // load --match suggested: the same proposals accepted, and said
        CliRun loaded = run("load", "--match", "suggested", csv.toString());
        assertThat(loaded.exit()).as(loaded.err()).isZero();
        assertThat(loaded.out()).contains("2 label(s) matched automatically, through proposals of `themes suggest`")
                .contains("\"Combatting human trafficking\" -> trafficking-in-persons (score ")
                .contains("1 label(s) matched no taxonomy theme"); // Knowledge
        CliRun analyzed = run("analyze", "--dataset", "rcp", "--no-centrality");
        assertThat(analyzed.exit()).as(analyzed.err()).isZero();
        assertThat(analyzed.out()).containsPattern("CRM +CSM +1 ").containsPattern("CRM +SOA +1 ")
                .containsPattern("BALI +CRM +1 "); // Remittances is Remesas: the taxonomy's English name
        Path html = files.resolve("rcp.html");
        CliRun report = run("report", "--dataset", "rcp", "--out", html.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("Labels matched automatically").contains("<td>Combatting human trafficking</td>"
                + "<td>Trafficking in persons</td>").contains("closest: &quot;Trata de personas&quot;");
        // bad input, refused before any work with the file named
        CliRun badBase = run("themes", "suggest", csv.toString(), "--taxonomy", files.resolve("nope.yaml").toString(),
                "--out", proposals.toString());
        assertThat(badBase.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(badBase.err()).contains(files.resolve("nope.yaml") + ": taxonomy file does not exist");
        Path empty = Files.writeString(files.resolve("empty.csv"), "");
        CliRun emptyFile = run("themes", "suggest", empty.toString(), "--out", proposals.toString());
        assertThat(emptyFile.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(emptyFile.err()).contains(empty + ":1: the file is empty");
        CliRun notYaml = run("themes", "suggest", csv.toString(), "--out", files.resolve("p.txt").toString());
        assertThat(notYaml.exit()).isEqualTo(picocli.CommandLine.ExitCode.USAGE);
        Path broken = Files.createDirectories(files.resolve("model"));
        Files.write(broken.resolve("model.onnx"), new byte[] {0, 1, 2, 3});
        Files.writeString(broken.resolve("tokenizer.json"), "{}");
        CliRun badModel = run("themes", "suggest", csv.toString(), "--model", broken.toString(), "--out",
                proposals.toString());
        assertThat(badModel.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(badModel.err()).contains("error: The embedding model in " + broken + " cannot be loaded: ")
                .doesNotContain("\tat ");
    }

    @Test
    void theSourcesColumnsAKeptLoadKeepsReachTheReportAndTheExports(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("sourced.csv"), "process,theme,source,year\n"
                + "CSM,Remesas,https://www.iom.int/south-american-conference-migration-sacm,2024\n"
                + "CRM,Remesas,https://www.iom.int/puebla-process,2023\nCRM,Turismo,,2023\n");
        CliRun refused = run("load", csv.toString());
        assertThat(refused.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("unknown column `source`").contains("--keep-columns source");
        CliRun loaded = run("load", "--keep-columns", "source,year", csv.toString());
        assertThat(loaded.exit()).as(loaded.err()).isZero();
        assertThat(loaded.out()).contains("Note: kept column(s) source, year of " + csv);
        assertThat(run("analyze", "--dataset", "sourced", "--no-centrality").exit()).isZero();
        Path html = files.resolve("sourced.html");
        assertThat(run("report", "--dataset", "sourced", "--out", html.toString()).exit()).isZero();
        assertThat(Files.readString(html)).contains("title=\"source: https://www.iom.int/puebla-process; year: 2023\"");
        CliRun export = run("export", "--dataset", "sourced", "--format", "graphml", "--out", files.resolve("s").toString());
        assertThat(export.exit()).as(export.err()).isZero();
        String graphml = Files.readString(files.resolve("s-bipartite.graphml"));
        assertThat(graphml).contains("attr.name=\"source\"").contains("attr.name=\"year\"")
                .contains(">https://www.iom.int/south-american-conference-migration-sacm<");
    }

    @Test
    void serveRefusesADataSetForTheGuideThatIsNotThere() {
        CliRun served = run("serve", "--dataset", "nope", "--bolt-port", "0", "--http-port", "0");
        assertThat(served.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(served.err()).contains("Unknown data set `nope` for --dataset; data sets: seed");
        CliRun badName = run("serve", "--dataset", "no way");
        assertThat(badName.exit()).isEqualTo(picocli.CommandLine.ExitCode.USAGE);
        assertThat(badName.err()).contains("Value for `--dataset` was `no way`, but must be a data set name");
    }

    @Test
    void malformedCsvNamesFileAndLineAndWritesNothing(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("bad.csv"), "process,theme\nA,x\nB,\n");
        CliRun bad = run("load", csv.toString());
        assertThat(bad.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains(csv + ":3: empty `theme`");
        assertThat(run("datasets").out()).contains("No data sets");
    }
    @Test
    void exportWritesTheLatestRunOrSaysWhyItCannot(@TempDir Path files) throws IOException {
        assertThat(run("load", "--seed").exit()).isZero();
        CliRun none = run("export", "--format", "csv", "--out", files.toString());
        assertThat(none.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(none.err()).contains("Data set `seed` has no complete analysis run; run `convergence analyze"
                + " --dataset seed` first");
        CliRun analyzed = run("analyze", "--no-centrality");
        assertThat(analyzed.exit()).as(analyzed.err()).isZero();
        String runId = analyzed.out().replaceAll("(?s).*Analysis (run-[0-9a-f]{12}).*", "$1");
        CliRun csv = run("export", "--format", "csv", "--out", files.toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        Path pairs = files.resolve("seed-" + runId + "-pairs.csv");
        assertThat(csv.out()).contains("Exported run " + runId + " of data set `seed`")
                .contains(pairs.toAbsolutePath() + "  5 pairs");
        assertThat(Files.readAllLines(pairs)).hasSize(1 + 5);
        CliRun vos = run("export", "--run", runId, "--format", "vosviewer", "--out", files.resolve("seed").toString());
        assertThat(vos.exit()).as(vos.err()).isZero();
        // without centrality the map has no betweenness column
        assertThat(Files.readAllLines(files.resolve("seed-vosviewer-map.txt")).get(0))
                .isEqualTo("id\tlabel\tdescription\tcluster\tweight<Links>\tweight<Total link strength>");
        CliRun unknown = run("export", "--run", "run-0", "--format", "csv", "--out", files.toString());
        assertThat(unknown.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("Data set `seed` has no complete run `run-0`; its complete runs, latest"
                + " first: " + runId + " (finished ");
    }

    @Test
    void aLargeBadFileIsRefusedWhileTheStoreStartsAndLeavesItAsItWas(@TempDir Path dir) throws IOException {
        // past LoadRequest.LARGE_SOURCE_BYTES, so parsed while Neo4j starts
        StringBuilder csv = new StringBuilder("process,theme\n");
        int i = 0;
        while (csv.length() < LoadRequest.LARGE_SOURCE_BYTES + 1000) {
            csv.append("process-").append(i % 5000).append(",theme-").append(i++).append('\n');
        }
        csv.append("process-1,\n"); // the last row has no theme
        int lines = i + 2;
        Path file = dir.resolve("large.csv");
        Files.writeString(file, csv);
        CliRun bad = run("load", file.toString());
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.err()).contains("large.csv:" + lines + ":").contains("theme");
        CliRun datasets = run("datasets");
        assertThat(datasets.exit()).isZero();
        assertThat(datasets.out()).contains("No data sets");
    }
}
