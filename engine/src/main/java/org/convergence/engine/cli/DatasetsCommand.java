package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import org.convergence.engine.neo4j.DatasetStore;
import org.convergence.engine.neo4j.Neo4jConnection;
import picocli.CommandLine.Command;

/** {@code convergence datasets}: lists the data sets in the database. */
@Command(name = "datasets", description = "List the data sets in the database.")
final class DatasetsCommand extends ConnectedCommand {


    @Override
    public Integer call() {
        PrintWriter out = out();
        try (Neo4jConnection neo4j = open()) {
            List<DatasetStore.Listing> all = new DatasetStore(neo4j.driver()).list();
            if (all.isEmpty()) {
                out.println("No data sets in " + neo4j.description() + ". Load one with `convergence load`.");
            }
            for (DatasetStore.Listing d : all) {
                out.printf("%-20s %-12s %s (loaded %s)%n", d.dataset(), d.kind(), d.source(), d.loadedAt());
            }
        }
        return 0;
    }
}
