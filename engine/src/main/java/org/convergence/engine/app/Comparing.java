package org.convergence.engine.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convergence.engine.analysis.BipartiteGraph;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.engine.output.RunOutcome;
import org.convergence.engine.store.ComparisonWriter;
import org.convergence.engine.store.DatasetStore;
import org.convergence.engine.store.GraphReader;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.neo4j.GraphWriter;

/**
 * The use case of {@code convergence compare}: two snapshots of a matrix (two data sets, or each consecutive
 * pair of periods of a series), each analysed as {@code analyze} does (and written back, unless asked not
 * to), then compared. Everything that can be checked without the database is checked when the request is
 * made; the data sets, the process map against their processes and whether they share a process at all are
 * checked before either analysis runs.
 *
 * @param earlier the earlier data set, or null with a series
 * @param later the later data set, or null with a series
 * @param series the series whose consecutive periods are compared, or null
 * @param processMap earlier processes that became other later ones
 * @param relations relation kinds the analyses count, or null for all
 * @param parameters the analyses' parameters; its links are named in the later snapshot's ids
 * @param comparison the comparison's parameters
 * @param write whether the two runs and the comparison are written to Neo4j
 */
public record Comparing(String earlier, String later, String series, ProcessMap processMap, List<String> relations,
        ConvergenceAnalysis.Parameters parameters, SnapshotComparison.Parameters comparison, boolean write) {

    public Comparing {
        if ((earlier == null) != (later == null)) {
            throw new UsageException("compare takes two data sets (EARLIER LATER) or --series NAME");
        }
        if (earlier != null && series != null) {
            throw new UsageException("Give either two data sets or --series NAME, not both");
        }
        if (earlier == null && series == null) {
            throw new UsageException("compare takes two data sets (EARLIER LATER) or --series NAME");
        }
        requireNames(earlier, later, series);
        if (earlier != null && earlier.equals(later) && !processMap.mappings().isEmpty()) {
            throw new UsageException("A data set compared with itself takes no process map");
        }
    }

    /**
     * @param names data set (or series) names, null ones skipped
     * @throws UsageException for a name that cannot be one
     */
    static void requireNames(String... names) {
        for (String name : names) {
            if (name != null && !GraphWriter.isValidName(name)) {
                throw new UsageException("Value for a data set was `" + name + "`, but must be 1 to 64 letters, digits,"
                        + " `_`, `.` or `-`, starting with a letter or digit");
            }
        }
    }

    /**
     * @param all the data sets the database holds
     * @throws IllegalArgumentException naming a data set it does not hold, and those it does
     */
    static void requireKnown(List<DatasetStore.Listing> all, String... names) {
        Set<String> known = new HashSet<>();
        all.forEach(l -> known.add(l.dataset()));
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown data set `" + name + "`; " + (known.isEmpty()
                        ? "the database holds none" : "data sets: " + String.join(", ", known.stream().sorted()
                                .toList())));
            }
        }
    }

    /** Two data sets to compare, the earlier first. */
    public record Pair(String earlier, String later) {
    }

    /**
     * A comparison made.
     *
     * @param result what changed
     * @param id the stored comparison's id, or null when it was not written
     * @param earlierRun the earlier data set's run compared
     * @param laterRun the later data set's run
     */
    public record Compared(SnapshotComparison.Result result, String id, String earlierRun, String laterRun) {
    }

    /**
     * @return the pairs of data sets to compare: the two given, or each consecutive pair of the series'
     *     periods
     * @throws IllegalArgumentException naming an unknown data set, or a series with fewer than two snapshots
     */
    public List<Pair> pairs(Neo4jConnection neo4j) {
        DatasetStore store = new DatasetStore(neo4j.driver());
        List<DatasetStore.Listing> all = store.list();
        if (series == null) {
            requireKnown(all, earlier, later);
            return List.of(new Pair(earlier, later));
        }
        List<DatasetStore.Listing> snapshots = store.series(series);
        if (snapshots.size() < 2) {
            List<String> known = all.stream().map(DatasetStore.Listing::series).filter(s -> s != null).distinct()
                    .sorted().toList();
            throw new IllegalArgumentException("Series `" + series + "` has " + snapshots.size() + " snapshot(s), but a"
                    + " comparison needs two; load another period with `load ... --series " + series + " --period P`"
                    + (known.isEmpty() ? "" : " (series: " + String.join(", ", known) + ")"));
        }
        List<Pair> out = new ArrayList<>();
        for (int i = 1; i < snapshots.size(); i++) {
            out.add(new Pair(snapshots.get(i - 1).dataset(), snapshots.get(i).dataset()));
        }
        return out;
    }

    /**
     * Reads both data sets, checks the process map against them, analyses each and compares them.
     *
     * @param progress where progress goes
     * @return what changed, and the runs and stored comparison it made
     * @throws org.convergence.loader.LoadException naming the process map's file and line for a process a
     *     data set does not hold
     * @throws IllegalArgumentException when the two share no process
     */
    public Compared compare(Neo4jConnection neo4j, Pair pair, PrintWriter progress) {
        return compare(neo4j, pair, progress, Map.of());
    }

    /**
     * A data set analysed already (by a job, before its comparisons), with the graph it read.
     *
     * @param snapshot the graph analysed
     * @param relations the relation kinds it read, or null for all
     * @param parameters the analysis' parameters
     * @param outcome what it produced
     */
    public record Analysed(GraphReader.Snapshot snapshot, List<String> relations,
            ConvergenceAnalysis.Parameters parameters, RunOutcome outcome) {
    }

    /**
     * {@link #compare(Neo4jConnection, Pair, PrintWriter)}, taking a data set's analysis from {@code done}
     * instead of running it again when it read the same relations with the same parameters (the earlier
     * snapshot's links mapped back to its own ids).
     *
     * @param done analyses made already, by data set
     */
    public Compared compare(Neo4jConnection neo4j, Pair pair, PrintWriter progress, Map<String, Analysed> done) {
        GraphReader reader = new GraphReader(neo4j.driver());
        long t0 = System.nanoTime();
        Analysed doneBefore = done.get(pair.earlier());
        Analysed doneAfter = done.get(pair.later());
        GraphReader.Snapshot before = doneBefore != null && java.util.Objects.equals(doneBefore.relations(), relations)
                ? doneBefore.snapshot() : reader.snapshot(pair.earlier(), relations);
        long readBefore = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        GraphReader.Snapshot after = doneAfter != null && java.util.Objects.equals(doneAfter.relations(), relations)
                ? doneAfter.snapshot() : reader.snapshot(pair.later(), relations);
        long readAfter = (System.nanoTime() - t0) / 1_000_000;
        Set<String> earlierProcesses = processes(before.data().graph());
        Set<String> laterProcesses = processes(after.data().graph());
        processMap.check(pair.earlier(), earlierProcesses, pair.later(), laterProcesses);
        Map<String, String> toLater = new HashMap<>();
        processMap.list().forEach(m -> toLater.put(m.earlier(), m.later()));
        if (earlierProcesses.stream().noneMatch(p -> laterProcesses.contains(toLater.getOrDefault(p, p)))) {
            throw new IllegalArgumentException("Data sets `" + pair.earlier() + "` and `" + pair.later() + "` share no"
                    + " process; give a process map (--process-map FILE, lines EARLIER,LATER[,note]) that says which"
                    + " became which");
        }
        // the links are asked for in the later snapshot's ids: the earlier analysis looks for the same link
        // between the processes they were then, where both existed
        Map<String, String> toEarlier = new HashMap<>();
        toLater.forEach((e, l) -> toEarlier.put(l, e));
        List<ConvergenceAnalysis.PathRequest> earlierPaths = new ArrayList<>();
        for (ConvergenceAnalysis.PathRequest p : parameters.paths()) {
            String from = toEarlier.getOrDefault(p.from(), p.from());
            String to = toEarlier.getOrDefault(p.to(), p.to());
            if (earlierProcesses.contains(from) && earlierProcesses.contains(to)) {
                earlierPaths.add(new ConvergenceAnalysis.PathRequest(from, to, p.k()));
            }
        }
        ConvergenceAnalysis.Parameters earlierParameters = new ConvergenceAnalysis.Parameters(parameters.overlap(),
                parameters.clusters(), parameters.themeClusters(), earlierPaths, parameters.centrality(),
                parameters.betweennessBudget(), parameters.recommendNeighbours(), parameters.recommendLimit());
        RunOutcome then = analysed(neo4j, pair.earlier(), "earlier", before, earlierParameters, doneBefore, progress,
                readBefore);
        RunOutcome now = analysed(neo4j, pair.later(), "later", after, parameters, doneAfter, progress, readAfter);
        SnapshotComparison.Result result = SnapshotComparison.compare(
                new SnapshotComparison.Snapshot(pair.earlier(), before.data(), then.result()),
                new SnapshotComparison.Snapshot(pair.later(), after.data(), now.result()), processMap.list(), comparison);
        String earlierRun = then.result().provenance().run();
        String laterRun = now.result().provenance().run();
        String id = null;
        if (write) {
            id = new ComparisonWriter(neo4j.driver(), line -> {
                progress.println(line);
                progress.flush();
            }).write(result, earlierRun, laterRun);
        }
        return new Compared(result, id, earlierRun, laterRun);
    }

    private RunOutcome analysed(Neo4jConnection neo4j, String dataset, String which, GraphReader.Snapshot snapshot,
            ConvergenceAnalysis.Parameters p, Analysed done, PrintWriter progress, long readMs) {
        if (done != null && done.snapshot() == snapshot && done.parameters().equals(p)
                && (!write || done.outcome().result().provenance().finishedAt() != null)) {
            progress.println("the " + which + " snapshot, data set `" + dataset + "`, was analysed with these settings"
                    + " already: run " + done.outcome().result().provenance().run());
            progress.flush();
            return done.outcome();
        }
        progress.println("analysing the " + which + " snapshot, data set `" + dataset + "`");
        progress.flush();
        return AnalysisJob.run(neo4j, dataset, snapshot, relations, p, write, progress, readMs);
    }

    private static Set<String> processes(BipartiteGraph g) {
        Set<String> out = new HashSet<>();
        for (int a = 0; a < g.processCount(); a++) {
            out.add(g.process(a));
        }
        return out;
    }
}
