package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.convergence.engine.neo4j.DatasetStore;
import org.convergence.engine.neo4j.Neo4jConnection;
import org.convergence.engine.neo4j.RunReader;
import picocli.CommandLine.Command;

/** {@code convergence datasets}: lists the data sets in the database, each with its analysis runs. */
@Command(name = "datasets", description = "List the data sets in the database, each with its complete analysis runs,"
        + " latest first: run id, when it finished, the pairs it wrote and the options it was run with; and any run"
        + " whose write is under way or was interrupted.")
final class DatasetsCommand extends ConnectedCommand {

    @Override
    public Integer call() {
        PrintWriter out = out();
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
                                    : AnalysisSetting.optionsOf(r.parameters()));
                }
                // not listed above, or listed with their earlier results: said, so nobody looks for them in vain
                for (DatasetStore.UnfinishedRun u : unfinished) {
                    out.printf("  %s  %s; the next command that writes removes what an interrupted write left%n",
                            u.run(), u.hasCompleteResults()
                                    ? "a new write of it is under way or was interrupted, its results above stay"
                                    : "not complete: being written now, or interrupted");
                }
            }
        }
        return 0;
    }
}
