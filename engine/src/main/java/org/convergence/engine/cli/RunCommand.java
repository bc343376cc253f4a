package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convergence.engine.neo4j.Neo4jConnection;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code convergence run}: the main job. Loads the built-in 2002 matrix into data set {@code seed}
 * (reloading it only when the seed or the taxonomy changed, so reruns give the same graph) and
 * prints a summary of the graph.
 */
@Command(name = "run", description = "Run the main job: load the built-in 2002 convergence matrix into data set"
        + " `seed` and print a summary of the graph.")
final class RunCommand implements Callable<Integer>, ConvergenceCli.EnvironmentAware {

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
        LoadPlan plan = Loading.seedPlan(null, Taxonomy.builtIn());
        try (Neo4jConnection neo4j = Neo4jConnection.open(connection.settings(env))) {
            out.println("Convergence " + ConvergenceCli.version() + " on " + neo4j.description());
            Loading.write(neo4j.driver(), SeedMatrixParser.SEED_DATASET, plan, GraphWriter.Mode.REPLACE_IF_CHANGED, out);
            out.println();
            out.println("Look at it in Neo4j Browser: ./convergence serve, then open http://localhost:7474/browser/");
        }
        return 0;
    }
}
