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
 * The text of one source file, decoded strictly as UTF-8 (a byte sequence that is not UTF-8 is an
 * error naming its line, never a silent replacement character), with its SHA-256 fingerprint.
 *
 * @param name file name or resource path shown in messages
 * @param text decoded text without a byte-order mark, line ends normalised to {@code \n}
 * @param sha256 hex SHA-256 of the bytes as read
 */
public record SourceText(String name, String text, String sha256) {

    /** Reads and decodes a file. */
    public static SourceText read(Path file) {
        if (Files.isDirectory(file)) {
            throw new LoadException(file.toString(), null, "is a directory, expected a file");
        }
        try {
            return decode(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new LoadException(file.toString(), null, "file does not exist");
        } catch (IOException e) {
            throw new LoadException(file.toString(), null, "cannot read file: " + e.getMessage(), e);
        }
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
            int bad = firstInvalidOffset(bytes);
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

    private static int firstInvalidOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : Math.max(0, bytes.length - 1);
    }
}
