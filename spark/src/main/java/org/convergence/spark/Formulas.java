package org.convergence.spark;

import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.convergence.engine.analysis.Significance;
import org.convergence.engine.analysis.SimilarityMetric;

/**
 * The engine's formulas as Spark functions: each calls the engine's own code ({@link SimilarityMetric},
 * {@link Significance}), so a score or p-value computed by the job is the engine's, bit for bit, in the same
 * JVM arithmetic. Nothing here restates a formula.
 */
final class Formulas {

    private Formulas() {
    }

    /** A similarity of a shared count and two theme counts. */
    static UDF3<Integer, Integer, Integer, Double> metric(SimilarityMetric metric) {
        return (s, a, b) -> metric.of(s, a, b);
    }

    /** Association strength {@code s·N / (|A|·|B|)} over a universe of N themes. */
    static UDF3<Integer, Integer, Integer, Double> associationStrength(long universe) {
        return (s, a, b) -> SimilarityMetric.associationStrength(s, a, b, universe);
    }

    /** Weighted Jaccard from {@code Σ min(w_at, w_bt)} and the two processes' weight sums. */
    static UDF3<Double, Double, Double, Double> weightedJaccard() {
        return SimilarityMetric::weightedJaccard;
    }

    /** {@code 1 / ln deg(t)}, a shared theme's term of Adamic–Adar, as {@code BipartiteGraph.sharedThemeSums}. */
    static UDF1<Integer, Double> adamicAdarTerm() {
        return degree -> 1.0 / Math.log(degree);
    }

    /** {@code 1 / deg(t)}, a shared theme's term of resource allocation. */
    static UDF1<Integer, Double> resourceAllocationTerm() {
        return degree -> 1.0 / degree;
    }

    /**
     * The hypergeometric upper tail of {@link Significance#upperTail}; each executor builds the table of
     * {@code ln k!} once, on first use.
     */
    static final class UpperTail implements UDF4<Integer, Integer, Integer, Long, Double> {
        private static final long serialVersionUID = 1L;
        private transient Significance significance;
        private transient long builtFor = -1;

        @Override
        public Double call(Integer shared, Integer sizeA, Integer sizeB, Long universe) {
            if (significance == null || builtFor != universe) {
                significance = new Significance(Math.toIntExact(universe));
                builtFor = universe;
            }
            return significance.upperTail(shared, sizeA, sizeB);
        }
    }
}
