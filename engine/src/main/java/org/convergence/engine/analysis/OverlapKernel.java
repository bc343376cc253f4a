package org.convergence.engine.analysis;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * All-pairs theme overlap of processes: for every pair {@code a < b} sharing at least
 * {@code minShared} themes, the shared count (every score is derived from it on access, see
 * {@link OverlapPairs}).
 *
 * <p>Method: the upper triangle of the sparse product {@code B·Bᵀ} of the process × theme incidence
 * matrix, row by row (Gustavson's algorithm, in two passes as in SciPy's sparse matmul): a symbolic
 * pass counts each row's pairs, then a numeric pass walks, for process {@code a}, its themes and for
 * each the processes after {@code a} in the theme's sorted column (found through the graph's cross
 * index of column positions, without a search), accumulating into a
 * dense per-thread array, and writes the row straight into exactly sized output arrays, its second
 * processes in ascending order (from a bit set of the processes met when that is cheaper than sorting
 * them). The result is in compressed sparse row form with sorted column indexes (row offsets, second
 * process, shared count), like SciPy's. Rows are split into chunks taken by worker threads; the output
 * does not depend on the thread count. Time {@code O(Σ_t deg(t)²)}, memory {@code O(P)} per thread
 * plus the output.
 */
public final class OverlapKernel {

    /**
     * Parameters of the kernel.
     *
     * @param minShared smallest shared count a pair needs to be listed, at least 1
     * @param threads worker threads, at least 1
     * @param scores whether to store Jaccard, overlap, cosine and Dice columns while writing each row
     *     (otherwise they are derived on demand from the shared count and the degrees)
     * @param testCells whether to record each pair's cell in {@link Significance}'s dense table of distinct
     *     tests while writing (when no process has more than {@code Significance.DENSE_LIMIT} themes)
     */
    public record Parameters(int minShared, int threads, boolean scores, boolean testCells) {

        /** Parameters without stored score columns or test cells. */
        public Parameters(int minShared, int threads) {
            this(minShared, threads, false, false);
        }

        /** Parameters without test cells. */
        public Parameters(int minShared, int threads, boolean scores) {
            this(minShared, threads, scores, false);
        }

        public Parameters {
            if (minShared < 1) {
                throw new IllegalArgumentException("Value for `minShared` was `" + minShared
                        + "`, but must be within the range [1, 2147483647]");
            }
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("Value for `threads` was `" + threads
                        + "`, but must be within the range [1, 1024]");
            }
        }

        /** @return every overlapping pair, one thread per core */
        public static Parameters defaults() {
            return new Parameters(1, Runtime.getRuntime().availableProcessors());
        }
    }

    private OverlapKernel() {
    }

    /**
     * Computes the overlapping pairs.
     *
     * @param graph the bipartite graph
     * @param parameters kernel parameters
     * @return the pairs, ordered by {@code a}, then {@code b}
     */
    public static OverlapPairs compute(BipartiteGraph graph, Parameters parameters) {
        return compute(graph, parameters, percent -> { });
    }

    /**
     * Computes the overlapping pairs, reporting progress.
     *
     * @param graph the bipartite graph
     * @param parameters kernel parameters
     * @param progress receives 10, 20, ... 100 as the writing pass completes rows (from worker threads)
     * @return the pairs, ordered by {@code a}, then {@code b}
     */
    public static OverlapPairs compute(BipartiteGraph graph, Parameters parameters,
            java.util.function.IntConsumer progress) {
        int n = graph.processCount();
        int[] rowCount = new int[n];
        ParallelRows.run(n, parameters.threads(), () -> {
            Worker worker = new Worker(graph, parameters);
            return (from, to) -> worker.countRows(from, to, rowCount);
        });
        long total = 0;
        int[] rowStart = new int[n + 1];
        for (int a = 0; a < n; a++) {
            total += rowCount[a];
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException(String.format(java.util.Locale.ROOT, "More than %,d overlapping pairs:"
                        + " too many to hold; use top-k (--top-k) or a larger --min-shared", Integer.MAX_VALUE - 8));
            }
            rowStart[a + 1] = (int) total;
        }
        int side = 0;
        if (parameters.testCells()) {
            int max = graph.maxProcessDegree();
            side = max <= Significance.DENSE_LIMIT ? max + 1 : 0;
        }
        OverlapPairs.Columns out = new OverlapPairs.Columns(rowStart, parameters.scores(), side);
        AtomicInteger rowsDone = new AtomicInteger();
        AtomicInteger lastDecile = new AtomicInteger();
        ParallelRows.run(n, parameters.threads(), () -> {
            Worker worker = new Worker(graph, parameters);
            return (from, to) -> {
                worker.writeRows(from, to, rowStart, out);
                int decile = (int) (10L * rowsDone.addAndGet(to - from) / Math.max(1, n));
                int last = lastDecile.get();
                if (decile > last && lastDecile.compareAndSet(last, decile)) {
                    progress.accept(decile * 10);
                }
            };
        });
        return OverlapPairs.of(graph, out);
    }

    /**
     * Counts the pairs sharing at least one theme without storing them: {@code O(P)} memory per thread.
     *
     * @param graph the bipartite graph
     * @param threads worker threads
     * @return the number of unordered process pairs with a shared theme
     */
    public static long countPairs(BipartiteGraph graph, int threads) {
        return countPairs(graph, 1, threads);
    }

    /**
     * Counts the pairs sharing at least {@code minShared} themes without storing them: the kernel's
     * counting pass, {@code O(P)} memory per thread.
     *
     * @param graph the bipartite graph
     * @param minShared smallest shared count that counts
     * @param threads worker threads
     * @return the number of unordered process pairs sharing at least {@code minShared} themes
     */
    public static long countPairs(BipartiteGraph graph, int minShared, int threads) {
        int[] rowCount = new int[graph.processCount()];
        Parameters counting = new Parameters(minShared, threads);
        ParallelRows.run(graph.processCount(), threads, () -> {
            Worker worker = new Worker(graph, counting);
            return (from, to) -> worker.countRows(from, to, rowCount);
        });
        long total = 0;
        for (int c : rowCount) {
            total += c;
        }
        return total;
    }

    private static final class Worker {
        private final BipartiteGraph g;
        private final int minShared;
        private final int[] count;
        private final int[] touched;
        private final double[] degree;
        private final long[] seenBits;

        Worker(BipartiteGraph g, Parameters p) {
            this.g = g;
            this.minShared = p.minShared();
            int n = g.processCount();
            this.count = new int[n];
            this.touched = new int[n];
            this.seenBits = new long[(n + 63) >>> 6];
            this.degree = p.scores() ? new double[n] : null;
            for (int a = 0; degree != null && a < n; a++) {
                degree[a] = g.processDegree(a);
            }
        }

        /** Accumulates the shared counts of row {@code a} into {@code count}; returns how many b were met. */
        private int accumulate(int a) {
            int[] po = g.processOffsets();
            int[] pt = g.processThemes();
            int[] to = g.themeOffsets();
            int[] tp = g.themeProcesses();
            int[] at = g.columnPositions();
            int[] cnt = count;
            int[] seen = touched;
            int size = 0;
            for (int k = po[a], end = po[a + 1]; k < end; k++) {
                int colTo = to[pt[k] + 1];
                for (int j = at[k] + 1; j < colTo; j++) {
                    int b = tp[j];
                    if (cnt[b]++ == 0) {
                        seen[size++] = b;
                    }
                }
            }
            return size;
        }

        /**
         * Puts the first {@code size} entries of {@code touched} (distinct processes after {@code a}) in
         * ascending order: through the bit set when scanning its words from {@code a} on costs less than
         * sorting, else by sorting.
         */
        private void sortTouched(int a, int size) {
            int[] seen = touched;
            int n = g.processCount();
            int firstWord = (a + 1) >>> 6;
            int lastWord = (n - 1) >>> 6;
            if (size < 2) {
                return;
            }
            if (lastWord - firstWord + 1 > 4L * size) {
                java.util.Arrays.sort(seen, 0, size);
                return;
            }
            long[] bits = seenBits;
            for (int i = 0; i < size; i++) {
                int b = seen[i];
                bits[b >>> 6] |= 1L << b;
            }
            int out = 0;
            for (int w = firstWord; w <= lastWord; w++) {
                long word = bits[w];
                if (word != 0) {
                    bits[w] = 0;
                    do {
                        seen[out++] = (w << 6) + Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                    } while (word != 0);
                }
            }
        }

        void countRows(int from, int to, int[] rowCount) {
            if (minShared == 1) {
                countDistinct(from, to, rowCount);
                return;
            }
            int[] cnt = count;
            int[] seen = touched;
            for (int a = from; a < to; a++) {
                int size = accumulate(a);
                int listed = 0;
                for (int i = 0; i < size; i++) {
                    int b = seen[i];
                    if (cnt[b] >= minShared) {
                        listed++;
                    }
                    cnt[b] = 0;
                }
                rowCount[a] = listed;
            }
        }

        /**
         * Counts each row's pairs when every overlap is listed: the distinct processes met, marked in a
         * bit set of {@code P} bits (small enough for a fast cache) without branches. The words a row
         * sets are listed as they go from zero to non-zero, also without branches, and only those are
         * cleared, so the cost per row follows the row's work and not {@code P}.
         */
        private void countDistinct(int from, int to, int[] rowCount) {
            int[] po = g.processOffsets();
            int[] pt = g.processThemes();
            int[] themeTo = g.themeOffsets();
            int[] tp = g.themeProcesses();
            int[] at = g.columnPositions();
            long[] bits = seenBits;
            int[] words = touched;
            for (int a = from; a < to; a++) {
                int distinct = 0;
                int used = 0;
                for (int k = po[a], end = po[a + 1]; k < end; k++) {
                    int colTo = themeTo[pt[k] + 1];
                    for (int j = at[k] + 1; j < colTo; j++) {
                        int b = tp[j];
                        int w = b >>> 6;
                        long word = bits[w];
                        distinct += (int) (~word >>> b) & 1;
                        words[used] = w;
                        used += word == 0 ? 1 : 0;
                        bits[w] = word | (1L << b);
                    }
                }
                rowCount[a] = distinct;
                for (int i = 0; i < used; i++) {
                    bits[words[i]] = 0;
                }
            }
        }

        void writeRows(int from, int to, int[] rowStart, OverlapPairs.Columns out) {
            int[] cnt = count;
            int[] seen = touched;
            int[] po = g.processOffsets();
            boolean scores = out.jaccard != null;
            int[] outB = out.b;
            int[] outShared = out.shared;
            int[] cellOf = out.cellOf;
            int[] table = out.table;
            int side = out.side;
            for (int a = from; a < to; a++) {
                int size = accumulate(a);
                sortTouched(a, size);
                int at = rowStart[a];
                int degreeA = po[a + 1] - po[a];
                double da = degreeA;
                int listed = 0;
                for (int i = 0; i < size; i++) {
                    int b = seen[i];
                    int c = cnt[b];
                    cnt[b] = 0;
                    if (c >= minShared) {
                        outB[at + listed] = b;
                        outShared[at + listed] = c;
                        if (cellOf != null) {
                            // concurrent workers may mark the same cell: they all write 1
                            int cell = Significance.denseIndex(c, degreeA, po[b + 1] - po[b], side);
                            cellOf[at + listed] = cell;
                            table[cell] = 1;
                        }
                        if (scores) {
                            double db = degree[b];
                            out.jaccard[at + listed] = c / (da + db - c);
                            out.overlap[at + listed] = c / Math.min(da, db);
                            out.cosine[at + listed] = c / Math.sqrt(da * db);
                            out.dice[at + listed] = 2.0 * c / (da + db);
                        }
                        listed++;
                    }
                }
                if (listed != rowStart[a + 1] - at) {
                    throw new IllegalStateException("Row " + a + ": the counting pass found " + (rowStart[a + 1] - at)
                            + " pairs, the writing pass " + listed);
                }
            }
        }
    }
}
