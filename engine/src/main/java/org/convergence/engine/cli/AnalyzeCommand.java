package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.app.AnalysisJob;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.output.Format;
import org.convergence.engine.output.ResultOutput;
import org.convergence.engine.output.RunOutcome;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.seed.SeedMatrixParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code convergence analyze}: all analyses on one data set, written back to Neo4j and printed. */
@Command(name = "analyze", sortOptions = false, description = {"Overlap scores with significance, clusters, bridges,"
        + " recommendations and (with --path) shortest links, on one data set; results are written back to Neo4j.",
        "Progress goes to stderr; with --format json stdout holds one JSON object."})
final class AnalyzeCommand extends ConnectedCommand {

    /** The analysis settings this command takes as options (all of them). */
    static final List<Setting<?>> SETTINGS = Setting.all();

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = SeedMatrixParser.SEED_DATASET,
            description = "Data set to analyse (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--path", paramLabel = "FROM:TO", description = "Also compute the links between two processes"
            + " (repeatable).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--k", paramLabel = "N", defaultValue = Setting.K_DEFAULT, description = "Shortest links per --path"
            + " (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--format", converter = FormatConverter.class, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "20", description = "Rows per table in text output (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--no-write", description = "Do not write the results back to Neo4j.")
    boolean noWrite;

    @Option(names = "--estimate", description = "Only estimate what the analysis needs (pairs, heap, relationships"
            + " written) and the heap available; runs nothing.")
    boolean estimate;


    static List<ConvergenceAnalysis.PathRequest> pathRequests(List<String> specs, int k) {
        List<ConvergenceAnalysis.PathRequest> out = new ArrayList<>();
        for (String s : specs) {
            String[] parts = s.split(":", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new UsageException("Value for `--path` was `" + s + "`, but must be FROM:TO, e.g. CSM:PPP");
            }
            try {
                out.add(new ConvergenceAnalysis.PathRequest(parts[0].strip(), parts[1].strip(), k));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage().replace("`k`", "`--k`"), e);
            }
        }
        return out;
    }

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = out();
        PrintWriter err = err();
        if (rows < 0) {
            throw new UsageException("Value for `--rows` was `" + rows + "`, but must be within the range [0, "
                    + Integer.MAX_VALUE + "]");
        }
        Setting.Values values = SettingOptions.fromCommandLine(spec, SETTINGS);
        List<String> relations = values.get(Setting.RELATIONS);
        ConvergenceAnalysis.Parameters parameters = ConvergenceAnalysis.Parameters.of(values, pathRequests(paths, k));
        try (Neo4jConnection neo4j = noWrite || estimate ? open() : openForWriting()) {
            if (estimate) {
                out.printf("Estimate for analyze on data set `%s`:%n", dataset);
                out.print(AnalysisJob.estimate(neo4j, dataset, relations, parameters).describe());
                out.flush();
                return 0;
            }
            RunOutcome outcome = AnalysisJob.run(neo4j, dataset, relations, parameters,
                    !noWrite, err);
            if (format == Format.JSON) {
                ResultOutput.json(outcome, out);
            } else {
                ResultOutput.text(outcome, rows, out);
            }
            out.flush();
        }
        return 0;
    }
}
