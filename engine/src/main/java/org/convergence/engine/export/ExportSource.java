package org.convergence.engine.export;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.convergence.engine.neo4j.RunReader;

/**
 * What an export writes: one analysis run, its members (processes and themes), its process-theme
 * edges and its converging pairs, in the shapes {@link RunReader} reads them in. Edges and pairs are
 * pushed to a sink as they come, so a writer never needs them all at once unless its format does.
 *
 * @param run the run
 * @param members its processes and themes, processes first, each kind by id
 * @param edges hands every edge to a sink, by process, theme and relation; returns their number
 * @param pairs hands every pair to a sink, by the two process ids; returns their number
 */
public record ExportSource(RunReader.Run run, Supplier<List<RunReader.Member>> members,
        ToLongFunction<Consumer<RunReader.Edge>> edges, ToLongFunction<RunReader.PairSink> pairs) {

    /** @return a source reading the run from Neo4j through {@code reader} */
    public static ExportSource of(RunReader reader, RunReader.Run run) {
        return new ExportSource(run, () -> reader.members(run), sink -> reader.edges(run, sink),
                sink -> reader.pairs(run, sink));
    }
}
