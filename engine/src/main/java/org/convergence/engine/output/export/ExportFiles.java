package org.convergence.engine.output.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The names of the files one export writes: {@code PREFIX-part.ext} for each part of its format
 * ({@code mine-bipartite.graphml}, {@code mine-pairs.graphml}), or, for a format of one file, the very
 * name the user gave when it already ends as that file does ({@code --out mine.csv}).
 *
 * @param prefix path and file name prefix, to which {@code -part.ext} is added
 * @param single the one file of a one-file format when the user named it, else null
 */
public record ExportFiles(Path prefix, Path single) {

    /** @return files named {@code PREFIX-part.ext} */
    public static ExportFiles prefix(Path prefix) {
        return new ExportFiles(prefix, null);
    }

    /**
     * The files for what a user gave as {@code --out} (not a folder): a name that ends in one of the
     * format's parts ({@code mine-pairs.csv}) is the prefix before it; a name that ends in the format's
     * extension is the file itself for a one-file format ({@code mine.csv}) and the prefix before the
     * extension for the others ({@code mine.graphml} gives {@code mine-bipartite.graphml}, ...); any other
     * name is the prefix.
     *
     * @param out the path given
     * @param parts the format's parts, e.g. {@code pairs.csv}
     * @return the files' names
     */
    public static ExportFiles of(Path out, List<String> parts) {
        String name = out.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String part : parts) {
            if (lower.endsWith("-" + part) && lower.length() > part.length() + 1) {
                return prefix(out.resolveSibling(name.substring(0, name.length() - part.length() - 1)));
            }
        }
        String extension = parts.get(0).substring(parts.get(0).lastIndexOf('.'));
        if (lower.endsWith(extension) && lower.length() > extension.length()) {
            return parts.size() == 1 ? new ExportFiles(out, out)
                    : prefix(out.resolveSibling(name.substring(0, name.length() - extension.length())));
        }
        return prefix(out);
    }

    /** @return the file of one part, e.g. {@code pairs.csv} */
    public Path file(String part) {
        return single != null ? single : prefix.resolveSibling(prefix.getFileName() + "-" + part);
    }
}
