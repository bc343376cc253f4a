package org.convergence.loader.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.convergence.loader.LoadException;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.NodeKind;
import org.convergence.loader.RelKind;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

/** Matrices as ;-separated values: encodings, quoted multi-line cells, and the bad cases with line and cell. */
class MatrixCsvTest {

    private static final MatrixParser PARSER = new MatrixParser(Taxonomy.builtIn(), Organisations.builtIn());

    /** The small matrix of {@link Workbooks#SMALL} as a Spanish-locale spreadsheet program saves it. */
    private static final String SMALL = String.join("\r\n",
            "Matriz de prueba;;;",
            "Preparado por la OIM;;;",
            "Lima, Perú;;;",
            "3-4 de Junio, 2003;;;",
            "CONVERGENCIA DE PRUEBA*;;;",
            ";;;",
            ";Conferencia Regional sobre Migración (CRM);Plan Puebla – Panamá (PPP);Notas",
            "País y Año de Inicio;México, 1996;El Salvador, 2001;*Un título con nota.",
            "Plan de Acción;\"Remesas; Turismo\nDerechos Humanos\";\"· Desastres Naturales\n· Seguridad Hemisférica**\n"
                    + "(Solo migración)\";**En apoyo al CICTE de la OEA.",
            "Areas de convergencia de temas y/o proyectos;Remesas;Remesas;",
            "");

    private static LoadPlan parse(String name, byte[] bytes) {
        return PARSER.parse(MatrixCsv.read(name, bytes));
    }

    private static LoadException refused(byte[] bytes) {
        return assertThrows(LoadException.class, () -> parse("matriz.csv", bytes));
    }

    private static byte[] utf8Bom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    @Test
    void theSameMatrixAsTheWorkbookInEveryEncoding() {
        String workbook = Workbooks.withoutProvenance(PARSER.parse(MatrixWorkbook.read("prueba.xlsx",
                Workbooks.xlsx(Workbooks.SMALL))));
        assertThat(Workbooks.withoutProvenance(parse("prueba.csv", utf8Bom(SMALL)))).isEqualTo(workbook);
        byte[] cp1252 = SMALL.getBytes(MatrixCsv.WINDOWS_1252);
        assertThat(cp1252).contains((byte) 0xE9, (byte) 0x96); // é and the en dash, as Windows-1252 bytes
        assertThat(Workbooks.withoutProvenance(parse("prueba.csv", cp1252))).isEqualTo(workbook);
        assertThat(Workbooks.withoutProvenance(parse("prueba.csv", SMALL.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(workbook);
        assertThat(parse("prueba.csv", cp1252).source().kind()).isEqualTo("matrix-csv");
    }

    @Test
    void aMatrixSavedWithCommasAsAnEnglishLocaleSavesItReadsTheSame() {
        // the same grid as an English-locale program writes it: `,` between fields, fields with `,` quoted
        String commas = String.join("\r\n",
                "Matriz de prueba,,,",
                "Preparado por la OIM,,,",
                "\"Lima, Perú\",,,",
                "\"3-4 de Junio, 2003\",,,",
                "CONVERGENCIA DE PRUEBA*,,,",
                ",,,",
                ",Conferencia Regional sobre Migración (CRM),Plan Puebla – Panamá (PPP),Notas",
                "País y Año de Inicio,\"México, 1996\",\"El Salvador, 2001\",*Un título con nota.",
                "Plan de Acción,\"Remesas; Turismo\nDerechos Humanos\",\"· Desastres Naturales\n· Seguridad Hemisférica**\n"
                        + "(Solo migración)\",**En apoyo al CICTE de la OEA.",
                "Areas de convergencia de temas y/o proyectos,Remesas,Remesas,",
                "");
        LoadPlan plan = parse("prueba.csv", commas.getBytes(StandardCharsets.UTF_8));
        assertThat(Workbooks.withoutProvenance(plan)).isEqualTo(Workbooks.withoutProvenance(parse("prueba.csv",
                utf8Bom(SMALL))));
        assertThat(plan.notes()).contains("prueba.csv read as UTF-8 text with `,` between fields");
        assertThat(parse("prueba.csv", SMALL.getBytes(MatrixCsv.WINDOWS_1252)).notes())
                .contains("prueba.csv read as Windows-1252 text with `;` between fields");
    }

    @Test
    void aMissingFootnoteSaysWhereACsvFileKeepsItsFootnotes() {
        String noNotes = SMALL.replace(";**En apoyo al CICTE de la OEA.", ";");
        assertThat(refused(noNotes.getBytes(StandardCharsets.UTF_8)).getMessage()).endsWith("has no footnote text (no"
                + " footnote starts with `**`); in a CSV file footnotes go in a last column headed `Notas`, one per"
                + " cell from the first table row down, each starting with its marker (`** text`); a workbook's"
                + " `Notas` sheet is not saved with its first sheet as CSV, so copy its footnotes into that column");
    }

    @Test
    void provenanceIsThePhysicalLineAndTheCell() {
        LoadPlan plan = parse("prueba.csv", utf8Bom(SMALL));
        LoadPlan.RelRow rights = plan.relationships().get(RelKind.ADDRESSES).stream()
                .filter(r -> r.from().equals("CRM") && r.to().equals("human-rights-of-migrants")).findFirst()
                .orElseThrow();
        // the quoted cell B9 starts on line 9; its second line is line 10
        assertThat(rights.props()).containsEntry("sourceCell", "B9").containsEntry("sourceLines", List.of(10));
        assertThat(plan.node(NodeKind.PROCESS, "PPP").orElseThrow().props()).containsEntry("sourceLine", 7)
                .containsEntry("sourceCell", "C7");
        // the row after the three-line cells of row 9 is record 10 on line 13
        LoadException e = refused(utf8Bom(SMALL.replace("Areas de convergencia", "Areas de divergencia")));
        assertThat(e.getMessage()).isEqualTo("matriz.csv: line 13, cell A10: unknown row `Areas de divergencia de temas"
                + " y/o proyectos`; known rows: " + RowKind.known());
        assertThat(e.line()).contains(13);
    }

    @Test
    void theSeedWrittenAsCsvReadsBackToTheSamePlanApartFromProvenance() {
        MatrixDocument seed = MatrixText.read(SeedMatrixParser.builtInSource());
        String fromText = Workbooks.withoutProvenance(new SeedMatrixParser(Taxonomy.builtIn(), Organisations.builtIn())
                .parse(SeedMatrixParser.builtInSource()));
        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_8, MatrixCsv.WINDOWS_1252)) {
            byte[] csv = MatrixCsv.write(seed, charset);
            assertThat(Workbooks.withoutProvenance(parse("matriz-convergencia-antigua-2002.csv", csv)))
                    .as(charset.name()).isEqualTo(fromText);
        }
        assertThat(MatrixCsv.write(seed, StandardCharsets.UTF_8)).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void badStartCellNamesLineAndCell() {
        assertThat(refused(utf8Bom(SMALL.replace("El Salvador, 2001", "El Salvador"))).getMessage())
                .isEqualTo("matriz.csv: line 8, cell C8: `País y Año de Inicio` of PPP must be `Country, YEAR`, found"
                        + " `El Salvador`");
    }

    @Test
    void extraCellsAndHeadersWithoutCode() {
        assertThat(refused(utf8Bom(SMALL.replace("Remesas;Remesas;", "Remesas;Remesas;;Trata"))).getMessage())
                .isEqualTo("matriz.csv: line 13, cell E10: row `Areas de convergencia de temas y/o proyectos` has 3"
                        + " cells, expected 2 (one per process: CRM, PPP)");
        assertThat(refused(utf8Bom(SMALL.replace("(CRM)", ""))).getMessage())
                .startsWith("matriz.csv: line 7, cell B7: process header `Conferencia Regional sobre Migración` must be");
    }

    @Test
    void undecodableBytesNameTheirLine() {
        byte[] bad = utf8Bom(SMALL);
        int at = indexOf(bad, "Lima".getBytes(StandardCharsets.UTF_8));
        bad[at] = (byte) 0xFF;
        assertThat(refused(bad).getMessage()).isEqualTo("matriz.csv:3: byte 0xFF at byte offset " + at + " is not"
                + " valid UTF-8 although the file starts with the UTF-8 byte-order mark; save the file as CSV UTF-8 or"
                + " as CSV (Windows-1252)");
        byte[] cp = SMALL.getBytes(MatrixCsv.WINDOWS_1252);
        cp[indexOf(cp, "Turismo".getBytes(StandardCharsets.US_ASCII))] = (byte) 0x81;
        assertThat(refused(cp).getMessage()).startsWith("matriz.csv:9: byte 0x81 at byte offset").contains(
                "neither UTF-8 nor Windows-1252");
        assertThat(refused(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}).getMessage())
                .startsWith("matriz.csv:1: UTF-16 text");
        assertThat(refused(Workbooks.xlsx(Workbooks.SMALL)).getMessage())
                .startsWith("matriz.csv:1: control character U+0003 at byte offset 2: not a text file but a zip archive,"
                        + " such as a workbook: name an .xlsx workbook .xlsx");
    }

    @Test
    void anUnclosedQuoteNamesWhereItOpened() {
        assertThat(refused(utf8Bom(SMALL.replace("Remesas;Remesas;", "Remesas;\"Remesas;"))).getMessage())
                .isEqualTo("matriz.csv: line 13, cell C10: a quoted cell opened here is never closed (a `\"` is"
                        + " missing)");
    }

    @Test
    void emptyFileAndNoHeader() {
        assertThat(refused(new byte[0]).getMessage()).isEqualTo("matriz.csv: no matrix: the file is empty");
        assertThat(refused(utf8Bom(";;\r\n;;\r\n")).getMessage()).isEqualTo("matriz.csv: no matrix: the file is empty");
        assertThat(refused(utf8Bom("Título;;\r\nPreparado por;;\r\n")).getMessage())
                .startsWith("matriz.csv: no header row");
    }

    @Test
    void shortRecordsHaveEmptyTrailingCells() {
        // some programs leave out trailing separators: the cells are empty, not missing
        String trimmed = SMALL.replaceAll(";+\r\n", "\r\n");
        assertThat(Workbooks.withoutProvenance(parse("prueba.csv", utf8Bom(trimmed))))
                .isEqualTo(Workbooks.withoutProvenance(parse("prueba.csv", utf8Bom(SMALL))));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
