package org.convergence.engine.analysis;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * All-pairs theme overlap of processes: for every pair {@code a < b} sharing at least
 * {@code minShared} themes, the shared count (every score is derived from it on access, see
 * {@link OverlapPairs}).
 *
 * <p>Method: the upper triangle of the sparse product {@code B·Bᵀ} of the process × theme incidence
 * matrix, row by row (Gustavson's algorithm): for process {@code a}, its themes and for each the
 * processes after {@code a} in the theme's sorted column (found through the graph's cross index of
 * column positions, without a search), accumulated into a dense per-thread array; the row's second
 * processes are put in ascending order (from a bit set of the processes met when that is cheaper than
 * sorting them) and written straight into the output columns. The result is in compressed sparse row
 * form with sorted column indexes (row offsets, second process, shared count), like SciPy's.
 *
 * <p>Where the output goes: row {@code a} has at most {@code min(P − 1 − a, Σ_t |processes after a in
 * t|)} pairs. When those bounds over all rows take at most a sixteenth of the heap (and no score
 * columns are stored), each row is written in a slot of its bound in one pass and the rows are then
 * moved together (and the columns shortened when the bounds overshot by more than a quarter).
 * Otherwise a first pass counts each row's pairs, as in SciPy's two-pass sparse matmul, and the second
 * writes them into exactly sized columns. Rows are split into chunks taken by worker threads (with test
 * cells, into slices of about equal room that count their cells); the output does not depend on the
 * thread count or the layout. Time {@code O(Σ_t deg(t)²)}, memory {@code O(P)} per thread plus the output.
 */
public final class OverlapKernel {

    /**
     * Parameters of the kernel.
     *
     * @param minShared smallest shared count a pair needs to be listed, at least 1
     * @param threads worker threads, at least 1
     */
    public record Parameters(int minShared, int threads) {

        public Parameters {
            Setting.MIN_SHARED.checkInt(minShared);
            Setting.THREADS.checkInt(threads);
        }

        /** @return every overlapping pair, one thread per core */
        public static Parameters defaults() {
            return new Parameters(1, Setting.THREADS.defaultValue());
        }
    }

    /**
     * The pairs and what the kernel counted for their significance while writing them.
     *
     * @param pairs the overlapping pairs
     * @param cells each pair's test cell and the cells' counts per slice, or null when some process has
     *     more than {@code Significance.DENSE_LIMIT} themes (the tests are then hashed)
     */
    public record Counted(OverlapPairs pairs, Significance.Cells cells) {
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
        return compute(graph, parameters, false, progress, Runtime.getRuntime().maxMemory() / SLOT_HEAP_SHARE).pairs();
    }

    /**
     * Computes the overlapping pairs and, when no process has more than {@code Significance.DENSE_LIMIT}
     * themes, each pair's cell in {@link Significance}'s dense table of distinct tests with the cells'
     * counts per slice of the rows, recorded while writing: significance and the ranking then need no
     * further pass over the pairs to find their tests.
     *
     * @param graph the bipartite graph
     * @param parameters kernel parameters
     * @param progress receives 10, 20, ... 100 as the writing pass completes rows (from worker threads)
     * @return the pairs, ordered by {@code a}, then {@code b}, with their cells
     */
    public static Counted computeCounted(BipartiteGraph graph, Parameters parameters,
            java.util.function.IntConsumer progress) {
        return compute(graph, parameters, true, progress, Runtime.getRuntime().maxMemory() / SLOT_HEAP_SHARE);
    }

    /** The one-pass layout may reserve up to this share (1/n) of the maximum heap in row slots. */
    private static final int SLOT_HEAP_SHARE = 16;

    /**
     * Computes the overlapping pairs in one pass when the row slots take at most {@code slotBytes}, else in
     * two (counting, then writing).
     */
    static Counted compute(BipartiteGraph graph, Parameters parameters, boolean testCells,
            java.util.function.IntConsumer progress, long slotBytes) {
        int n = graph.processCount();
        int side = 0;
        if (testCells) {
            int max = graph.maxProcessDegree();
            side = max <= Significance.DENSE_LIMIT ? max + 1 : 0;
        }
        int[] slotStart = boundedRows(graph, slotBytes / bytesPerPair(side));
        int[] rowStart;
        int[] rowCount = new int[n];
        OverlapPairs.Columns out;
        if (slotStart != null) {
            // one pass: each row written in a slot as large as its bound, then the rows moved together
            out = new OverlapPairs.Columns(slotStart[n], side);
            writeAll(graph, parameters, slotStart, rowCount, out, progress);
            rowStart = new int[n + 1];
            for (int a = 0; a < n; a++) {
                rowStart[a + 1] = rowStart[a] + rowCount[a];
            }
            out.compact(slotStart, rowStart);
            if (slotStart[n] - rowStart[n] > rowStart[n] / 4 + 4096) {
                out.trim(rowStart[n]);
            }
        } else {
            ParallelRows.run(n, parameters.threads(), () -> {
                Worker worker = new Worker(graph, parameters);
                return (from, to) -> worker.countRows(from, to, rowCount);
            });
            rowStart = new int[n + 1];
            long total = 0;
            for (int a = 0; a < n; a++) {
                total += rowCount[a];
                if (total > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException(String.format(java.util.Locale.ROOT, "More than %,d overlapping pairs:"
                            + " too many to hold; use top-k (--top-k) or a larger --min-shared", Integer.MAX_VALUE - 8));
                }
                rowStart[a + 1] = (int) total;
            }
            out = new OverlapPairs.Columns(rowStart[n], side);
            writeAll(graph, parameters, rowStart, rowCount, out, progress);
        }
        out.rowStart = rowStart;
        OverlapPairs pairs = OverlapPairs.of(graph, out);
        if (out.cellOf == null) {
            return new Counted(pairs, null);
        }
        int[] sliceStart = new int[out.sliceRows.length];
        for (int slice = 0; slice < sliceStart.length; slice++) {
            sliceStart[slice] = rowStart[out.sliceRows[slice]];
        }
        return new Counted(pairs, new Significance.Cells(side, out.cellOf, out.sliceCounts, sliceStart));
    }

    private static int bytesPerPair(int side) {
        return 8 + (side > 0 ? 4 : 0);
    }

    /**
     * Row slots sized by each row's bound {@code min(P − 1 − a, Σ_t |processes after a in t|)}, when the
     * bound over all rows is at most {@code limit} pairs; else null.
     */
    private static int[] boundedRows(BipartiteGraph g, long limit) {
        int n = g.processCount();
        int[] slot = new int[n + 1];
        long total = 0;
        for (int a = 0; a < n; a++) {
            total += Math.min(columnTails(g, a), n - 1 - a);
            if (total > limit || total > Integer.MAX_VALUE - 8) {
                return null;
            }
            slot[a + 1] = (int) total;
        }
        return slot;
    }

    /** @return the number of processes after {@code a} in the columns of its themes, together */
    private static long columnTails(BipartiteGraph g, int a) {
        int[] po = g.processOffsets();
        int[] pt = g.processThemes();
        int[] themeTo = g.themeOffsets();
        int[] at = g.columnPositions();
        long tails = 0;
        for (int k = po[a], end = po[a + 1]; k < end; k++) {
            tails += themeTo[pt[k] + 1] - at[k] - 1;
        }
        return tails;
    }

    /**
     * The write pass. Without test cells, workers take chunks of {@value ParallelRows#CHUNK} rows. With
     * them, the rows are cut into slices of about equal room (so about equal work) and each slice counts
     * its pairs per test cell in an array of its own: significance and the ranking then read the slices'
     * counts instead of passing over the pairs again.
     */
    private static void writeAll(BipartiteGraph graph, Parameters parameters, int[] slotStart, int[] rowCount,
            OverlapPairs.Columns out, java.util.function.IntConsumer progress) {
        int n = graph.processCount();
        AtomicInteger rowsDone = new AtomicInteger();
        AtomicInteger lastDecile = new AtomicInteger();
        java.util.function.IntConsumer done = rows -> {
            int decile = (int) (10L * rowsDone.addAndGet(rows) / Math.max(1, n));
            int last = lastDecile.get();
            if (decile > last && lastDecile.compareAndSet(last, decile)) {
                progress.accept(decile * 10);
            }
        };
        if (out.side == 0) {
            ParallelRows.runLoops(n, parameters.threads(), ParallelRows.CHUNK, () -> {
                Worker worker = new Worker(graph, parameters);
                return chunks -> worker.writeRows(chunks, slotStart, rowCount, out, null, done);
            });
            return;
        }
        int slices = writeSlices(n, parameters.threads(), Significance.cells(out.side), Runtime.getRuntime().maxMemory());
        int[] bounds = new int[slices + 1];
        for (int s = 1, a = 0; s <= slices; s++) {
            long target = (long) slotStart[n] * s / slices;
            while (a < n && slotStart[a] < target) {
                a++;
            }
            bounds[s] = s == slices ? n : Math.max(a, bounds[s - 1]);
        }
        out.sliceRows = bounds;
        out.sliceCounts = new int[slices][];
        ParallelRows.runLoops(bounds, parameters.threads(), () -> {
            Worker worker = new Worker(graph, parameters);
            return chunks -> worker.writeRows(chunks, slotStart, rowCount, out, out.sliceCounts, done);
        });
    }

    /** Slices per thread when the write pass counts test cells per slice. */
    private static final int SLICES_PER_THREAD = 8;

    /**
     * How many slices the write pass (and {@link Significance#denseCells}) counts test cells in: {@value #SLICES_PER_THREAD} per thread, as
     * long as their counters ({@code cells} ints each) take at most 4 Mi ints or 1/64 of the heap,
     * whichever is more; at least two (and one row each at most).
     */
    static int writeSlices(int rows, int threads, int cells, long maxHeapBytes) {
        long budget = Math.max(1L << 22, maxHeapBytes / 4 / 64);
        long slices = Math.min((long) SLICES_PER_THREAD * threads, Math.max(2, budget / cells));
        return (int) Math.max(1, Math.min(rows, slices));
    }

    /**
     * The heap the all-pairs write pass takes for its slices' test-cell counters: {@link #writeSlices} arrays of
     * {@link Significance#cells} ints, for graphs whose processes have at most
     * {@value Significance#DENSE_LIMIT} themes (else the cells are hashed later and no counter is kept).
     *
     * @param graph the bipartite graph
     * @param threads worker threads
     * @param maxHeapBytes the JVM's maximum heap, which bounds the counters
     * @return bytes
     */
    static long cellCounterBytes(BipartiteGraph graph, int threads, long maxHeapBytes) {
        int max = graph.maxProcessDegree();
        if (max > Significance.DENSE_LIMIT) {
            return 0;
        }
        int cells = Significance.cells(max + 1);
        return 4L * cells * writeSlices(graph.processCount(), threads, cells, maxHeapBytes);
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
        private final long[] seenBits;
        private int[] cellBase;

        /** @return per (degree of a, degree of b), {@link Significance#denseIndex} of a test with s = 0 */
        private int[] cellBase(int side) {
            if (cellBase == null) {
                cellBase = new int[side * side];
                for (int x = 0; x < side; x++) {
                    for (int y = 0; y < side; y++) {
                        cellBase[x * side + y] = Significance.denseIndex(0, x, y);
                    }
                }
            }
            return cellBase;
        }

        Worker(BipartiteGraph g, Parameters p) {
            this.g = g;
            this.minShared = p.minShared();
            int n = g.processCount();
            this.count = new int[n];
            this.touched = new int[n];
            this.seenBits = new long[(n + 63) >>> 6];
        }

        /** Accumulates the shared counts of row {@code a} into {@code count}; returns how many b were met. */
        private int accumulateRow(int a) {
            int[] po = g.processOffsets();
            int[] pt = g.processThemes();
            int[] themeTo = g.themeOffsets();
            int[] position = g.columnPositions();
            int size = 0;
            for (int k = po[a], end = po[a + 1]; k < end; k++) {
                size = accumulate(position[k] + 1, themeTo[pt[k] + 1], size);
            }
            return size;
        }

        void countRows(int from, int to, int[] rowCount) {
            if (minShared == 1) {
                countDistinct(from, to, rowCount);
                return;
            }
            int[] cnt = count;
            int[] seen = touched;
            for (int a = from; a < to; a++) {
                int size = accumulateRow(a);
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

        void writeRows(ParallelRows.Chunks chunks, int[] slotStart, int[] rowCount, OverlapPairs.Columns out,
                int[][] sliceCounts, java.util.function.IntConsumer done) {
            for (int c = chunks.take(); c >= 0; c = chunks.take()) {
                int from = chunks.start(c);
                int to = chunks.end(c);
                int[] cellCounts = null;
                if (sliceCounts != null) {
                    cellCounts = new int[Significance.cells(out.side)];
                    sliceCounts[c] = cellCounts;
                }
                for (int a = from; a < to; a++) {
                    int listed = writeRow(a, slotStart[a], out.b, out.shared, out.cellOf, cellCounts, out.side);
                    if (listed > slotStart[a + 1] - slotStart[a]) {
                        throw new IllegalStateException("Row " + a + ": " + listed + " pairs in a slot of "
                                + (slotStart[a + 1] - slotStart[a]));
                    }
                    rowCount[a] = listed;
                }
                done.accept(to - from);
            }
        }

        /**
         * Writes the pairs of row {@code a} from {@code at} on: the shared counts accumulated in
         * {@code count}, the second processes put in order, then each listed pair's second process,
         * shared count and test cell. Each step is a small method invoked once per row (or per theme), so
         * that compiled code serves every later row. Time {@code O(Σ_{t ∈ themes(a)} deg(t) + min(k log k, P/64))}
         * for the row's {@code k} co-occurring processes among {@code P}.
         *
         * @return the number of pairs listed
         */
        private int writeRow(int a, int at, int[] outB, int[] outShared, int[] cellOf, int[] cellCounts, int side) {
            int size = accumulateRow(a);
            order(a, size);
            int listed = emit(at, size, outB, outShared);
            if (cellOf != null) {
                cells(g.processDegree(a), at, listed, outB, outShared, cellOf, cellCounts, side);
            }
            return listed;
        }

        /** Counts the processes {@code tp[from..to)} of one theme's column; returns the distinct ones met so far. */
        private int accumulate(int from, int to, int size) {
            int[] tp = g.themeProcesses();
            int[] cnt = count;
            int[] seen = touched;
            for (int j = from; j < to; j++) {
                int b = tp[j];
                if (cnt[b]++ == 0) {
                    seen[size++] = b;
                }
            }
            return size;
        }

        /**
         * Puts the first {@code size} processes met in row {@code a} in ascending order: through the bit
         * set while scanning its words from {@code a} on costs less than sorting them.
         */
        private void order(int a, int size) {
            int[] seen = touched;
            int firstWord = (a + 1) >>> 6;
            int lastWord = (g.processCount() - 1) >>> 6;
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
            int sorted = 0;
            for (int w = firstWord; w <= lastWord; w++) {
                long word = bits[w];
                if (word != 0) {
                    bits[w] = 0;
                    do {
                        seen[sorted++] = (w << 6) + Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                    } while (word != 0);
                }
            }
        }

        /** Writes the listed pairs of a row in order and clears their counts; returns how many. */
        private int emit(int at, int size, int[] outB, int[] outShared) {
            int[] cnt = count;
            int[] seen = touched;
            int listed = 0;
            for (int i = 0; i < size; i++) {
                int b = seen[i];
                int c = cnt[b];
                cnt[b] = 0;
                if (c >= minShared) {
                    outB[at + listed] = b;
                    outShared[at + listed] = c;
                    listed++;
                }
            }
            return listed;
        }

        /**
         * Records the test cell of each pair of a written row (at {@code at}, {@code listed} pairs) and
         * counts it in the slice's own counts.
         */
        private void cells(int degreeA, int at, int listed, int[] outB, int[] outShared, int[] cellOf,
                int[] cellCounts, int side) {
            int[] po = g.processOffsets();
            int[] base = cellBase(side);
            int row = degreeA * side;
            for (int i = at, end = at + listed; i < end; i++) {
                int b = outB[i];
                int cell = base[row + po[b + 1] - po[b]] + outShared[i];
                cellOf[i] = cell;
                cellCounts[cell]++;
            }
        }
    }
}
