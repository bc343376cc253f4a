package org.convergence.engine.app;

/**
 * A command line that cannot be carried out as given: an option's value out of its range, options that
 * exclude each other. Exit code 2, like picocli's own usage errors; bad content of a file is exit 3.
 */
public final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
