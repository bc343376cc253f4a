package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convergence.engine.neo4j.DatasetStore;
import org.convergence.engine.neo4j.Neo4jConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code convergence datasets}: lists the data sets in the database. */
@Command(name = "datasets", description = "List the data sets in the database.")
final class DatasetsCommand implements Callable<Integer>, ConvergenceCli.EnvironmentAware {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Spec
    CommandSpec spec;

    private Map<String, String> env = Map.of();

    @Override
    public void environment(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Neo4jConnection neo4j = Neo4jConnection.open(connection.settings(env))) {
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
