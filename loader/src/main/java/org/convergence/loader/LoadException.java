package org.convergence.loader;

import java.util.Optional;

/**
 * Bad input: names the source, the line (when there is one) and the problem, so that a user can fix
 * the file. Raised before anything is written, so a failed load leaves the database as it was.
 */
public final class LoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final Integer line;
    private final String problem;

    public LoadException(String source, Integer line, String problem) {
        this(source, line, problem, null);
    }

    public LoadException(String source, Integer line, String problem, Throwable cause) {
        super(format(source, line, problem), cause);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** @return the file or resource the problem is in */
    public String source() {
        return source;
    }

    /** @return the 1-based line of the problem, if it is on one line */
    public Optional<Integer> line() {
        return Optional.ofNullable(line);
    }

    /** @return the problem alone, without file and line */
    public String problem() {
        return problem;
    }

    private static String format(String source, Integer line, String problem) {
        return line == null ? source + ": " + problem : source + ":" + line + ": " + problem;
    }
}
