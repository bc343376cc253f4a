package org.convergence.engine.output.export;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.dataset.GraphEdge;
import org.convergence.engine.dataset.GraphMember;

/**
 * What an export writes: one analysis run's result (its pairs handed over one at a time), the processes and
 * themes of its graph with their names, and the graph's process-theme edges, pushed to a sink as they come,
 * so a writer never needs them all at once unless its format does.
 *
 * @param result the run's result
 * @param members its processes and themes with their clusters and centrality, processes first, each side by id
 * @param edges hands every edge to a sink, by process, theme and relation; returns their number
 */
public record ExportSource(ConvergenceAnalysis.Result result, Supplier<List<Member>> members,
        ToLongFunction<Consumer<GraphEdge>> edges) {

    /**
     * @param result the run's result
     * @param members the processes and themes of its graph, as the data set stores them
     * @param edges hands every edge of its graph to a sink; returns their number
     * @return the source
     */
    public static ExportSource of(ConvergenceAnalysis.Result result, Supplier<List<GraphMember>> members,
            ToLongFunction<Consumer<GraphEdge>> edges) {
        return new ExportSource(result, () -> Member.of(members.get(), result), edges);
    }

    /** @return the run's data set, id and engine version, where the files name them */
    ConvergenceAnalysis.Provenance run() {
        return result.provenance();
    }
}
