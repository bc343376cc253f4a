package org.convergence.engine.analysis;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Agreement of two partitions of the same items, for comparing the clusters of two snapshots.
 *
 * <p>Both measures are computed from the contingency table {@code n_ij} (items in cluster {@code i} of
 * the first partition and {@code j} of the second), with row sums {@code a_i}, column sums {@code b_j} and
 * {@code n} items. Time {@code O(n)}, memory {@code O(distinct (i, j))}.
 */
public final class Partitions {

    private Partitions() {
    }

    /**
     * The adjusted Rand index (Hubert and Arabie 1985, "Comparing partitions", J. Classification 2):
     * {@code (Σ C(n_ij,2) − E) / (½(Σ C(a_i,2) + Σ C(b_j,2)) − E)} with
     * {@code E = Σ C(a_i,2) · Σ C(b_j,2) / C(n,2)}. 1 for identical partitions, about 0 for independent ones,
     * negative below chance. When the denominator is 0 (both partitions put every item alone, or all items
     * together) it is 1, as scikit-learn's {@code adjusted_rand_score} defines it.
     *
     * @param first cluster of each item in the first partition (any non-negative labels)
     * @param second cluster of each item in the second, the same length
     * @return the index, at most 1
     * @throws IllegalArgumentException when the lengths differ
     */
    public static double adjustedRand(int[] first, int[] second) {
        Table t = Table.of(first, second);
        double sumCells = 0;
        for (long c : t.cells) {
            sumCells += pairs(c);
        }
        double sumRows = 0;
        for (long a : t.rows) {
            sumRows += pairs(a);
        }
        double sumColumns = 0;
        for (long b : t.columns) {
            sumColumns += pairs(b);
        }
        double all = pairs(first.length);
        double expected = all == 0 ? 0 : sumRows * sumColumns / all;
        double max = (sumRows + sumColumns) / 2;
        if (max == expected) {
            return 1.0;
        }
        return (sumCells - expected) / (max - expected);
    }

    /**
     * The normalised mutual information with the arithmetic mean of the entropies (Strehl and Ghosh 2002;
     * scikit-learn's {@code normalized_mutual_info_score} default): {@code I(U;V) / ((H(U) + H(V)) / 2)},
     * with {@code I = Σ (n_ij/n) ln(n·n_ij / (a_i·b_j))} and {@code H(U) = −Σ (a_i/n) ln(a_i/n)}. In [0, 1];
     * 1 when both partitions have a single cluster each (both entropies 0).
     *
     * @param first cluster of each item in the first partition
     * @param second cluster of each item in the second, the same length
     * @return the score in [0, 1]
     * @throws IllegalArgumentException when the lengths differ
     */
    public static double normalisedMutualInformation(int[] first, int[] second) {
        Table t = Table.of(first, second);
        double n = first.length;
        double hFirst = entropy(t.rows, n);
        double hSecond = entropy(t.columns, n);
        if (hFirst == 0 && hSecond == 0) {
            return 1.0;
        }
        double mi = 0;
        for (int k = 0; k < t.cells.length; k++) {
            double c = t.cells[k];
            mi += c / n * Math.log(n * c / ((double) t.rows[t.cellRow[k]] * t.columns[t.cellColumn[k]]));
        }
        double score = mi / ((hFirst + hSecond) / 2);
        return Math.max(0, Math.min(1, score));
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }

    private static double entropy(long[] sizes, double n) {
        double h = 0;
        for (long s : sizes) {
            if (s > 0) {
                h -= s / n * Math.log(s / n);
            }
        }
        return h;
    }

    /** The contingency table: labels renumbered densely, non-empty cells with their row and column. */
    private static final class Table {
        long[] rows;
        long[] columns;
        long[] cells;
        int[] cellRow;
        int[] cellColumn;

        static Table of(int[] first, int[] second) {
            if (first.length != second.length) {
                throw new IllegalArgumentException("Value for `second` has " + second.length + " items, but must have"
                        + " as many as `first`, " + first.length);
            }
            int[] r = dense(first);
            int[] c = dense(second);
            Table t = new Table();
            t.rows = new long[max(r) + 1];
            t.columns = new long[max(c) + 1];
            Long2IntOpenHashMap cell = new Long2IntOpenHashMap();
            cell.defaultReturnValue(-1);
            long[] counts = new long[Math.max(1, first.length)];
            int[] cellRow = new int[counts.length];
            int[] cellColumn = new int[counts.length];
            int size = 0;
            for (int i = 0; i < first.length; i++) {
                t.rows[r[i]]++;
                t.columns[c[i]]++;
                long key = ((long) r[i] << 32) | c[i];
                int k = cell.get(key);
                if (k < 0) {
                    k = size++;
                    cell.put(key, k);
                    cellRow[k] = r[i];
                    cellColumn[k] = c[i];
                }
                counts[k]++;
            }
            t.cells = java.util.Arrays.copyOf(counts, size);
            t.cellRow = java.util.Arrays.copyOf(cellRow, size);
            t.cellColumn = java.util.Arrays.copyOf(cellColumn, size);
            return t;
        }

        private static int max(int[] labels) {
            int m = -1;
            for (int x : labels) {
                m = Math.max(m, x);
            }
            return m;
        }

        private static int[] dense(int[] labels) {
            it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap ids = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
            int[] out = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                int label = labels[i];
                out[i] = ids.computeIfAbsent(label, x -> ids.size());
            }
            return out;
        }
    }
}
