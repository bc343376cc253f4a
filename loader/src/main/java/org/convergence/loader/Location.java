package org.convergence.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where a piece of a source document is: a line of a text file, a cell of a workbook sheet, or a cell
 * of a CSV file (the physical line and the spreadsheet coordinate). Error messages name it with
 * {@link #describe()}; the graph keeps it as provenance properties ({@link #nodeProvenance()},
 * {@link #relProvenance()}, {@link #addItemProvenance(Map, int)}), the one definition of those keys:
 *
 * <table>
 * <caption>Provenance keys per kind of location</caption>
 * <tr><th>kind</th><th>node</th><th>relationship</th><th>theme item of an {@code ADDRESSES}</th></tr>
 * <tr><td>text line</td><td>{@code sourceLine}</td><td>{@code line}</td><td>{@code sourceLines} (list)</td></tr>
 * <tr><td>sheet cell</td><td>{@code sourceSheet}, {@code sourceCell}</td><td>{@code sheet}, {@code cell}</td>
 *     <td>{@code sourceSheet}, {@code sourceCell}, {@code sourceItems} (list of 1-based positions in the cell)</td></tr>
 * <tr><td>CSV cell</td><td>{@code sourceLine}, {@code sourceCell}</td><td>{@code line}, {@code cell}</td>
 *     <td>{@code sourceLines} (list), {@code sourceCell}</td></tr>
 * </table>
 */
public sealed interface Location {

    /** @return the location in words, e.g. {@code line 12} or {@code sheet Matriz, cell B7} */
    String describe();

    /** @return the 1-based line of a text or CSV file, empty for a sheet */
    OptionalInt line();

    /** @return the properties that trace a node to this location */
    Map<String, Object> nodeProvenance();

    /** @return the properties that trace a relationship to this location */
    Map<String, Object> relProvenance();

    /**
     * Adds one theme item at this location to the provenance of a relationship that gathers items
     * (an {@code ADDRESSES}: all its items come from one cell).
     *
     * @param rel the relationship's mutable properties
     * @param position the item's 1-based position within its cell
     */
    void addItemProvenance(Map<String, Object> rel, int position);

    /** A line of a text document. */
    record TextLine(int number) implements Location {
        @Override
        public String describe() {
            return "line " + number;
        }

        @Override
        public OptionalInt line() {
            return OptionalInt.of(number);
        }

        @Override
        public Map<String, Object> nodeProvenance() {
            return Map.of("sourceLine", number);
        }

        @Override
        public Map<String, Object> relProvenance() {
            return Map.of("line", number);
        }

        @Override
        public void addItemProvenance(Map<String, Object> rel, int position) {
            Location.append(rel, "sourceLines", number);
        }
    }

    /**
     * A cell of a workbook sheet, or the whole sheet.
     *
     * @param sheet the sheet's name
     * @param cell the cell reference as a spreadsheet shows it ({@code B7}), or null for the sheet itself
     */
    record SheetCell(String sheet, String cell) implements Location {

        /** @return the location of cell (row, column), both 0-based as POI counts them */
        public static SheetCell of(String sheet, int row, int column) {
            return new SheetCell(sheet, reference(row, column));
        }

        @Override
        public String describe() {
            return cell == null ? "sheet " + sheet : "sheet " + sheet + ", cell " + cell;
        }

        @Override
        public OptionalInt line() {
            return OptionalInt.empty();
        }

        @Override
        public Map<String, Object> nodeProvenance() {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("sourceSheet", sheet);
            props.put("sourceCell", cell);
            return props;
        }

        @Override
        public Map<String, Object> relProvenance() {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("sheet", sheet);
            props.put("cell", cell);
            return props;
        }

        @Override
        public void addItemProvenance(Map<String, Object> rel, int position) {
            rel.putIfAbsent("sourceSheet", sheet);
            rel.putIfAbsent("sourceCell", cell);
            Location.append(rel, "sourceItems", position);
        }
    }

    /**
     * A cell of a CSV file.
     *
     * @param number the 1-based physical line (a quoted cell can span several)
     * @param cell the cell's spreadsheet coordinate ({@code B7}: column B of the 7th record), as a
     *     spreadsheet program that opens the file shows it
     */
    record CsvCell(int number, String cell) implements Location {
        @Override
        public String describe() {
            return "line " + number + ", cell " + cell;
        }

        @Override
        public OptionalInt line() {
            return OptionalInt.of(number);
        }

        @Override
        public Map<String, Object> nodeProvenance() {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("sourceLine", number);
            props.put("sourceCell", cell);
            return props;
        }

        @Override
        public Map<String, Object> relProvenance() {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("line", number);
            props.put("cell", cell);
            return props;
        }

        @Override
        public void addItemProvenance(Map<String, Object> rel, int position) {
            rel.putIfAbsent("sourceCell", cell);
            Location.append(rel, "sourceLines", number);
        }
    }

    /**
     * The spreadsheet reference of a cell: column letters and 1-based row, e.g. {@code B7}.
     *
     * @param row 0-based row
     * @param column 0-based column
     * @return the reference
     */
    static String reference(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.append(row + 1).toString();
    }

    private static void append(Map<String, Object> rel, String key, int value) {
        @SuppressWarnings("unchecked")
        List<Integer> values = (List<Integer>) rel.computeIfAbsent(key, k -> new ArrayList<Integer>());
        values.add(value);
    }
}
