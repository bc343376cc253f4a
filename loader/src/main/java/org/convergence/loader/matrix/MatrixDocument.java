package org.convergence.loader.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.loader.LoadException;
import org.convergence.loader.Location;

/**
 * A convergence matrix as laid out in its document, whatever the file format: the preamble lines, the
 * header row (an empty first cell, then one {@code Name (CODE)} cell per process, in column order), the
 * rows (a label, then one cell per process), and the footnotes. Every piece keeps its {@link Location}
 * (a text line, a sheet cell such as {@code B7}, a CSV line and cell), so that errors and provenance
 * name it. The layouts ({@link MatrixText}, {@link MatrixWorkbook}, {@link MatrixCsv}) read files into
 * it; {@link MatrixParser} turns it into a load plan; the export and reports read it back from the
 * graph and write or render it.
 *
 * <p>Nothing is checked here beyond the layout: row labels, header cells and start cells are checked
 * by {@link MatrixParser}, which names the location of each problem. The rules that read a cell's
 * items ({@link Cell#items()}) live here, so that parsing and rendering read cells alike.
 *
 * @param origin the file the document was read from
 * @param preamble the lines above the table: title line(s), {@code Preparado por ...}, place, dates,
 *     table heading (with a footnote marker such as {@code *} at its end, if it has one)
 * @param header the header row: an empty label cell, then the process header cells
 * @param rows the other rows of the table, in document order
 * @param footnotes the footnotes, in document order
 */
public record MatrixDocument(Origin origin, List<Line> preamble, Row header, List<Row> rows,
        List<Footnote> footnotes) {

    private static final Pattern BULLET = Pattern.compile("^[\\u00B7\\u2022\\-]\\s*(.+)$");
    private static final Pattern TRAILING_MARKER = Pattern.compile("^(.*?\\S)\\s*(\\*+)$");
    private static final Pattern PROCESS_HEADER = Pattern.compile("^(.+?)\\s*\\((\\p{Lu}{2,})\\)$");
    private static final Pattern NOTE = Pattern.compile("^\\(.*\\)$");

    public MatrixDocument {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(header, "header");
        preamble = List.copyOf(preamble);
        rows = List.copyOf(rows);
        footnotes = List.copyOf(footnotes);
    }

    /** The formats a matrix document comes in, each with the {@code kind} its data set records. */
    public enum Format {
        /** The seed's text layout (tab-separated cells, one line per cell line). */
        TEXT("seed-matrix"),
        /** An Office Open XML workbook ({@code .xlsx}). */
        XLSX("matrix-xlsx"),
        /** The workbook's first sheet as {@code ;}-separated values. */
        CSV("matrix-csv");

        private final String kind;

        Format(String kind) {
            this.kind = kind;
        }

        /** @return the data set kind a load of this format records */
        public String kind() {
            return kind;
        }

        /** @return the format whose data set kind this is, if any */
        public static Optional<Format> ofKind(String kind) {
            for (Format f : values()) {
                if (f.kind.equals(kind)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Where a document came from.
     *
     * @param name file name or resource path, as messages show it
     * @param sha256 hex SHA-256 of the file's bytes
     * @param format the layout it was written in
     * @param reading how the file's text was read, where a reader had to tell it from the bytes (the
     *     encoding and separator of a CSV file), for the load's summary; null where the format fixes it
     */
    public record Origin(String name, String sha256, Format format, String reading) {

        /** A document whose format fixes how it is read. */
        public Origin(String name, String sha256, Format format) {
            this(name, sha256, format, null);
        }
    }

    /** One line of text at its location (a cell of a spreadsheet may hold several lines). */
    public record Line(String text, Location location) {
    }

    /**
     * One cell: its lines (blank lines dropped, each stripped) and its location.
     *
     * @param lines the cell's non-blank lines
     * @param location where the cell is (for a text document, the line that opens it)
     */
    public record Cell(List<Line> lines, Location location) {

        public Cell {
            lines = List.copyOf(lines);
            Objects.requireNonNull(location, "location");
        }

        /**
         * @param text the cell's text, lines separated by line breaks
         * @param location where every line of it is
         * @return the cell, blank lines dropped
         */
        public static Cell of(String text, Location location) {
            List<Line> lines = new ArrayList<>();
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(new Line(line.strip(), location));
                }
            }
            return new Cell(lines, location);
        }

        /** @return whether the cell holds no text */
        public boolean isEmpty() {
            return lines.isEmpty();
        }

        /** @return the cell's lines joined by single spaces, whitespace collapsed */
        public String text() {
            return String.join(" ", lines.stream().map(Line::text).toList()).replaceAll("\\s+", " ").strip();
        }

        /**
         * The theme items of a cell of a theme row, in order. When any line starts with a bullet
         * ({@code ·}, {@code •} or {@code -}), each bulleted line is one item and the other lines are
         * notes (as in the 2002 document). Otherwise each line is one or more items separated by
         * {@code ;}, except lines wholly in parentheses, which are notes.
         *
         * @return the items; empty for an empty cell
         */
        public List<Item> items() {
            List<Item> items = new ArrayList<>();
            boolean bulleted = bulleted();
            for (Line line : lines) {
                Matcher bullet = BULLET.matcher(line.text());
                if (bulleted) {
                    if (bullet.matches()) {
                        items.add(Item.of(bullet.group(1).strip(), line.location(), items.size() + 1));
                    }
                } else if (!NOTE.matcher(line.text()).matches()) {
                    for (String part : line.text().split(";")) {
                        if (!part.isBlank()) {
                            items.add(Item.of(part.strip(), line.location(), items.size() + 1));
                        }
                    }
                }
            }
            return items;
        }

        /** @return the lines of a theme row's cell that are not items (see {@link #items()}) */
        public List<Line> notes() {
            boolean bulleted = bulleted();
            return lines.stream().filter(l -> bulleted ? !BULLET.matcher(l.text()).matches()
                    : NOTE.matcher(l.text()).matches()).toList();
        }

        private boolean bulleted() {
            return lines.stream().anyMatch(l -> BULLET.matcher(l.text()).matches());
        }
    }

    /**
     * One theme of a theme row's cell.
     *
     * @param rawLabel the item as written, bullet removed, with its footnote marker
     * @param label the item without its footnote marker
     * @param marker the trailing footnote marker ({@code *}, {@code **}, ...), or null
     * @param location where the item's line is
     * @param position the item's 1-based position in its cell
     */
    public record Item(String rawLabel, String label, String marker, Location location, int position) {

        static Item of(String rawLabel, Location location, int position) {
            Matcher m = TRAILING_MARKER.matcher(rawLabel);
            return m.matches() ? new Item(rawLabel, m.group(1), m.group(2), location, position)
                    : new Item(rawLabel, rawLabel, null, location, position);
        }

        /** @return the footnote marker the item carries, if any */
        public Optional<String> footnoteMarker() {
            return Optional.ofNullable(marker);
        }
    }

    /**
     * One row of the table.
     *
     * @param label the label cell (empty for the header row)
     * @param cells one cell per process column, in column order
     * @param location where the row starts (its label cell)
     */
    public record Row(Cell label, List<Cell> cells, Location location) {

        public Row {
            Objects.requireNonNull(label, "label");
            cells = List.copyOf(cells);
            Objects.requireNonNull(location, "location");
        }

        /** @return the row's label as one line */
        public String labelText() {
            return label.text();
        }

        /** @return the kind of row the label names, if it names one */
        public Optional<RowKind> kind() {
            return RowKind.of(labelText());
        }
    }

    /**
     * A process column, read from its header cell {@code Name (CODE)}.
     *
     * @param code the code in parentheses, e.g. {@code PPP}
     * @param name the name before it
     * @param column the 1-based column among the process columns
     * @param cell the header cell
     */
    public record ProcessColumn(String code, String name, int column, Cell cell) {
    }

    /**
     * A footnote.
     *
     * @param marker its marker, one or more asterisks
     * @param text its text, whitespace collapsed
     * @param location where it starts
     */
    public record Footnote(String marker, String text, Location location) {
    }

    /**
     * The process columns in column order, read from the header cells.
     *
     * @return one per header cell
     * @throws LoadException naming the header cell that is not {@code Name (CODE)}
     */
    public List<ProcessColumn> processColumns() {
        List<ProcessColumn> columns = new ArrayList<>();
        for (Cell cell : header.cells()) {
            Matcher m = PROCESS_HEADER.matcher(cell.text());
            if (cell.isEmpty()) {
                String column = cell.location() instanceof Location.TextLine ? "process column " + (columns.size() + 1)
                        : "column " + cell.location().describe().replaceAll(".*cell ([A-Z]+)\\d+$", "$1");
                throw LoadException.at(origin.name(), cell.location(), column + " has no process header: the process"
                        + " columns stand side by side from column B on; delete the empty column, or write its"
                        + " process's header here, e.g. `Plan Puebla – Panamá (PPP)`");
            }
            if (!m.matches()) {
                throw LoadException.at(origin.name(), cell.location(), "process header `" + cell.text()
                        + "` must be a name followed by its code in parentheses, e.g. `Plan Puebla – Panamá (PPP)`");
            }
            columns.add(new ProcessColumn(m.group(2), m.group(1), columns.size() + 1, cell));
        }
        return columns;
    }
}
