package org.convergence.engine.dataset;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One {@code ADDRESSES} relationship of the graph an analysis ran on.
 *
 * @param process process id
 * @param theme theme id
 * @param relation the matrix row kind, e.g. {@code ACTION_PLAN}
 * @param row the matrix row's label, if the source had rows (a CSV has none)
 * @param weight its weight, if the data has weights
 * @param columns the source's columns a load kept on it ({@code load --keep-columns}), by name
 */
public record GraphEdge(String process, String theme, String relation, Optional<String> row, OptionalDouble weight,
        Map<String, String> columns) {

    /** An edge with no kept source columns. */
    public GraphEdge(String process, String theme, String relation, Optional<String> row, OptionalDouble weight) {
        this(process, theme, relation, row, weight, Map.of());
    }
}
