package org.convergence.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.engine.app.ComparisonReports;
import org.convergence.engine.app.HtmlReports;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.dataset.DatasetView;
import org.convergence.engine.output.html.HtmlReport;
import org.convergence.engine.store.DatasetReader;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.engine.store.RunReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convergence report}: one self-contained HTML file of a data set and one complete analysis run
 * as stored in Neo4j: the matrix, the pair scores as a heat map, the network, the requested links,
 * bridge themes, recommendations, unmapped labels and provenance.
 */
@Command(name = "report", description = {"Write a self-contained HTML report of a data set's analysis run as stored in"
        + " Neo4j (the latest complete run unless --run names one). It opens from file:// with no network access.",
        "With --compare EARLIER LATER: the page of the two data sets' stored comparison (made by compare): the later"
        + " matrix with themes marked new, kept or dropped, pair scores then and now, the clusters' flows and the"
        + " links side by side."})
final class ReportCommand extends ConnectedCommand {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "seed", description = "Data set (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--run", paramLabel = "RUN", description = "A complete run's id (default: the latest).")
    String run;

    @Option(names = "--compare", arity = "2", paramLabel = "DATASET", description = "Report the latest stored comparison"
            + " of two data sets instead, the earlier first (default file: " + ComparisonReports.DEFAULT_OUT + ").")
    List<String> compare;

    @Option(names = "--lang", paramLabel = "en|es", defaultValue = "en", description = "Language of the report's labels"
            + " and theme names (default: ${DEFAULT-VALUE}); the document's own text stays as written.")
    String lang;

    @Option(names = "--out", paramLabel = "FILE.html", description = "Where to write it (default: "
            + HtmlReports.DEFAULT_OUT + ").")
    Path out;

    @Override
    public Integer call() {
        if (!HtmlReport.LANGUAGES.contains(lang)) {
            throw new UsageException("Value for option `--lang` was `" + lang + "`, but must be one of en, es");
        }
        if (compare != null) {
            return compare();
        }
        Path file = out != null ? out.toAbsolutePath().normalize()
                : HtmlReports.path(Path.of("."), HtmlReports.DEFAULT_OUT, dataset, lang);
        HtmlReports.requireWritable(file, "`--out`", out == null);
        try (Neo4jConnection neo4j = open()) {
            RunReader runs = new RunReader(neo4j.driver());
            ConvergenceAnalysis.Result result = runs.result(runs.run(dataset, Optional.ofNullable(run)));
            DatasetView data = new DatasetReader(neo4j.driver()).view(dataset);
            HtmlReports.write(data, result, lang, file);
            out().printf("Report of data set `%s`, run %s (%,d processes, %,d themes, %,d converging pairs)%n", dataset,
                    result.provenance().run(), data.processes().size(), data.themes().size(), result.pairs().count());
            out().println("Report written to " + file);
        }
        return 0;
    }

    private int compare() {
        if (run != null || spec.commandLine().getParseResult().hasMatchedOption("--dataset")) {
            throw new UsageException("--compare names its two data sets itself; it takes neither --dataset nor --run");
        }
        Path file = out != null ? out.toAbsolutePath().normalize()
                : ComparisonReports.path(Path.of("."), ComparisonReports.DEFAULT_OUT, compare.get(0), compare.get(1),
                        lang);
        HtmlReports.requireWritable(file, "`--out`", out == null);
        try (Neo4jConnection neo4j = open()) {
            ComparisonReports.Drawn drawn = ComparisonReports.stored(neo4j, compare.get(0), compare.get(1));
            ComparisonReports.write(drawn, lang, file);
            SnapshotComparison.PairCounts c = drawn.result().pairCounts();
            out().printf("Comparison %s of data sets `%s` and `%s` (runs %s and %s): %,d pairs appeared, %,d vanished,"
                    + " %,d kept%n", drawn.id(), compare.get(0), compare.get(1), drawn.earlier().run(),
                    drawn.later().run(), c.appeared(), c.vanished(), c.kept());
            out().println("Report written to " + file);
        }
        return 0;
    }
}
