package org.convergence.spark;

import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.convergence.engine.analysis.SimilarityMetric;

/**
 * The engine's overlap analysis ({@code analyze}'s pairs, {@code OverlapAnalysis}) as a Spark job over an
 * edge table {@code (process, theme[, weight])}: for every pair of processes sharing at least {@code minShared}
 * themes (or, with {@code topK}, each process's {@code topK} most similar by {@code metric}, as the engine's
 * top-k: ties to the lower process id, a pair in either list reported once), the shared count, Jaccard,
 * overlap, cosine, Dice, weighted Jaccard (weighted input only), Adamic–Adar, resource allocation and
 * association strength, the hypergeometric p and the Benjamini–Hochberg q over all {@code P(P−1)/2} pairs.
 * Every formula is the engine's own code ({@link Formulas}); sums over shared themes are taken in theme order,
 * as the engine takes them, so scores are equal bit for bit.
 *
 * <p>Edges: parallel rows of a process and theme are one edge with the largest weight, as in the engine's
 * graph. <b>The skew rule.</b> A pair is found through each theme both processes address, by a self-join of
 * the edges on the theme. A theme addressed by {@code d} processes is split into {@code ⌈d / blockSize⌉}
 * blocks (by a hash of the process id); the join key is (theme, block i, block j) for {@code i ≤ j}, and each
 * edge is sent to the {@code ⌈d / blockSize⌉} keys of its block. So no task receives more than about
 * {@code 2·blockSize} edges of one theme or produces more than about {@code blockSize²} of its pairs,
 * whatever {@code d}; the cost is that each edge of a split theme is shuffled {@code ⌈d / blockSize⌉} times
 * instead of once: {@code Σ_t d_t·⌈d_t / blockSize⌉} rows instead of {@code Σ_t d_t}, against
 * {@code Σ_t d_t(d_t − 1)/2} pair rows that every exact method produces anyway.
 *
 * <p>The q-values need each p-value's rank among all listed pairs: the pairs are sorted by p (a range
 * partitioning, not one partition), numbered, and the step-up minimum {@code min_{j ≥ i} p_(j)·m/j} is a
 * running minimum over the descending order, carried from partition to partition ({@link
 * BenjaminiHochberg}).
 */
public final class OverlapJob {

    /**
     * What the job computes.
     *
     * @param minShared smallest shared count listed, at least 1
     * @param topK 0 for every pair, else each process's {@code topK} most similar
     * @param metric what ranks top-k neighbours
     * @param blockSize processes of one theme per block of the self-join, at least 2
     * @param relations relation kinds read, or empty for all (needs a {@code relation} column)
     * @param sharedThemes whether the pairs also list their shared themes ({@code sharedThemes}, ids in theme
     *     order), as a run stored in Neo4j holds them
     */
    public record Parameters(int minShared, int topK, SimilarityMetric metric, int blockSize, List<String> relations,
            boolean sharedThemes) {
        /** Default processes per block of a split theme. */
        public static final int DEFAULT_BLOCK_SIZE = 2_000;

        public Parameters {
            if (minShared < 1) {
                throw new IllegalArgumentException("Value for `--min-shared` was `" + minShared + "`, but must be within"
                        + " the range [1, 2147483647]");
            }
            if (topK < 0) {
                throw new IllegalArgumentException("Value for `--top-k` was `" + topK + "`, but must be within the"
                        + " range [0, 2147483647]");
            }
            if (blockSize < 2) {
                throw new IllegalArgumentException("Value for `--block-size` was `" + blockSize + "`, but must be within"
                        + " the range [2, 2147483647]");
            }
            relations = relations == null ? List.of() : List.copyOf(relations);
        }

        /** @return these parameters with the pairs' shared themes listed or not */
        public Parameters withSharedThemes(boolean listed) {
            return new Parameters(minShared, topK, metric, blockSize, relations, listed);
        }
    }

    /**
     * What the job produced.
     *
     * @param pairs the listed pairs: {@code a, b, shared[, sharedThemes], jaccard, overlap, cosine, dice[, weightedJaccard],
     *     adamicAdar, resourceAllocation, associationStrength, p, q}, {@code a < b}
     * @param processes P
     * @param themes N, the theme universe of the p-values
     * @param family m, the number of hypotheses the q-values are adjusted over
     * @param weighted whether the edges carried weights
     */
    public record Result(Dataset<Row> pairs, long processes, long themes, long family, boolean weighted) {
    }

    private OverlapJob() {
    }

    /**
     * Runs the analysis on checked edges ({@link EdgeInput#read}).
     *
     * @param edges columns {@code process}, {@code theme} and, when weighted, {@code weight} (finite, above 0)
     */
    public static Result run(SparkSession spark, EdgeInput.Edges edges, Parameters p) {
        Dataset<Row> rows = selected(edges, p.relations());
        boolean weighted = edges.weighted();
        Dataset<Row> e = rows.select(col("process"), col("theme"),
                        weighted ? col("weight") : lit(1.0).as("weight"))
                .groupBy("process", "theme").agg(max("weight").as("w"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        // per process: theme count and weight sum, summed in theme order as the engine sums it
        Dataset<Row> processes = e.groupBy("process").agg(count(lit(1)).cast(DataTypes.IntegerType).as("deg"),
                        expr("aggregate(array_sort(collect_list(struct(theme, w))), 0D, (acc, x) -> acc + x.w)")
                                .as("W"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        register(spark);
        Dataset<Row> themes = e.groupBy("theme").agg(count(lit(1)).cast(DataTypes.IntegerType).as("tdeg"))
                .withColumn("aa", call_udf("cv_aa_term", col("tdeg")))
                .withColumn("ra", call_udf("cv_ra_term", col("tdeg")))
                .withColumn("nb", expr("CAST(ceil(tdeg / " + p.blockSize() + ") AS INT)"));
        long processCount = processes.count();
        long themeCount = themes.count();
        if (processCount == 0) {
            throw new IllegalArgumentException(edges.source() + " holds no edges" + (p.relations().isEmpty() ? ""
                    : " of the relations " + String.join(", ", p.relations())));
        }
        // the self-join on themes, a split theme's blocks paired (i ≤ j)
        Dataset<Row> blocked = e.join(themes, "theme")
                .withColumn("blk", pmod(xxhash64(col("process")), col("nb").cast(DataTypes.LongType))
                        .cast(DataTypes.IntegerType));
        Dataset<Row> lo = blocked.withColumn("j", explode(sequence(col("blk"), col("nb").minus(1))))
                .select(col("theme"), col("blk").as("i"), col("j"), col("process").as("pl"), col("w").as("wl"),
                        col("aa"), col("ra"));
        Dataset<Row> hi = blocked.withColumn("i", explode(sequence(lit(0), col("blk"))))
                .select(col("theme"), col("i"), col("blk").as("j"), col("process").as("ph"), col("w").as("wh"));
        Dataset<Row> occurrences = lo.join(hi, scala.jdk.javaapi.CollectionConverters.asScala(
                        List.of("theme", "i", "j")).toSeq())
                .where(col("i").lt(col("j")).or(col("pl").lt(col("ph"))))
                .select(least(col("pl"), col("ph")).as("a"), greatest(col("pl"), col("ph")).as("b"), col("theme"),
                        least(col("wl"), col("wh")).as("minw"), col("aa"), col("ra"));
        // the pair's shared themes in theme order: the sums are taken in it, as the engine takes them
        Dataset<Row> shared = occurrences.groupBy("a", "b")
                .agg(count(lit(1)).cast(DataTypes.IntegerType).as("shared"),
                        expr("array_sort(collect_list(struct(theme, minw, aa, ra)))").as("occ"))
                .where(col("shared").geq(p.minShared()))
                .withColumn("sums", expr("aggregate(occ, named_struct('m', 0D, 'aa', 0D, 'ra', 0D),"
                        + " (acc, x) -> named_struct('m', acc.m + x.minw, 'aa', acc.aa + x.aa, 'ra', acc.ra + x.ra))"));
        Dataset<Row> scored = shared
                .join(processes.select(col("process").as("a"), col("deg").as("da"), col("W").as("wa")), "a")
                .join(processes.select(col("process").as("b"), col("deg").as("db"), col("W").as("wb")), "b");
        if (p.topK() > 0) {
            scored = topK(scored, p);
        }
        List<Column> out = new ArrayList<>(List.of(col("a"), col("b"), col("shared")));
        if (p.sharedThemes()) {
            out.add(expr("transform(occ, x -> x.theme)").as("sharedThemes"));
        }
        out.addAll(List.of(
                score(SimilarityMetric.JACCARD).as("jaccard"), score(SimilarityMetric.OVERLAP).as("overlap"),
                score(SimilarityMetric.COSINE).as("cosine"), score(SimilarityMetric.DICE).as("dice")));
        if (weighted) {
            out.add(call_udf("cv_weighted_jaccard", col("sums.m"), col("wa"), col("wb")).as("weightedJaccard"));
        }
        out.add(col("sums.aa").as("adamicAdar"));
        out.add(col("sums.ra").as("resourceAllocation"));
        out.add(call_udf("cv_association", col("shared"), col("da"), col("db"), lit(themeCount))
                .as("associationStrength"));
        out.add(call_udf("cv_upper_tail", col("shared"), col("da"), col("db"), lit(themeCount)).as("p"));
        Dataset<Row> listed = scored.select(out.toArray(Column[]::new));
        long family = Math.max(0, processCount * (processCount - 1) / 2);
        Dataset<Row> pairs = BenjaminiHochberg.adjust(spark, listed, "p", "q", family);
        return new Result(pairs, processCount, themeCount, family, weighted);
    }

    /**
     * @param relations relation kinds, or empty for all
     * @return the edges of those kinds, the ones an analysis reads
     * @throws IllegalArgumentException if kinds are asked for and the edges have no {@code relation} column
     */
    static Dataset<Row> selected(EdgeInput.Edges edges, List<String> relations) {
        if (relations.isEmpty()) {
            return edges.rows();
        }
        if (!edges.hasRelation()) {
            throw new IllegalArgumentException("--relations needs a `relation` column, which " + edges.source()
                    + " does not have");
        }
        return edges.rows().where(col("relation").isin(relations.toArray()));
    }

    private static Column score(SimilarityMetric metric) {
        return call_udf("cv_" + metric.name().toLowerCase(java.util.Locale.ROOT), col("shared"), col("da"), col("db"));
    }

    /**
     * Each process's {@code topK} most similar processes by the metric, ties to the lower id (the engine's
     * lower index: its indexes follow the ids' order), the union of all lists, each pair once.
     */
    private static Dataset<Row> topK(Dataset<Row> scored, Parameters p) {
        Dataset<Row> withScore = scored.withColumn("score", score(p.metric()));
        Dataset<Row> directed = withScore.select(col("a").as("x"), col("b").as("y"), col("score"))
                .unionByName(withScore.select(col("b").as("x"), col("a").as("y"), col("score")));
        Dataset<Row> kept = directed
                .withColumn("rank", row_number().over(Window.partitionBy("x").orderBy(col("score").desc(), col("y"))))
                .where(col("rank").leq(p.topK()))
                .select(least(col("x"), col("y")).as("a"), greatest(col("x"), col("y")).as("b"))
                .distinct();
        return scored.join(kept, scala.jdk.javaapi.CollectionConverters.asScala(List.of("a", "b")).toSeq());
    }

    /** Registers the engine's formulas under {@code cv_*} names (once per session; registering again replaces). */
    static void register(SparkSession spark) {
        for (SimilarityMetric m : List.of(SimilarityMetric.JACCARD, SimilarityMetric.OVERLAP, SimilarityMetric.COSINE,
                SimilarityMetric.DICE, SimilarityMetric.SHARED)) {
            spark.udf().register("cv_" + m.name().toLowerCase(java.util.Locale.ROOT), Formulas.metric(m),
                    DataTypes.DoubleType);
        }
        spark.udf().register("cv_weighted_jaccard", Formulas.weightedJaccard(), DataTypes.DoubleType);
        spark.udf().register("cv_aa_term", Formulas.adamicAdarTerm(), DataTypes.DoubleType);
        spark.udf().register("cv_ra_term", Formulas.resourceAllocationTerm(), DataTypes.DoubleType);
        spark.udf().register("cv_association", (org.apache.spark.sql.api.java.UDF4<Integer, Integer, Integer, Long,
                Double>) (s, a, b, n) -> Formulas.associationStrength(n).call(s, a, b), DataTypes.DoubleType);
        spark.udf().register("cv_upper_tail", new Formulas.UpperTail(), DataTypes.DoubleType);
    }
}
