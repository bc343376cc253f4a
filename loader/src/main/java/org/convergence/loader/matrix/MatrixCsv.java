package org.convergence.loader.matrix;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.convergence.loader.LoadException;
import org.convergence.loader.Location;
import org.convergence.loader.SourceText;

/**
 * A matrix as {@code ;}-separated values, the way spreadsheet programs in a Spanish locale save a
 * sheet as CSV (or {@code ,}-separated, as an English locale saves it: the separator is told by the
 * header row, which starts with one, see {@link #separator(String)}): the grid layout of {@link MatrixGrid} (preamble in the first field of the rows above
 * the header, header row with an empty first field, one row per {@link RowKind}, footnotes in a last
 * column headed {@code Notas}), fields separated by {@code ;}, a field with a {@code ;}, a quote or a
 * line break quoted with {@code "} (a quote inside doubled), so a cell may hold several lines (one
 * theme per line) or themes separated by {@code ;} inside its quotes.
 *
 * <h2>Encoding</h2>
 * UTF-8 with or without byte-order mark, or Windows-1252, by the rules of
 * {@link SourceText#decodeSpreadsheetCsv}.
 * Decimal commas need nothing: the layout has no numeric fields (a start year is part of the text
 * {@code México, 1996}), every field is read as the text it is, and {@code ;} as separator is what lets
 * commas stand unquoted. Locations are the physical line (a quoted cell may span several) and the cell
 * as a spreadsheet program shows it ({@code B7}: column B of the 7th record). Linear in the file size.
 */
public final class MatrixCsv {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Windows-1252, what Spanish-locale spreadsheet programs on Windows write as "CSV". */
    public static final Charset WINDOWS_1252 = SourceText.WINDOWS_1252;

    private MatrixCsv() {
    }

    /**
     * @param name the file name, as messages show it
     * @param bytes the file's bytes
     * @return the matrix as laid out in the file
     * @throws LoadException if the bytes cannot be decoded, a quote is never closed, or a cell breaks the layout
     */
    public static MatrixDocument read(String name, byte[] bytes) {
        SourceText source = SourceText.decodeSpreadsheetCsv(name, bytes);
        String text = source.text();
        char separator = separator(text);
        MatrixDocument.Origin origin = new MatrixDocument.Origin(name, source.sha256(), MatrixDocument.Format.CSV,
                source.encoding() + " text with `" + separator + "` between fields");
        List<Integer> recordLines = new ArrayList<>();
        List<List<MatrixDocument.Cell>> rows = tokenise(name, text, separator, recordLines);
        return new MatrixGrid(origin, rows, (r, c) -> new Location.CsvCell(recordLines.get(r),
                Location.reference(r, c)), null, List.of()).read(List.of());
    }

    /**
     * The field separator: {@code ;} as a Spanish-locale spreadsheet program writes, or {@code ,} as an
     * English-locale one does, told by the first record that starts with either (the header row, whose
     * cell A is empty); {@code ;} when none does.
     */
    static char separator(String text) {
        boolean quoted = false;
        boolean recordStart = true;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (recordStart && !quoted && (ch == ';' || ch == ',')) {
                return ch;
            }
            if (ch == '"') {
                quoted = !quoted;
            }
            recordStart = !quoted && (ch == '\n' || ch == '\r');
        }
        return ';';
    }

    /** Splits the text into records of cells, recording the physical line each record starts on. */
    private static List<List<MatrixDocument.Cell>> tokenise(String name, String text, char separator,
            List<Integer> recordLines) {
        Tokens t = new Tokens(recordLines);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            boolean crlf = ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n';
            if (t.quoted) {
                if (ch == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                    t.field.append('"');
                    i++;
                } else if (ch == '"') {
                    t.quoted = false;
                } else {
                    t.field.append(ch);
                    if (ch == '\n' || (ch == '\r' && !crlf)) {
                        t.line++;
                    }
                }
            } else if (ch == '"' && !t.started) {
                t.quoted = true;
                t.started = true;
            } else if (ch == separator) {
                t.endField();
            } else if (ch == '\n' || ch == '\r') {
                if (crlf) {
                    i++;
                }
                t.endField();
                t.endRecord();
                t.line++;
                t.fieldLine = t.line;
            } else {
                t.field.append(ch);
                t.started = true;
            }
        }
        if (t.quoted) {
            throw LoadException.at(name, new Location.CsvCell(t.fieldLine,
                    Location.reference(t.rows.size(), t.record.size())), "a quoted cell opened here is never closed"
                    + " (a `\"` is missing)");
        }
        if (t.started || t.field.length() > 0 || !t.record.isEmpty()) {
            t.endField();
            t.endRecord();
        }
        return t.rows;
    }

    /** The tokeniser's state: the records so far, the record and field being read, the physical line. */
    private static final class Tokens {
        final List<List<MatrixDocument.Cell>> rows = new ArrayList<>();
        final List<Integer> recordLines;
        List<MatrixDocument.Cell> record = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        int line = 1;
        int fieldLine = 1;
        boolean quoted;
        boolean started;

        Tokens(List<Integer> recordLines) {
            this.recordLines = recordLines;
        }

        void endField() {
            if (record.isEmpty()) {
                recordLines.add(fieldLine);
            }
            record.add(cell(field.toString(), fieldLine, rows.size(), record.size()));
            field.setLength(0);
            started = false;
            fieldLine = line;
        }

        void endRecord() {
            rows.add(record);
            record = new ArrayList<>();
        }
    }

    /** A field's text as a cell, each of its lines located on its own physical line. */
    private static MatrixDocument.Cell cell(String text, int firstLine, int row, int column) {
        String ref = Location.reference(row, column);
        List<MatrixDocument.Line> lines = new ArrayList<>();
        String[] parts = text.split("\\r\\n|\\r|\\n", -1);
        for (int k = 0; k < parts.length; k++) {
            if (!parts[k].isBlank()) {
                lines.add(new MatrixDocument.Line(parts[k].strip(), new Location.CsvCell(firstLine + k, ref)));
            }
        }
        return new MatrixDocument.Cell(lines, new Location.CsvCell(firstLine, ref));
    }

    /**
     * Writes a matrix in this layout: footnotes in the {@code Notas} column, records ended by CR LF, a
     * field quoted when it holds {@code ;}, a quote, a line break or surrounding spaces.
     *
     * @param document the matrix
     * @param charset UTF-8 (written with its byte-order mark) or {@link #WINDOWS_1252}
     * @return the file's bytes
     * @throws IllegalArgumentException naming a character the charset cannot encode
     */
    public static byte[] write(MatrixDocument document, Charset charset) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : MatrixGrid.layout(document, true)) {
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    text.append(';');
                }
                String field = row.get(c);
                boolean quote = field.contains(";") || field.contains("\"") || field.contains("\n")
                        || field.contains("\r") || !field.equals(field.strip());
                text.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
            }
            text.append("\r\n");
        }
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer encoded;
        try {
            encoded = encoder.encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The matrix holds a character that " + charset.name()
                    + " cannot encode; write it as UTF-8", e);
        }
        boolean bom = charset.equals(StandardCharsets.UTF_8);
        byte[] bytes = new byte[(bom ? UTF8_BOM.length : 0) + encoded.remaining()];
        if (bom) {
            System.arraycopy(UTF8_BOM, 0, bytes, 0, UTF8_BOM.length);
        }
        encoded.get(bytes, bom ? UTF8_BOM.length : 0, encoded.remaining());
        return bytes;
    }
}
