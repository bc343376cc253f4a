package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.convergence.cypher.Cypher;
import org.convergence.engine.Neo4jServers;
import org.convergence.engine.store.GraphReader;
import org.convergence.engine.store.MatrixReader;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.matrix.MatrixDocument;
import org.convergence.loader.matrix.RowKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import picocli.CommandLine;

/**
 * The matrix round trip through the command line, against the in-process Neo4j: {@code load --seed},
 * {@code export --format xlsx} (and {@code matrix-csv}), {@code load --matrix} of the file into another
 * data set, and the two data sets compared: the analysis input's fingerprint, and every process,
 * theme, {@code ADDRESSES}, footnote, activity and relationship apart from where they came from.
 * Bad spreadsheets are refused naming file, sheet and cell, with nothing written.
 */
class MatrixExportIT {

    @TempDir
    Path dir;

    private record Outcome(int exit, String out, String err) {
    }

    private static Neo4jConnection neo4j() {
        return Neo4jServers.embedded();
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ConvergenceCli.newCommandLine(Map.of("NEO4J_URI",
                neo4j().embedded().orElseThrow().boltUri().toString()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static Outcome ok(String... args) {
        Outcome o = run(args);
        assertThat(o.exit()).as(String.join(" ", args) + ": " + o.err()).isZero();
        return o;
    }

    private static Record facts(String dataset) {
        try (var session = neo4j().driver().session()) {
            return session.executeRead(tx -> tx.run(Cypher.statement("test/matrix-facts"),
                    Map.of("dataset", dataset)).single());
        }
    }

    private static long[] counts() {
        try (var session = neo4j().driver().session()) {
            Record r = session.executeRead(tx -> tx.run(Cypher.statement("test/counts")).single());
            return new long[] {r.get("nodes").asLong(), r.get("relationships").asLong()};
        }
    }

    private static String fingerprint(String dataset) {
        return new GraphReader(neo4j().driver()).snapshot(dataset, null).data().fingerprint();
    }

    /** The document as text, cell by cell, without locations: what must survive a round trip. */
    private static List<String> text(MatrixDocument doc) {
        List<String> lines = new java.util.ArrayList<>();
        doc.preamble().forEach(l -> lines.add("preamble " + l.text()));
        doc.header().cells().forEach(c -> lines.add("header " + c.text()));
        for (MatrixDocument.Row row : doc.rows()) {
            lines.add("row " + row.labelText() + " " + row.kind().orElseThrow());
            row.cells().forEach(c -> lines.add("  " + c.lines().stream().map(MatrixDocument.Line::text).toList()));
        }
        doc.footnotes().forEach(f -> lines.add("footnote " + f.marker() + " " + f.text()));
        return lines;
    }

    @BeforeEach
    void emptyDatabase() {
        try (var session = neo4j().driver().session()) {
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("test/clear")).consume());
        }
    }

    @Test
    void theSeedExportedAsAWorkbookLoadsBackAsTheSameGraph() throws IOException {
        ok("load", "--seed");
        Path xlsx = dir.resolve("matriz-convergencia-antigua-2002.xlsx");
        Outcome export = ok("export", "--format", "xlsx", "--out", xlsx.toString());
        assertThat(export.out()).contains("Wrote data set `seed` as xlsx to " + xlsx + ": 3 processes as columns, 7 rows,"
                + " 3 footnotes");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Matriz");
            assertThat(workbook.getSheet("Notas").getRow(1).getCell(0).getStringCellValue())
                    .startsWith("**En apoyo al Estatuto");
        }
        ok("load", "--matrix", xlsx.toString(), "--dataset", "roundtrip");

        assertThat(fingerprint("roundtrip")).isEqualTo(fingerprint("seed"));
        Record seed = facts("seed");
        Record back = facts("roundtrip");
        for (String key : List.of("processes", "themes", "addresses", "footnotes", "activities", "relationships")) {
            assertThat(back.get(key).asList()).as(key).isNotEmpty().containsExactlyElementsOf(seed.get(key).asList());
        }
        assertThat(seed.get("addresses").asList()).hasSize(39);

        MatrixDocument original = new MatrixReader(neo4j().driver()).read("seed").orElseThrow();
        MatrixDocument reloaded = new MatrixReader(neo4j().driver()).read("roundtrip").orElseThrow();
        assertThat(text(reloaded)).containsExactlyElementsOf(text(original));
        assertThat(original.origin().format()).isEqualTo(MatrixDocument.Format.TEXT);
        assertThat(reloaded.origin().format()).isEqualTo(MatrixDocument.Format.XLSX);
        assertThat(original.rows()).extracting(r -> r.kind().orElseThrow()).containsExactly(RowKind.values());
        MatrixDocument.Item security = original.rows().get(5).cells().get(1).items().get(7);
        assertThat(security.rawLabel()).isEqualTo("Seguridad Hemisférica**");
        assertThat(security.footnoteMarker()).contains("**");
        assertThat(original.processColumns()).extracting(MatrixDocument.ProcessColumn::code)
                .containsExactly("CRM", "SOA", "PPP");
    }

    @Test
    void aWorkbooksReportListsEachCellsThemesInTheDocumentsOrder() throws IOException {
        ok("load", "--seed");
        Path xlsx = dir.resolve("matriz.xlsx");
        ok("export", "--format", "xlsx", "--out", xlsx.toString());
        ok("load", "--matrix", xlsx.toString(), "--dataset", "workbook");
        for (String dataset : List.of("seed", "workbook")) {
            ok("analyze", "--dataset", dataset, "--no-centrality");
            Path html = dir.resolve(dataset + ".html");
            ok("report", "--dataset", dataset, "--out", html.toString());
            String page = Files.readString(html);
            // CRM's action plan, the first cell of its row: the items as the document lists them
            String row = page.substring(page.indexOf("<tr data-row=\"ACTION_PLAN\">"));
            String crm = row.substring(row.indexOf("<td>"), row.indexOf("</td>"));
            assertThat(crm).as(dataset).containsSubsequence("Políticas y gestión migratoria", "Derechos Humanos",
                    "Vinculación entre migración y desarrollo");
            String soa = row.substring(row.indexOf("</td>") + 5);
            soa = soa.substring(0, soa.indexOf("</td>"));
            assertThat(soa).as(dataset).containsSubsequence("Derechos Humanos", "Tráfico (trata) de personas",
                    "Migración y desarrollo", "Integración comercial y económica");
        }
    }

    @Test
    void theSameRoundTripThroughSemicolonSeparatedValues() throws IOException {
        ok("load", "--seed");
        Path csv = dir.resolve("matriz-convergencia-antigua-2002.csv");
        ok("export", "--format", "matrix-csv", "--out", csv.toString());
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(";Conferencia Regional sobre Migración (CRM);");
        ok("load", "--matrix", csv.toString(), "--dataset", "roundtrip-csv");
        assertThat(fingerprint("roundtrip-csv")).isEqualTo(fingerprint("seed"));
        Record seed = facts("seed");
        Record back = facts("roundtrip-csv");
        for (String key : List.of("processes", "themes", "addresses", "footnotes", "activities", "relationships")) {
            assertThat(back.get(key).asList()).as(key).containsExactlyElementsOf(seed.get(key).asList());
        }
        // and once more from the CSV-loaded data set, as a workbook
        Path again = dir.resolve("again.xlsx");
        ok("export", "--dataset", "roundtrip-csv", "--format", "xlsx", "--out", again.toString());
        ok("load", "--matrix", again.toString(), "--dataset", "again");
        assertThat(fingerprint("again")).isEqualTo(fingerprint("seed"));
        assertThat(facts("again").get("addresses").asList()).containsExactlyElementsOf(seed.get("addresses").asList());
    }

    @Test
    void badWorkbooksAreRefusedNamingTheCellAndNothingIsWritten() throws IOException {
        ok("load", "--seed");
        Path xlsx = dir.resolve("matriz.xlsx");
        ok("export", "--format", "xlsx", "--out", xlsx.toString());
        long[] before = counts();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            // the start row, wherever the preamble ends: its label in A, PPP's cell in D
            var sheet = workbook.getSheetAt(0);
            int start = -1;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                var cell = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(0);
                if (cell != null && cell.getStringCellValue().startsWith("País y Año")) {
                    start = r;
                }
            }
            sheet.getRow(start).getCell(3).setCellValue("El Salvador, dos mil uno");
            try (var out = Files.newOutputStream(xlsx)) {
                workbook.write(out);
            }
            Outcome bad = run("load", "--matrix", xlsx.toString(), "--dataset", "bad");
            assertThat(bad.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
            assertThat(bad.err()).contains("error: " + xlsx + ": sheet Matriz, cell D" + (start + 1) + ": `País y Año de"
                    + " Inicio` of PPP must be `Country, YEAR`, found `El Salvador, dos mil uno`");
        }
        Path garbage = Files.write(dir.resolve("garbage.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Outcome notZip = run("load", "--matrix", garbage.toString());
        assertThat(notZip.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(notZip.err()).contains(garbage + ": not an .xlsx workbook, or a damaged one");
        assertThat(counts()).containsExactly(before);
        assertThat(run("datasets").out()).doesNotContain("bad").doesNotContain("garbage");
    }

    @Test
    void aDataSetOfEdgesHasNoMatrixToExport() throws IOException {
        Path edges = Files.writeString(dir.resolve("edges.csv"), "process,theme\nA,Remesas\nB,Remesas\n");
        ok("load", "--dataset", "edges", edges.toString());
        Path out = dir.resolve("edges.xlsx");
        Outcome refused = run("export", "--dataset", "edges", "--format", "xlsx", "--out", out.toString());
        assertThat(refused.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("Data set `edges` was not loaded from a convergence matrix");
        assertThat(out).doesNotExist();
        assertThat(Files.list(dir)).noneMatch(p -> p.getFileName().toString().endsWith(".partial"));
        Outcome missing = run("export", "--dataset", "nope", "--format", "xlsx", "--out", out.toString());
        assertThat(missing.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("Data set `nope` does not exist; known data sets: edges");
    }
}
