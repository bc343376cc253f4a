package org.convergence.engine.analysis;

import java.util.Arrays;

/**
 * The overlapping process pairs of a {@link BipartiteGraph}, stored column-wise (a few arrays of
 * primitives rather than one object per pair, since there can be millions) and grouped by their first
 * process as in a compressed sparse row matrix: the pairs of process {@code a} are the indexes
 * {@code rowStart(a)} to {@code rowEnd(a) - 1}, ordered by the second process, so the first process
 * costs no memory per pair. Jaccard, overlap, cosine, Dice and association strength are derived on
 * demand from the shared count and the two theme counts; weighted Jaccard, Adamic–Adar and resource
 * allocation from one merge of the two processes' theme rows ({@link BipartiteGraph#sharedThemeSums}),
 * when a pair is read.
 *
 * <p>The formulas are {@link SimilarityMetric}'s; weighted Jaccard is computed there from
 * {@code Σ_t min(w_at, w_bt)}, Adamic–Adar ({@code Σ_shared 1/ln deg(t)}) and resource allocation
 * ({@code Σ_shared 1/deg(t)}) are summed by {@link BipartiteGraph#sharedThemeSums}.
 */
public final class OverlapPairs {

    /**
     * All scores of one pair.
     *
     * @param a index of the first process (a &lt; b)
     * @param b index of the second process
     * @param shared number of shared themes
     * @param jaccard Jaccard index
     * @param overlap overlap coefficient
     * @param cosine cosine (Salton) index
     * @param dice Dice (Sørensen) index
     * @param weightedJaccard weighted Jaccard, NaN for unweighted graphs
     * @param adamicAdar Adamic–Adar index
     * @param resourceAllocation resource allocation index
     * @param associationStrength observed / expected co-occurrence
     */
    public record Pair(int a, int b, int shared, double jaccard, double overlap, double cosine, double dice,
            double weightedJaccard, double adamicAdar, double resourceAllocation, double associationStrength) {
    }

    private final BipartiteGraph graph;
    private final int size;
    private final int[] rowStart;
    private final int[] b;
    private final int[] shared;

    private OverlapPairs(BipartiteGraph graph, int size, int[] rowStart, int[] b, int[] shared) {
        this.graph = graph;
        this.size = size;
        this.rowStart = rowStart;
        this.b = b;
        this.shared = shared;
    }

    /** @return number of pairs */
    public int size() {
        return size;
    }

    /**
     * The first process of pair {@code i}: the row holding {@code i}, found by binary search over the
     * row offsets ({@code O(log P)}); walk {@link #rowStart}/{@link #rowEnd} to visit many pairs.
     *
     * @return first process of pair {@code i}
     */
    public int a(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("Value for `i` was `" + i + "`, but must be within the range [0, "
                    + (size - 1) + "]");
        }
        int lo = 0;
        int hi = rowStart.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (rowStart[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** @return index of the first pair whose first process is {@code a} */
    public int rowStart(int a) {
        return rowStart[a];
    }

    /** @return one past the index of the last pair whose first process is {@code a} */
    public int rowEnd(int a) {
        return rowStart[a + 1];
    }

    /** @return the first process of every pair, expanded into one array (for consumers that want edge lists) */
    public int[] firstProcesses() {
        int[] a = new int[size];
        for (int r = 0; r + 1 < rowStart.length; r++) {
            Arrays.fill(a, rowStart[r], rowStart[r + 1], r);
        }
        return a;
    }

    /** @return second process of pair {@code i} */
    public int b(int i) {
        return b[i];
    }

    /** @return shared theme count of pair {@code i} */
    public int shared(int i) {
        return shared[i];
    }

    /** @return the graph the pairs come from */
    public BipartiteGraph graph() {
        return graph;
    }

    /** @return Jaccard index of pair {@code i} in row {@code a} */
    public double jaccard(int a, int i) {
        return SimilarityMetric.jaccard(shared[i], graph.processDegree(a), graph.processDegree(b[i]));
    }

    /**
     * @param sums what {@link BipartiteGraph#sharedThemeSums} gave for the pair
     * @return weighted Jaccard of the pair of {@code a} and {@code b}, NaN for unweighted graphs
     */
    public static double weightedJaccard(BipartiteGraph graph, int a, int b, double[] sums) {
        return graph.weighted() ? SimilarityMetric.weightedJaccard(sums[0], graph.processWeight(a), graph.processWeight(b))
                : Double.NaN;
    }

    /** @return all scores of pair {@code i} */
    public Pair pair(int i) {
        return pair(a(i), i);
    }

    /** @return all scores of pair {@code i}, known to be in row {@code a} */
    public Pair pair(int a, int i) {
        if (i < rowStart[a] || i >= rowStart[a + 1]) {
            throw new IllegalArgumentException("Pair " + i + " is not in row " + a + " [" + rowStart[a] + ", "
                    + rowStart[a + 1] + ")");
        }
        int s = shared[i];
        int da = graph.processDegree(a);
        int db = graph.processDegree(b[i]);
        double[] sums = new double[3];
        graph.sharedThemeSums(a, b[i], null, sums);
        return new Pair(a, b[i], s, SimilarityMetric.jaccard(s, da, db), SimilarityMetric.overlap(s, da, db),
                SimilarityMetric.cosine(s, da, db), SimilarityMetric.dice(s, da, db), weightedJaccard(graph, a, b[i], sums),
                sums[1], sums[2], SimilarityMetric.associationStrength(s, da, db, graph.themeCount()));
    }

    /**
     * Output columns that the kernel's workers fill in place: exactly sized, or with room for each row's
     * bound, moved together and perhaps shortened afterwards ({@link #compact}, {@link #trim}).
     */
    static final class Columns {
        int[] rowStart;
        int[] b;
        int[] shared;
        final int side;
        int[] cellOf;
        /** With test cells: the rows where each slice of the write pass starts, and each slice's counts per cell. */
        int[] sliceRows;
        int[][] sliceCounts;

        Columns(int[] rowStart) {
            this(rowStart[rowStart.length - 1], 0);
            this.rowStart = rowStart;
        }

        /**
         * @param capacity pairs the columns hold
         * @param side the dense test table's side, or 0 for no test cells
         */
        Columns(int capacity, int side) {
            b = new int[capacity];
            shared = new int[capacity];
            this.side = side;
            cellOf = side > 0 ? new int[capacity] : null;
        }

        /** Shortens the columns to {@code size} pairs, releasing the rest. */
        void trim(int size) {
            b = Arrays.copyOf(b, size);
            shared = Arrays.copyOf(shared, size);
            cellOf = cellOf == null ? null : Arrays.copyOf(cellOf, size);
        }

        /** Moves each row {@code a} from {@code from[a]} to {@code to[a]} (never later), in row order. */
        void compact(int[] from, int[] to) {
            for (int a = 0; a + 1 < to.length; a++) {
                int count = to[a + 1] - to[a];
                if (from[a] != to[a] && count > 0) {
                    System.arraycopy(b, from[a], b, to[a], count);
                    System.arraycopy(shared, from[a], shared, to[a], count);
                    if (cellOf != null) {
                        System.arraycopy(cellOf, from[a], cellOf, to[a], count);
                    }
                }
            }
        }
    }

    static OverlapPairs of(BipartiteGraph graph, Columns c) {
        return new OverlapPairs(graph, c.rowStart[c.rowStart.length - 1], c.rowStart, c.b, c.shared);
    }
}
