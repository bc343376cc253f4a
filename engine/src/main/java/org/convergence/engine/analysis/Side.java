package org.convergence.engine.analysis;

import java.util.Arrays;

/**
 * The side of the two-mode graph a node is on. {@link #key()} is how a side is stored in Neo4j and written in
 * every output ({@code process}, {@code theme}); the one spelling of "process or theme" in the code.
 */
public enum Side {
    /** A process: a matrix column, a CSV's {@code process}. */
    PROCESS("process"),
    /** A theme: a matrix row's item, a CSV's {@code theme}. */
    THEME("theme");

    private final String key;

    Side(String key) {
        this.key = key;
    }

    /** @return the name stored and written, {@code process} or {@code theme} */
    public String key() {
        return key;
    }

    /**
     * @param key a stored or written name
     * @return the side it names
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static Side of(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Value for `side` was `" + key + "`, but must be one of process, theme"));
    }
}
