package org.convergence.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convergence.engine.app.OutputFolder;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.output.AtomicFile;
import org.convergence.engine.output.export.ExportFiles;
import org.convergence.engine.output.export.ExportFormat;
import org.convergence.engine.output.export.ExportSource;
import org.convergence.engine.output.export.MatrixExport;
import org.convergence.engine.output.export.WrittenFile;
import org.convergence.engine.store.DatasetReader;
import org.convergence.engine.store.MatrixReader;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.engine.store.RunReader;
import org.convergence.loader.matrix.MatrixDocument;
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
            return matrix(matrix.get());
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
        OutputFolder.require(Files.isDirectory(this.out) ? this.out : this.out.toAbsolutePath().getParent(), this.out,
                "`--out`", false);
        PrintWriter out = out();
        try (Neo4jConnection neo4j = open()) {
            RunReader reader = new RunReader(neo4j.driver());
            RunReader.Run resolved = reader.run(dataset, Optional.ofNullable(run));
            ExportFiles names = Files.isDirectory(this.out)
                    ? ExportFiles.prefix(this.out.resolve(dataset + "-" + resolved.id())) : chosen.files(this.out);
            DatasetReader graph = new DatasetReader(neo4j.driver());
            List<WrittenFile> files = chosen.write(ExportSource.of(reader.result(resolved),
                    () -> graph.members(dataset, resolved.relations()),
                    sink -> graph.edges(dataset, resolved.relations(), sink)), names);
            out.printf("Exported run %s of data set `%s` (finished %s) as %s:%n", resolved.id(), dataset,
                    resolved.finished(), chosen.key());
            for (WrittenFile f : files) {
                out.printf("  %s  %s%s%n", f.path(), f.summary(), f.note().map(n -> " (" + n + ")").orElse(""));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export to " + this.out + ": " + e.getMessage(), e);
        }
        return 0;
    }

    private int matrix(MatrixExport chosen) {
        Path target = out.toAbsolutePath();
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(chosen.extension())) {
            throw new UsageException("Value for `--out` was `" + out + "`, but format " + chosen.key() + " writes "
                    + chosen.extension() + " files (and `load --matrix` picks the layout by that ending)");
        }
        if (Files.isDirectory(target)) {
            throw new UsageException("Value for `--out` was `" + out + "`, but that is a folder");
        }
        OutputFolder.require(target.getParent(), out, "`--out`", false);
        PrintWriter stdout = out();
        try (Neo4jConnection neo4j = open()) {
            MatrixDocument document = new MatrixReader(neo4j.driver()).read(dataset).orElseThrow(() ->
                    new IllegalArgumentException("Data set `" + dataset + "` was not loaded from a convergence matrix"
                            + " (it has no preamble, matrix rows or footnotes, only process-theme edges), so it cannot"
                            + " be written as a matrix " + chosen.key() + "; only data sets loaded with `load --seed` or"
                            + " `load --matrix` can"));
            String[] summary = new String[1];
            AtomicFile.writeBytes(target, file -> summary[0] = chosen.write(document, file));
            stdout.printf("Wrote data set `%s` as %s to %s: %s%n", dataset, chosen.key(), target, summary[0]);
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
