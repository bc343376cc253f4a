package org.convergence.engine.output;

import java.util.Arrays;
import java.util.Locale;

/** Output formats: readable tables, or one JSON object on stdout. */
public enum Format {
    TEXT, JSON;

    /** @return the name a user types, {@code text} or {@code json} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value what the user typed
     * @return the format of that name (lower case, as the help shows it)
     * @throws IllegalArgumentException listing the names
     */
    public static Format parse(String value) {
        for (Format f : values()) {
            if (f.key().equals(value)) {
                return f;
            }
        }
        throw new IllegalArgumentException("expected one of " + Arrays.stream(values()).map(Format::key).toList()
                + " (case-sensitive) but was '" + value + "'");
    }
}
