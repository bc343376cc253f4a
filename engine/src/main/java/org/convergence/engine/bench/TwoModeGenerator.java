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

    /** Draws themes with the Zipf popularity of a corpus' parameters, over the same shuffled ranks. */
    private static final class Themes {
        private final double[] cdf;
        private final int[] themeOfRank;
        private final double sum;

        /** Consumes the shuffle of theme ranks from {@code random}, as {@link #generate} always has. */
        Themes(Parameters p, SplittableRandom random) {
            cdf = new double[p.themes()];
            double s = 0;
            for (int r = 0; r < p.themes(); r++) {
                s += Math.pow(r + 1, -p.zipf());
                cdf[r] = s;
            }
            sum = s;
            themeOfRank = shuffled(p.themes(), random);
        }

        int draw(SplittableRandom random) {
            int rank = Arrays.binarySearch(cdf, random.nextDouble() * sum);
            rank = rank >= 0 ? rank : Math.min(cdf.length - 1, -rank - 1);
            return themeOfRank[rank];
        }
    }

    /** @return the generated graph (unweighted) */
    public static BipartiteGraph generate(Parameters p) {
        SplittableRandom random = new SplittableRandom(p.seed());
        Themes themes = new Themes(p, random);
        long[] keys = new long[p.edges()];
        java.util.HashSet<Long> seen = new java.util.HashSet<>(p.edges() * 2);
        int n = 0;
        while (n < p.edges()) {
            int process = random.nextInt(p.processes());
            long key = ((long) process << 32) | themes.draw(random);
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

    /**
     * How a later snapshot of a corpus differs from it ({@code benchmark --perturbed}).
     *
     * @param movedEdges share of the surviving processes' edges given another theme, in [0, 1]
     * @param processChurn share of the processes changed, in [0, 1]: half of them removed (with their edges),
     *     as many new ones added
     * @param seed random seed of the changes
     */
    public record Perturbation(double movedEdges, double processChurn, long seed) {
        public Perturbation {
            if (!(movedEdges >= 0 && movedEdges <= 1)) {
                throw new IllegalArgumentException("Value for `movedEdges` was `" + movedEdges + "`, but must be within"
                        + " the range [0, 1]");
            }
            if (!(processChurn >= 0 && processChurn <= 1)) {
                throw new IllegalArgumentException("Value for `processChurn` was `" + processChurn + "`, but must be"
                        + " within the range [0, 1]");
            }
        }
    }

    /**
     * A perturbed copy of a corpus: edges as two columns over process ids (the corpus' own, then new ones)
     * and the corpus' theme indices, sorted by process then theme, distinct.
     *
     * @param processIds every process id the edges name, by index
     * @param edgeProcess process index per edge
     * @param edgeTheme theme index (of the corpus) per edge
     * @param removed processes removed
     * @param added processes added
     * @param moved edges given another theme
     */
    public record Perturbed(String[] processIds, int[] edgeProcess, int[] edgeTheme, int removed, int added,
            int moved) {
    }

    /**
     * Perturbs a generated corpus: removes {@code round(churn/2 × processes)} processes drawn at random with
     * their edges; gives {@code round(moved × remaining edges)} edges drawn at random (without replacement) a
     * new theme, drawn with the corpus' Zipf popularity, that their process did not address (an edge of a
     * process addressing more than half the themes stays); adds as many
     * processes as were removed, each with the degree of a surviving process drawn at random and themes drawn
     * likewise. New process ids continue the corpus' ({@code p20000}, ... for 20,000 processes). The same
     * corpus, parameters and perturbation always give the same copy.
     *
     * @param g the corpus, as {@link #generate} made it from {@code p}
     */
    public static Perturbed perturb(BipartiteGraph g, Parameters p, Perturbation change) {
        Themes themes = new Themes(p, new SplittableRandom(p.seed())); // the corpus' popularity, replayed
        SplittableRandom random = new SplittableRandom(change.seed());
        int processes = g.processCount();
        int gone = (int) Math.round(change.processChurn() / 2 * processes);
        boolean[] removed = new boolean[processes];
        int[] order = shuffled(processes, random);
        for (int i = 0; i < gone; i++) {
            removed[order[i]] = true;
        }
        // the surviving edges as keys, and which of them move
        int surviving = 0;
        for (int a = 0; a < processes; a++) {
            surviving += removed[a] ? 0 : g.processDegree(a);
        }
        long[] keys = new long[surviving];
        int n = 0;
        for (int a = 0; a < processes; a++) {
            if (!removed[a]) {
                for (int t : g.themesOf(a)) {
                    keys[n++] = ((long) a << 32) | t;
                }
            }
        }
        // fastutil's sets mix the bits of a key: a boxed Long's hash (process ^ theme) collides for these keys
        it.unimi.dsi.fastutil.longs.LongOpenHashSet present = new it.unimi.dsi.fastutil.longs.LongOpenHashSet(keys);
        it.unimi.dsi.fastutil.longs.LongOpenHashSet original = new it.unimi.dsi.fastutil.longs.LongOpenHashSet(keys);
        int moving = (int) Math.round(change.movedEdges() * surviving);
        int[] pick = shuffled(surviving, random);
        int moved = 0;
        for (int i = 0; i < moving; i++) {
            long old = keys[pick[i]];
            int a = (int) (old >>> 32);
            if (2 * g.processDegree(a) > p.themes()) {
                continue; // addresses most themes: too few new ones to move to
            }
            long key;
            do {
                key = ((long) a << 32) | themes.draw(random);
            } while (present.contains(key) || original.contains(key)); // a theme new to the process
            present.remove(old);
            present.add(key);
            keys[pick[i]] = key;
            moved++;
        }
        // new processes, each as connected as a surviving one
        int[] survivors = java.util.stream.IntStream.range(0, processes).filter(a -> !removed[a]).toArray();
        int extra = survivors.length == 0 ? 0 : gone;
        long[] all = Arrays.copyOf(keys, keys.length + extra * Math.max(1, g.maxProcessDegree()));
        int m = keys.length;
        for (int i = 0; i < extra; i++) {
            int a = processes + i;
            int degree = Math.min(p.themes(), g.processDegree(survivors[random.nextInt(survivors.length)]));
            java.util.HashSet<Integer> mine = new java.util.HashSet<>();
            while (mine.size() < degree) {
                int t = themes.draw(random);
                if (mine.add(t)) {
                    all[m++] = ((long) a << 32) | t;
                }
            }
        }
        all = Arrays.copyOf(all, m);
        Arrays.sort(all);
        int[] ep = new int[m];
        int[] et = new int[m];
        for (int i = 0; i < m; i++) {
            ep[i] = (int) (all[i] >>> 32);
            et[i] = (int) all[i];
        }
        String[] ids = new String[processes + extra];
        int width = g.process(0).length() - 1;
        for (int a = 0; a < ids.length; a++) {
            ids[a] = a < processes ? g.process(a) : "p" + String.format(java.util.Locale.ROOT, "%0" + width + "d", a);
        }
        return new Perturbed(ids, ep, et, gone, extra, moved);
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = order[i];
            order[i] = order[j];
            order[j] = x;
        }
        return order;
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
