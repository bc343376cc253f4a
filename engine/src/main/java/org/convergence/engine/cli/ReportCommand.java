package org.convergence.engine.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.convergence.engine.analysis.ConvergenceAnalysis;
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
        + " Neo4j (the latest complete run unless --run names one). It opens from file:// with no network access."})
final class ReportCommand extends ConnectedCommand {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "seed", description = "Data set (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--run", paramLabel = "RUN", description = "A complete run's id (default: the latest).")
    String run;

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
}
