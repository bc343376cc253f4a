package org.convergence.engine.output.html;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convergence.engine.analysis.OverlapAnalysis;

/**
 * The converging pairs as a report draws them. Up to {@link #GRID_LIMIT} processes, every pair (the heat
 * map's whole grid); above, the {@link #STRONGEST} strongest and the sums of all of them by process cluster
 * (cluster × cluster blocks), so that memory does not grow with the pairs: they are handed over one at a
 * time and only the blocks' sums are kept.
 *
 * <p>Columns {@code a..q} hold the pairs kept, as indices into the data set's processes; {@code blocks} is
 * null when every pair is kept.
 */
final class PairSummary {

    /** Up to this many processes the report holds every pair and draws the whole grid. */
    static final int GRID_LIMIT = 300;

    /** Strongest pairs kept when the grid is summarised. */
    static final int STRONGEST = 50;

    /** Process clusters shown as blocks when the grid is summarised; the rest are left out of the blocks. */
    static final int MAX_BLOCKS = 30;

    final boolean complete;
    final long total;
    final int[] a;
    final int[] b;
    final int[] shared;
    final double[] jaccard;
    final double[] overlap;
    final double[] cosine;
    final double[] p;
    final double[] q;
    final Blocks blocks;

    /**
     * Pairs summed by process cluster: for clusters {@code i <= j}, cell {@code i * k + j} counts the
     * converging pairs between them and sums their scores; {@code sizes[i]} is a cluster's process count.
     *
     * @param clusters the clusters kept (largest first), at most {@link #MAX_BLOCKS}
     * @param sizes processes per kept cluster
     * @param pairs converging pairs per cell
     * @param jaccardSum summed Jaccard per cell
     * @param overlapSum summed overlap per cell
     * @param cosineSum summed cosine per cell
     * @param minQ smallest q-value per cell (1 when no pair)
     */
    record Blocks(int[] clusters, int[] sizes, long[] pairs, double[] jaccardSum, double[] overlapSum,
            double[] cosineSum, double[] minQ) {

        /** @return the number of clusters kept */
        int k() {
            return clusters.length;
        }
    }

    private PairSummary(boolean complete, long total, Columns kept, Blocks blocks) {
        this.complete = complete;
        this.total = total;
        this.a = kept.a.toIntArray();
        this.b = kept.b.toIntArray();
        this.shared = kept.shared.toIntArray();
        this.jaccard = kept.j.toDoubleArray();
        this.overlap = kept.o.toDoubleArray();
        this.cosine = kept.c.toDoubleArray();
        this.p = kept.p.toDoubleArray();
        this.q = kept.q.toDoubleArray();
        this.blocks = blocks;
    }

    /** @return the number of pairs kept */
    int size() {
        return a.length;
    }

    /**
     * @param pairs the run's pairs
     * @param processIndex each process's index in the data set
     * @param processCluster each process's cluster among processes, by that index (-1 for none)
     * @param gridLimit the number of processes up to which every pair is kept ({@link #GRID_LIMIT})
     * @return the pairs as the report draws them
     */
    static PairSummary of(OverlapAnalysis.Pairs pairs, Map<String, Integer> processIndex, int[] processCluster,
            int gridLimit) {
        boolean complete = processIndex.size() <= gridLimit;
        Columns kept = new Columns(processIndex);
        if (complete) {
            pairs.forEach(kept);
            return new PairSummary(true, pairs.count(), kept, null);
        }
        Blocking blocking = new Blocking(processIndex, processCluster);
        pairs.forEach(blocking);
        pairs.strongest(STRONGEST, kept);
        return new PairSummary(false, pairs.count(), kept, blocking.blocks());
    }

    /** Collects the fields the report shows of each pair handed over. */
    private abstract static class Fields implements OverlapAnalysis.PairSink {
        private final Map<String, Integer> processIndex;
        int first;
        int second;
        int sharedCount;
        double jaccardValue;
        double overlapValue;
        double cosineValue;
        double pValue;
        double qValue;

        Fields(Map<String, Integer> processIndex) {
            this.processIndex = processIndex;
        }

        @Override
        public void beginPair(String idA, String idB) {
            Integer x = processIndex.get(idA);
            Integer y = processIndex.get(idB);
            if (x == null || y == null) {
                throw new IllegalStateException("A pair of the run names process `" + (x == null ? idA : idB)
                        + "`, which the data set does not have");
            }
            first = x;
            second = y;
        }

        @Override
        public void field(String name, long value) {
            if (name.equals(OverlapAnalysis.PairField.SHARED.key())) {
                sharedCount = (int) value;
            }
        }

        @Override
        public void field(String name, double value) {
            switch (name) {
                case "jaccard" -> jaccardValue = value;
                case "overlap" -> overlapValue = value;
                case "cosine" -> cosineValue = value;
                case "pValue" -> pValue = value;
                case "qValue" -> qValue = value;
                default -> {
                    // the report shows no other score
                }
            }
        }

        @Override
        public void field(String name, String[] ids, int count) {
            // the shared themes are drawn from the data set's edges
        }
    }

    /** Pair columns being filled. */
    private static final class Columns extends Fields {
        final IntArrayList a = new IntArrayList();
        final IntArrayList b = new IntArrayList();
        final IntArrayList shared = new IntArrayList();
        final DoubleArrayList j = new DoubleArrayList();
        final DoubleArrayList o = new DoubleArrayList();
        final DoubleArrayList c = new DoubleArrayList();
        final DoubleArrayList p = new DoubleArrayList();
        final DoubleArrayList q = new DoubleArrayList();

        Columns(Map<String, Integer> processIndex) {
            super(processIndex);
        }

        @Override
        public void endPair() {
            a.add(first);
            b.add(second);
            shared.add(sharedCount);
            j.add(jaccardValue);
            o.add(overlapValue);
            c.add(cosineValue);
            p.add(pValue);
            q.add(qValue);
        }
    }

    /** Cluster × cluster sums of the pairs, over the largest {@link #MAX_BLOCKS} process clusters. */
    private static final class Blocking extends Fields {
        private final int[] blockOf;
        private final int[] clusters;
        private final int[] sizes;
        private final long[] pairs;
        private final double[] jSum;
        private final double[] oSum;
        private final double[] cSum;
        private final double[] minQ;

        Blocking(Map<String, Integer> processIndex, int[] processCluster) {
            super(processIndex);
            Map<Integer, Integer> size = new HashMap<>();
            for (int cluster : processCluster) {
                size.merge(cluster, 1, Integer::sum);
            }
            List<Integer> order = new ArrayList<>(size.keySet());
            order.sort((x, y) -> size.get(x).equals(size.get(y)) ? Integer.compare(x, y) : size.get(y) - size.get(x));
            int k = Math.min(order.size(), MAX_BLOCKS);
            clusters = new int[k];
            sizes = new int[k];
            Map<Integer, Integer> block = new HashMap<>();
            for (int i = 0; i < k; i++) {
                clusters[i] = order.get(i);
                block.put(order.get(i), i);
            }
            blockOf = new int[processCluster.length];
            for (int i = 0; i < processCluster.length; i++) {
                Integer blockIndex = block.get(processCluster[i]);
                blockOf[i] = blockIndex == null ? -1 : blockIndex;
                if (blockIndex != null) {
                    sizes[blockIndex]++;
                }
            }
            pairs = new long[k * k];
            jSum = new double[k * k];
            oSum = new double[k * k];
            cSum = new double[k * k];
            minQ = new double[k * k];
            Arrays.fill(minQ, 1.0);
        }

        @Override
        public void endPair() {
            int x = blockOf[first];
            int y = blockOf[second];
            if (x < 0 || y < 0) {
                return;
            }
            int cell = Math.min(x, y) * clusters.length + Math.max(x, y);
            pairs[cell]++;
            jSum[cell] += jaccardValue;
            oSum[cell] += overlapValue;
            cSum[cell] += cosineValue;
            minQ[cell] = Math.min(minQ[cell], qValue);
        }

        Blocks blocks() {
            return new Blocks(clusters, sizes, pairs, jSum, oSum, cSum, minQ);
        }
    }
}
