package org.convergence.loader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The text of one source file, decoded strictly (a byte sequence that is not of the encoding is an
 * error naming its line, never a silent replacement character), with its SHA-256 fingerprint: as UTF-8
 * ({@link #decode}), or as a spreadsheet program saves CSV ({@link #decodeSpreadsheetCsv}).
 *
 * @param name file name or resource path shown in messages
 * @param text decoded text without a byte-order mark, line ends normalised to {@code \n}
 * @param sha256 hex SHA-256 of the bytes as read
 * @param encoding the encoding the bytes were read in, as a person names it ({@code UTF-8},
 *     {@code Windows-1252})
 */
public record SourceText(String name, String text, String sha256, String encoding) {

    /** The UTF-8 byte-order mark, what "CSV UTF-8" writes first. */
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Windows-1252, what Spanish-locale spreadsheet programs on Windows write as "CSV". */
    public static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");

    /** A text read as UTF-8. */
    public SourceText(String name, String text, String sha256) {
        this(name, text, sha256, "UTF-8");
    }

    /** Reads and decodes a file. */
    public static SourceText read(Path file) {
        return decode(file.toString(), bytes(file));
    }

    /** Decodes bytes read from {@code name}. */
    public static SourceText decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            int bad = Math.max(0, firstInvalidOffset(bytes));
            throw new LoadException(name, lineOf(bytes, bad), "not valid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[bad] & 0xFF) + " at byte offset " + bad
                    + "); save the file as UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return new SourceText(name, text, sha256(bytes));
    }

    /**
     * Reads a CSV file as spreadsheet programs save one ({@link #decodeSpreadsheetCsv}), after refusing
     * a workbook of any kind, whatever its name, with the format to save it in.
     */
    public static SourceText readSpreadsheetCsv(Path file) {
        byte[] bytes = bytes(file);
        Spreadsheets.refuseUnreadable(file.toString(), Spreadsheets.kindOf(bytes), false);
        return decodeSpreadsheetCsv(file.toString(), bytes);
    }

    /**
     * @return the bytes of a file
     * @throws LoadException if it is a directory, does not exist or cannot be read
     */
    public static byte[] bytes(Path file) {
        if (Files.isDirectory(file)) {
            throw new LoadException(file.toString(), null, "is a directory, expected a file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LoadException(file.toString(), null, "file does not exist");
        } catch (IOException e) {
            throw new LoadException(file.toString(), null, "cannot read file: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes a CSV file as spreadsheet programs save one:
     * <ul>
     * <li>a file starting with the UTF-8 byte-order mark ({@code EF BB BF}, what "CSV UTF-8" writes) is
     * UTF-8, strictly: a byte sequence that is not UTF-8 is refused with its line;</li>
     * <li>a UTF-16 byte-order mark is refused (save as CSV UTF-8 or as CSV);</li>
     * <li>without a byte-order mark, a file whose bytes are all valid UTF-8 is read as UTF-8 (plain ASCII
     * reads the same either way, and Windows-1252 text with accented letters is practically never valid
     * UTF-8: {@code é} is the lone byte {@code E9}); any other file is Windows-1252 (what "CSV" writes on
     * a Spanish Windows), in which the five bytes {@code 81 8D 8F 90 9D} are undefined and refused with
     * their line;</li>
     * <li>control characters other than tab and line ends are refused with their line, before decoding
     * (a binary file, such as a workbook named {@code .csv}, stops there).</li>
     * </ul>
     * Linear in the file's size.
     *
     * @param name the file, as messages show it
     * @param bytes its bytes
     * @return the text, without a byte-order mark, line ends kept as written, and the encoding read
     * @throws LoadException naming the line of the first byte or character that cannot stand in a CSV file
     */
    public static SourceText decodeSpreadsheetCsv(String name, byte[] bytes) {
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
        String sha = sha256(bytes);
        if (bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2]) {
            return new SourceText(name, strict(name, bytes, UTF8_BOM.length, StandardCharsets.UTF_8, "not valid UTF-8"
                    + " although the file starts with the UTF-8 byte-order mark"), sha, "UTF-8 (with byte-order mark)");
        }
        if (firstInvalidOffset(bytes) < 0) {
            return new SourceText(name, new String(bytes, StandardCharsets.UTF_8), sha, "UTF-8");
        }
        return new SourceText(name, strict(name, bytes, 0, WINDOWS_1252, "neither UTF-8 nor Windows-1252 (the byte"
                + " is undefined in Windows-1252)"), sha, "Windows-1252");
    }

    private static String strict(String name, byte[] bytes, int from, java.nio.charset.Charset charset,
            String problem) {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            throw LoadException.at(name, new Location.TextLine(lineOf(bytes, bad)), String.format(java.util.Locale.ROOT,
                    "byte 0x%02X at byte offset %d is %s; save the file as CSV UTF-8 or as CSV (Windows-1252)",
                    bytes[bad] & 0xFF, bad, problem));
        }
        out.flip();
        return out.toString();
    }

    /** @return the text's lines; line {@code i} of the file is element {@code i - 1} */
    public List<String> lines() {
        return List.of(text.split("\n", -1));
    }

    /** @return hex SHA-256 of the bytes */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** @return the offset of the first byte that is not UTF-8, or -1 if all are */
    private static int firstInvalidOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }
}
