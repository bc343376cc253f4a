package org.convergence.engine.output.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The formats {@code convergence export} writes, each by its own writer class. Every format writes
 * files named {@code PREFIX-<part>.<extension>} (see each writer and {@link ExportFiles}), overwriting
 * files of those names.
 */
public enum ExportFormat {
    /** GraphML: the bipartite graph and the pair graph, {@link GraphMlExport}. */
    GRAPHML("graphml", "GraphML (PREFIX-bipartite.graphml, PREFIX-pairs.graphml)",
            List.of("bipartite.graphml", "pairs.graphml"), GraphMlExport::write),
    /** GEXF 1.2 for Gephi: the bipartite graph and the pair graph, {@link GexfExport}. */
    GEXF("gexf", "GEXF 1.2 for Gephi (PREFIX-bipartite.gexf, PREFIX-pairs.gexf)",
            List.of("bipartite.gexf", "pairs.gexf"), GexfExport::write),
    /** VOSviewer map and network files of the processes, {@link VosviewerExport}. */
    VOSVIEWER("vosviewer", "VOSviewer map and network files (PREFIX-vosviewer-map.txt, PREFIX-vosviewer-network.txt)",
            List.of("vosviewer-map.txt", "vosviewer-network.txt"), VosviewerExport::write),
    /** The pairs with all scores as RFC 4180 CSV, {@link CsvExport}. */
    CSV("csv", "the pairs with all scores as CSV (PREFIX-pairs.csv, or the name given when it ends in .csv)",
            List.of("pairs.csv"), CsvExport::write);

    /** Writes one run in a format. */
    @FunctionalInterface
    public interface Writer {
        /**
         * @param source the run to write
         * @param files the names of the files to write; their folder exists
         * @return the files written
         * @throws IOException if a file cannot be written
         */
        List<WrittenFile> write(ExportSource source, ExportFiles files) throws IOException;
    }

    private final String key;
    private final String description;
    private final List<String> parts;
    private final Writer writer;

    ExportFormat(String key, String description, List<String> parts, Writer writer) {
        this.key = key;
        this.description = description;
        this.parts = parts;
        this.writer = writer;
    }

    /**
     * @param out what the user gave as {@code --out}, not a folder
     * @return the names of the files this format writes for it ({@link ExportFiles#of})
     */
    public ExportFiles files(Path out) {
        return ExportFiles.of(out, parts);
    }

    /** @return the name on the command line, e.g. {@code graphml} */
    public String key() {
        return key;
    }

    /** @return what the format writes, for help texts */
    public String description() {
        return description;
    }

    /**
     * Writes a run in this format.
     *
     * @param source the run
     * @param files the names of the files; their folder must exist
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public List<WrittenFile> write(ExportSource source, ExportFiles files) throws IOException {
        return writer.write(source, files);
    }

    /** As {@link #write(ExportSource, ExportFiles)}, to files named {@code PREFIX-part.ext}. */
    public List<WrittenFile> write(ExportSource source, Path prefix) throws IOException {
        return write(source, ExportFiles.prefix(prefix));
    }

    /**
     * @param key the option or key the value was given for, for the message
     * @param value a format name, any case
     * @return the format
     * @throws IllegalArgumentException naming the allowed values if there is no such format
     */
    public static ExportFormat parse(String key, String value) {
        for (ExportFormat f : values()) {
            if (f.key.equalsIgnoreCase(value)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Value for `" + key + "` was `" + value + "`, but must be one of " + keys());
    }

    /** @return the format names, comma-separated */
    public static String keys() {
        return Arrays.stream(values()).map(ExportFormat::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
