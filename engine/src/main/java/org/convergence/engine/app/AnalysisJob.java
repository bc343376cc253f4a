package org.convergence.engine.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.MemoryEstimate;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.analysis.TwoModeData;
import org.convergence.engine.output.RunOutcome;
import org.convergence.engine.store.GraphReader;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.engine.store.ResultWriter;
import org.convergence.loader.SourceText;

/** Read the graph from Neo4j, run the analyses, write the results back: the wiring of one analysis run. */
public final class AnalysisJob {

    private AnalysisJob() {
    }

    public static RunOutcome run(Neo4jConnection neo4j, String dataset, List<String> relations, ConvergenceAnalysis.Parameters parameters,
            boolean write, PrintWriter progress) {
        long t0 = System.nanoTime();
        progress.println("reading data set `" + dataset + "` from Neo4j");
        progress.flush();
        GraphReader.Snapshot snapshot = new GraphReader(neo4j.driver()).snapshot(dataset, relations);
        return run(neo4j, dataset, snapshot, relations, parameters, write, progress, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Analyses a data set already read, writes the results back when asked and times each stage.
     *
     * @param snapshot the data set's graph as read
     * @param readMs how long reading it took, for the timings
     */
    public static RunOutcome run(Neo4jConnection neo4j, String dataset, GraphReader.Snapshot snapshot,
            List<String> relations, ConvergenceAnalysis.Parameters parameters, boolean write, PrintWriter progress,
            long readMs) {
        Map<String, Long> timings = new LinkedHashMap<>();
        TwoModeData data = snapshot.data();
        new GraphReader(neo4j.driver()).requireProcesses(dataset, relations, data, parameters.paths().stream()
                .flatMap(p -> java.util.stream.Stream.of(p.from(), p.to())).toList());
        timings.put("read", readMs);
        MemoryEstimate.check(data.graph(), parameters, Runtime.getRuntime().maxMemory()).ifPresent(e -> {
            throw new IllegalArgumentException("The analysis of data set `" + dataset + "` would not fit in the heap;"
                    + " nothing was computed or written:" + System.lineSeparator() + e.describe().stripTrailing());
        });
        Map<String, Object> described = Setting.describe(relations, parameters);
        String json = canonicalJson(described);
        String run = runId(dataset, json);
        ConvergenceAnalysis.Result result = ConvergenceAnalysis.run(data, parameters, line -> {
            progress.println(line);
            progress.flush();
        }).identified(dataset, run, json, Version.of(), relations);
        timings.putAll(result.timingsMs());
        long t0 = System.nanoTime();
        if (write) {
            ResultWriter writer = new ResultWriter(neo4j.driver(), line -> {
                progress.println(line);
                progress.flush();
            }, () -> { });
            java.util.Optional<java.time.ZonedDateTime> held = writer.holdsSameResults(dataset, run, json,
                    Version.of(), data.fingerprint(), snapshot.generation());
            if (held.isPresent()) {
                // a repeated job: the same input, parameters and engine give the same results
                progress.println(run + " of data set `" + dataset + "` already holds these results (same input,"
                        + " parameters and engine); nothing written");
                result = result.finished(held.get());
            } else {
                progress.println("writing results of " + run + " to Neo4j");
                progress.flush();
                result = result.finished(writer.write(result, snapshot.generation()).finishedAt());
            }
            progress.flush();
        }
        timings.put("write", (System.nanoTime() - t0) / 1_000_000);
        return new RunOutcome(result, described, timings);
    }

    /** Reads a data set and estimates what analysing it with these parameters needs, without running it. */
    public static MemoryEstimate estimate(Neo4jConnection neo4j, String dataset, List<String> relations,
            ConvergenceAnalysis.Parameters parameters) {
        TwoModeData data = new GraphReader(neo4j.driver()).read(dataset, relations);
        return MemoryEstimate.of(data.graph(), parameters, Runtime.getRuntime().maxMemory());
    }

    /**
     * @param dataset data set name
     * @param parametersJson the parameters that decide the results, as canonical JSON
     * @return the run's id: the same data set and parameters name the same run, which a new write replaces
     */
    public static String runId(String dataset, String parametersJson) {
        return "run-" + SourceText.sha256((dataset + "|" + parametersJson).getBytes(StandardCharsets.UTF_8))
                .substring(0, 12);
    }

    public static String canonicalJson(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
