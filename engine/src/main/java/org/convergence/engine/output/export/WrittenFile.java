package org.convergence.engine.output.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A file an export wrote, with what it holds.
 *
 * @param path the file
 * @param counts what it holds, e.g. 27 nodes and 39 edges
 * @param note what a reader of the file should know about it, if anything
 */
public record WrittenFile(Path path, List<Count> counts, Optional<String> note) {

    /**
     * A number of things in a file.
     *
     * @param n how many
     * @param things what, plural, e.g. {@code nodes}
     */
    public record Count(long n, String things) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%,d %s", n, things);
        }
    }

    public WrittenFile {
        counts = List.copyOf(counts);
    }

    /** @return the counts as text, e.g. {@code 27 nodes, 39 edges} */
    public String summary() {
        return counts.stream().map(Count::toString).collect(Collectors.joining(", "));
    }
}
