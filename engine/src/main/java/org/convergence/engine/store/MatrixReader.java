package org.convergence.engine.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convergence.cypher.Cypher;
import org.convergence.loader.Location;
import org.convergence.loader.matrix.MatrixDocument;
import org.convergence.loader.matrix.MatrixWorkbook;
import org.convergence.loader.matrix.RowKind;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Reads back the convergence matrix a data set was loaded from (the seed, or a {@code load --matrix}
 * of a text, workbook or CSV matrix) as a {@link MatrixDocument}: what {@code export} writes and what
 * a report can render as a table.
 *
 * <p>The document is rebuilt from what the load stored, with the statements
 * {@code read/matrix-*.cypher}, in one read transaction:
 * <ul>
 * <li>preamble: the {@code Document}'s title, {@code preparedBy}, place, dates and table title (with
 * the marker of the footnote anchored to the heading), one line each;</li>
 * <li>header: one {@code name (code)} cell per {@code Process} with a {@code column}, in column order;</li>
 * <li>rows, in the order of the 2002 document ({@link RowKind}), each only when some process has data
 * for it: the start ({@code startCountry, startYear}), objectives, participation, geographic area, the
 * two theme rows (each {@code ADDRESSES}'s {@code rawLabels} as bulleted lines {@code · label}, in
 * their order in the cell, then the process's {@code actionPlanNote} or {@code convergenceAreaNote}),
 * and the joint activities; theme rows and the activities row keep the label they were loaded with;</li>
 * <li>footnotes: every {@code Footnote} in document order, marker and text (a process described only
 * in a footnote, such as the seed's CSM, comes back with it).</li>
 * </ul>
 * Loading the document again gives the same processes, themes and {@code ADDRESSES} as the data set.
 * Locations are those of the pieces in the workbook {@link MatrixWorkbook#write} makes of the document
 * (sheet {@code Matriz}, preamble from A1, footnotes in sheet {@code Notas} from A1), not of the
 * original file. Linear in the size of the matrix.
 */
public final class MatrixReader {

    private static final List<String> THEME_RELATIONS = List.of(RowKind.ACTION_PLAN.name(),
            RowKind.CONVERGENCE_AREA.name());

    private final Driver driver;

    public MatrixReader(Driver driver) {
        this.driver = driver;
    }

    /**
     * @param dataset a data set name
     * @return the matrix it was loaded from; empty when it was loaded from something else (a long CSV
     *     of edges has no matrix)
     * @throws IllegalArgumentException if there is no such data set
     */
    public Optional<MatrixDocument> read(String dataset) {
        Map<String, Object> params = Map.of("dataset", dataset, "relations", THEME_RELATIONS);
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                List<Record> found = tx.run(Cypher.statement("read/matrix-document"), params).list();
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("Data set `" + dataset + "` does not exist; known data sets: "
                            + String.join(", ", new DatasetStore(driver).list().stream()
                                    .map(DatasetStore.Listing::dataset).toList()));
                }
                Record doc = found.get(0);
                Optional<MatrixDocument.Format> format = MatrixDocument.Format.ofKind(doc.get("kind").asString(""));
                if (format.isEmpty() || !doc.get("hasDocument").asBoolean()) {
                    return Optional.empty();
                }
                MatrixDocument.Origin origin = new MatrixDocument.Origin(doc.get("source").asString(""),
                        doc.get("sourceSha256").asString(""), format.get());
                Builder builder = new Builder(origin);
                builder.preamble(doc);
                builder.processes(tx.run(Cypher.statement("read/matrix-processes"), params).list());
                builder.themes(tx.run(Cypher.statement("read/matrix-themes"), params).list());
                builder.activities(tx.run(Cypher.statement("read/matrix-activities"), params).list());
                builder.footnotes(tx.run(Cypher.statement("read/matrix-footnotes"), params).list());
                return Optional.of(builder.build());
            });
        }
    }

    /**
     * One theme item of a cell as stored, with what orders it: its position in the cell, then (for items
     * on one line of a CSV file) the first label of its relationship, then its place among that
     * relationship's labels.
     */
    private record StoredItem(long position, String edge, int index, String rawLabel) {
        static final Comparator<StoredItem> ORDER = Comparator.comparingLong(StoredItem::position)
                .thenComparing(StoredItem::edge).thenComparingInt(StoredItem::index);
    }

    /** Collects the pieces of the document, then lays them out with their locations. */
    private static final class Builder {
        private final MatrixDocument.Origin origin;
        private final List<String> preamble = new ArrayList<>();
        private final List<Record> processes = new ArrayList<>();
        private final Map<Long, Integer> columnIndex = new LinkedHashMap<>();
        private final Map<RowKind, String> labels = new EnumMap<>(RowKind.class);
        private final Map<RowKind, List<List<String>>> cells = new EnumMap<>(RowKind.class);
        private final Map<RowKind, List<List<StoredItem>>> items = new EnumMap<>(RowKind.class);
        private final List<String[]> footnotes = new ArrayList<>();

        Builder(MatrixDocument.Origin origin) {
            this.origin = origin;
        }

        void preamble(Record doc) {
            for (String key : List.of("title", "preparedBy", "place", "dates")) {
                String text = doc.get(key).asString("");
                if (!text.isBlank()) {
                    preamble.add(text);
                }
            }
            String heading = doc.get("tableTitle").asString("") + doc.get("headingMarker").asString("");
            if (!heading.isBlank()) {
                preamble.add(heading);
            }
        }

        void processes(List<Record> rows) {
            processes.addAll(rows);
            for (RowKind kind : RowKind.values()) {
                List<List<String>> empty = new ArrayList<>();
                List<List<StoredItem>> none = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    empty.add(new ArrayList<>());
                    none.add(new ArrayList<>());
                }
                cells.put(kind, empty);
                items.put(kind, none);
            }
            for (int i = 0; i < rows.size(); i++) {
                Record p = rows.get(i);
                columnIndex.put(p.get("column").asLong(), i);
                if (!p.get("startCountry").isNull()) {
                    cells.get(RowKind.START).get(i).add(p.get("startCountry").asString() + ", "
                            + p.get("startYear").asInt());
                }
                text(RowKind.OBJECTIVES, i, p.get("objectives"));
                text(RowKind.PARTICIPATION, i, p.get("participation"));
                text(RowKind.GEOGRAPHY, i, p.get("geographicArea"));
            }
        }

        private void text(RowKind kind, int column, Value value) {
            if (!value.isNull()) {
                cells.get(kind).get(column).add(value.asString());
                labels.putIfAbsent(kind, kind.label());
            }
        }

        void themes(List<Record> rows) {
            for (Record r : rows) {
                RowKind kind = RowKind.valueOf(r.get("relation").asString());
                Integer column = columnIndex.get(r.get("column").asLong());
                if (column == null) {
                    continue;
                }
                labels.putIfAbsent(kind, r.get("row").asString(kind.label()));
                List<Object> raw = r.get("rawLabels").asList();
                List<Object> positions = r.get("positions").asList();
                for (int i = 0; i < raw.size(); i++) {
                    long position = i < positions.size() ? ((Number) positions.get(i)).longValue() : Long.MAX_VALUE;
                    items.get(kind).get(column).add(new StoredItem(position, (String) raw.get(0), i,
                            (String) raw.get(i)));
                }
            }
        }

        void activities(List<Record> rows) {
            for (Record r : rows) {
                Integer column = columnIndex.get(r.get("column").asLong());
                if (column != null) {
                    cells.get(RowKind.JOINT_ACTIVITIES).get(column).add(r.get("name").asString(""));
                    labels.putIfAbsent(RowKind.JOINT_ACTIVITIES, r.get("row").asString(RowKind.JOINT_ACTIVITIES.label()));
                }
            }
        }

        void footnotes(List<Record> rows) {
            for (Record r : rows) {
                footnotes.add(new String[] {r.get("marker").asString(), r.get("text").asString()});
            }
        }

        MatrixDocument build() {
            for (int i = 0; i < processes.size(); i++) {
                Record p = processes.get(i);
                if (!p.get("startCountry").isNull()) {
                    labels.putIfAbsent(RowKind.START, RowKind.START.label());
                }
                for (RowKind kind : List.of(RowKind.ACTION_PLAN, RowKind.CONVERGENCE_AREA)) {
                    List<StoredItem> stored = new ArrayList<>(items.get(kind).get(i));
                    stored.sort(StoredItem.ORDER);
                    for (StoredItem item : stored) {
                        cells.get(kind).get(i).add("· " + item.rawLabel());
                    }
                    Value note = p.get(kind == RowKind.ACTION_PLAN ? "actionPlanNote" : "convergenceAreaNote");
                    if (!note.isNull()) {
                        cells.get(kind).get(i).add(note.asString());
                        labels.putIfAbsent(kind, kind.label());
                    }
                }
            }
            int row = 0;
            List<MatrixDocument.Line> lines = new ArrayList<>();
            for (String text : preamble) {
                lines.add(new MatrixDocument.Line(text, at(row++, 0)));
            }
            int headerRow = row++;
            List<MatrixDocument.Cell> header = new ArrayList<>();
            for (int i = 0; i < processes.size(); i++) {
                Record p = processes.get(i);
                header.add(cell(p.get("name").asString() + " (" + p.get("code").asString(p.get("id").asString()) + ")",
                        at(headerRow, i + 1)));
            }
            List<MatrixDocument.Row> table = new ArrayList<>();
            for (RowKind kind : RowKind.values()) {
                if (!labels.containsKey(kind)) {
                    continue;
                }
                int r = row++;
                List<MatrixDocument.Cell> rowCells = new ArrayList<>();
                for (int i = 0; i < processes.size(); i++) {
                    rowCells.add(cell(String.join("\n", cells.get(kind).get(i)), at(r, i + 1)));
                }
                table.add(new MatrixDocument.Row(cell(labels.get(kind), at(r, 0)), rowCells, at(r, 0)));
            }
            List<MatrixDocument.Footnote> notes = new ArrayList<>();
            for (int i = 0; i < footnotes.size(); i++) {
                notes.add(new MatrixDocument.Footnote(footnotes.get(i)[0], footnotes.get(i)[1],
                        Location.SheetCell.of(MatrixWorkbook.NOTES_SHEET, i, 0)));
            }
            return new MatrixDocument(origin, lines, new MatrixDocument.Row(cell("", at(headerRow, 0)), header,
                    at(headerRow, 0)), table, notes);
        }

        private static Location at(int row, int column) {
            return Location.SheetCell.of(MatrixWorkbook.MATRIX_SHEET, row, column);
        }

        private static MatrixDocument.Cell cell(String text, Location location) {
            return MatrixDocument.Cell.of(text, location);
        }
    }
}
