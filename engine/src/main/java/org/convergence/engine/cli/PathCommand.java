package org.convergence.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.analysis.ShortestLinks;
import org.convergence.engine.analysis.SimilarityMetric;
import org.convergence.engine.analysis.TwoModeData;
import org.convergence.engine.analysis.json.LinksJson;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.output.Format;
import org.convergence.engine.output.ResultOutput;
import org.convergence.engine.store.GraphReader;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.seed.SeedMatrixParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convergence path FROM TO}: the shortest links between two processes, every step named. */
@Command(name = "path", sortOptions = false, description = "The shortest links between two processes in the"
        + " bipartite graph (k shortest by Yen), and the cheapest on the projection (cost 1 - similarity).")
final class PathCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "FROM", description = "Process id, e.g. CSM.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "Process id, e.g. PPP.")
    String to;

    @Option(names = "--k", paramLabel = "N", defaultValue = Setting.K_DEFAULT, description = "Number of shortest links"
            + " (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = SeedMatrixParser.SEED_DATASET,
            description = "Data set (default: ${DEFAULT-VALUE}).")
    String dataset;

    /** The analysis settings this command takes as options. */
    static final List<Setting<?>> SETTINGS = List.of(Setting.RELATIONS, Setting.METRIC);

    @Option(names = "--format", converter = FormatConverter.class, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;


    @Override
    public Integer call() {
        PrintWriter out = out();
        Setting.Values values = SettingOptions.fromCommandLine(spec, SETTINGS);
        SimilarityMetric m = values.get(Setting.METRIC);
        ConvergenceAnalysis.PathRequest request;
        try {
            request = new ConvergenceAnalysis.PathRequest(from, to, k);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("`k`", "`--k`"), e);
        }
        try (Neo4jConnection neo4j = open()) {
            TwoModeData data = readGraph(neo4j, dataset, values.get(Setting.RELATIONS));
            new GraphReader(neo4j.driver()).requireProcesses(dataset, values.get(Setting.RELATIONS), data,
                    List.of(from, to));
            ShortestLinks links = new ShortestLinks(data);
            List<ShortestLinks.Link> shortest = links.shortest(from, to, k);
            ShortestLinks.Link weighted = shortest.isEmpty() ? null : links.cheapest(from, to,
                    OverlapAnalysis.similarities(data.graph(), OverlapAnalysis.Parameters.defaults(), percent -> { }), m)
                    .orElse(null);
            ConvergenceAnalysis.PathResult result = new ConvergenceAnalysis.PathResult(request, shortest, weighted);
            if (format == Format.JSON) {
                ObjectNode json = LinksJson.printed(result);
                json.put("dataset", dataset);
                out.println(json.toPrettyString());
            } else {
                ResultOutput.pathText(result, out);
            }
            out.flush();
        }
        return 0;
    }
}
