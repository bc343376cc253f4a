package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.Recommendations;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.analysis.SimilarityMetric;
import org.convergence.engine.analysis.TwoModeData;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.output.Format;
import org.convergence.engine.output.ResultOutput;
import org.convergence.engine.store.GraphReader;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.seed.SeedMatrixParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convergence recommend [PROCESS]}: themes a process's closest peers address and it does not. */
@Command(name = "recommend", sortOptions = false, description = "Themes addressed by a process's most similar"
        + " processes but not by it, ranked, with the processes that support each.")
final class RecommendCommand extends ConnectedCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROCESS", description = "Process id (default: every process).")
    String process;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = SeedMatrixParser.SEED_DATASET,
            description = "Data set (default: ${DEFAULT-VALUE}).")
    String dataset;

    /** The analysis settings this command takes as options. */
    static final List<Setting<?>> SETTINGS = List.of(Setting.RELATIONS, Setting.METRIC, Setting.NEIGHBOURS,
            Setting.RECOMMEND);

    @Option(names = "--format", converter = FormatConverter.class, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;


    @Override
    public Integer call() {
        PrintWriter out = out();
        Setting.Values values = SettingOptions.fromCommandLine(spec, SETTINGS);
        SimilarityMetric m = values.get(Setting.METRIC);
        int neighbours = values.get(Setting.NEIGHBOURS);
        int limit = values.get(Setting.RECOMMEND);
        if (neighbours < 1) {
            throw new UsageException("Value for `--neighbours` was `" + neighbours + "`, but must be within the"
                    + " range [1, " + Setting.NEIGHBOURS.max() + "] (recommend needs at least one similar process)");
        }
        try (Neo4jConnection neo4j = open()) {
            TwoModeData data = readGraph(neo4j, dataset, values.get(Setting.RELATIONS));
            if (process != null) {
                new GraphReader(neo4j.driver()).requireProcesses(dataset, values.get(Setting.RELATIONS), data,
                        List.of(process));
            }
            Map<String, List<Recommendations.Recommendation>> all = Recommendations.compute(data,
                    OverlapAnalysis.similarities(data.graph(), OverlapAnalysis.Parameters.defaults(), percent -> { }), m,
                    neighbours, limit);
            Map<String, List<Recommendations.Recommendation>> shown = process == null ? all
                    : Map.of(process, all.get(process));
            if (format == Format.JSON) {
                var json = ResultOutput.JSON.createObjectNode();
                json.put("dataset", dataset);
                json.set("recommendations", ResultOutput.JSON.valueToTree(shown));
                out.println(json.toPrettyString());
            } else {
                out.printf("Recommendations in data set `%s` (%d most similar processes by %s)%n", dataset, neighbours,
                        m.name().toLowerCase(java.util.Locale.ROOT));
                new java.util.TreeMap<>(shown).forEach((p, list) -> ResultOutput.recommendationText(p, list, limit, out));
            }
            out.flush();
        }
        return 0;
    }
}
