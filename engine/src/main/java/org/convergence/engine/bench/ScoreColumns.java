package org.convergence.engine.bench;

import org.convergence.engine.analysis.BipartiteGraph;
import org.convergence.engine.analysis.OverlapPairs;
import org.convergence.engine.analysis.SimilarityMetric;

/**
 * Jaccard, overlap, cosine and Dice of every pair stored as four double columns, as SciPy's reference
 * computes a score for every pair. Only the benchmark needs them: {@code analyze} derives each score on
 * access from the shared count and the two degrees ({@link OverlapPairs#pair(int, int)}), through the same
 * {@link SimilarityMetric} formulas, so the columns equal the derived scores to the last bit. Time
 * {@code O(pairs)}, memory 32 bytes per pair.
 */
public final class ScoreColumns {

    private ScoreColumns() {
    }

    /** @return the Jaccard, overlap, cosine and Dice columns, in the pairs' order */
    public static double[][] of(OverlapPairs pairs) {
        BipartiteGraph g = pairs.graph();
        int n = pairs.size();
        double[] jaccard = new double[n];
        double[] overlap = new double[n];
        double[] cosine = new double[n];
        double[] dice = new double[n];
        for (int a = 0; a < g.processCount(); a++) {
            double da = g.processDegree(a);
            for (int i = pairs.rowStart(a); i < pairs.rowEnd(a); i++) {
                double c = pairs.shared(i);
                double db = g.processDegree(pairs.b(i));
                jaccard[i] = SimilarityMetric.jaccard(c, da, db);
                overlap[i] = SimilarityMetric.overlap(c, da, db);
                cosine[i] = SimilarityMetric.cosine(c, da, db);
                dice[i] = SimilarityMetric.dice(c, da, db);
            }
        }
        return new double[][] {jaccard, overlap, cosine, dice};
    }
}
