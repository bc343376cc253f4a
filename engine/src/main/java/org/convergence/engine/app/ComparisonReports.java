package org.convergence.engine.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.engine.dataset.DatasetView;
import org.convergence.engine.output.AtomicFile;
import org.convergence.engine.output.html.ComparisonReport;
import org.convergence.engine.store.ComparisonReader;
import org.convergence.engine.store.DatasetReader;
import org.convergence.engine.store.DatasetStore;
import org.convergence.engine.store.GraphReader;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.engine.store.RunReader;

/**
 * The HTML page of a comparison of two snapshots: drawn from a comparison just made ({@code run} with
 * {@code comparisons} in its job) or from one stored in Neo4j ({@code report --compare EARLIER LATER}), the
 * latter rebuilt from the two stored runs it compared, with its own process map and significance level,
 * without analysing anything again.
 */
public final class ComparisonReports {

    /** Where a comparison page goes unless told otherwise; {@code {earlier}}, {@code {later}}, {@code {lang}} filled in. */
    public static final String DEFAULT_OUT = "reports/{earlier}-to-{later}-{lang}.html";

    private ComparisonReports() {
    }

    /**
     * A comparison ready to draw.
     *
     * @param result what changed
     * @param id the stored comparison's id, or null when it was not written
     * @param earlier the earlier snapshot as the page names it
     * @param later the later one
     */
    public record Drawn(SnapshotComparison.Result result, String id, ComparisonReport.Side earlier,
            ComparisonReport.Side later) {
    }

    /** @return the page's path for two data sets and a language, from a pattern such as {@link #DEFAULT_OUT} */
    public static Path path(Path base, String pattern, String earlier, String later, String lang) {
        return base.resolve(pattern.replace("{earlier}", earlier).replace("{later}", later).replace("{lang}", lang))
                .toAbsolutePath().normalize();
    }

    /**
     * The latest stored comparison of two data sets, drawn again from its two stored runs.
     *
     * @throws IllegalArgumentException when the two were never compared (saying how to), or a data set
     *     changed since its run (its graph is no longer the one the run analysed)
     */
    public static Drawn stored(Neo4jConnection neo4j, String earlier, String later) {
        Comparing.requireNames(earlier, later);
        List<DatasetStore.Listing> all = new DatasetStore(neo4j.driver()).list();
        Comparing.requireKnown(all, earlier, later);
        ComparisonReader.Stored stored = new ComparisonReader(neo4j.driver()).latest(earlier, later).orElseThrow(() ->
                new IllegalArgumentException("Data sets `" + earlier + "` and `" + later + "` have no stored comparison;"
                        + " make one with `convergence compare " + earlier + " " + later + "` (with --process-map FILE"
                        + " when processes were renamed)"));
        RunReader runs = new RunReader(neo4j.driver());
        SnapshotComparison.Snapshot then = snapshot(neo4j, runs, earlier, stored.earlierRun());
        SnapshotComparison.Snapshot now = snapshot(neo4j, runs, later, stored.laterRun());
        SnapshotComparison.Result result = SnapshotComparison.compare(then, now, stored.mappings(), stored.parameters());
        return of(neo4j, result, stored.id(), stored.earlierRun(), stored.laterRun(), all);
    }

    private static SnapshotComparison.Snapshot snapshot(Neo4jConnection neo4j, RunReader runs, String dataset,
            String run) {
        RunReader.Run r = runs.run(dataset, Optional.of(run));
        ConvergenceAnalysis.Result result = runs.result(r);
        GraphReader.Snapshot graph = new GraphReader(neo4j.driver()).snapshot(dataset, r.relations().isEmpty() ? null
                : r.relations());
        String fingerprint = graph.data().fingerprint();
        if (r.inputFingerprint() != null && !r.inputFingerprint().equals(fingerprint)) {
            throw new IllegalArgumentException("Data set `" + dataset + "` changed since run " + run + " analysed it"
                    + " (input fingerprint " + r.inputFingerprint() + ", now " + fingerprint + "); run `convergence"
                    + " compare` again to compare it as it is now");
        }
        return new SnapshotComparison.Snapshot(dataset, graph.data(), result);
    }

    /** A comparison just made, with the two data sets as stored, ready to draw. */
    public static Drawn of(Neo4jConnection neo4j, SnapshotComparison.Result result, String id, String earlierRun,
            String laterRun) {
        return of(neo4j, result, id, earlierRun, laterRun, new DatasetStore(neo4j.driver()).list());
    }

    /** {@link #of} with the data sets' listing read already (for their periods). */
    private static Drawn of(Neo4jConnection neo4j, SnapshotComparison.Result result, String id, String earlierRun,
            String laterRun, List<DatasetStore.Listing> all) {
        DatasetReader reader = new DatasetReader(neo4j.driver());
        return new Drawn(result, id, side(reader, all, result.earlierDataset(), earlierRun),
                side(reader, all, result.laterDataset(), laterRun));
    }

    private static ComparisonReport.Side side(DatasetReader reader, List<DatasetStore.Listing> all, String dataset,
            String run) {
        DatasetView view = reader.view(dataset);
        String period = all.stream().filter(l -> l.dataset().equals(dataset)).map(DatasetStore.Listing::period)
                .filter(p -> p != null && !p.isBlank()).findFirst().orElse(dataset);
        return new ComparisonReport.Side(view, period, run);
    }

    /** Writes the page through a temporary file in the same folder ({@link AtomicFile}). */
    public static void write(Drawn d, String lang, Path out) {
        try {
            AtomicFile.writeText(out, w -> new ComparisonReport(lang).write(d.result(), d.id(), d.earlier(), d.later(),
                    Version.of(), ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), w));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the comparison report " + out + ": " + e.getMessage(), e);
        }
    }
}
