package org.convergence.cypher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's Cypher statements, read from the {@code .cypher} files of this module.
 *
 * <p>Every statement the project runs lives in a file under {@code convergence-cypher/} on the class
 * path; Java code names the file (for example {@code "load/create-process"}) and passes values as
 * parameters, never as query text. Comment lines ({@code //}) are kept: Neo4j ignores them.
 */
public final class Cypher {

    private static final String ROOT = "/convergence-cypher/";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Cypher() {
    }

    /**
     * The single statement in {@code name.cypher}.
     *
     * @param name path below {@code convergence-cypher/} without the extension, e.g. {@code "read/datasets"}
     * @return the statement text
     * @throws IllegalArgumentException if no such file exists or it holds more than one statement
     */
    public static String statement(String name) {
        List<String> all = statements(name);
        if (all.size() != 1) {
            throw new IllegalArgumentException(
                    "Cypher file `" + name + ".cypher` holds " + all.size() + " statements, expected exactly 1");
        }
        return all.get(0);
    }

    /**
     * The statements in {@code name.cypher}, split on semicolons that end a line.
     *
     * @param name path below {@code convergence-cypher/} without the extension
     * @return the statements in file order, each without its terminating semicolon
     */
    public static List<String> statements(String name) {
        String text = text(name + ".cypher");
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';')).append('\n');
                addIfCode(result, current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        addIfCode(result, current.toString());
        return List.copyOf(result);
    }

    /**
     * The raw text of any resource of this module, such as the Browser guide or style.
     *
     * @param relativePath path below {@code convergence-cypher/}, e.g. {@code "guide/guide.md"}
     * @return the file's text
     */
    public static String text(String relativePath) {
        return CACHE.computeIfAbsent(relativePath, Cypher::read);
    }

    private static void addIfCode(List<String> result, String statement) {
        boolean hasCode = statement.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("//"));
        if (hasCode) {
            result.add(statement.strip());
        }
    }

    private static String read(String relativePath) {
        try (InputStream in = Cypher.class.getResourceAsStream(ROOT + relativePath)) {
            if (in == null) {
                throw new IllegalArgumentException("No Cypher resource `" + relativePath + "` under " + ROOT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Cypher resource " + relativePath, e);
        }
    }
}
