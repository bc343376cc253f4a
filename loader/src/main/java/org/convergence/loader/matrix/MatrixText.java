package org.convergence.loader.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.loader.LoadException;
import org.convergence.loader.Location;
import org.convergence.loader.SourceText;

/**
 * Reads a matrix document in the seed's text layout into a {@link MatrixDocument}.
 *
 * <h2>Layout</h2>
 * A preamble (the non-blank lines before the first line that starts with a tab), then the table
 * written as text: a line that starts with a tab opens a cell, a line without one continues the cell
 * above; a blank line followed by a tab line starts a new row. The first row is the header; each row's
 * first cell is its label. A line starting with asterisks (after optional spaces) outside a cell's
 * tab line is a footnote, with the asterisks as its marker, wherever it stands. Locations are text
 * lines. Linear in the size of the text.
 */
public final class MatrixText {

    private static final Pattern FOOTNOTE = Pattern.compile("^\\s*(\\*+)\\s*(\\S.*)$");

    private MatrixText() {
    }

    /**
     * @param source the decoded document
     * @return its layout
     * @throws LoadException when no line starts with a tab, or text stands outside any cell
     */
    public static MatrixDocument read(SourceText source) {
        List<String> lines = source.lines();
        int tableStart = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("\t")) {
                tableStart = i;
                break;
            }
        }
        if (tableStart < 0) {
            throw new LoadException(source.name(), null, "no table found: no line starts with a tab");
        }
        List<MatrixDocument.Line> preamble = new ArrayList<>();
        for (int i = 0; i < tableStart; i++) {
            if (!lines.get(i).isBlank()) {
                preamble.add(new MatrixDocument.Line(lines.get(i).strip(), new Location.TextLine(i + 1)));
            }
        }
        List<List<DraftCell>> rows = new ArrayList<>();
        List<MatrixDocument.Footnote> footnotes = new ArrayList<>();
        List<DraftCell> row = null;
        DraftCell cell = null;
        boolean afterBlank = true;
        for (int i = tableStart; i < lines.size(); i++) {
            String raw = lines.get(i);
            Location here = new Location.TextLine(i + 1);
            if (raw.startsWith("\t")) {
                String text = raw.substring(1).strip();
                if (row == null || afterBlank) {
                    row = new ArrayList<>();
                    rows.add(row);
                }
                cell = new DraftCell(here, new ArrayList<>());
                if (!text.isEmpty()) {
                    cell.lines().add(new MatrixDocument.Line(text, here));
                }
                row.add(cell);
                afterBlank = false;
            } else if (raw.isBlank()) {
                afterBlank = true;
            } else {
                Matcher f = FOOTNOTE.matcher(raw);
                if (f.matches()) {
                    footnotes.add(new MatrixDocument.Footnote(f.group(1), f.group(2).strip().replaceAll("\\s+", " "),
                            here));
                    row = null;
                    cell = null;
                } else if (cell == null) {
                    throw new LoadException(source.name(), i + 1, "text outside any table cell: `" + raw.strip()
                            + "` (a cell starts with a tab)");
                } else {
                    cell.lines().add(new MatrixDocument.Line(raw.strip(), here));
                }
                afterBlank = false;
            }
        }
        if (rows.isEmpty()) {
            throw new LoadException(source.name(), tableStart + 1, "the table has no rows");
        }
        List<MatrixDocument.Row> table = new ArrayList<>();
        for (List<DraftCell> cells : rows) {
            List<MatrixDocument.Cell> built = cells.stream().map(DraftCell::build).toList();
            table.add(new MatrixDocument.Row(built.get(0), built.subList(1, built.size()), built.get(0).location()));
        }
        MatrixDocument.Origin origin = new MatrixDocument.Origin(source.name(), source.sha256(),
                MatrixDocument.Format.TEXT);
        return new MatrixDocument(origin, preamble, table.get(0), table.subList(1, table.size()), footnotes);
    }

    /** A cell while its continuation lines are read. */
    private record DraftCell(Location location, List<MatrixDocument.Line> lines) {
        MatrixDocument.Cell build() {
            return new MatrixDocument.Cell(lines, location);
        }
    }
}
