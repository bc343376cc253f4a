package org.convergence.loader.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.convergence.loader.LoadException;
import org.convergence.loader.SourceText;
import org.convergence.loader.Spreadsheets;

/**
 * Reads a matrix file: a workbook ({@link MatrixWorkbook}) when its bytes are one, whatever its name;
 * otherwise the layout its name says, {@code .csv} separated values ({@link MatrixCsv}), any other
 * name the seed's text layout ({@link MatrixText}). Case is ignored. Spreadsheet files of other kinds
 * are recognised by their bytes too (an Excel 97-2003 {@code .xls}, an OpenDocument {@code .ods}) and
 * refused naming the format to save them in.
 */
public final class MatrixFiles {

    private MatrixFiles() {
    }

    /** @return the format a file name implies */
    public static MatrixDocument.Format formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return MatrixDocument.Format.XLSX;
        }
        return name.endsWith(".csv") ? MatrixDocument.Format.CSV : MatrixDocument.Format.TEXT;
    }

    /**
     * @param file a matrix file
     * @return its layout
     * @throws LoadException naming the file, where in it, and the problem
     */
    public static MatrixDocument read(Path file) {
        String name = file.toString();
        byte[] bytes = SourceText.bytes(file);
        Spreadsheets.Kind kind = Spreadsheets.kindOf(bytes);
        Spreadsheets.refuseUnreadable(name, kind, true);
        if (kind == Spreadsheets.Kind.XLSX) {
            return MatrixWorkbook.read(name, bytes);
        }
        MatrixDocument.Format format = formatOf(file);
        if (format == MatrixDocument.Format.XLSX) {
            return MatrixWorkbook.read(name, bytes); // says what the bytes are instead
        }
        return format == MatrixDocument.Format.CSV ? MatrixCsv.read(name, bytes)
                : MatrixText.read(SourceText.decode(name, bytes));
    }
}
