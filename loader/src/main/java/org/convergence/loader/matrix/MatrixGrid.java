package org.convergence.loader.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.loader.LoadException;
import org.convergence.loader.Location;
import org.convergence.loader.taxonomy.Labels;

/**
 * The grid layout shared by workbooks ({@link MatrixWorkbook}) and {@code ;}-separated files
 * ({@link MatrixCsv}): a matrix written as rows and columns of cells, read into a
 * {@link MatrixDocument}.
 *
 * <h2>Layout</h2>
 * <ol>
 * <li>Preamble: the rows above the header, text in column A only (one line per row, or several lines
 * in one cell): title line(s), {@code Preparado por ...}, place, dates, table heading.</li>
 * <li>Header: the first row whose cell A is empty and that has text further right. From column B on,
 * one {@code Name (CODE)} cell per process, in column order, without gaps; a last header cell
 * {@code Notas} (or {@code Notes}; case and accents ignored) makes its column the footnotes
 * column.</li>
 * <li>Table: every later row with a label in column A ({@link RowKind}) and one cell per process.
 * Text further right than the process columns (other than in the footnotes column) is an extra cell,
 * and the row is refused. Blank rows are skipped.</li>
 * <li>Footnotes: in the footnotes column, top to bottom, in any row below the header (a row may hold a
 * footnote only, with cell A empty); and, for a workbook, in sheet {@code Notas}. A footnote starts
 * with its marker ({@code *}, {@code **}, ...); a line without one continues the footnote above in the
 * same cell.</li>
 * </ol>
 * Cells hold text; a cell's lines are split at line breaks, blank lines dropped. Linear in the number
 * of cells.
 */
final class MatrixGrid {

    private static final Pattern FOOTNOTE = Pattern.compile("^\\s*(\\*+)\\s*(\\S.*)$");
    /** The code of a process header cell {@code Name (CODE)}, for messages. */
    private static final Pattern PROCESS_CODE = Pattern.compile("\\((\\p{Lu}{2,})\\)\\s*$");

    private final MatrixDocument.Origin origin;
    private final List<List<MatrixDocument.Cell>> rows;
    private final BiFunction<Integer, Integer, Location> locate;
    private final Location whole;
    private final List<Merged> merged;

    /**
     * A rectangle of merged cells of a sheet, 0-based and inclusive, as a spreadsheet program merges
     * them: the text stands in the first cell, and the others are empty.
     *
     * @param firstRow the first row
     * @param lastRow the last row
     * @param firstColumn the first column
     * @param lastColumn the last column
     */
    record Merged(int firstRow, int lastRow, int firstColumn, int lastColumn) {

        /** @return the range as a spreadsheet writes it, e.g. {@code C12:D12} */
        String reference() {
            return Location.reference(firstRow, firstColumn) + ":" + Location.reference(lastRow, lastColumn);
        }
    }

    /**
     * @param origin the file
     * @param rows the cells by 0-based row and column; rows may be ragged and short, a missing cell is
     *     empty
     * @param locate the location of the cell at a 0-based row and column
     * @param whole the location of the grid as a whole (the sheet), or null for the file
     * @param merged the merged ranges of a sheet (none for a CSV file)
     */
    MatrixGrid(MatrixDocument.Origin origin, List<List<MatrixDocument.Cell>> rows,
            BiFunction<Integer, Integer, Location> locate, Location whole, List<Merged> merged) {
        this.origin = origin;
        this.rows = rows;
        this.locate = locate;
        this.whole = whole;
        this.merged = List.copyOf(merged);
    }

    /** @return whether a header cell names the footnotes column */
    static boolean isNotesHeader(String text) {
        String key = Labels.key(text);
        return key.equals("notas") || key.equals("notes");
    }

    /**
     * @param moreFootnotes footnotes from elsewhere (a workbook's {@code Notas} sheet), after the
     *     column's
     * @return the document
     * @throws LoadException naming the file, the location and the problem
     */
    MatrixDocument read(List<MatrixDocument.Footnote> moreFootnotes) {
        int header = -1;
        for (int r = 0; r < rows.size() && header < 0; r++) {
            if (cell(r, 0).isEmpty() && lastFilled(r) > 0) {
                header = r;
            }
        }
        if (header < 0) {
            boolean empty = true;
            for (int r = 0; r < rows.size() && empty; r++) {
                empty = lastFilled(r) < 0;
            }
            throw LoadException.at(origin.name(), whole, empty ? "no matrix: " + (whole == null ? "the file" : "the sheet")
                    + " is empty" : "no header row: the table starts with a row whose cell A is empty and whose"
                    + " next cells name the processes, e.g. `Plan Puebla – Panamá (PPP)`");
        }
        List<MatrixDocument.Line> preamble = new ArrayList<>();
        for (int r = 0; r < header; r++) {
            int last = lastFilled(r);
            if (last > 0) {
                throw LoadException.at(origin.name(), locate.apply(r, last), "preamble text goes in column A (the"
                        + " rows above the header hold title, `Preparado por ...`, place, dates and heading), found `"
                        + cell(r, last).text() + "`");
            }
            preamble.addAll(cell(r, 0).lines());
        }
        int lastHeader = lastFilled(header);
        int notes = isNotesHeader(cell(header, lastHeader).text()) ? lastHeader : -1;
        int processes = (notes > 0 ? notes : lastHeader + 1) - 1;
        List<MatrixDocument.Cell> headerCells = new ArrayList<>();
        for (int c = 1; c <= processes; c++) {
            headerCells.add(cell(header, c));
        }
        MatrixDocument.Row headerRow = new MatrixDocument.Row(cell(header, 0), headerCells, locate.apply(header, 0));
        refuseMergedTableCells(header, processes, notes);

        List<MatrixDocument.Row> table = new ArrayList<>();
        List<MatrixDocument.Footnote> footnotes = new ArrayList<>();
        for (int r = header + 1; r < rows.size(); r++) {
            if (notes > 0) {
                footnotes.addAll(footnotes(cell(r, notes)));
            }
            int last = Math.max(processes, lastFilledExcept(r, notes));
            boolean content = !cell(r, 0).isEmpty() || lastFilledExcept(r, notes) > 0;
            if (!content) {
                continue;
            }
            if (cell(r, 0).isEmpty()) {
                throw LoadException.at(origin.name(), locate.apply(r, 0), "a table row needs its label in column A"
                        + " (one of: " + RowKind.known() + ")");
            }
            List<MatrixDocument.Cell> cells = new ArrayList<>();
            for (int c = 1; c <= last; c++) {
                if (c != notes) {
                    cells.add(cell(r, c));
                }
            }
            table.add(new MatrixDocument.Row(cell(r, 0), cells, locate.apply(r, 0)));
        }
        footnotes.addAll(moreFootnotes);
        return new MatrixDocument(origin, preamble, headerRow, table, footnotes);
    }

    /**
     * Refuses a merged range with text that spans more than one cell of the table (from the header row
     * down: row labels and process columns), since a merged range keeps its text in its first cell only
     * and the cells it covers read as empty: merging SOA's cell over PPP's would silently leave PPP
     * without its themes. A range in the preamble (a title across the page), a range within the footnotes
     * column, and a range without text are harmless and read as they are.
     *
     * @throws LoadException naming the sheet, the range and the processes or rows it spans
     */
    private void refuseMergedTableCells(int header, int processes, int notes) {
        for (Merged m : merged) {
            boolean inTable = m.lastRow() >= header;
            boolean oneCell = m.firstRow() == m.lastRow() && m.firstColumn() == m.lastColumn();
            boolean notesOnly = notes > 0 && m.firstColumn() == notes && m.lastColumn() == notes;
            int top = Math.max(m.firstRow(), header);
            if (!inTable || oneCell || notesOnly || !hasText(m)) {
                continue;
            }
            List<String> across = new ArrayList<>();
            for (int c = m.firstColumn(); c <= m.lastColumn(); c++) {
                across.add(columnName(header, c, processes, notes));
            }
            List<String> rowNames = new ArrayList<>();
            for (int r = top; r <= m.lastRow() && m.lastRow() > m.firstRow(); r++) {
                rowNames.add(r == header ? "the header" : cell(r, 0).isEmpty() ? "row " + (r + 1)
                        : "`" + cell(r, 0).text() + "`");
            }
            String spans = across.size() > 1 ? "across " + and(across) : "in " + across.get(0);
            if (!rowNames.isEmpty()) {
                spans += (across.size() > 1 ? " and " : ", ") + "across the rows " + and(rowNames);
            }
            throw LoadException.at(origin.name(), whole, "cells " + m.reference() + " are merged " + spans
                    + ": a merged range keeps the text of its first cell (" + Location.reference(m.firstRow(),
                    m.firstColumn()) + ") only and the others read as empty, so a process or row would silently"
                    + " lose its content; unmerge them and write each cell's content in its own cell (copy it"
                    + " where two processes share it)");
        }
    }

    private boolean hasText(Merged m) {
        for (int r = m.firstRow(); r <= m.lastRow() && r < rows.size(); r++) {
            for (int c = m.firstColumn(); c <= m.lastColumn(); c++) {
                if (!cell(r, c).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return a table column as a person names it: its process's code, the row labels, the footnotes, or its letter */
    private String columnName(int header, int c, int processes, int notes) {
        String letter = Location.reference(0, c).replaceAll("\\d", "");
        if (c == 0) {
            return "the row labels (column A)";
        }
        if (c == notes) {
            return "the footnotes column (" + letter + ")";
        }
        if (c <= processes) {
            Matcher code = PROCESS_CODE.matcher(cell(header, c).text());
            return code.find() ? code.group(1) : "column " + letter;
        }
        return "column " + letter;
    }

    private static String and(List<String> items) {
        return items.size() == 1 ? items.get(0) : String.join(", ", items.subList(0, items.size() - 1)) + " and "
                + items.get(items.size() - 1);
    }

    /**
     * The footnotes of one cell: each line that starts with asterisks begins one, other lines continue it.
     *
     * @throws LoadException at the cell if its text does not start with a marker
     */
    static List<MatrixDocument.Footnote> footnotes(MatrixDocument.Origin origin, MatrixDocument.Cell cell) {
        List<MatrixDocument.Footnote> found = new ArrayList<>();
        String marker = null;
        StringBuilder text = new StringBuilder();
        Location start = cell.location();
        for (MatrixDocument.Line line : cell.lines()) {
            Matcher m = FOOTNOTE.matcher(line.text());
            if (m.matches()) {
                if (marker != null) {
                    found.add(new MatrixDocument.Footnote(marker, collapse(text), start));
                }
                marker = m.group(1);
                text.setLength(0);
                text.append(m.group(2));
                start = line.location();
            } else if (marker == null) {
                throw LoadException.at(origin.name(), line.location(), "a footnote starts with its marker (`*`, `**`,"
                        + " ...) as the table uses it, found `" + line.text() + "`");
            } else {
                text.append(' ').append(line.text());
            }
        }
        if (marker != null) {
            found.add(new MatrixDocument.Footnote(marker, collapse(text), start));
        }
        return found;
    }

    /**
     * A document as the text of a grid in this layout, for the writers: the preamble one line per row
     * in column A, the header, the rows (a cell's lines joined by line breaks), and, when
     * {@code notesColumn}, the footnotes one per row in a last column headed {@code Notas}, from the
     * first table row down (in rows of their own below the table if there are more footnotes than rows).
     *
     * @param document the matrix
     * @param notesColumn whether to write the footnotes in the grid (else the caller writes them elsewhere)
     * @return rows of cells, each row as wide as the header
     */
    static List<List<String>> layout(MatrixDocument document, boolean notesColumn) {
        int width = 1 + document.header().cells().size() + (notesColumn && !document.footnotes().isEmpty() ? 1 : 0);
        List<List<String>> grid = new ArrayList<>();
        for (MatrixDocument.Line line : document.preamble()) {
            grid.add(row(width, line.text()));
        }
        List<String> header = row(width, "");
        for (int c = 0; c < document.header().cells().size(); c++) {
            header.set(c + 1, lines(document.header().cells().get(c)));
        }
        int headerRow = grid.size();
        grid.add(header);
        for (MatrixDocument.Row row : document.rows()) {
            List<String> cells = row(width, lines(row.label()));
            for (int c = 0; c < row.cells().size() && c + 1 < width; c++) {
                cells.set(c + 1, lines(row.cells().get(c)));
            }
            grid.add(cells);
        }
        if (width > 1 + document.header().cells().size()) {
            int notes = width - 1;
            header.set(notes, "Notas");
            int r = headerRow + 1;
            for (MatrixDocument.Footnote footnote : document.footnotes()) {
                if (r == grid.size()) {
                    grid.add(row(width, ""));
                }
                grid.get(r++).set(notes, footnote.marker() + footnote.text());
            }
        }
        return grid;
    }

    private static List<String> row(int width, String first) {
        List<String> row = new ArrayList<>(java.util.Collections.nCopies(width, ""));
        row.set(0, first);
        return row;
    }

    private static String lines(MatrixDocument.Cell cell) {
        return String.join("\n", cell.lines().stream().map(MatrixDocument.Line::text).toList());
    }

    private List<MatrixDocument.Footnote> footnotes(MatrixDocument.Cell cell) {
        return footnotes(origin, cell);
    }

    private static String collapse(CharSequence text) {
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private MatrixDocument.Cell cell(int r, int c) {
        List<MatrixDocument.Cell> row = rows.get(r);
        if (c < row.size() && row.get(c) != null) {
            return row.get(c);
        }
        return new MatrixDocument.Cell(List.of(), locate.apply(r, c));
    }

    /** @return the 0-based column of the row's last cell with text, or -1 */
    private int lastFilled(int r) {
        return lastFilledExcept(r, -1);
    }

    private int lastFilledExcept(int r, int except) {
        List<MatrixDocument.Cell> row = rows.get(r);
        for (int c = row.size() - 1; c >= 0; c--) {
            if (c != except && row.get(c) != null && !row.get(c).isEmpty()) {
                return c;
            }
        }
        return -1;
    }
}
