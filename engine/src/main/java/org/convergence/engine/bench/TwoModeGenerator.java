package org.convergence.engine.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.convergence.engine.analysis.BipartiteGraph;

/**
 * Seeded generator of realistic two-mode data for benchmarks and property tests: each edge joins a
 * uniformly drawn process to a theme drawn with Zipf popularity {@code P(rank r) ∝ r^(−s)}, duplicates
 * are dropped until the requested number of distinct edges is reached. Theme ranks are shuffled over
 * theme ids. The same parameters always give the same graph.
 */
public final class TwoModeGenerator {

    /**
     * @param processes number of processes, at least 1
     * @param themes number of themes, at least 1
     * @param edges distinct edges wanted, at most processes × themes
     * @param zipf Zipf exponent s ≥ 0 (0 is uniform)
     * @param seed random seed
     */
    public record Parameters(int processes, int themes, int edges, double zipf, long seed) {
        public Parameters {
            if (processes < 1 || themes < 1) {
                throw new IllegalArgumentException("Values for `processes` (" + processes + ") and `themes` (" + themes
                        + ") must be within the range [1, 2147483647]");
            }
            if (edges < 0 || (long) edges > (long) processes * themes / 2) {
                throw new IllegalArgumentException("Value for `edges` was `" + edges + "`, but must be within the range"
                        + " [0, " + (long) processes * themes / 2 + "] (half of processes x themes)");
            }
            if (!(zipf >= 0) || zipf > 10) {
                throw new IllegalArgumentException("Value for `zipf` was `" + zipf + "`, but must be within the range [0, 10]");
            }
        }
    }

    private TwoModeGenerator() {
    }

    /** @return the generated graph (unweighted) */
    public static BipartiteGraph generate(Parameters p) {
        SplittableRandom random = new SplittableRandom(p.seed());
        double[] cdf = new double[p.themes()];
        double sum = 0;
        for (int r = 0; r < p.themes(); r++) {
            sum += Math.pow(r + 1, -p.zipf());
            cdf[r] = sum;
        }
        int[] themeOfRank = new int[p.themes()];
        for (int i = 0; i < themeOfRank.length; i++) {
            themeOfRank[i] = i;
        }
        for (int i = themeOfRank.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = themeOfRank[i];
            themeOfRank[i] = themeOfRank[j];
            themeOfRank[j] = x;
        }
        long[] keys = new long[p.edges()];
        java.util.HashSet<Long> seen = new java.util.HashSet<>(p.edges() * 2);
        int n = 0;
        while (n < p.edges()) {
            int process = random.nextInt(p.processes());
            int rank = Arrays.binarySearch(cdf, random.nextDouble() * sum);
            rank = rank >= 0 ? rank : Math.min(p.themes() - 1, -rank - 1);
            long key = ((long) process << 32) | themeOfRank[rank];
            if (seen.add(key)) {
                keys[n++] = key;
            }
        }
        Arrays.sort(keys);
        int[] ep = new int[n];
        int[] et = new int[n];
        for (int i = 0; i < n; i++) {
            ep[i] = (int) (keys[i] >>> 32);
            et[i] = (int) keys[i];
        }
        return BipartiteGraph.ofIndices(p.processes(), p.themes(), ep, et);
    }

    /** @return process index per edge, in row order (for writing the edge list to a reference tool) */
    public static int[][] edgeArrays(BipartiteGraph g) {
        int[] ep = new int[g.edgeCount()];
        int[] et = new int[g.edgeCount()];
        int e = 0;
        for (int a = 0; a < g.processCount(); a++) {
            for (int t : g.themesOf(a)) {
                ep[e] = a;
                et[e] = t;
                e++;
            }
        }
        return new int[][] {ep, et};
    }
}
