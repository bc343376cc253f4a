package org.convergence.engine.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The similarity used to rank top-k neighbours, build the process projection and recommend themes. */
public enum SimilarityMetric {
    JACCARD, OVERLAP, COSINE, DICE, SHARED;

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
            case JACCARD -> (double) shared / (sizeA + sizeB - shared);
            case OVERLAP -> (double) shared / Math.min(sizeA, sizeB);
            case COSINE -> shared / Math.sqrt((double) sizeA * sizeB);
            case DICE -> 2.0 * shared / (sizeA + sizeB);
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
