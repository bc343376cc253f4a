package org.convergence.engine.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.csv.TwoModeCsvParser;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Labels;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * What {@code convergence load} was asked to load, checked as a whole when made: exactly one of the seed,
 * a matrix file or a long CSV, with the options that go with it.
 *
 * @param seed the built-in 2002 matrix
 * @param matrix a matrix file in any of its layouts, or null
 * @param csv a long CSV of edges, or null
 * @param dataset the data set's name, or null to make one from the source
 * @param processes process attributes (CSV only), or null
 * @param themes theme attributes (CSV only), or null
 * @param taxonomy a taxonomy file, or null for the built-in one
 * @param noTaxonomy each label its own theme
 * @param keepColumns extra CSV columns to keep (CSV only), or null
 * @param match how labels match the taxonomy
 * @param threshold with {@link Loading.Match#SUGGESTED}, the score a proposal needs, in (0, 1]
 * @param series the series the data set is a snapshot of ({@code --series}), or null; for a CSV with a
 *     {@code period} column, the series of its periods (default: the data set's name)
 * @param period the period it describes ({@code --period}), or null; none for a CSV with a {@code period}
 *     column, whose rows give theirs
 * @throws UsageException naming the options that do not go together or the value out of range
 */
public record LoadRequest(boolean seed, Path matrix, Path csv, String dataset, Path processes, Path themes,
        Path taxonomy, boolean noTaxonomy, String keepColumns, Loading.Match match, double threshold,
        String series, String period) {

    /** Sources from this size on are parsed while Neo4j starts. */
    public static final long LARGE_SOURCE_BYTES = 4L << 20;

    /**
     * A parsed source with the name of the data set it goes into.
     *
     * @param dataset the data set's name, checked
     * @param plan what will be written
     * @param snapshot the series and period it describes, or null
     * @param announce whether to say so after the load (not for the seed's built-in label)
     */
    public record Prepared(String dataset, LoadPlan plan, SeriesPeriod snapshot, boolean announce) {
    }

    public LoadRequest {
        if (keepColumns != null && csv == null) {
            throw new UsageException("--keep-columns goes with a CSV file of edges, not --seed or --matrix");
        }
        if ((processes != null || themes != null) && csv == null) {
            throw new UsageException("--processes and --themes go with a CSV file, not --seed or --matrix");
        }
        if (taxonomy != null && noTaxonomy) {
            throw new UsageException("--taxonomy and --no-taxonomy exclude each other");
        }
        if (match == Loading.Match.SUGGESTED && noTaxonomy) {
            throw new UsageException("--match suggested and --no-taxonomy exclude each other (suggestions need a"
                    + " taxonomy to match against)");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new UsageException("Value for `--threshold` was `" + threshold + "`, but must be within the range (0, 1]");
        }
        if (csv == null || period != null) {
            SeriesPeriod.of(series, period, seed); // checked now; a CSV's period column is checked when read
        } else if (series != null) {
            SeriesPeriod.requireSeries(series);
        }
    }

    /** @return whether the source is a file large enough to parse while Neo4j starts */
    public boolean large() {
        Path file = csv != null ? csv : matrix;
        try {
            return file != null && Files.size(file) >= LARGE_SOURCE_BYTES;
        } catch (IOException e) {
            return false; // the parser says what is wrong with the file
        }
    }

    /**
     * Reads the taxonomy, parses and checks the source and names the data set; nothing is written. Warns
     * on {@code err} of a file that a spreadsheet program seems to hold open.
     *
     * @throws UsageException when the name given or made from the file name is not a valid one
     */
    public List<Prepared> prepare(PrintWriter err) {
        Taxonomy tax = noTaxonomy ? Taxonomy.none() : taxonomy == null ? Taxonomy.builtIn() : Taxonomy.load(taxonomy);
        LoadPlan plan;
        String name;
        if (csv != null) {
            TwoModeCsvParser.KeepColumns keep = TwoModeCsvParser.KeepColumns.parse(keepColumns);
            TwoModeCsvParser.Snapshots snapshots = Loading.matchedSnapshots(t -> Loading.csvSnapshots(csv, processes,
                    themes, t, keep), tax, match, threshold, err);
            String base = csv.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            name = dataset != null ? dataset : Labels.slug(base);
            if (snapshots.byPeriod() != null) {
                return periods(name, snapshots.byPeriod(), err);
            }
            plan = snapshots.plan();
        } else {
            plan = Loading.matched(t -> Loading.matrixPlan(matrix, t), tax, match, threshold, err);
            name = dataset != null ? dataset : seed ? SeedMatrixParser.SEED_DATASET : plan.source().documentId();
        }
        if (dataset != null) {
            try {
                GraphWriter.requireValidName(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage().replace("`dataset`", "`--dataset`"), e);
            }
        } else if (!GraphWriter.isValidName(name)) {
            throw new UsageException("The data set name `" + name + "` made from the file name "
                    + (csv != null ? csv.getFileName() : matrix.getFileName())
                    + " is not one (1 to 64 letters, digits, `_`, `.` or `-`, starting with a letter or digit);"
                    + " give one with --dataset NAME");
        }
        warnOpenElsewhere(err);
        return List.of(new Prepared(name, plan, SeriesPeriod.of(series, period, seed), series != null));
    }

    /**
     * One data set per period of a CSV with a {@code period} column: {@code NAME-PERIOD}, each the snapshot
     * of that period in series {@code --series} (default: NAME).
     */
    private List<Prepared> periods(String name, java.util.SortedMap<String, LoadPlan> plans, PrintWriter err) {
        if (period != null) {
            throw new UsageException("--period names one period, but " + csv.getFileName() + " has a `period` column"
                    + " that gives each row's: leave --period out to load one data set per period");
        }
        List<Prepared> out = new java.util.ArrayList<>();
        SeriesPeriod.perPeriod(name, series, plans.keySet(), dataset != null ? "--dataset" : "the file name (give"
                + " another with --dataset NAME)").forEach((each, snapshot) -> out.add(new Prepared(each,
                        plans.get(snapshot.period()), snapshot, true)));
        warnOpenElsewhere(err);
        return out;
    }

    private void warnOpenElsewhere(PrintWriter err) {
        for (Path file : new Path[] {csv, matrix, processes, themes}) {
            openElsewhere(file).ifPresent(lock -> {
                err.println("warning: " + file + " seems to be open in a spreadsheet program (" + lock.getFileName()
                        + " is beside it): what is loaded is the file as last saved; save it first if you have"
                        + " edited it since");
                err.flush();
            });
        }
    }

    /**
     * @return the lock file a spreadsheet program keeps beside a file it has open: Excel's
     *     {@code ~$NAME}, LibreOffice's {@code .~lock.NAME#}
     */
    public static Optional<Path> openElsewhere(Path file) {
        if (file == null || file.getFileName() == null) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        // Excel shortens long names: the lock of "matriz-2002.xlsx" is "~$triz-2002.xlsx"
        for (String lock : new String[] {"~$" + name, "~$" + (name.length() > 2 ? name.substring(2) : name),
                ".~lock." + name + "#"}) {
            Path candidate = file.resolveSibling(lock);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
