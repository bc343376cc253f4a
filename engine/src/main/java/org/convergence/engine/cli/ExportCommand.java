package org.convergence.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.convergence.engine.export.ExportFormat;
import org.convergence.engine.export.ExportSource;
import org.convergence.engine.export.WrittenFile;
import org.convergence.engine.neo4j.Neo4jConnection;
import org.convergence.engine.neo4j.RunReader;
import org.convergence.loader.seed.SeedMatrixParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convergence export}: one complete analysis run as files for other tools, in one of the
 * {@link ExportFormat}s. {@code --out PATH} is a file name prefix ({@code PATH-bipartite.graphml}, ...)
 * or an existing folder (then the prefix is {@code FOLDER/DATASET-RUN}); its folder is checked before
 * the database is opened.
 */
@Command(name = "export", sortOptions = false, description = "Write an analysis run as files: GraphML or GEXF"
        + " (Gephi) graphs, VOSviewer map and network files, or the pairs as CSV.")
final class ExportCommand extends ConnectedCommand {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = SeedMatrixParser.SEED_DATASET,
            description = "Data set (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--run", paramLabel = "RUN", description = "Analysis run id (default: the data set's latest"
            + " complete run).")
    String run;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, completionCandidates = Formats.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String format;

    /** The format names, from {@link ExportFormat}, for the help text. */
    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(ExportFormat.values()).map(ExportFormat::key).iterator();
        }
    }

    @Option(names = "--out", paramLabel = "PATH", required = true, description = "File name prefix (PATH-pairs.csv,"
            + " ...), or an existing folder to write DATASET-RUN-... files into. Files of those names are replaced.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter out = out();
        ExportFormat chosen;
        try {
            chosen = ExportFormat.parse("--format", format);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        requireWritableFolder(this.out);
        try (Neo4jConnection neo4j = open()) {
            RunReader reader = new RunReader(neo4j.driver());
            RunReader.Run resolved = reader.run(dataset, Optional.ofNullable(run));
            Path prefix = Files.isDirectory(this.out) ? this.out.resolve(dataset + "-" + resolved.id()) : this.out;
            List<WrittenFile> files = chosen.write(ExportSource.of(reader, resolved), prefix);
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

    /**
     * Checks that the files can be written: {@code out} is an existing writable folder, or its parent
     * is one.
     *
     * @throws UsageException naming {@code --out}, its value and what is wrong
     */
    static void requireWritableFolder(Path out) {
        Path folder = Files.isDirectory(out) ? out : out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UsageException("Value for `--out` was `" + out + "`, but its folder " + folder
                    + " does not exist; give an existing folder or a file name prefix in one");
        }
        if (!Files.isWritable(folder)) {
            throw new UsageException("Value for `--out` was `" + out + "`, but its folder " + folder
                    + " is not writable");
        }
    }
}
