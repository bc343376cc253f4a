package org.convergence.engine.analysis;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * Significance of theme overlap: the hypergeometric upper tail {@code P(X ≥ s)} for the shared count
 * {@code s} of two processes with {@code |A|} and {@code |B|} themes drawn from a universe of {@code N}
 * themes (the one-sided test of Fisher's exact test for a 2×2 table), and Benjamini–Hochberg adjusted
 * values (q-values) over the family of all {@code P(P−1)/2} process pairs (pairs sharing nothing have
 * p = 1).
 *
 * <p>The tail is summed from {@code s} upwards with the pmf recurrence
 * {@code f(k+1) = f(k)·(K−k)(n−k) / ((k+1)(N−K−n+k+1))}, starting from {@code f(s)} computed in log
 * space from a table of {@code ln k!}; {@code O(N)} set-up and {@code O(min(K, n) − s)} per pair.
 */
public final class Significance {

    private final int universe;
    private final int threads;
    private final double[] logFactorial;

    /**
     * For p-values one at a time ({@link #upperTail}); {@link #testAll} then runs on one thread.
     *
     * @param universe number of themes N, at least 1
     */
    public Significance(int universe) {
        this(universe, 1);
    }

    /**
     * @param universe number of themes N, at least 1
     * @param threads worker threads of {@link #testAll}, at least 1
     */
    public Significance(int universe, int threads) {
        if (universe < 1) {
            throw new IllegalArgumentException("Value for `universe` was `" + universe
                    + "`, but must be within the range [1, 2147483647]");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("Value for `threads` was `" + threads + "`, but must be at least 1");
        }
        this.universe = universe;
        this.threads = threads;
        this.logFactorial = new double[universe + 1];
        for (int k = 1; k <= universe; k++) {
            logFactorial[k] = logFactorial[k - 1] + Math.log(k);
        }
    }

    /**
     * @param shared observed shared count s
     * @param sizeA themes of the first process K
     * @param sizeB themes of the second process n
     * @return {@code P(X ≥ s)} for X hypergeometric(N, K, n), in [0, 1]
     */
    public double upperTail(int shared, int sizeA, int sizeB) {
        int n = universe;
        if (sizeA > n || sizeB > n || shared < 0) {
            throw new IllegalArgumentException("Values s=" + shared + ", |A|=" + sizeA + ", |B|=" + sizeB
                    + " are not a valid draw from a universe of " + n + " themes");
        }
        int lower = Math.max(0, sizeA + sizeB - n);
        int upper = Math.min(sizeA, sizeB);
        if (shared <= lower) {
            return 1.0;
        }
        if (shared > upper) {
            return 0.0;
        }
        double logTerm = logChoose(sizeA, shared) + logChoose(n - sizeA, sizeB - shared) - logChoose(n, sizeB);
        double term = Math.exp(logTerm);
        double sum = 0;
        for (int k = shared; k <= upper; k++) {
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
            term *= (double) (sizeA - k) * (sizeB - k) / ((double) (k + 1) * (n - sizeA - sizeB + k + 1));
        }
        return Math.min(1.0, sum);
    }

    private double logChoose(int n, int k) {
        return logFactorial[n] - logFactorial[k] - logFactorial[n - k];
    }

    /**
     * Benjamini–Hochberg step-up adjustment (Benjamini &amp; Hochberg 1995, JRSS B 57(1)):
     * {@code q_(i) = min_{j ≥ i} p_(j)·m / j}, capped at 1. The per-pair reference that {@link #testAll}
     * equals; {@link #testAll} itself adjusts per distinct test.
     *
     * <p>Tied p-values always get the same q (the step-up minimum reaches the last of the tie), so q
     * depends on the value alone: the p-values are sorted as primitives, q is computed once per sorted
     * position, and each p-value finds its q by binary search. {@code O(n log n)}, no boxing.
     *
     * @param p p-values of the tested hypotheses that are listed
     * @param family m, the number of hypotheses in the family ({@code ≥ p.length}; the unlisted ones have p = 1)
     * @return q-values in the order of {@code p}
     */
    public static double[] benjaminiHochberg(double[] p, long family) {
        requireFamily(family, p.length, "p-values given");
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        double[] qSorted = new double[sorted.length];
        double running = 1.0;
        for (int rank = sorted.length; rank >= 1; rank--) {
            running = Math.min(running, sorted[rank - 1] * family / rank);
            qSorted[rank - 1] = Math.min(1.0, running);
        }
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = qSorted[lastIndexOf(sorted, p[i])];
        }
        return q;
    }

    /** Fails unless the family of hypotheses holds at least the {@code listed} ones (what they are: {@code what}). */
    private static void requireFamily(long family, int listed, String what) {
        if (family < listed) {
            throw new IllegalArgumentException("Value for `family` was `" + family + "`, but must be at least the "
                    + listed + " " + what);
        }
    }

    private static int lastIndexOf(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * p-values and Benjamini–Hochberg q-values for many pairs at once, stored per distinct test: pairs
     * with the same shared count and the same two theme counts share one test.
     *
     * @param testOf per pair, the index of its distinct test, or with {@code cellTest} its dense cell
     * @param cellTest null, or the distinct test of each dense cell ({@link #denseIndex}) that
     *     {@code testOf} holds
     * @param testP p-value per distinct test
     * @param testQ q-value per distinct test
     * @param testShared shared count s of each distinct test
     * @param testSmaller the smaller theme count of each distinct test
     * @param testLarger the larger theme count of each distinct test
     * @param sliceCounts the number of pairs of each test in each slice of the pairs (pair indexes
     *     {@code sliceStart[s]} to {@code sliceStart[s + 1] - 1} for slice s), counted while testing
     * @param sliceStart the first pair of each slice, and the number of pairs last
     */
    public record Tested(int[] testOf, int[] cellTest, double[] testP, double[] testQ, int[] testShared,
            int[] testSmaller, int[] testLarger, int[][] sliceCounts, int[] sliceStart) {
        /** @return the distinct test of pair i */
        public int test(int i) {
            return cellTest == null ? testOf[i] : cellTest[testOf[i]];
        }

        /** @return p-value of pair i */
        public double p(int i) {
            return testP[test(i)];
        }

        /** @return q-value of pair i */
        public double q(int i) {
            return testQ[test(i)];
        }

        /** @return the number of distinct tests */
        public int tests() {
            return testP.length;
        }
    }

    /**
     * What the overlap kernel counted while it wrote the pairs, handed to {@link #testAll} so that the
     * distinct tests are found without another pass over the pairs: each pair's cell in the dense table of
     * tests ({@link #denseIndex}) and, per slice of the pairs, how many pairs fall in each cell.
     *
     * @param side the table's side, the largest process degree plus one (at most {@value #DENSE_LIMIT} + 1)
     * @param cellOf per pair, its cell (at least as long as the pairs)
     * @param sliceCounts per slice, its pairs per cell
     * @param sliceStart the index of each slice's first pair, and the number of pairs last
     */
    public record Cells(int side, int[] cellOf, int[][] sliceCounts, int[] sliceStart) {
    }

    /** Largest degree for which distinct tests are indexed in a dense (d+1)³ table rather than a hash map. */
    static final int DENSE_LIMIT = 200;

    /**
     * Tests every overlapping pair and adjusts over {@code family} hypotheses, in one way whatever the
     * input: the pairs' distinct tests {@code (s, min(|A|,|B|), max(|A|,|B|))} are found and counted per
     * slice of the pairs, then {@link #adjust} computes each distinct test's p-value once
     * ({@link #upperTail}) and the Benjamini–Hochberg q-values over the tests weighted by their pairs. The
     * distinct tests are found from {@code cells} when the kernel counted them; else, when no process has
     * more than {@value #DENSE_LIMIT} themes, as cells of a dense table, counted in one parallel pass over
     * the pairs' rows; else through a hash map. Equal to {@link #upperTail} per pair followed by
     * {@link #benjaminiHochberg}, in {@code O(n + d log d)} for n pairs with d distinct tests.
     *
     * @param pairs the overlapping pairs
     * @param cells what the kernel counted ({@link OverlapKernel#computeCounted}), or null
     * @param family m, the number of hypotheses (at least the pairs; unlisted pairs have p = 1)
     * @return p and q per pair
     */
    public Tested testAll(OverlapPairs pairs, Cells cells, long family) {
        return testAll(pairs, cells, family, DENSE_LIMIT);
    }

    /** {@link #testAll(OverlapPairs, Cells, long)} with the dense table's limit given (tests force the hash map). */
    Tested testAll(OverlapPairs pairs, Cells cells, long family, int denseLimit) {
        requireFamily(family, pairs.size(), "pairs tested");
        int max = pairs.graph().maxProcessDegree();
        if (max > denseLimit) {
            return hashed(pairs, family);
        }
        if (cells == null || cells.side() != max + 1) {
            cells = denseCells(pairs, max + 1, threads);
        }
        return counted(cells, family);
    }

    /**
     * Each pair's dense cell, and the cells' counts per slice of the pairs, in one parallel pass over the
     * pairs' rows: what the kernel records while writing, for pairs it was not asked to count.
     */
    static Cells denseCells(OverlapPairs pairs, int side, int threads) {
        BipartiteGraph g = pairs.graph();
        int rows = g.processCount();
        int cellCount = cells(side);
        int slices = OverlapKernel.writeSlices(rows, threads, cellCount, Runtime.getRuntime().maxMemory());
        int[] bounds = new int[slices + 1];
        for (int slice = 1, a = 0; slice <= slices; slice++) {
            long target = (long) pairs.size() * slice / slices;
            while (a < rows && pairs.rowStart(a) < target) {
                a++;
            }
            bounds[slice] = slice == slices ? rows : Math.max(a, bounds[slice - 1]);
        }
        int[] cellOf = new int[pairs.size()];
        int[][] sliceCounts = new int[slices][];
        ParallelRows.runLoops(bounds, threads, () -> chunks -> {
            for (int c = chunks.take(); c >= 0; c = chunks.take()) {
                int[] counts = new int[cellCount];
                for (int a = chunks.start(c); a < chunks.end(c); a++) {
                    int da = g.processDegree(a);
                    for (int i = pairs.rowStart(a), end = pairs.rowEnd(a); i < end; i++) {
                        int cell = denseIndex(pairs.shared(i), da, g.processDegree(pairs.b(i)));
                        cellOf[i] = cell;
                        counts[cell]++;
                    }
                }
                sliceCounts[c] = counts;
            }
        });
        int[] sliceStart = new int[slices + 1];
        for (int slice = 0; slice <= slices; slice++) {
            sliceStart[slice] = bounds[slice] < rows ? pairs.rowStart(bounds[slice]) : pairs.size();
        }
        return new Cells(side, cellOf, sliceCounts, sliceStart);
    }

    /**
     * The tests of counted cells: the cells in use are numbered in index order, and each slice's counts
     * per cell become its counts per test, without a pass over the pairs.
     */
    private Tested counted(Cells cells, long family) {
        int[][] sliceCells = cells.sliceCounts();
        int cellCount = cells(cells.side());
        int[] table = new int[cellCount];
        for (int[] local : sliceCells) {
            for (int x = 0; x < cellCount; x++) {
                table[x] |= local[x];
            }
        }
        int[][] tests = numberDense(table, cells.side());
        int d = tests[0].length;
        int[][] sliceCounts = new int[sliceCells.length][d];
        for (int slice = 0; slice < sliceCells.length; slice++) {
            int[] local = sliceCells[slice];
            int[] perTest = sliceCounts[slice];
            for (int x = 0; x < cellCount; x++) {
                if (local[x] != 0) {
                    perTest[table[x]] = local[x];
                }
            }
        }
        return adjust(cells.cellOf(), table, tests, sliceCounts, cells.sliceStart(), family);
    }

    /**
     * The tests of pairs whose theme counts exceed the dense table: numbered through a hash map in pair
     * order, then counted per slice of the pairs in parallel.
     */
    private Tested hashed(OverlapPairs pairs, long family) {
        BipartiteGraph g = pairs.graph();
        int n = pairs.size();
        Long2IntOpenHashMap ids = new Long2IntOpenHashMap(1024);
        ids.defaultReturnValue(-1);
        int[][] tests = new int[3][64];
        int[] testOf = new int[n];
        for (int a = 0; a < g.processCount(); a++) {
            int da = g.processDegree(a);
            for (int i = pairs.rowStart(a), end = pairs.rowEnd(a); i < end; i++) {
                int db = g.processDegree(pairs.b(i));
                int lo = Math.min(da, db);
                int hi = Math.max(da, db);
                long key = ((long) pairs.shared(i) << 42) | ((long) lo << 21) | hi;
                int id = ids.putIfAbsent(key, ids.size());
                if (id < 0) {
                    id = ids.size() - 1;
                    if (id == tests[0].length) {
                        for (int c = 0; c < 3; c++) {
                            tests[c] = Arrays.copyOf(tests[c], id * 2);
                        }
                    }
                    tests[0][id] = pairs.shared(i);
                    tests[1][id] = lo;
                    tests[2][id] = hi;
                }
                testOf[i] = id;
            }
        }
        int d = ids.size();
        for (int c = 0; c < 3; c++) {
            tests[c] = Arrays.copyOf(tests[c], d);
        }
        int slices = countingSlices(n, d, threads);
        int[] sliceStart = new int[slices + 1];
        for (int slice = 0; slice <= slices; slice++) {
            sliceStart[slice] = (int) ((long) n * slice / slices);
        }
        int[][] sliceCounts = new int[slices][];
        ParallelRows.runLoops(sliceStart, threads, () -> chunks -> {
            for (int slice = chunks.take(); slice >= 0; slice = chunks.take()) {
                int[] local = new int[d];
                for (int i = chunks.start(slice); i < chunks.end(slice); i++) {
                    local[testOf[i]]++;
                }
                sliceCounts[slice] = local;
            }
        });
        return adjust(testOf, null, tests, sliceCounts, sliceStart, family);
    }

    /**
     * How many slices n pairs with d distinct tests are counted in, in parallel, each with a local array of
     * d counters: one per 65,536 pairs, at most four per thread, and one when the counters are too many
     * to copy per slice. The ranking places the pairs in the same slices, with their counts.
     */
    static int countingSlices(int n, int d, int threads) {
        return d > 1 << 16 ? 1 : Math.max(1, Math.min(4 * threads, n / 65_536));
    }

    /**
     * The one place p- and q-values are computed: the p-value of each distinct test {@code tests[0..2]} =
     * (s, lo, hi) by {@link #upperTail}, in parallel, then the Benjamini–Hochberg step-up over the
     * distinct p-values, each weighted by how many pairs have it (summed over the slices' counts).
     *
     * @param testOf per pair, its test, or its dense cell with {@code cellTest}
     * @param cellTest null, or the test of each dense cell
     */
    private Tested adjust(int[] testOf, int[] cellTest, int[][] tests, int[][] sliceCounts, int[] sliceStart,
            long family) {
        int d = tests[0].length;
        long[] count = new long[d];
        for (int[] local : sliceCounts) {
            for (int k = 0; k < d; k++) {
                count[k] += local[k];
            }
        }
        double[] testP = new double[d];
        ParallelRows.run(d, threads, 256, () -> (from, to) -> {
            for (int k = from; k < to; k++) {
                testP[k] = upperTail(tests[0][k], tests[1][k], tests[2][k]);
            }
        });
        int[] order = new int[d];
        for (int k = 0; k < d; k++) {
            order[k] = k;
        }
        IntArrays.quickSort(order, (x, y) -> Double.compare(testP[x], testP[y]));
        long[] lastRank = new long[d];
        long rank = 0;
        for (int k = 0; k < d; k++) {
            rank += count[order[k]];
            lastRank[k] = rank;
        }
        double[] testQ = new double[d];
        double running = 1.0;
        int k = d - 1;
        while (k >= 0) {
            int start = k;
            while (start > 0 && testP[order[start - 1]] == testP[order[k]]) {
                start--;
            }
            running = Math.min(running, testP[order[k]] * family / lastRank[k]);
            for (int j = start; j <= k; j++) {
                testQ[order[j]] = Math.min(1.0, running);
            }
            k = start - 1;
        }
        return new Tested(testOf, cellTest, testP, testQ, tests[0], tests[1], tests[2], sliceCounts, sliceStart);
    }

    /**
     * Numbers the marked (non-zero) cells of a dense (s, lo, hi) table in index order, in place (unmarked
     * cells become -1), and returns {shared[], lo[], hi[]} per test.
     */
    private static int[][] numberDense(int[] table, int side) {
        int d = 0;
        for (int x = 0; x < table.length; x++) {
            table[x] = table[x] == 0 ? -1 : d++;
        }
        int[][] tests = new int[3][d];
        int x = 0;
        for (int hi = 0; hi < side; hi++) {
            for (int lo = 0; lo <= hi; lo++) {
                for (int s = 0; s <= lo; s++, x++) {
                    if (table[x] >= 0) {
                        tests[0][table[x]] = s;
                        tests[1][table[x]] = lo;
                        tests[2][table[x]] = hi;
                    }
                }
            }
        }
        return tests;
    }

    /** @return the cells of a dense table of side {@code side}: the triples 0 ≤ s ≤ lo ≤ hi &lt; side */
    static int cells(int side) {
        return side * (side + 1) * (side + 2) / 6;
    }

    /**
     * The cell of a test in a dense table: the triples {@code 0 ≤ s ≤ lo ≤ hi} numbered by hi, then lo,
     * then s, {@code hi(hi+1)(hi+2)/6 + lo(lo+1)/2 + s} (s never exceeds the smaller theme count).
     */
    static int denseIndex(int s, int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return hi * (hi + 1) * (hi + 2) / 6 + lo * (lo + 1) / 2 + s;
    }
}
