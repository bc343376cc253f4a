package org.convergence.engine.output.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.convergence.loader.matrix.MatrixCsv;
import org.convergence.loader.matrix.MatrixDocument;
import org.convergence.loader.matrix.MatrixWorkbook;

/**
 * A data set's convergence matrix written back in the layout {@code load --matrix} reads, from the
 * {@link MatrixDocument} that {@code MatrixReader} rebuilds from the graph: by {@link MatrixWorkbook#write}
 * ({@code .xlsx}) or {@link MatrixCsv#write} ({@code ;}-separated, UTF-8 with a byte-order mark).
 * Loading the file gives the data set's processes, themes and {@code ADDRESSES} again.
 */
public enum MatrixExport {
    /** The matrix as a workbook, footnotes in sheet {@code Notas}. */
    XLSX("xlsx", ".xlsx", "the matrix as a workbook laid out as the 2002 document"),
    /** The matrix as {@code ;}-separated values in UTF-8 with BOM, footnotes in column {@code Notas}. */
    MATRIX_CSV("matrix-csv", ".csv", "the same as ;-separated values in UTF-8 with BOM");

    private final String key;
    private final String extension;
    private final String description;

    MatrixExport(String key, String extension, String description) {
        this.key = key;
        this.extension = extension;
        this.description = description;
    }

    /** @return the name on the command line */
    public String key() {
        return key;
    }

    /** @return the ending of the file's name, which {@code load --matrix} picks the layout by */
    public String extension() {
        return extension;
    }

    /** @return what the format writes, for help texts */
    public String description() {
        return description;
    }

    /** @return the format of this name, if it is a matrix format */
    public static java.util.Optional<MatrixExport> of(String value) {
        return java.util.Arrays.stream(values()).filter(f -> f.key.equalsIgnoreCase(value)).findFirst();
    }

    /**
     * Writes the matrix.
     *
     * @param matrix the matrix as read from the graph
     * @param out where the file's bytes go; not closed
     * @return one line saying what was written, for the user
     * @throws IOException if writing fails
     */
    public String write(MatrixDocument matrix, OutputStream out) throws IOException {
        if (this == XLSX) {
            MatrixWorkbook.write(matrix, out);
        } else {
            out.write(MatrixCsv.write(matrix, StandardCharsets.UTF_8));
        }
        return String.format(Locale.ROOT, "%d processes as columns, %d rows, %d footnotes, from %s",
                matrix.header().cells().size(), matrix.rows().size(), matrix.footnotes().size(),
                matrix.origin().name());
    }
}
