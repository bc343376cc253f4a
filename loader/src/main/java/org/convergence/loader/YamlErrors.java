package org.convergence.loader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The line a YAML mapping error is on, for messages that name file and line. */
public final class YamlErrors {

    private YamlErrors() {
    }

    /**
     * @param yaml the document
     * @param e Jackson's error
     * @return the 1-based line: for an unknown key, the line where that key is written (Jackson reports
     *     the position after its value); otherwise Jackson's own location; null when unknown
     */
    public static Integer line(byte[] yaml, JsonProcessingException e) {
        Integer reported = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? null : e.getLocation().getLineNr();
        if (e instanceof UnrecognizedPropertyException u && u.getPropertyName() != null) {
            Pattern key = Pattern.compile("^\\s*(?:-\\s+)?" + Pattern.quote(u.getPropertyName()) + "\\s*:.*");
            String[] lines = new String(yaml, StandardCharsets.UTF_8).split("\n", -1);
            Integer found = null;
            int limit = reported == null ? lines.length : Math.min(reported, lines.length);
            for (int i = 0; i < limit; i++) {
                if (key.matcher(lines[i]).matches()) {
                    found = i + 1;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return reported;
    }

    /**
     * Jackson's complaint in the words of the file, without Java class names: an unknown key with the
     * keys allowed there, a value of the wrong kind with the key's path and what it must be, or the YAML
     * parser's own problem without its repeated position blocks.
     *
     * @param e Jackson's error
     * @return one line for a person
     */
    public static String message(JsonProcessingException e) {
        String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("")
                : "";
        if (e instanceof UnrecognizedPropertyException u) {
            java.util.List<String> known = u.getKnownPropertyIds() == null ? java.util.List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "unknown key `" + path + "`" + (known.isEmpty() ? "" : "; allowed here: " + String.join(", ", known));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            Object value = e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f ? f.getValue() : null;
            return "`" + path + "`" + (value == null ? "" : " was `" + value + "`, but") + " must be "
                    + kind(m.getTargetType());
        }
        String original = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        StringBuilder plain = new StringBuilder();
        for (String line : original.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("in 'reader'") || t.equals("^")) {
                continue;
            }
            plain.append(plain.length() == 0 ? "" : "; ").append(t);
        }
        return "not valid YAML: " + plain;
    }

    private static String kind(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a section with keys (a mapping)";
    }
}
