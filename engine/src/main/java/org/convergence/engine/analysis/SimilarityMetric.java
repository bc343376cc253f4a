package org.convergence.engine.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The similarity of two processes from the themes they share: the one place where Jaccard, overlap,
 * cosine and Dice are computed. Everything that scores a pair (the kernel's stored columns, the pairs'
 * fields in every output, the ranking, top-k, the projection, paths and recommendations) calls the static
 * formulas below or {@link #of(int, int, int)}.
 *
 * <p>With {@code s} shared themes and {@code |A|}, {@code |B|} the two theme counts (Zhou, Lü &amp; Zhang
 * 2009, "Predicting missing links via local information", Eur. Phys. J. B 71; as JGraphT's
 * {@code org.jgrapht.alg.linkprediction} indexes and Neo4j GDS node similarity define them):
 * <ul>
 * <li>{@link #JACCARD}: {@code s / (|A| + |B| − s)};</li>
 * <li>{@link #OVERLAP}: {@code s / min(|A|, |B|)} (JGraphT's hub-promoted index);</li>
 * <li>{@link #COSINE} (Salton): {@code s / √(|A|·|B|)};</li>
 * <li>{@link #DICE} (Sørensen): {@code 2s / (|A| + |B|)};</li>
 * <li>{@link #SHARED}: {@code s} itself (not a similarity in [0, 1]).</li>
 * </ul>
 * Counts are passed as doubles: every count is an integer far below 2⁵³, so the arithmetic is exact up to
 * the final division and a score is the same bit for bit wherever it is computed.
 */
public enum SimilarityMetric {
    JACCARD, OVERLAP, COSINE, DICE, SHARED;

    /** @return Jaccard {@code s / (|A| + |B| − s)} */
    public static double jaccard(double shared, double sizeA, double sizeB) {
        return shared / (sizeA + sizeB - shared);
    }

    /** @return the overlap coefficient {@code s / min(|A|, |B|)} */
    public static double overlap(double shared, double sizeA, double sizeB) {
        return shared / Math.min(sizeA, sizeB);
    }

    /** @return cosine (Salton) {@code s / √(|A|·|B|)} */
    public static double cosine(double shared, double sizeA, double sizeB) {
        return shared / Math.sqrt(sizeA * sizeB);
    }

    /** @return Dice (Sørensen) {@code 2s / (|A| + |B|)} */
    public static double dice(double shared, double sizeA, double sizeB) {
        return 2.0 * shared / (sizeA + sizeB);
    }

    /**
     * @param universe the number of themes N
     * @return association strength {@code s·N / (|A|·|B|)}, observed over expected co-occurrence: the
     *     probabilistic affinity index VOSviewer normalises with (van Eck &amp; Waltman 2009, JASIST 60(8))
     */
    public static double associationStrength(double shared, double sizeA, double sizeB, double universe) {
        return shared * universe / (sizeA * sizeB);
    }

    /**
     * @param sumMin {@code Σ_t min(w_at, w_bt)} over the shared themes
     * @param weightA {@code W_A}, the sum of the first process's edge weights
     * @param weightB {@code W_B}, the second's
     * @return weighted Jaccard {@code Σmin / Σmax = Σmin / (W_A + W_B − Σmin)}, as Neo4j GDS node similarity
     */
    public static double weightedJaccard(double sumMin, double weightA, double weightB) {
        return sumMin / (weightA + weightB - sumMin);
    }

    /** @return the metric's value for one pair */
    public double of(OverlapPairs.Pair p) {
        return switch (this) {
            case JACCARD -> p.jaccard();
            case OVERLAP -> p.overlap();
            case COSINE -> p.cosine();
            case DICE -> p.dice();
            case SHARED -> p.shared();
        };
    }

    /** @return the metric's value from a shared count and the two theme counts */
    public double of(int shared, int sizeA, int sizeB) {
        return switch (this) {
            case JACCARD -> jaccard(shared, sizeA, sizeB);
            case OVERLAP -> overlap(shared, sizeA, sizeB);
            case COSINE -> cosine(shared, sizeA, sizeB);
            case DICE -> dice(shared, sizeA, sizeB);
            case SHARED -> shared;
        };
    }

    /** Parses a name case-insensitively, naming the allowed values on failure. */
    public static SimilarityMetric parse(String key, String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Value for `" + key + "` was `" + value + "`, but must be one of "
                    + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")), e);
        }
    }
}
