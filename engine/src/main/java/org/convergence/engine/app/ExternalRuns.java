package org.convergence.engine.app;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.engine.store.ResultWriter;

/**
 * Stores as a run of a data set the converging pairs computed outside this engine's analysis (the Spark
 * job): the pairs and their fields only, no clusters, links, centrality or recommendations. Written by the
 * same {@link ResultWriter} as {@code analyze}'s runs, so with the same visibility rule (invisible until
 * complete, one switch, the replaced write deleted after) and read back by {@code report}, {@code export}
 * and Neo4j Browser as any run.
 */
public final class ExternalRuns {

    /** The key of the run's parameters naming what computed its pairs, e.g. {@code spark}. */
    public static final String COMPUTED_BY = "computedBy";

    /**
     * What was analysed and how, as the run stores it.
     *
     * @param dataset the data set the pairs are of
     * @param generation the data set's generation the input was read from: the write is refused if it changed
     * @param parameters the settings that decided the pairs (stored as the run's canonical JSON, naming its id)
     * @param relations the relation kinds counted, empty for all
     * @param inputFingerprint the engine's fingerprint of the edges analysed ({@code TwoModeData})
     * @param processes processes with an edge
     * @param themes themes with an edge
     * @param edges distinct process-theme edges
     * @param relationships process-theme relationships read, parallel ones counted
     * @param weighted whether the edges carried weights
     * @param notes what the run's readers should know (where it was computed, what it lacks)
     */
    public record Input(String dataset, String generation, Map<String, Object> parameters, List<String> relations,
            String inputFingerprint, int processes, int themes, int edges, long relationships, boolean weighted,
            List<String> notes) {
        public Input {
            parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
            relations = List.copyOf(relations);
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param run the run's id
     * @param count relationships and nodes written
     * @param finishedAt when the write completed
     */
    public record Written(String run, long count, ZonedDateTime finishedAt) {
    }

    private ExternalRuns() {
    }

    /**
     * Writes the pairs as a run in bounded batches, each its own transaction.
     *
     * @param neo4j an open connection
     * @param input what was analysed
     * @param pairs the pairs, handed over by first process, then second
     * @param progress receives a line now and then
     * @param betweenBatches runs after each committed batch (tests stop a write here)
     * @throws ResultWriter.WriteConflictException if the data set was replaced meanwhile or another write of
     *     the run took over: nothing of this write stays visible
     */
    public static Written write(Neo4jConnection neo4j, Input input, OverlapAnalysis.Pairs pairs, Consumer<String> progress,
            Runnable betweenBatches) {
        String json = AnalysisJob.canonicalJson(input.parameters());
        String run = AnalysisJob.runId(input.dataset(), json);
        ConvergenceAnalysis.Provenance provenance = new ConvergenceAnalysis.Provenance(input.dataset(), run, json,
                Version.of(), input.inputFingerprint(), null, input.relations(), input.processes(), input.themes(),
                input.edges(), input.relationships(), input.weighted());
        ConvergenceAnalysis.Result result = new ConvergenceAnalysis.Result(provenance, pairs, List.of(), List.of(), null,
                Map.of(), Map.of(), input.notes(), Map.of());
        ResultWriter.Written written = new ResultWriter(neo4j.driver(), progress, betweenBatches).write(result,
                input.generation());
        return new Written(run, written.count(), written.finishedAt());
    }
}
