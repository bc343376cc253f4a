package org.convergence.loader.matrix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.convergence.loader.LoadPlan;

/** Small hand-made workbooks for the tests, built with POI, and a plan rendered without provenance. */
final class Workbooks {

    /** A small matrix: two processes, a footnotes column, themes one per line, ;-separated and bulleted. */
    static final String[][] SMALL = {
        {"Matriz de prueba"},
        {"Preparado por la OIM"},
        {"Lima, Perú"},
        {"3-4 de Junio, 2003"},
        {"CONVERGENCIA DE PRUEBA*"},
        {},
        {"", "Conferencia Regional sobre Migración (CRM)", "Plan Puebla – Panamá (PPP)", "Notas"},
        {"País y Año de Inicio", "México, 1996", "El Salvador, 2001", "*Un título con nota."},
        {"Plan de Acción", "Remesas; Turismo\nDerechos Humanos",
            "· Desastres Naturales\n· Seguridad Hemisférica**\n(Solo migración)", "**En apoyo al CICTE de la OEA."},
        {"Areas de convergencia de temas y/o proyectos", "Remesas", "Remesas"},
    };

    private Workbooks() {
    }

    /** @return an .xlsx with one sheet per entry, cells as text ({@code null} or empty strings leave no cell) */
    static byte[] xlsx(Map<String, String[][]> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheets.forEach((name, rows) -> {
                Sheet sheet = workbook.createSheet(name);
                for (int r = 0; r < rows.length; r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows[r].length; c++) {
                        if (rows[r][c] != null && !rows[r][c].isEmpty()) {
                            row.createCell(c).setCellValue(rows[r][c]);
                        }
                    }
                }
            });
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return an .xlsx with the matrix in sheet Matriz */
    static byte[] xlsx(String[][] matrix) {
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put("Matriz", matrix);
        return xlsx(sheets);
    }

    /** @return a copy of the grid with one cell replaced (the grid and the row grown as needed) */
    static String[][] with(String[][] grid, int row, int column, String text) {
        String[][] copy = new String[Math.max(grid.length, row + 1)][];
        for (int r = 0; r < copy.length; r++) {
            String[] cells = r < grid.length ? grid[r] : new String[0];
            copy[r] = java.util.Arrays.copyOf(cells, Math.max(cells.length, r == row ? column + 1 : 0));
        }
        copy[row][column] = text;
        return copy;
    }

    /**
     * A plan as text without where things came from (lines, sheets, cells, item positions, the file and
     * its hash), sorted: what two loads of the same matrix in different formats must share.
     */
    static String withoutProvenance(LoadPlan plan) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        plan.nodes().forEach((kind, rows) -> rows.forEach(n -> lines.add("node " + kind + " " + n.id() + " "
                + strip(n.props()))));
        plan.relationships().forEach((kind, rows) -> rows.forEach(r -> lines.add("rel " + kind + " " + r.from() + " -> "
                + r.to() + " " + strip(r.props()))));
        plan.unmapped().forEach(u -> lines.add("unmapped " + u.label() + " | " + u.themeId()));
        java.util.Collections.sort(lines);
        return String.join("\n", lines);
    }

    private static String strip(Map<String, Object> props) {
        return new TreeMap<>(props).entrySet().stream()
                .filter(e -> !java.util.Set.of("sourceLine", "sourceLines", "sourceCell", "sourceSheet", "sourceItems",
                        "line", "cell", "sheet", "source", "sourceSha256").contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
}
