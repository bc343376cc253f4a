package org.convergence.engine.analysis;

import java.util.Arrays;

/**
 * The overlapping process pairs of a {@link BipartiteGraph}, stored column-wise (a few arrays of
 * primitives rather than one object per pair, since there can be millions) and grouped by their first
 * process as in a compressed sparse row matrix: the pairs of process {@code a} are the indexes
 * {@code rowStart(a)} to {@code rowEnd(a) - 1}, so the first process costs no memory per pair. Every
 * score is derived on demand from the shared count and the two theme counts.
 *
 * <p>With {@code s} shared themes, {@code |A|}, {@code |B|} the theme counts and {@code N} the number
 * of themes:
 * <ul>
 * <li>Jaccard {@code s / (|A| + |B| − s)};</li>
 * <li>overlap coefficient {@code s / min(|A|, |B|)} (JGraphT's hub-promoted index);</li>
 * <li>cosine (Salton) {@code s / √(|A|·|B|)};</li>
 * <li>Dice (Sørensen) {@code 2s / (|A| + |B|)};</li>
 * <li>weighted Jaccard {@code Σ_t min(w_at, w_bt) / Σ_t max(w_at, w_bt)} over the union of themes, as in
 * Neo4j GDS node similarity; computed as {@code Σmin / (W_A + W_B − Σmin)};</li>
 * <li>Adamic–Adar {@code Σ_shared 1/ln deg(t)} and resource allocation {@code Σ_shared 1/deg(t)};</li>
 * <li>association strength {@code s·N / (|A|·|B|)}: observed over expected co-occurrence, the
 * probabilistic affinity index that VOSviewer normalises with (van Eck &amp; Waltman 2009, JASIST 60(8)).</li>
 * </ul>
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
     * @param adamicAdar Adamic–Adar index, NaN when not computed
     * @param resourceAllocation resource allocation index, NaN when not computed
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
    private final double[] minSum;
    private final double[] adamicAdar;
    private final double[] resource;

    private OverlapPairs(BipartiteGraph graph, int size, int[] rowStart, int[] b, int[] shared, double[] minSum,
            double[] adamicAdar, double[] resource) {
        this.graph = graph;
        this.size = size;
        this.rowStart = rowStart;
        this.b = b;
        this.shared = shared;
        this.minSum = minSum;
        this.adamicAdar = adamicAdar;
        this.resource = resource;
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
        int da = graph.processDegree(a);
        int db = graph.processDegree(b[i]);
        return (double) shared[i] / (da + db - shared[i]);
    }

    /** @return weighted Jaccard of pair {@code i} in row {@code a}, NaN for unweighted graphs */
    public double weightedJaccard(int a, int i) {
        return minSum == null ? Double.NaN
                : minSum[i] / (graph.processWeight(a) + graph.processWeight(b[i]) - minSum[i]);
    }

    /** @return Adamic–Adar index of pair {@code i}, NaN when not computed */
    public double adamicAdar(int i) {
        return adamicAdar == null ? Double.NaN : adamicAdar[i];
    }

    /** @return resource allocation index of pair {@code i}, NaN when not computed */
    public double resourceAllocation(int i) {
        return resource == null ? Double.NaN : resource[i];
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
        return new Pair(a, b[i], s, (double) s / (da + db - s), (double) s / Math.min(da, db),
                s / Math.sqrt((double) da * db), 2.0 * s / (da + db), weightedJaccard(a, i), adamicAdar(i),
                resourceAllocation(i),
                (double) s * graph.themeCount() / ((double) da * db));
    }

    /** Exactly sized output columns that the kernel's workers fill in place. */
    static final class Columns {
        final int[] rowStart;
        final int[] b;
        final int[] shared;
        final double[] minSum;
        final double[] adamicAdar;
        final double[] resource;
        final double[] jaccard;
        final double[] overlap;
        final double[] cosine;
        final double[] dice;

        Columns(int[] rowStart, boolean weighted, boolean rare, boolean scores) {
            this.rowStart = rowStart;
            int size = rowStart[rowStart.length - 1];
            b = new int[size];
            shared = new int[size];
            minSum = weighted ? new double[size] : null;
            adamicAdar = rare ? new double[size] : null;
            resource = rare ? new double[size] : null;
            jaccard = scores ? new double[size] : null;
            overlap = scores ? new double[size] : null;
            cosine = scores ? new double[size] : null;
            dice = scores ? new double[size] : null;
        }
    }

    private double[][] scoreColumns;

    /** @return the stored Jaccard, overlap, cosine and Dice columns, if the kernel was asked for them */
    public java.util.Optional<double[][]> scoreColumns() {
        return java.util.Optional.ofNullable(scoreColumns);
    }

    static OverlapPairs of(BipartiteGraph graph, Columns c) {
        OverlapPairs pairs = new OverlapPairs(graph, c.b.length, c.rowStart, c.b, c.shared, c.minSum, c.adamicAdar, c.resource);
        if (c.jaccard != null) {
            pairs.scoreColumns = new double[][] {c.jaccard, c.overlap, c.cosine, c.dice};
        }
        return pairs;
    }
}
