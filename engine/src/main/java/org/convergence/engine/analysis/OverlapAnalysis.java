package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Overlap scores of converging process pairs with their significance: every pair sharing at least
 * {@code minShared} themes ({@link OverlapKernel}), or, with {@code topK > 0}, each process's
 * {@code topK} most similar processes by {@code metric} ({@link TopKOverlap}, which never holds all
 * pairs). p-values are hypergeometric upper tails over the theme universe ({@link Significance}),
 * q-values Benjamini–Hochberg adjusted over all {@code P(P−1)/2} process pairs.
 */
public final class OverlapAnalysis {

    /**
     * Parameters.
     *
     * @param minShared smallest shared count listed, at least 1
     * @param topK 0 for all pairs, else the number of most similar processes kept per process
     * @param metric similarity that ranks top-k neighbours
     * @param threads worker threads
     */
    public record Parameters(int minShared, int topK, SimilarityMetric metric, int threads) {
        public Parameters {
            if (minShared < 1) {
                throw new IllegalArgumentException("Value for `minShared` was `" + minShared
                        + "`, but must be within the range [1, 2147483647]");
            }
            if (topK < 0) {
                throw new IllegalArgumentException("Value for `topK` was `" + topK
                        + "`, but must be within the range [0, 2147483647] (0 lists all pairs)");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("Value for `threads` was `" + threads
                        + "`, but must be within the range [1, 1024]");
            }
        }

        /** @return all pairs sharing a theme, ranked by Jaccard, one thread per core */
        public static Parameters defaults() {
            return new Parameters(1, 0, SimilarityMetric.JACCARD, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * A converging pair with its scores and significance.
     *
     * @param scores all similarity scores
     * @param pValue hypergeometric {@code P(X ≥ shared)}
     * @param qValue Benjamini–Hochberg adjusted p-value
     */
    public record ScoredPair(OverlapPairs.Pair scores, double pValue, double qValue) {

        /**
         * The pair's scores by name, in a fixed order: {@code shared}, {@code sharedThemes} (ids),
         * {@code jaccard}, {@code overlap}, {@code cosine}, {@code dice}, {@code weightedJaccard} (only for
         * weighted graphs), {@code adamicAdar}, {@code resourceAllocation}, {@code associationStrength},
         * {@code pValue}, {@code qValue}. The one definition of what a converging pair reports, in JSON as in Neo4j.
         *
         * @param graph the graph the pair comes from
         * @return a new mutable map
         */
        public java.util.Map<String, Object> properties(BipartiteGraph graph) {
            java.util.Map<String, Object> props = new java.util.LinkedHashMap<>();
            props.put("shared", scores.shared());
            List<String> themes = new ArrayList<>();
            for (int t : sharedThemes(graph, scores.a(), scores.b())) {
                themes.add(graph.theme(t));
            }
            props.put("sharedThemes", themes);
            props.put("jaccard", scores.jaccard());
            props.put("overlap", scores.overlap());
            props.put("cosine", scores.cosine());
            props.put("dice", scores.dice());
            if (!Double.isNaN(scores.weightedJaccard())) {
                props.put("weightedJaccard", scores.weightedJaccard());
            }
            props.put("adamicAdar", scores.adamicAdar());
            props.put("resourceAllocation", scores.resourceAllocation());
            props.put("associationStrength", scores.associationStrength());
            props.put("pValue", pValue);
            props.put("qValue", qValue);
            return props;
        }
    }

    /**
     * The result.
     *
     * @param pairs pairs sorted by descending Jaccard, then ids
     * @param family number of hypotheses the q-values are adjusted over
     */
    public record Result(List<ScoredPair> pairs, long family) {
    }

    private OverlapAnalysis() {
    }

    /** Runs the analysis. */
    public static Result run(BipartiteGraph graph, Parameters parameters) {
        return run(graph, parameters, percent -> { });
    }

    /** Runs the analysis, reporting the all-pairs pass in percent. */
    public static Result run(BipartiteGraph graph, Parameters parameters, java.util.function.IntConsumer progress) {
        OverlapPairs pairs = parameters.topK() > 0
                ? TopKOverlap.compute(graph, parameters.topK(), parameters.metric(), parameters.minShared(),
                        parameters.threads())
                : OverlapKernel.compute(graph, new OverlapKernel.Parameters(parameters.minShared(),
                        parameters.threads(), true), progress);
        long n = graph.processCount();
        long family = Math.max(pairs.size(), n * (n - 1) / 2);
        Significance.Tested tested = new Significance(Math.max(1, graph.themeCount())).testAll(pairs, family);
        List<ScoredPair> scored = new ArrayList<>(pairs.size());
        for (int a = 0; a < graph.processCount(); a++) {
            for (int i = pairs.rowStart(a), end = pairs.rowEnd(a); i < end; i++) {
                scored.add(new ScoredPair(pairs.pair(a, i), tested.p(i), tested.q(i)));
            }
        }
        scored.sort(Comparator.comparingDouble((ScoredPair s) -> -s.scores().jaccard())
                .thenComparingInt(s -> s.scores().a()).thenComparingInt(s -> s.scores().b()));
        return new Result(List.copyOf(scored), family);
    }

    /** @return the sorted theme indices two processes share */
    public static int[] sharedThemes(BipartiteGraph graph, int a, int b) {
        int[] x = graph.themesOf(a);
        int[] y = graph.themesOf(b);
        int[] out = new int[Math.min(x.length, y.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                out[n++] = x[i];
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
