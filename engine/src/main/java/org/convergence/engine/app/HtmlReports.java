package org.convergence.engine.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.dataset.DatasetView;
import org.convergence.engine.output.AtomicFile;
import org.convergence.engine.output.html.HtmlReport;

/** Writes HTML reports for the {@code report} command and for {@code run} jobs. */
public final class HtmlReports {

    /** Where a report goes unless told otherwise; {@code {dataset}} and {@code {lang}} are filled in. */
    public static final String DEFAULT_OUT = "reports/{dataset}-{lang}.html";

    private HtmlReports() {
    }

    /** @return the report's path for a data set and language, from a pattern such as {@link #DEFAULT_OUT} */
    public static Path path(Path base, String pattern, String dataset, String lang) {
        return base.resolve(pattern.replace("{dataset}", dataset).replace("{lang}", lang)).toAbsolutePath().normalize();
    }

    /**
     * Checks, before anything runs, that a report can be written there: an {@code .html} (or
     * {@code .htm}) file, not a folder, in a writable folder that exists or, when {@code create}, can be
     * made (the default {@code reports/} folder and a job's).
     *
     * @throws UsageException naming what, the path and the problem
     */
    public static void requireWritable(Path out, String what, boolean create) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (Files.isDirectory(out)) {
            throw new UsageException("Value for " + what + " was `" + out + "`, which is a folder; give a file name such"
                    + " as " + out.resolve("report.html"));
        }
        if (!name.endsWith(".html") && !name.endsWith(".htm")) {
            throw new UsageException("Value for " + what + " was `" + out + "`, but a report is an HTML file: its name"
                    + " must end in .html");
        }
        OutputFolder.require(out.getParent(), out, what, create);
    }

    /**
     * Writes the report of a data set and a run's result (just computed, or read back from Neo4j), through a
     * temporary file in the same folder ({@link AtomicFile}) so that a failed write never leaves half a report
     * under the name.
     */
    public static void write(DatasetView data, ConvergenceAnalysis.Result result, String lang, Path out) {
        try {
            AtomicFile.writeText(out, w -> new HtmlReport(lang).write(data, result,
                    ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), w));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report " + out + ": " + e.getMessage(), e);
        }
    }
}
