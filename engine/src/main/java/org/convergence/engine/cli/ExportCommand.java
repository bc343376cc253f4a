package org.convergence.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.convergence.engine.app.Exports;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.output.export.ExportFormat;
import org.convergence.engine.output.export.MatrixExport;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.seed.SeedMatrixParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convergence export}: a complete analysis run as files for other tools ({@link ExportFormat}:
 * GraphML, GEXF, VOSviewer, CSV; {@code --out} is a file name prefix or an existing folder), or a data
 * set's matrix as the spreadsheet {@code load --matrix} reads ({@link MatrixExport}: xlsx, matrix-csv;
 * {@code --out} is the file). Every option is checked before the database is opened; files appear only
 * when complete.
 */
@Command(name = "export", sortOptions = false, description = {"Write an analysis run as files for other tools:"
        + " GraphML or GEXF (Gephi) graphs, VOSviewer map and network files, the pairs as CSV; or a data set's"
        + " matrix as a spreadsheet (xlsx, matrix-csv) in the layout load --matrix reads."})
final class ExportCommand extends ConnectedCommand {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = SeedMatrixParser.SEED_DATASET,
            description = "Data set (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--run", paramLabel = "RUN", description = "Analysis run id (default: the data set's latest"
            + " complete run; not used by the matrix formats).")
    String run;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, completionCandidates = Formats.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String format;

    /** The format names of both kinds, for the help text. */
    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            Arrays.stream(ExportFormat.values()).map(ExportFormat::key).forEach(names::add);
            Arrays.stream(MatrixExport.values()).map(MatrixExport::key).forEach(names::add);
            return names.iterator();
        }
    }

    @Option(names = "--out", paramLabel = "PATH", required = true, description = "For a run: a file name prefix"
            + " (PATH-pairs.csv, ...; a name ending as the format's files do, such as mine.csv or mine-pairs.csv,"
            + " is taken as that file), or an existing folder to write DATASET-RUN-... files into. For a matrix:"
            + " the file, ending as its format's files do (.xlsx, .csv). Files of those names are replaced.")
    Path out;

    @Override
    public Integer call() {
        if (!GraphWriter.isValidName(dataset)) {
            throw new UsageException("Value for `--dataset` was `" + dataset + "`, but must be 1 to 64 letters, digits,"
                    + " `_`, `.` or `-`, starting with a letter or digit");
        }
        Optional<MatrixExport> matrix = MatrixExport.of(format);
        if (matrix.isPresent()) {
            Exports.checkMatrixTarget(matrix.get(), out);
            try (Neo4jConnection neo4j = open()) {
                Exports.matrix(neo4j, dataset, matrix.get(), out, out());
            }
            return 0;
        }
        ExportFormat chosen;
        try {
            chosen = ExportFormat.parse("--format", format);
        } catch (IllegalArgumentException e) {
            List<String> all = new ArrayList<>();
            new Formats().forEach(all::add);
            throw new UsageException("Value for `--format` was `" + format + "`, but must be one of "
                    + String.join(", ", all), e);
        }
        Exports.checkRunTarget(out);
        try (Neo4jConnection neo4j = open()) {
            Exports.run(neo4j, dataset, Optional.ofNullable(run), chosen, out, out());
        }
        return 0;
    }
}
