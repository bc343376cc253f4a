package org.convergence.engine.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

/**
 * The use case of {@code convergence export}: a stored run as files for other tools, through the one
 * reader of stored runs, or a data set's matrix as the spreadsheet {@code load --matrix} reads. The
 * {@code check} methods need no database; every file appears only when complete.
 */
public final class Exports {

    private Exports() {
    }

    /**
     * Checks where a run's export goes: an existing folder, or a file name prefix in one.
     *
     * @throws UsageException naming {@code --out} and the problem
     */
    public static void checkRunTarget(Path out) {
        OutputFolder.require(Files.isDirectory(out) ? out : out.toAbsolutePath().getParent(), out, "`--out`", false);
    }

    /**
     * Checks where a matrix export goes: a file (not a folder) ending as the format's files do, in a folder
     * that exists.
     *
     * @throws UsageException naming {@code --out} and the problem
     */
    public static void checkMatrixTarget(MatrixExport format, Path out) {
        Path target = out.toAbsolutePath();
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(format.extension())) {
            throw new UsageException("Value for `--out` was `" + out + "`, but format " + format.key() + " writes "
                    + format.extension() + " files (and `load --matrix` picks the layout by that ending)");
        }
        if (Files.isDirectory(target)) {
            throw new UsageException("Value for `--out` was `" + out + "`, but that is a folder");
        }
        OutputFolder.require(target.getParent(), out, "`--out`", false);
    }

    /**
     * Writes a stored run (the data set's latest complete one unless named) in a format, and lists the
     * files written on {@code stdout}.
     */
    public static void run(Neo4jConnection neo4j, String dataset, Optional<String> run, ExportFormat format, Path out,
            PrintWriter stdout) {
        try {
            RunReader reader = new RunReader(neo4j.driver());
            RunReader.Run resolved = reader.run(dataset, run);
            ExportFiles names = Files.isDirectory(out)
                    ? ExportFiles.prefix(out.resolve(dataset + "-" + resolved.id())) : format.files(out);
            DatasetReader graph = new DatasetReader(neo4j.driver());
            List<WrittenFile> files = format.write(ExportSource.of(reader.result(resolved),
                    () -> graph.members(dataset, resolved.relations()),
                    sink -> graph.edges(dataset, resolved.relations(), sink)), names);
            stdout.printf("Exported run %s of data set `%s` (finished %s) as %s:%n", resolved.id(), dataset,
                    resolved.finished(), format.key());
            for (WrittenFile f : files) {
                stdout.printf("  %s  %s%s%n", f.path(), f.summary(), f.note().map(n -> " (" + n + ")").orElse(""));
            }
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export to " + out + ": " + e.getMessage(), e);
        }
    }

    /** Writes a data set's matrix as a spreadsheet and says so on {@code stdout}. */
    public static void matrix(Neo4jConnection neo4j, String dataset, MatrixExport format, Path out, PrintWriter stdout) {
        Path target = out.toAbsolutePath();
        MatrixDocument document = new MatrixReader(neo4j.driver()).read(dataset).orElseThrow(() ->
                new IllegalArgumentException("Data set `" + dataset + "` was not loaded from a convergence matrix"
                        + " (it has no preamble, matrix rows or footnotes, only process-theme edges), so it cannot"
                        + " be written as a matrix " + format.key() + "; only data sets loaded with `load --seed` or"
                        + " `load --matrix` can"));
        try {
            String[] summary = new String[1];
            AtomicFile.writeBytes(target, file -> summary[0] = format.write(document, file));
            stdout.printf("Wrote data set `%s` as %s to %s: %s%n", dataset, format.key(), target, summary[0]);
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
