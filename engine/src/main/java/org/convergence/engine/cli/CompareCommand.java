package org.convergence.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.engine.app.Comparing;
import org.convergence.engine.app.ProcessMap;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.output.ComparisonOutput;
import org.convergence.engine.output.Format;
import org.convergence.engine.store.Neo4jConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convergence compare}: two snapshots of a matrix, analysed alike and compared. */
@Command(name = "compare", sortOptions = false, description = {"Compare two snapshots of a matrix (two data sets, the"
        + " earlier first, or --series NAME for each consecutive pair of its periods): themes gained and lost per"
        + " process, pairs whose convergence appeared or vanished, cluster flows with the adjusted Rand index and"
        + " normalised mutual information, links then and now, bridge themes, and the earlier recommendations the"
        + " later snapshot took up.", "Both are analysed as analyze does, with the same options, and written back."})
final class CompareCommand extends ConnectedCommand {

    /** The analysis settings this command takes as options (all of them). */
    static final List<Setting<?>> SETTINGS = Setting.all();

    @Parameters(arity = "0..2", paramLabel = "DATASET", description = "The earlier and the later data set.")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--series", paramLabel = "NAME", description = "Compare each consecutive pair of periods of this"
            + " series (load ... --series NAME --period P).")
    String series;

    @Option(names = "--process-map", paramLabel = "FILE", description = "Processes renamed or succeeded: lines"
            + " EARLIER,LATER[,note], e.g. PPP,PM,succeeded by Proyecto Mesoamérica in 2008.")
    Path processMap;

    @Option(names = "--alpha", paramLabel = "Q", defaultValue = "0.05", description = "A pair is significant below this"
            + " q-value (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--path", paramLabel = "FROM:TO", description = "Also compare the links between two processes,"
            + " named as in the later snapshot (repeatable).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--k", paramLabel = "N", defaultValue = Setting.K_DEFAULT, description = "Shortest links per --path"
            + " (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--format", converter = FormatConverter.class, paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "20", description = "Pair changes listed in text output,"
            + " the largest first (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--no-write", description = "Do not write the two runs back to Neo4j.")
    boolean noWrite;

    @Override
    public Integer call() throws IOException {
        if (rows < 0) {
            throw new UsageException("Value for `--rows` was `" + rows + "`, but must be within the range [0, "
                    + Integer.MAX_VALUE + "]");
        }
        SnapshotComparison.Parameters comparison;
        try {
            comparison = new SnapshotComparison.Parameters(alpha);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("`alpha`", "`--alpha`"), e);
        }
        Setting.Values values = SettingOptions.fromCommandLine(spec, SETTINGS);
        ConvergenceAnalysis.Parameters parameters = ConvergenceAnalysis.Parameters.of(values,
                AnalyzeCommand.pathRequests(paths, k));
        Comparing request = new Comparing(datasets.isEmpty() ? null : datasets.get(0),
                datasets.size() < 2 ? null : datasets.get(1), series,
                processMap == null ? ProcessMap.none() : ProcessMap.read(processMap), values.get(Setting.RELATIONS),
                parameters, comparison, !noWrite);
        PrintWriter out = out();
        try (Neo4jConnection neo4j = noWrite ? open() : openForWriting()) {
            List<Comparing.Pair> pairs = request.pairs(neo4j);
            // a series gives one comparison per consecutive pair of periods: in JSON, an array of them
            boolean array = format == Format.JSON && request.series() != null;
            if (array) {
                out.println("[");
            }
            for (int i = 0; i < pairs.size(); i++) {
                SnapshotComparison.Result result = request.compare(neo4j, pairs.get(i), err()).result();
                if (format == Format.JSON) {
                    if (i > 0) {
                        out.println(",");
                    }
                    ComparisonOutput.json(result, out);
                } else {
                    if (i > 0) {
                        out.println();
                    }
                    ComparisonOutput.text(result, rows, out);
                }
            }
            if (array) {
                out.println("]");
            }
            out.flush();
        }
        return 0;
    }
}
