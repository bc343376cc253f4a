package org.convergence.loader.matrix;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.convergence.loader.LoadException;
import org.convergence.loader.Location;
import org.convergence.loader.SourceText;
import org.convergence.loader.Spreadsheets;

/**
 * A matrix as an Office Open XML workbook ({@code .xlsx}), read and written with Apache POI.
 *
 * <h2>Layout</h2>
 * The first sheet (any name; {@code Matriz} when written here) holds the matrix in the grid layout of
 * {@link MatrixGrid}: the preamble in column A above the table, a header row with cell A empty and
 * one {@code Name (CODE)} cell per process from column B on, then one row per {@link RowKind} with
 * its label in column A, and optionally a last column headed {@code Notas} for footnotes. A cell holds
 * one line per line break (Alt+Enter in a spreadsheet program); a theme cell lists one theme per line
 * or several separated by {@code ;}, bullets ({@code ·}) optional ({@link MatrixDocument.Cell#items()}).
 * Footnotes may instead, or also, stand in a sheet named {@code Notas} (or {@code Notes}), one per
 * cell of column A, top to bottom, each starting with its marker ({@code *La Conferencia ...}).
 * Any other sheet must be empty.
 *
 * <p>Merged cells: a range merged in the preamble (a title across the page), within the footnotes
 * column, or without text reads as it is; a range with text that spans more than one cell of the table
 * (two processes, two rows, or a row label and a process) is refused naming the range and what it
 * spans, since a merged range keeps its first cell's text only and the others would read as empty.
 *
 * <p>Every cell with content must hold text. A formula is refused rather than its cached value taken:
 * files written by programs other than Excel often carry no cached value or a stale one, and a matrix
 * is text typed by people; numbers, dates, booleans and error values are refused too (a year belongs
 * in the text {@code México, 1996}). Errors name the file, the sheet and the cell ({@code B7}).
 * Reading is linear in the number of cells.
 */
public final class MatrixWorkbook {

    /** The name of the matrix sheet in a written workbook. */
    public static final String MATRIX_SHEET = "Matriz";
    /** The name of the footnotes sheet in a written workbook. */
    public static final String NOTES_SHEET = "Notas";

    private MatrixWorkbook() {
    }

    /**
     * @param name the file name, as messages show it
     * @param bytes the file's bytes
     * @return the matrix as laid out in the workbook
     * @throws LoadException if the file is not an .xlsx workbook, or a sheet or cell breaks the layout
     */
    public static MatrixDocument read(String name, byte[] bytes) {
        MatrixDocument.Origin origin = new MatrixDocument.Origin(name, SourceText.sha256(bytes),
                MatrixDocument.Format.XLSX);
        FileMagic magic = bytes.length == 0 ? FileMagic.UNKNOWN : FileMagic.valueOf(bytes);
        if (bytes.length == 0) {
            throw LoadException.at(name, null, "the file is empty, expected an .xlsx workbook");
        }
        Spreadsheets.refuseUnreadable(name, Spreadsheets.kindOf(bytes), true);
        if (magic != FileMagic.OOXML) {
            throw LoadException.at(name, null, "not an .xlsx workbook (an .xlsx file is a zip archive, and this"
                    + " one does not start as one); save the matrix as Excel Workbook (.xlsx), or name a"
                    + " ;-separated file .csv");
        }
        try (XSSFWorkbook workbook = open(name, bytes)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw LoadException.at(name, null, "the workbook has no sheet");
            }
            Sheet matrix = workbook.getSheetAt(0);
            List<MatrixDocument.Footnote> notes = new ArrayList<>();
            for (int s = 1; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                List<List<MatrixDocument.Cell>> cells = cells(origin, sheet);
                if (MatrixGrid.isNotesHeader(sheet.getSheetName())) {
                    notes.addAll(notesSheet(origin, sheet, cells));
                } else {
                    for (List<MatrixDocument.Cell> row : cells) {
                        for (MatrixDocument.Cell cell : row) {
                            if (cell != null && !cell.isEmpty()) {
                                throw LoadException.at(name, cell.location(), "a workbook holds the matrix in its"
                                        + " first sheet and footnotes in a sheet named `" + NOTES_SHEET + "`; this"
                                        + " sheet is neither: remove it or rename it");
                            }
                        }
                    }
                }
            }
            String sheetName = matrix.getSheetName();
            List<MatrixGrid.Merged> merged = matrix.getMergedRegions().stream().map(m -> new MatrixGrid.Merged(
                    m.getFirstRow(), m.getLastRow(), m.getFirstColumn(), m.getLastColumn())).toList();
            return new MatrixGrid(origin, cells(origin, matrix), (r, c) -> Location.SheetCell.of(sheetName, r, c),
                    new Location.SheetCell(sheetName, null), merged).read(notes);
        } catch (IOException e) {
            throw LoadException.at(name, null, "cannot read the workbook: " + e.getMessage(), e);
        }
    }

    private static XSSFWorkbook open(String name, byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            // POI reports a zip that is not a workbook, or a damaged one, in many ways
            throw LoadException.at(name, null, "not an .xlsx workbook, or a damaged one: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private static List<MatrixDocument.Footnote> notesSheet(MatrixDocument.Origin origin, Sheet sheet,
            List<List<MatrixDocument.Cell>> cells) {
        List<MatrixDocument.Footnote> notes = new ArrayList<>();
        for (List<MatrixDocument.Cell> row : cells) {
            for (int c = 0; c < row.size(); c++) {
                MatrixDocument.Cell cell = row.get(c);
                if (cell == null || cell.isEmpty()) {
                    continue;
                }
                if (c > 0) {
                    throw LoadException.at(origin.name(), cell.location(), "footnotes go in column A of sheet `"
                            + sheet.getSheetName() + "`, one per cell, each starting with its marker");
                }
                notes.addAll(MatrixGrid.footnotes(origin, cell));
            }
        }
        return notes;
    }

    /** The text of every cell of a sheet by 0-based row and column; null where there is no cell. */
    private static List<List<MatrixDocument.Cell>> cells(MatrixDocument.Origin origin, Sheet sheet) {
        List<List<MatrixDocument.Cell>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<MatrixDocument.Cell> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? null : MatrixDocument.Cell.of(text(origin, sheet, cell),
                            Location.SheetCell.of(sheet.getSheetName(), r, c)));
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String text(MatrixDocument.Origin origin, Sheet sheet, Cell cell) {
        Location at = Location.SheetCell.of(sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex());
        CellType type = cell.getCellType();
        switch (type) {
            case STRING:
                return cell.getStringCellValue();
            case BLANK:
                return "";
            case FORMULA:
                throw LoadException.at(origin.name(), at, "holds a formula (`=" + cell.getCellFormula() + "`) where"
                        + " the matrix expects text; formulas are not evaluated: replace it by its value as text");
            case NUMERIC:
                String what = DateUtil.isCellDateFormatted(cell) ? "a date" : "the number "
                        + String.format(Locale.ROOT, "%s", cell.getNumericCellValue()).replaceAll("\\.0$", "");
                throw LoadException.at(origin.name(), at, "holds " + what + " where the matrix expects text; format"
                        + " the cell as text (a year belongs in the text `Country, YEAR`, e.g. `México, 1996`)");
            case BOOLEAN:
                throw LoadException.at(origin.name(), at, "holds the truth value " + cell.getBooleanCellValue()
                        + " where the matrix expects text");
            default:
                throw LoadException.at(origin.name(), at, "holds " + type.name().toLowerCase(Locale.ROOT)
                        + " content where the matrix expects text");
        }
    }

    /**
     * Writes a matrix as a workbook in the layout above: sheet {@value #MATRIX_SHEET} with the preamble
     * (one line per row), the header row and the table (theme items one per line, with a {@code ·}
     * bullet; notes after them), and sheet {@value #NOTES_SHEET} with one footnote per row, marker
     * first. Reading the file back gives a document with the same text in every cell.
     *
     * @param document the matrix
     * @param out where to write the .xlsx bytes; not closed
     * @throws IOException if writing fails
     */
    public static void write(MatrixDocument document, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setWrapText(true);
            bold.setVerticalAlignment(VerticalAlignment.TOP);

            Sheet sheet = workbook.createSheet(MATRIX_SHEET);
            List<List<String>> grid = MatrixGrid.layout(document, false);
            for (int r = 0; r < grid.size(); r++) {
                Row row = sheet.createRow(r);
                boolean table = r >= document.preamble().size();
                for (int c = 0; c < grid.get(r).size(); c++) {
                    String text = grid.get(r).get(c);
                    if (!text.isEmpty()) {
                        Cell cell = row.createCell(c, CellType.STRING);
                        cell.setCellValue(text);
                        cell.setCellStyle(table && (c == 0 || r == document.preamble().size()) ? bold : wrap);
                    }
                }
            }
            sheet.setColumnWidth(0, 30 * 256);
            for (int c = 1; c <= document.header().cells().size(); c++) {
                sheet.setColumnWidth(c, 45 * 256);
            }
            if (!document.footnotes().isEmpty()) {
                Sheet notes = workbook.createSheet(NOTES_SHEET);
                notes.setColumnWidth(0, 120 * 256);
                int r = 0;
                for (MatrixDocument.Footnote footnote : document.footnotes()) {
                    Cell cell = notes.createRow(r++).createCell(0, CellType.STRING);
                    cell.setCellValue(footnote.marker() + footnote.text());
                    cell.setCellStyle(wrap);
                }
            }
            workbook.write(out);
        }
    }
}
