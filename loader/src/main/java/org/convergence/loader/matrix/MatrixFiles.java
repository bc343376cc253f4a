package org.convergence.loader.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.convergence.loader.LoadException;
import org.convergence.loader.SourceText;

/**
 * Reads a matrix file in the layout its name says: {@code .xlsx} a workbook ({@link MatrixWorkbook}),
 * {@code .csv} {@code ;}-separated values ({@link MatrixCsv}), any other name the seed's text layout
 * ({@link MatrixText}). Case is ignored.
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
        MatrixDocument.Format format = formatOf(file);
        if (format == MatrixDocument.Format.TEXT) {
            return MatrixText.read(SourceText.read(file));
        }
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new LoadException(name, null, "is a directory, expected a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LoadException(name, null, "file does not exist");
        } catch (IOException e) {
            throw new LoadException(name, null, "cannot read file: " + e.getMessage(), e);
        }
        return format == MatrixDocument.Format.XLSX ? MatrixWorkbook.read(name, bytes) : MatrixCsv.read(name, bytes);
    }
}
