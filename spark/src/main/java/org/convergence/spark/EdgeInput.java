package org.convergence.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Reads and checks the job's edges, Parquet or CSV (a header line; {@code ,} between fields), before any
 * analysis runs: columns {@code process} and {@code theme} (required, never empty), {@code relation} and
 * {@code weight} (optional; a weight is a finite number above 0, as the engine's loader requires); other
 * columns are read past. Every problem names the input and the column.
 */
public final class EdgeInput {

    /** The formats read. */
    public enum Format {
        PARQUET, CSV;

        /** @return the format a path's name says ({@code .csv}, else Parquet: a file or a folder of parts) */
        static Format of(String path) {
            return path.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : PARQUET;
        }
    }

    /**
     * Checked edges.
     *
     * @param rows {@code process}, {@code theme} as text, {@code relation} as text when present, {@code weight}
     *     as a double when present
     * @param source the input, for messages
     * @param weighted whether there is a weight column
     * @param hasRelation whether there is a relation column
     */
    public record Edges(Dataset<Row> rows, String source, boolean weighted, boolean hasRelation) {
    }

    private EdgeInput() {
    }

    /**
     * @param path a Parquet file or folder, or a {@code .csv} file or folder
     * @param format the format, or null for the one the name says
     * @throws IllegalArgumentException naming the input and what is wrong with it
     */
    public static Edges read(SparkSession spark, String path, Format format) {
        Format f = format != null ? format : Format.of(path);
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
                throw new IllegalArgumentException("Input `" + path + "` does not exist");
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Cannot read input `" + path + "`: " + e.getMessage(), e);
        }
        Dataset<Row> raw;
        try {
            raw = f == Format.CSV ? spark.read().option("header", true).option("inferSchema", false)
                    .option("mode", "FAILFAST").csv(path) : spark.read().parquet(path);
        } catch (Exception e) {
            // Scala's exceptions are unchecked to Java: AnalysisException (unreadable files) is a checked one
            // thrown undeclared, so it is caught as Exception
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw new IllegalArgumentException("Cannot read " + f.name().toLowerCase(Locale.ROOT) + " input `" + path
                    + "`: " + (message.contains("PATH_NOT_FOUND") || message.contains("does not exist")
                            ? "it does not exist" : message.lines().findFirst().orElse(message)), e);
        }
        List<String> columns = Arrays.asList(raw.columns());
        for (String required : List.of("process", "theme")) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException("Input `" + path + "` has no column `" + required + "`; its columns: "
                        + (columns.isEmpty() ? "none" : String.join(", ", columns)) + " (needed: process, theme;"
                        + " optional: relation, weight)");
            }
        }
        boolean weighted = columns.contains("weight");
        boolean hasRelation = columns.contains("relation");
        Dataset<Row> rows = raw.select(textOf("process"), textOf("theme"),
                hasRelation ? textOf("relation") : lit(null).cast(DataTypes.StringType).as("relation"),
                // a weight that is no number reads as null (then refused below), not as a failed task
                weighted ? expr("try_cast(weight AS DOUBLE)").as("weight") : lit(1.0).as("weight"),
                weighted ? col("weight").cast(DataTypes.StringType).as("weightText") : lit(null).as("weightText"));
        // one pass counts every problem: empty ids, and weights that are not finite numbers above 0
        Column badWeight = col("weight").isNull().or(col("weight").isNaN()).or(col("weight").leq(0))
                .or(col("weight").equalTo(Double.POSITIVE_INFINITY));
        Row check = rows.agg(count(lit(1)).as("rows"),
                sum(when(col("process").isNull().or(col("process").equalTo("")), 1).otherwise(0)).as("noProcess"),
                sum(when(col("theme").isNull().or(col("theme").equalTo("")), 1).otherwise(0)).as("noTheme"),
                sum(when(badWeight, 1).otherwise(0)).as("badWeights"),
                first(when(badWeight, col("weightText")), true).as("badExample")).first();
        if (check.getLong(0) == 0) {
            throw new IllegalArgumentException("Input `" + path + "` holds no rows");
        }
        for (int k = 1; k <= 2; k++) {
            long empty = check.isNullAt(k) ? 0 : check.getLong(k);
            if (empty > 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "Input `%s`: column `%s` is empty in %,d"
                        + " row(s)", path, k == 1 ? "process" : "theme", empty));
            }
        }
        long bad = check.isNullAt(3) ? 0 : check.getLong(3);
        if (weighted && bad > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Input `%s`: column `weight` holds %,d"
                    + " value(s) that are not a finite number above 0, e.g. `%s`", path, bad,
                    check.isNullAt(4) ? "" : check.getString(4)));
        }
        return new Edges(rows.drop("weightText"), path, weighted, hasRelation);
    }

    private static Column textOf(String column) {
        return trim(col(column).cast(DataTypes.StringType)).as(column);
    }
}
