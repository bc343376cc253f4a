package org.convergence.loader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * What kind of spreadsheet file some bytes are, told by their content, not the file's name: a user's
 * {@code mine.xls} renamed {@code mine.xlsx}, or a workbook named {@code .csv}, is read or refused by
 * what it is, with the fix named. Looks at the first bytes only (and, for a zip archive, its first
 * entry), so it costs nothing on large text files.
 */
public final class Spreadsheets {

    /** The kinds of file a spreadsheet program saves that a load may meet. */
    public enum Kind {
        /** An Office Open XML workbook ({@code .xlsx}): read as a matrix by {@code MatrixWorkbook}. */
        XLSX,
        /** An Excel 97-2003 workbook ({@code .xls}) or another OLE2 compound file. */
        XLS,
        /** An OpenDocument spreadsheet ({@code .ods}, LibreOffice's own format). */
        ODS,
        /** Anything else: text, to be read as the file's name says. */
        TEXT
    }

    private static final String ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

    private Spreadsheets() {
    }

    /** @return the kind of file the bytes are */
    public static Kind kindOf(byte[] bytes) {
        if (bytes.length < 8) {
            return Kind.TEXT;
        }
        FileMagic magic = FileMagic.valueOf(bytes);
        if (magic == FileMagic.OLE2) {
            return Kind.XLS;
        }
        if (magic != FileMagic.OOXML) {
            return Kind.TEXT;
        }
        // both are zip archives; an OpenDocument file stores its media type uncompressed as the first entry
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry first = zip.getNextEntry();
            if (first != null && first.getName().equals("mimetype")
                    && new String(zip.readNBytes(200), StandardCharsets.US_ASCII).startsWith(ODS_MIME)) {
                return Kind.ODS;
            }
        } catch (IOException | IllegalArgumentException e) {
            // a damaged archive: the workbook reader says so
        }
        return Kind.XLSX;
    }

    /**
     * Refuses a file whose bytes are not of the kind a reader takes, naming what it is and the format
     * to save it in.
     *
     * @param name the file, as messages show it
     * @param kind what its bytes are
     * @param workbook whether the reader takes an .xlsx workbook (a matrix); else it takes CSV text only
     *     (a table of edges)
     * @throws LoadException for an {@code .xls} or {@code .ods} file, and for an {@code .xlsx} workbook
     *     where CSV text is expected
     */
    public static void refuseUnreadable(String name, Kind kind, boolean workbook) {
        String wanted = workbook ? "a matrix is read from an .xlsx workbook or a CSV file"
                : "a table of edges is read from a CSV file";
        switch (kind) {
            case XLS -> throw LoadException.at(name, null, "an Excel 97-2003 workbook (.xls) or another OLE2 file,"
                    + " whatever its name; " + wanted + ": open it and save it as " + (workbook
                            ? "Excel Workbook (.xlsx)" : "CSV UTF-8 (Comma delimited) (.csv)"));
            case ODS -> throw LoadException.at(name, null, "an OpenDocument spreadsheet (.ods), whatever its name; "
                    + wanted + ": in LibreOffice Calc choose File > Save As and the type " + (workbook
                            ? "Excel 2007-365 (.xlsx)" : "Text CSV (.csv)"));
            case XLSX -> {
                if (!workbook) {
                    throw LoadException.at(name, null, "an .xlsx workbook, not a CSV file; " + wanted + " (header"
                            + " process,theme[,relation][,weight]): save the sheet as CSV UTF-8 (.csv); a matrix in"
                            + " the seed's layout loads with `load --matrix FILE`");
                }
            }
            default -> {
                // text: read as the file's name says
            }
        }
    }
}
