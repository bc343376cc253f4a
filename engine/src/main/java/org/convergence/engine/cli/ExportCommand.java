package org.convergence.engine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.convergence.engine.export.DatasetExport;
import org.convergence.engine.export.MatrixExport;
import org.convergence.engine.neo4j.Neo4jConnection;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.seed.SeedMatrixParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convergence export}: writes a data set stored in Neo4j to a file in one of the
 * {@link ExportFormat}s. Every option is checked before the database is opened; the file appears only
 * when complete (written beside it under a temporary name, then moved into place).
 */
@Command(name = "export", sortOptions = false, description = "Write a data set stored in Neo4j to a file.")
final class ExportCommand extends ConnectedCommand {

    /**
     * The formats {@code export} writes, each with its option value, file extension and writer. Another
     * format is another constant with its own {@link DatasetExport}.
     */
    enum ExportFormat {
        /** The matrix as a workbook, in the layout {@code load --matrix FILE.xlsx} reads. */
        XLSX("xlsx", ".xlsx", "the matrix as a workbook laid out as the 2002 document",
                new MatrixExport(MatrixExport.Layout.XLSX)),
        /** The matrix as ;-separated values, in the layout {@code load --matrix FILE.csv} reads. */
        MATRIX_CSV("matrix-csv", ".csv", "the same as ;-separated values in UTF-8 with BOM",
                new MatrixExport(MatrixExport.Layout.CSV));

        private final String option;
        private final String extension;
        private final String description;
        private final DatasetExport writer;

        ExportFormat(String option, String extension, String description, DatasetExport writer) {
            this.option = option;
            this.extension = extension;
            this.description = description;
            this.writer = writer;
        }

        /** @return the format an option value names */
        static ExportFormat of(String value) {
            return Arrays.stream(values()).filter(f -> f.option.equals(value)).findFirst()
                    .orElseThrow(() -> new UsageException("Value for `--format` was `" + value + "`, but must be one"
                            + " of " + names()));
        }

        static String names() {
            return Arrays.stream(values()).map(f -> f.option).collect(Collectors.joining(", "));
        }
    }

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = SeedMatrixParser.SEED_DATASET,
            description = "Data set to write (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "What to write: ${COMPLETION-CANDIDATES}.", completionCandidates = FormatNames.class)
    String format;

    @Option(names = "--out", paramLabel = "PATH", required = true,
            description = "The file to write (replaced if it exists); its name must end as the format's files do.")
    Path out;

    /** The format names for the help text. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(ExportFormat.values()).map(f -> f.option + " (" + f.description + ", " + f.extension
                    + ")").iterator();
        }
    }

    @Override
    public Integer call() {
        ExportFormat chosen = ExportFormat.of(format);
        if (!GraphWriter.isValidName(dataset)) {
            throw new UsageException("Value for `--dataset` was `" + dataset + "`, but must be 1 to 64 letters, digits,"
                    + " `_`, `.` or `-`, starting with a letter or digit");
        }
        Path target = out.toAbsolutePath();
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(chosen.extension)) {
            throw new UsageException("Value for `--out` was `" + out + "`, but format " + chosen.option + " writes "
                    + chosen.extension + " files (and `load --matrix` picks the layout by that ending)");
        }
        Path dir = target.getParent();
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UsageException("Value for `--out` was `" + out + "`, but its folder " + dir
                    + " does not exist or cannot be written");
        }
        if (Files.isDirectory(target)) {
            throw new UsageException("Value for `--out` was `" + out + "`, but that is a folder");
        }
        PrintWriter stdout = out();
        try (Neo4jConnection neo4j = open()) {
            Path partial = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
            try {
                String summary;
                try (OutputStream file = Files.newOutputStream(partial)) {
                    summary = chosen.writer.write(neo4j, dataset, file);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                stdout.printf("Wrote data set `%s` as %s to %s: %s%n", dataset, chosen.option, target, summary);
                stdout.flush();
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
