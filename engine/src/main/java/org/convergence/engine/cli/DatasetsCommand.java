package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.store.DatasetStore;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.engine.store.RunReader;
import org.convergence.loader.neo4j.GraphWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convergence datasets}: lists the data sets in the database, each with its analysis runs; or
 * deletes one with its runs ({@code --delete NAME}).
 */
@Command(name = "datasets", sortOptions = false, description = {"List the data sets in the database, each with its"
        + " complete analysis runs, latest first: run id, when it finished, the pairs it wrote and the options it was"
        + " run with; and any run whose write is under way or was interrupted.", "With --delete NAME: delete one data"
        + " set and its analysis runs, all or nothing."})
final class DatasetsCommand extends ConnectedCommand {

    @Option(names = "--delete", paramLabel = "NAME", description = "Delete this data set and its analysis runs: gone"
            + " for every reader at once; its nodes are then removed in batches.")
    String delete;

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (delete != null) {
            return delete(out);
        }
        try (Neo4jConnection neo4j = open()) {
            DatasetStore store = new DatasetStore(neo4j.driver());
            List<DatasetStore.Listing> all = store.list();
            if (all.isEmpty()) {
                out.println("No data sets in " + neo4j.description() + ". Load one with `convergence load`.");
            } else {
                out.printf("%-20s %-12s %s%n", "DATA SET", "KIND",
                        "SOURCE, then the data set's complete analysis runs, latest first");
            }
            RunReader reader = new RunReader(neo4j.driver());
            for (DatasetStore.Listing d : all) {
                out.printf("%-20s %-12s %s (loaded %s)%n", d.dataset(), d.kind(), d.source(), d.loadedAt());
                List<RunReader.Run> runs = reader.runs(d.dataset());
                if (runs.isEmpty()) {
                    out.printf("  no complete analysis run; `convergence analyze --dataset %s` makes one%n",
                            d.dataset());
                }
                List<DatasetStore.UnfinishedRun> unfinished = store.unfinishedRuns(d.dataset());
                for (RunReader.Run r : runs) {
                    out.printf(Locale.ROOT, "  %s  finished %s  %,d %s  %s%n", r.id(), r.finished(), r.pairs(),
                            r.pairs() == 1 ? "pair" : "pairs", r.parameters() == null ? "parameters not recorded"
                                    : SettingOptions.optionsOf(r.parameters()));
                }
                // not listed above, or listed with their earlier results: said, so nobody looks for them in vain
                for (DatasetStore.UnfinishedRun u : unfinished) {
                    out.printf("  %s  %s; the next command that writes removes what an interrupted write left%n",
                            u.run(), u.hasCompleteResults()
                                    ? "a new write of it is under way or was interrupted, its results above stay"
                                    : "not complete: being written now, or interrupted");
                }
            }
            // the snapshots of each series, in period order: what `compare --series` compares
            java.util.Map<String, List<DatasetStore.Listing>> series = new java.util.TreeMap<>();
            all.stream().filter(d -> d.series() != null)
                    .forEach(d -> series.computeIfAbsent(d.series(), k -> new java.util.ArrayList<>()).add(d));
            if (!series.isEmpty()) {
                out.println();
                // the column as wide as the longest series name, at least its heading's width
                int width = Math.max(10, series.keySet().stream().mapToInt(String::length).max().orElse(0));
                out.printf("%-" + width + "s %s%n", "SERIES", "PERIODS (data set), compared in this order by"
                        + " `convergence compare --series NAME`");
                series.forEach((name, snapshots) -> out.printf("%-" + width + "s %s%n", name, String.join(", ",
                        snapshots.stream()
                        .sorted(java.util.Comparator.comparing(DatasetStore.Listing::period))
                        .map(d -> d.period() + " (" + d.dataset() + ")").toList())));
            }
        }
        return 0;
    }

    private int delete(PrintWriter out) {
        if (!GraphWriter.isValidName(delete)) {
            throw new UsageException("Value for `--delete` was `" + delete + "`, but must be a data set name: 1 to 64"
                    + " letters, digits, `_`, `.` or `-`, starting with a letter or digit");
        }
        try (Neo4jConnection neo4j = openForWriting()) {
            long runs = new DatasetStore(neo4j.driver()).completeRuns(delete);
            GraphWriter writer = new GraphWriter(neo4j.driver(), 10_000, line -> {
                err().println(line);
                err().flush();
            });
            if (!writer.delete(delete)) {
                List<String> names = new DatasetStore(neo4j.driver()).list().stream().map(DatasetStore.Listing::dataset)
                        .toList();
                throw new IllegalArgumentException("Unknown data set `" + delete + "`; "
                        + (names.isEmpty() ? "the database holds none" : "data sets: " + String.join(", ", names)));
            }
            out.printf(Locale.ROOT, "Deleted data set `%s` and its %,d analysis run(s) from %s%n", delete, runs,
                    neo4j.description());
            out.flush();
        }
        return 0;
    }
}
