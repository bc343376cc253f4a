package org.convergence.loader.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.convergence.loader.LoadException;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.Location;
import org.convergence.loader.NodeKind;
import org.convergence.loader.RelKind;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

/** Matrix workbooks read with POI: hand-made ones, the seed written and read back, and the bad cases. */
class MatrixWorkbookTest {

    private static final MatrixParser PARSER = new MatrixParser(Taxonomy.builtIn(), Organisations.builtIn());

    private static LoadPlan parse(String name, byte[] xlsx) {
        return PARSER.parse(MatrixWorkbook.read(name, xlsx));
    }

    private static LoadException refused(byte[] xlsx) {
        return assertThrows(LoadException.class, () -> parse("matriz.xlsx", xlsx));
    }

    private static LoadPlan.RelRow addresses(LoadPlan plan, String process, String theme, String relation) {
        return plan.relationships().get(RelKind.ADDRESSES).stream().filter(r -> r.from().equals(process)
                && r.to().equals(theme) && relation.equals(r.props().get("relation"))).findFirst().orElseThrow();
    }

    private static List<String> themes(LoadPlan plan, String process, String relation) {
        return plan.relationships().get(RelKind.ADDRESSES).stream().filter(r -> r.from().equals(process)
                && relation.equals(r.props().get("relation"))).map(LoadPlan.RelRow::to).toList();
    }

    @Test
    void aHandMadeWorkbookWithAFootnotesColumn() {
        LoadPlan plan = parse("prueba.xlsx", Workbooks.xlsx(Workbooks.SMALL));
        assertThat(plan.source().kind()).isEqualTo("matrix-xlsx");
        assertThat(plan.source().documentId()).isEqualTo("prueba");
        assertThat(plan.nodes().get(NodeKind.PROCESS)).extracting(LoadPlan.NodeRow::id).containsExactly("CRM", "PPP");
        assertThat(plan.node(NodeKind.PROCESS, "CRM").orElseThrow().props()).containsEntry("startYear", 1996)
                .containsEntry("sourceSheet", "Matriz").containsEntry("sourceCell", "B7");
        // ;-separated and one per line, bullets optional
        assertThat(themes(plan, "CRM", "ACTION_PLAN")).containsExactly("remittances", "tourism",
                "human-rights-of-migrants");
        assertThat(themes(plan, "PPP", "ACTION_PLAN")).containsExactly("natural-disasters", "hemispheric-security");
        assertThat(plan.node(NodeKind.PROCESS, "PPP").orElseThrow().props())
                .containsEntry("actionPlanNote", "(Solo migración)");
        assertThat(addresses(plan, "CRM", "tourism", "ACTION_PLAN").props()).containsEntry("sourceSheet", "Matriz")
                .containsEntry("sourceCell", "B9").containsEntry("sourceItems", List.of(2))
                .containsEntry("rawLabels", List.of("Turismo")).doesNotContainKey("sourceLines");
        assertThat(addresses(plan, "PPP", "hemispheric-security", "ACTION_PLAN").props())
                .containsEntry("rawLabels", List.of("Seguridad Hemisférica**")).containsEntry("footnoteMarker", "**");
        assertThat(themes(plan, "PPP", "CONVERGENCE_AREA")).containsExactly("remittances");
        // footnotes from the Notas column: the heading's and the theme's
        assertThat(plan.nodes().get(NodeKind.FOOTNOTE)).extracting(n -> n.props().get("marker"))
                .containsExactly("*", "**");
        assertThat(plan.node(NodeKind.FOOTNOTE, "fn-2").orElseThrow().props()).containsEntry("sourceCell", "D9")
                .containsEntry("text", "En apoyo al CICTE de la OEA.");
        assertThat(plan.relationships().get(RelKind.ANNOTATES_THEME)).singleElement()
                .satisfies(r -> assertThat(r.from() + ">" + r.to()).isEqualTo("fn-2>hemispheric-security"));
        assertThat(plan.relationships().get(RelKind.FOOTNOTE_OF)).first()
                .satisfies(r -> assertThat(r.props()).containsEntry("anchor", "table heading")
                        .containsEntry("sheet", "Matriz").containsEntry("cell", "D8"));
        assertThat(plan.node(NodeKind.DOCUMENT, "prueba").orElseThrow().props())
                .containsEntry("dateFrom", java.time.LocalDate.of(2003, 6, 3)).containsEntry("place", "Lima, Perú");
    }

    @Test
    void footnotesInASheetOfTheirOwnReadAsInTheColumn() {
        String[][] matrix = Workbooks.SMALL.clone();
        matrix[6] = new String[] {"", "Conferencia Regional sobre Migración (CRM)", "Plan Puebla – Panamá (PPP)"};
        matrix[7] = java.util.Arrays.copyOf(matrix[7], 3);
        matrix[8] = java.util.Arrays.copyOf(matrix[8], 3);
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put("Matriz", matrix);
        sheets.put("Notas", new String[][] {{"*Un título con nota."}, {}, {"** En apoyo al CICTE\nde la OEA."}});
        LoadPlan plan = parse("prueba.xlsx", Workbooks.xlsx(sheets));
        assertThat(plan.node(NodeKind.FOOTNOTE, "fn-2").orElseThrow().props())
                .containsEntry("text", "En apoyo al CICTE de la OEA.").containsEntry("sourceSheet", "Notas")
                .containsEntry("sourceCell", "A3");
        assertThat(Workbooks.withoutProvenance(plan))
                .isEqualTo(Workbooks.withoutProvenance(parse("prueba.xlsx", Workbooks.xlsx(Workbooks.SMALL))));
    }

    @Test
    void theSeedWrittenAsAWorkbookReadsBackToTheSamePlanApartFromProvenance() throws IOException {
        MatrixDocument seed = MatrixText.read(SeedMatrixParser.builtInSource());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MatrixWorkbook.write(seed, out);
        LoadPlan fromWorkbook = parse("matriz-convergencia-antigua-2002.xlsx", out.toByteArray());
        LoadPlan fromText = new SeedMatrixParser(Taxonomy.builtIn(), Organisations.builtIn())
                .parse(SeedMatrixParser.builtInSource());
        assertThat(Workbooks.withoutProvenance(fromWorkbook)).isEqualTo(Workbooks.withoutProvenance(fromText));
        MatrixDocument back = MatrixWorkbook.read("m.xlsx", out.toByteArray());
        assertThat(back.rows()).hasSameSizeAs(seed.rows());
        for (int r = 0; r < seed.rows().size(); r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(back.rows().get(r).cells().get(c).lines()).extracting(MatrixDocument.Line::text)
                        .containsExactlyElementsOf(seed.rows().get(r).cells().get(c).lines().stream()
                                .map(MatrixDocument.Line::text).toList());
            }
        }
        assertThat(back.footnotes()).extracting(MatrixDocument.Footnote::text)
                .containsExactlyElementsOf(seed.footnotes().stream().map(MatrixDocument.Footnote::text).toList());
        assertThat(back.footnotes().get(0).location()).isEqualTo(new Location.SheetCell("Notas", "A1"));
    }

    /** The seed as a workbook with ranges merged as a spreadsheet program merges them: the first cell's text kept. */
    private static byte[] seedWithMerged(org.apache.poi.ss.util.CellRangeAddress... ranges) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        MatrixWorkbook.write(MatrixText.read(SeedMatrixParser.builtInSource()), written);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(written.toByteArray()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            for (org.apache.poi.ss.util.CellRangeAddress range : ranges) {
                for (org.apache.poi.ss.util.CellAddress at : range) {
                    boolean first = at.getRow() == range.getFirstRow() && at.getColumn() == range.getFirstColumn();
                    org.apache.poi.ss.usermodel.Row row = sheet.getRow(at.getRow());
                    if (!first && row != null && row.getCell(at.getColumn()) != null) {
                        row.removeCell(row.getCell(at.getColumn()));
                    }
                }
                sheet.addMergedRegion(range);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** @return the 1-based row of the seed's workbook whose label starts so */
    private static int seedRow(String label) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        MatrixWorkbook.write(MatrixText.read(SeedMatrixParser.builtInSource()), written);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(written.toByteArray()))) {
            for (org.apache.poi.ss.usermodel.Row row : workbook.getSheetAt(0)) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().startsWith(label)) {
                    return row.getRowNum() + 1;
                }
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void cellsMergedAcrossProcessesAreRefusedNamingTheRangeAndTheProcesses() throws IOException {
        // a row of themes: SOA's areas of convergence spread over PPP's cell
        int areas = seedRow("Areas de convergencia");
        assertThat(refused(seedWithMerged(org.apache.poi.ss.util.CellRangeAddress.valueOf("C" + areas + ":D" + areas)))
                .getMessage()).startsWith("matriz.xlsx: sheet Matriz: cells C" + areas + ":D" + areas + " are merged"
                        + " across SOA and PPP: a merged range keeps the text of its first cell (C" + areas + ") only");
        // a row of text: participation
        int participation = seedRow("Participación");
        assertThat(refused(seedWithMerged(org.apache.poi.ss.util.CellRangeAddress.valueOf("C" + participation + ":D"
                + participation))).getMessage()).startsWith("matriz.xlsx: sheet Matriz: cells C" + participation + ":D"
                        + participation + " are merged across SOA and PPP:");
        // down one process's column, over two rows
        int plan = seedRow("Plan de Acción");
        assertThat(refused(seedWithMerged(org.apache.poi.ss.util.CellRangeAddress.valueOf("B" + plan + ":B" + areas)))
                .getMessage()).startsWith("matriz.xlsx: sheet Matriz: cells B" + plan + ":B" + areas + " are merged in"
                        + " CRM, across the rows `Plan de Acción` and `Areas de convergencia de temas y/o proyectos`:");
        // a row label spread over the first process
        assertThat(refused(seedWithMerged(org.apache.poi.ss.util.CellRangeAddress.valueOf("A" + participation + ":B"
                + participation))).getMessage()).startsWith("matriz.xlsx: sheet Matriz: cells A" + participation + ":B"
                        + participation + " are merged across the row labels (column A) and CRM:");
    }

    @Test
    void mergedRangesThatHideNothingAreRead() throws IOException {
        LoadPlan plain = parse("matriz.xlsx", seedWithMerged());
        // a title across the page, and an empty range in the table
        LoadPlan merged = parse("matriz.xlsx", seedWithMerged(org.apache.poi.ss.util.CellRangeAddress.valueOf("A1:D1"),
                org.apache.poi.ss.util.CellRangeAddress.valueOf("B20:D21")));
        assertThat(Workbooks.withoutProvenance(merged)).isEqualTo(Workbooks.withoutProvenance(plain));
        assertThat(plain.count(RelKind.ADDRESSES)).isEqualTo(39);
    }

    // --- bad workbooks: each refused with file, sheet and cell named

    @Test
    void unknownRowLabelNamesItsCell() {
        assertThat(refused(Workbooks.xlsx(Workbooks.with(Workbooks.SMALL, 9, 0, "Presupuesto"))).getMessage())
                .startsWith("matriz.xlsx: sheet Matriz, cell A10: unknown row `Presupuesto`; known rows: País y Año de"
                        + " Inicio, Objetivos");
    }

    @Test
    void aCellBeyondTheProcessColumnsNamesThatCell() {
        String[][] grid = Workbooks.with(Workbooks.SMALL, 9, 4, "Trata de personas");
        assertThat(refused(Workbooks.xlsx(grid)).getMessage()).isEqualTo("matriz.xlsx: sheet Matriz, cell E10: row"
                + " `Areas de convergencia de temas y/o proyectos` has 3 cells, expected 2 (one per process: CRM, PPP)");
    }

    @Test
    void processHeaderWithoutCodeNamesTheHeaderCell() {
        assertThat(refused(Workbooks.xlsx(Workbooks.with(Workbooks.SMALL, 6, 2, "Plan Puebla – Panamá"))).getMessage())
                .isEqualTo("matriz.xlsx: sheet Matriz, cell C7: process header `Plan Puebla – Panamá` must be a name"
                        + " followed by its code in parentheses, e.g. `Plan Puebla – Panamá (PPP)`");
    }

    @Test
    void anEmptyColumnAmongTheProcessesIsNamed() {
        String[][] grid = Workbooks.with(Workbooks.with(Workbooks.SMALL, 6, 2, ""), 6, 3, "Plan Puebla – Panamá (PPP)");
        assertThat(refused(Workbooks.xlsx(grid)).getMessage()).isEqualTo("matriz.xlsx: sheet Matriz, cell C7: column C"
                + " has no process header: the process columns stand side by side from column B on; delete the empty"
                + " column, or write its process's header here, e.g. `Plan Puebla – Panamá (PPP)`");
    }

    @Test
    void rowsLabelledInEnglishAsTheReportLabelsThemReadAsTheSpanishOnes() {
        String[][] english = Workbooks.with(Workbooks.with(Workbooks.with(Workbooks.SMALL, 7, 0,
                "Country and year of start"), 8, 0, "Action plan"), 9, 0, "Areas of convergence");
        // the same plan, but for the rows' labels as written, which each relationship keeps as provenance
        assertThat(Workbooks.withoutProvenance(parse("prueba.xlsx", Workbooks.xlsx(english)))
                .replace("row=Action plan", "row=Plan de Acción")
                .replace("row=Areas of convergence", "row=Areas de convergencia de temas y/o proyectos"))
                .isEqualTo(Workbooks.withoutProvenance(parse("prueba.xlsx", Workbooks.xlsx(Workbooks.SMALL))));
        assertThat(refused(Workbooks.xlsx(Workbooks.with(Workbooks.SMALL, 8, 0, "Budget"))).getMessage())
                .contains("; or in English: Country and year of start, Objectives, Participation, Geographic areas,"
                        + " Action plan, Areas of convergence of themes and/or projects, Convergence of possible"
                        + " activities");
    }

    @Test
    void spreadsheetsOfOtherKindsAreToldByTheirBytesWhateverTheirName(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws IOException {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        ByteArrayOutputStream ods = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(ods)) {
            ZipEntry mime = new ZipEntry("mimetype");
            out.putNextEntry(mime);
            out.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("content.xml"));
            out.write("<office:document-content/>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        for (String name : List.of("mine.xls", "mine.xlsx", "mine.csv", "mine.txt")) {
            java.nio.file.Path xls = java.nio.file.Files.write(dir.resolve(name), ole2);
            assertThat(assertThrows(LoadException.class, () -> MatrixFiles.read(xls)).getMessage()).as(name)
                    .isEqualTo(xls + ": an Excel 97-2003 workbook (.xls) or another OLE2 file, whatever its name; a"
                            + " matrix is read from an .xlsx workbook or a CSV file: open it and save it as Excel"
                            + " Workbook (.xlsx)");
            java.nio.file.Path odsFile = java.nio.file.Files.write(dir.resolve("o-" + name), ods.toByteArray());
            assertThat(assertThrows(LoadException.class, () -> MatrixFiles.read(odsFile)).getMessage()).as(name)
                    .isEqualTo(odsFile + ": an OpenDocument spreadsheet (.ods), whatever its name; a matrix is read"
                            + " from an .xlsx workbook or a CSV file: in LibreOffice Calc choose File > Save As and the"
                            + " type Excel 2007-365 (.xlsx)");
        }
        // a workbook named as a CSV or a text file is read as the workbook it is
        java.nio.file.Path named = java.nio.file.Files.write(dir.resolve("prueba.csv"), Workbooks.xlsx(Workbooks.SMALL));
        assertThat(MatrixFiles.read(named).origin().format()).isEqualTo(MatrixDocument.Format.XLSX);
    }

    @Test
    void badStartCellNamesIt() {
        assertThat(refused(Workbooks.xlsx(Workbooks.with(Workbooks.SMALL, 7, 2, "El Salvador 2001"))).getMessage())
                .isEqualTo("matriz.xlsx: sheet Matriz, cell C8: `País y Año de Inicio` of PPP must be `Country, YEAR`,"
                        + " found `El Salvador 2001`");
    }

    @Test
    void anEmptyStartCellIsAProcessWithoutStart() {
        LoadPlan plan = parse("matriz.xlsx", Workbooks.xlsx(Workbooks.with(Workbooks.SMALL, 7, 2, "")));
        assertThat(plan.node(NodeKind.PROCESS, "PPP").orElseThrow().props()).doesNotContainKeys("startYear",
                "startCountry");
        assertThat(plan.relationships().get(RelKind.STARTED_IN)).singleElement()
                .satisfies(r -> assertThat(r.from()).isEqualTo("CRM"));
    }

    @Test
    void aFootnoteMarkerWithoutFootnoteNamesTheThemeCell() {
        assertThat(refused(Workbooks.xlsx(Workbooks.with(Workbooks.SMALL, 8, 3, ""))).getMessage())
                .isEqualTo("matriz.xlsx: sheet Matriz, cell C9: footnote marker `**` on `Seguridad Hemisférica**`"
                        + " of PPP has no footnote text (no footnote starts with `**`); add it in a sheet named `Notas`"
                        + " (one footnote per cell of column A) or in a last column headed `Notas`, starting with its"
                        + " marker (`** text`)");
    }

    @Test
    void aFootnoteWithoutMarkerNamesItsCell() {
        assertThat(refused(Workbooks.xlsx(Workbooks.with(Workbooks.SMALL, 8, 3, "En apoyo al CICTE"))).getMessage())
                .startsWith("matriz.xlsx: sheet Matriz, cell D9: a footnote starts with its marker");
    }

    @Test
    void aRowWithoutLabelNamesCellA() {
        assertThat(refused(Workbooks.xlsx(Workbooks.with(Workbooks.SMALL, 9, 0, ""))).getMessage())
                .startsWith("matriz.xlsx: sheet Matriz, cell A10: a table row needs its label in column A");
    }

    @Test
    void preambleTextOutsideColumnANamesItsCell() {
        assertThat(refused(Workbooks.xlsx(Workbooks.with(Workbooks.SMALL, 2, 1, "Perú"))).getMessage())
                .startsWith("matriz.xlsx: sheet Matriz, cell B3: preamble text goes in column A");
    }

    @Test
    void emptySheetAndNoSheetAtAll() throws IOException {
        assertThat(refused(Workbooks.xlsx(new String[][] {})).getMessage())
                .isEqualTo("matriz.xlsx: sheet Matriz: no matrix: the sheet is empty");
        assertThat(refused(Workbooks.xlsx(new String[][] {{"Matriz"}, {"Preparado por la OIM"}})).getMessage())
                .startsWith("matriz.xlsx: sheet Matriz: no header row");
        try (XSSFWorkbook none = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            none.write(out);
            assertThat(refused(out.toByteArray()).getMessage()).isEqualTo("matriz.xlsx: the workbook has no sheet");
        }
    }

    @Test
    void anotherSheetWithContentIsRefused() {
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put("Matriz", Workbooks.SMALL);
        sheets.put("Hoja2", new String[][] {{}, {"", "borrador"}});
        sheets.put("Hoja3", new String[][] {});
        assertThat(refused(Workbooks.xlsx(sheets)).getMessage())
                .startsWith("matriz.xlsx: sheet Hoja2, cell B2: a workbook holds the matrix in its first sheet");
    }

    @Test
    void notAWorkbookAtAll() throws IOException {
        assertThat(refused("País;CRM\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).getMessage())
                .startsWith("matriz.xlsx: not an .xlsx workbook (an .xlsx file is a zip archive");
        assertThat(refused(new byte[0]).getMessage()).isEqualTo("matriz.xlsx: the file is empty, expected an .xlsx"
                + " workbook");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("garbage.bin"));
            out.write(new byte[] {1, 2, 3, 4, 5});
            out.closeEntry();
        }
        assertThat(refused(zip.toByteArray()).getMessage()).startsWith("matriz.xlsx: not an .xlsx workbook, or a"
                + " damaged one: ");
        byte[] good = Workbooks.xlsx(Workbooks.SMALL);
        assertThat(refused(java.util.Arrays.copyOf(good, good.length / 2)).getMessage())
                .startsWith("matriz.xlsx: not an .xlsx workbook, or a damaged one: ");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThat(refused(ole2).getMessage()).startsWith("matriz.xlsx: an Excel 97-2003 workbook (.xls)");
    }

    @Test
    void formulasAndNumbersAreRefusedWhereTextIsExpected() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(Workbooks.xlsx(Workbooks.SMALL)));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getSheetAt(0).getRow(7).getCell(1).setCellFormula("\"México, \"&1996");
            workbook.getSheetAt(0).getRow(7).getCell(2).setCellValue(2001);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        assertThat(refused(xlsx).getMessage()).isEqualTo("matriz.xlsx: sheet Matriz, cell B8: holds a formula"
                + " (`=\"México, \"&1996`) where the matrix expects text; formulas are not evaluated: replace it by its"
                + " value as text");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getSheetAt(0).getRow(7).getCell(1).setBlank(); // drops the formula
            workbook.getSheetAt(0).getRow(7).getCell(1).setCellValue("México, 1996");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        assertThat(refused(xlsx).getMessage()).startsWith("matriz.xlsx: sheet Matriz, cell C8: holds the number 2001"
                + " where the matrix expects text");
    }
}
