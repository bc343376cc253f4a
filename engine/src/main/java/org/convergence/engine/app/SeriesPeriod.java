package org.convergence.engine.app;

import java.util.regex.Pattern;
import org.convergence.loader.neo4j.GraphWriter;

/**
 * Which series a data set is a snapshot of, and which period it describes ({@code load --series S --period P};
 * a job's data set keys {@code series} and {@code period}). Periods are ISO dates of one precision, a year
 * ({@code 2002}), a month ({@code 2010-10}) or a day, so that sorting them as text sorts them in time.
 *
 * @param series the series, named as a data set is
 * @param period the period
 * @throws UsageException naming the option, its value and the allowed form
 */
public record SeriesPeriod(String series, String period) {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?");

    /** The built-in seed: the 2002 Antigua matrix, the first snapshot of series {@code americas}. */
    public static final SeriesPeriod SEED = new SeriesPeriod("americas", "2002");

    public SeriesPeriod {
        requireSeries(series);
        if (problem(period) != null) {
            throw new UsageException("Value for `--period` was `" + period + "`, but " + problem(period));
        }
    }

    /**
     * The data sets a source of several periods (a long CSV's {@code period} column) loads into: one per
     * period, named {@code NAME-PERIOD}, each that period of {@code series} (default: NAME).
     *
     * @param periods the periods, in order
     * @param from how the name was given, for the message when a made name cannot be one (e.g. "--dataset")
     * @return the snapshots by data set name, in period order
     * @throws UsageException naming a made name that is not a data set name, and where it came from
     */
    public static java.util.LinkedHashMap<String, SeriesPeriod> perPeriod(String name, String series,
            java.util.Collection<String> periods, String from) {
        java.util.LinkedHashMap<String, SeriesPeriod> out = new java.util.LinkedHashMap<>();
        for (String period : periods) {
            String each = name + "-" + period;
            if (!GraphWriter.isValidName(each)) {
                throw new UsageException("The data set name `" + each + "` made from " + from + " and period " + period
                        + " is not one (1 to 64 letters, digits, `_`, `.` or `-`, starting with a letter or digit);"
                        + " give a shorter name");
            }
            out.put(each, new SeriesPeriod(series != null ? series : name, period));
        }
        return out;
    }

    /** @throws UsageException when the name cannot be a series' */
    public static void requireSeries(String series) {
        if (!GraphWriter.isValidName(series)) {
            throw new UsageException("Value for `--series` was `" + series + "`, but must be 1 to 64 letters, digits,"
                    + " `_`, `.` or `-`, starting with a letter or digit");
        }
    }

    /** @return what is wrong with a period, or null when it is one */
    public static String problem(String period) {
        return period != null && PERIOD.matcher(period).matches() ? null : "a period must be a year (2002), a month"
                + " (2010-10) or a day (2002-05-28), so that periods sort in time";
    }

    /**
     * @param series the series given, or null
     * @param period the period given, or null
     * @param seed whether the source is the built-in seed (then both default to {@link #SEED})
     * @return the snapshot label, or null when the data set is none
     * @throws UsageException when only one of the two is given, or either is malformed
     */
    public static SeriesPeriod of(String series, String period, boolean seed) {
        if (series == null && period == null) {
            return seed ? SEED : null;
        }
        if (series == null || period == null) {
            throw new UsageException("--series and --period go together: a snapshot belongs to a series and"
                    + " describes a period (a long CSV with a `period` column takes --series alone)");
        }
        return new SeriesPeriod(series, period);
    }
}
