package org.convergence.engine.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.convergence.engine.neo4j.MatrixReader;
import org.convergence.engine.neo4j.Neo4jConnection;
import org.convergence.loader.matrix.MatrixCsv;
import org.convergence.loader.matrix.MatrixDocument;
import org.convergence.loader.matrix.MatrixWorkbook;

/**
 * A data set's convergence matrix written back in the layout {@code load --matrix} reads: read from
 * the graph by {@link MatrixReader}, written by {@link MatrixWorkbook#write} ({@code .xlsx}) or
 * {@link MatrixCsv#write} ({@code ;}-separated, UTF-8 with a byte-order mark). Loading the file gives
 * the data set's processes, themes and {@code ADDRESSES} again. A data set loaded from a long CSV of
 * edges has no matrix and is refused, naming its kind: it has no rows, footnotes or preamble to lay out.
 */
public final class MatrixExport implements DatasetExport {

    /** The file layouts a matrix is written in. */
    public enum Layout {
        /** A workbook, footnotes in sheet {@code Notas}. */
        XLSX,
        /** {@code ;}-separated values in UTF-8 with a byte-order mark, footnotes in column {@code Notas}. */
        CSV
    }

    private final Layout layout;

    public MatrixExport(Layout layout) {
        this.layout = layout;
    }

    @Override
    public String write(Neo4jConnection neo4j, String dataset, OutputStream out) throws IOException {
        MatrixDocument matrix = new MatrixReader(neo4j.driver()).read(dataset).orElseThrow(() ->
                new IllegalArgumentException("Data set `" + dataset + "` was not loaded from a convergence matrix"
                        + " (it has no preamble, matrix rows or footnotes, only process-theme edges), so it cannot be"
                        + " written as a matrix " + layout.name().toLowerCase(Locale.ROOT) + "; only data sets loaded"
                        + " with `load --seed` or `load --matrix` can"));
        if (layout == Layout.XLSX) {
            MatrixWorkbook.write(matrix, out);
        } else {
            out.write(MatrixCsv.write(matrix, StandardCharsets.UTF_8));
        }
        return String.format(Locale.ROOT, "%d processes as columns, %d rows, %d footnotes, from %s",
                matrix.header().cells().size(), matrix.rows().size(), matrix.footnotes().size(),
                matrix.origin().name());
    }
}
