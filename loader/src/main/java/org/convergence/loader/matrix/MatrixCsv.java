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
 * sheet as CSV: the grid layout of {@link MatrixGrid} (preamble in the first field of the rows above
 * the header, header row with an empty first field, one row per {@link RowKind}, footnotes in a last
 * column headed {@code Notas}), fields separated by {@code ;}, a field with a {@code ;}, a quote or a
 * line break quoted with {@code "} (a quote inside doubled), so a cell may hold several lines (one
 * theme per line) or themes separated by {@code ;} inside its quotes.
 *
 * <h2>Encoding</h2>
 * <ul>
 * <li>A file starting with the UTF-8 byte-order mark ({@code EF BB BF}, what "CSV UTF-8" writes) is
 * UTF-8, strictly: a byte sequence that is not UTF-8 is refused with its line.</li>
 * <li>A UTF-16 byte-order mark is refused (save as CSV UTF-8 or as CSV).</li>
 * <li>Without a byte-order mark, a file whose bytes are all valid UTF-8 is read as UTF-8 (plain ASCII
 * reads the same either way, and Windows-1252 text with accented letters is practically never valid
 * UTF-8: {@code é} is the lone byte {@code E9}); any other file is Windows-1252 (what "CSV" writes on a
 * Spanish Windows), in which the five bytes {@code 81 8D 8F 90 9D} are undefined and refused with
 * their line.</li>
 * <li>Control characters other than tab and line ends are refused with their line, before decoding (a
 * binary file, such as a workbook named {@code .csv}, stops there).</li>
 * </ul>
 * Decimal commas need nothing: the layout has no numeric fields (a start year is part of the text
 * {@code México, 1996}), every field is read as the text it is, and {@code ;} as separator is what lets
 * commas stand unquoted. Locations are the physical line (a quoted cell may span several) and the cell
 * as a spreadsheet program shows it ({@code B7}: column B of the 7th record). Linear in the file size.
 */
public final class MatrixCsv {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Windows-1252, what Spanish-locale spreadsheet programs on Windows write as "CSV". */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private MatrixCsv() {
    }

    /**
     * @param name the file name, as messages show it
     * @param bytes the file's bytes
     * @return the matrix as laid out in the file
     * @throws LoadException if the bytes cannot be decoded, a quote is never closed, or a cell breaks the layout
     */
    public static MatrixDocument read(String name, byte[] bytes) {
        MatrixDocument.Origin origin = new MatrixDocument.Origin(name, SourceText.sha256(bytes),
                MatrixDocument.Format.CSV);
        String text = decode(name, bytes);
        List<Integer> recordLines = new ArrayList<>();
        List<List<MatrixDocument.Cell>> rows = tokenise(name, text, recordLines);
        return new MatrixGrid(origin, rows, (r, c) -> new Location.CsvCell(recordLines.get(r),
                Location.reference(r, c)), null).read(List.of());
    }

    /**
     * Decodes a CSV file by the rules above.
     *
     * @return the text, without a byte-order mark
     * @throws LoadException naming the line of the first byte or character that cannot stand in a CSV file
     */
    static String decode(String name, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw LoadException.at(name, new Location.TextLine(1), "UTF-16 text (it starts with a UTF-16 byte-order"
                    + " mark); save the file as CSV UTF-8 or as CSV (Windows-1252)");
        }
        // control bytes are the same in UTF-8 and Windows-1252, so they are found before decoding
        int line = 1;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\n') {
                line++;
            } else if ((b < 0x20 && b != '\t' && b != '\r') || b == 0x7F) {
                throw LoadException.at(name, new Location.TextLine(line), String.format(java.util.Locale.ROOT,
                        "control character U+%04X at byte offset %d: not a text file%s", b, i,
                        bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4
                                ? " but a zip archive, such as a workbook: name an .xlsx workbook .xlsx" : ""));
            }
        }
        if (startsWithBom(bytes)) {
            return strict(name, bytes, UTF8_BOM.length, StandardCharsets.UTF_8, "not valid UTF-8 although the file"
                    + " starts with the UTF-8 byte-order mark");
        }
        if (isUtf8(bytes)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return strict(name, bytes, 0, WINDOWS_1252, "neither UTF-8 nor Windows-1252 (the byte is undefined in"
                + " Windows-1252)");
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String strict(String name, byte[] bytes, int from, Charset charset, String problem) {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder(charset).decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw LoadException.at(name, new Location.TextLine(line), String.format(java.util.Locale.ROOT,
                    "byte 0x%02X at byte offset %d is %s; save the file as CSV UTF-8 or as CSV (Windows-1252)",
                    bytes[bad] & 0xFF, bad, problem));
        }
        out.flip();
        return out.toString();
    }

    /** Splits the text into records of cells, recording the physical line each record starts on. */
    private static List<List<MatrixDocument.Cell>> tokenise(String name, String text, List<Integer> recordLines) {
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
            } else if (ch == ';') {
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
