package org.convergence.loader;

import java.util.Optional;

/**
 * Bad input: names the source, where in it (a line, or a sheet and cell) and the problem, so that a
 * user can fix the file. Raised before anything is written, so a failed load leaves the database as it
 * was.
 *
 * <p>Messages read {@code file:12: problem} for a line of a text file (the form every text parser
 * uses), {@code file: sheet Matriz, cell B7: problem} for a workbook, {@code file: line 12, cell B7:
 * problem} for a cell of a CSV file, and {@code file: problem} for the file as a whole.
 */
public final class LoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient Location location;
    private final String problem;

    public LoadException(String source, Integer line, String problem) {
        this(source, line, problem, null);
    }

    public LoadException(String source, Integer line, String problem, Throwable cause) {
        this(source, line == null ? null : new Location.TextLine(line), problem, cause);
    }

    private LoadException(String source, Location location, String problem, Throwable cause) {
        super(format(source, location, problem), cause);
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    /**
     * A problem at a location of any kind.
     *
     * @param source the file
     * @param location where in it, or null for the file as a whole
     * @param problem what is wrong, and what would be right
     * @return the exception, to throw
     */
    public static LoadException at(String source, Location location, String problem) {
        return new LoadException(source, location, problem, null);
    }

    /** As {@link #at(String, Location, String)}, with the exception that revealed the problem. */
    public static LoadException at(String source, Location location, String problem, Throwable cause) {
        return new LoadException(source, location, problem, cause);
    }

    /** @return the file or resource the problem is in */
    public String source() {
        return source;
    }

    /** @return the 1-based line of the problem, if it is on one line of a text or CSV file */
    public Optional<Integer> line() {
        return location == null || location.line().isEmpty() ? Optional.empty()
                : Optional.of(location.line().getAsInt());
    }

    /** @return where the problem is, if it is at one place */
    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }

    /** @return the problem alone, without file and location */
    public String problem() {
        return problem;
    }

    private static String format(String source, Location location, String problem) {
        if (location == null) {
            return source + ": " + problem;
        }
        if (location instanceof Location.TextLine text) {
            return source + ":" + text.number() + ": " + problem;
        }
        return source + ": " + location.describe() + ": " + problem;
    }
}
