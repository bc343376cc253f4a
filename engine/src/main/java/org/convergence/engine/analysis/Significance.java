package org.convergence.engine.analysis;

import it.unimi.dsi.fastutil.ints.IntArrays;
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
    private final double[] logFactorial;

    /**
     * @param universe number of themes N, at least 1
     */
    public Significance(int universe) {
        if (universe < 1) {
            throw new IllegalArgumentException("Value for `universe` was `" + universe
                    + "`, but must be within the range [1, 2147483647]");
        }
        this.universe = universe;
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
     * Benjamini–Hochberg step-up adjustment: {@code q_(i) = min_{j ≥ i} p_(j)·m / j}, capped at 1.
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
        Arrays.parallelSort(sorted);
        double[] qSorted = new double[sorted.length];
        double running = 1.0;
        for (int rank = sorted.length; rank >= 1; rank--) {
            running = Math.min(running, sorted[rank - 1] * family / rank);
            qSorted[rank - 1] = Math.min(1.0, running);
        }
        double[] q = new double[p.length];
        java.util.stream.IntStream.range(0, p.length).parallel().forEach(i -> {
            q[i] = qSorted[lastIndexOf(sorted, p[i])];
        });
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
     * How many slices n pairs are counted in, in parallel, each with a local array of {@code keys}
     * counters: one per 65,536 pairs, at most four per core, and one when the counters are too many to
     * copy per slice. The ranking places the pairs in the slices significance counted, with its counts.
     */
    static int slices(int n, int keys) {
        return keys > 1 << 16 ? 1 : Math.max(1, Math.min(4 * Runtime.getRuntime().availableProcessors(), n / 65_536));
    }

    /** @return the first pair index of each of {@code slices} slices of n pairs, and n last */
    static int[] sliceStarts(int n, int slices) {
        int[] starts = new int[slices + 1];
        for (int slice = 0; slice <= slices; slice++) {
            starts[slice] = (int) ((long) n * slice / slices);
        }
        return starts;
    }

    /** Largest degree for which distinct tests are indexed in a dense (d+1)³ table rather than a hash map. */
    static final int DENSE_LIMIT = 200;

    /**
     * Tests every overlapping pair of a kernel result; see {@link #testAll(int[], int[], int[], long)}.
     * When no process has more than {@value #DENSE_LIMIT} themes, the distinct tests are cells of a dense
     * table: if the kernel wrote each pair's cell and counted the cells per slice of the pairs
     * ({@link OverlapKernel.Parameters#testCells()}), the tests are numbered from those counts without a
     * pass over the pairs; otherwise they are found straight from the pairs' rows in two parallel passes,
     * without copying shared counts and theme counts into per-pair arrays first.
     */
    public Tested testAll(OverlapPairs pairs, long family) {
        BipartiteGraph g = pairs.graph();
        int n = pairs.size();
        requireFamily(family, n, "pairs tested");
        int max = 0;
        for (int a = 0; a < g.processCount(); a++) {
            max = Math.max(max, g.processDegree(a));
        }
        if (max > DENSE_LIMIT) {
            int[] shared = new int[n];
            int[] sizeA = new int[n];
            int[] sizeB = new int[n];
            java.util.stream.IntStream.range(0, g.processCount()).parallel().forEach(a -> {
                int da = g.processDegree(a);
                for (int i = pairs.rowStart(a), end = pairs.rowEnd(a); i < end; i++) {
                    shared[i] = pairs.shared(i);
                    sizeA[i] = da;
                    sizeB[i] = g.processDegree(pairs.b(i));
                }
            });
            return testAll(shared, sizeA, sizeB, family);
        }
        int side = max + 1;
        OverlapPairs.TestCells cells = pairs.takeTestCells();
        if (cells != null && cells.side() == side) {
            return testCounted(cells, family);
        }
        int[] table = new int[cells(side)];
        int[] testOf = new int[n];
        // first the dense cell of each pair, marking the cells in use; then each cell's test number
        java.util.stream.IntStream.range(0, g.processCount()).parallel().forEach(a -> {
            int da = g.processDegree(a);
            for (int i = pairs.rowStart(a), end = pairs.rowEnd(a); i < end; i++) {
                int cell = denseIndex(pairs.shared(i), da, g.processDegree(pairs.b(i)));
                testOf[i] = cell;
                table[cell] = 1;
            }
        });
        int[][] tests = numberDense(table, side);
        return adjustCounted(testOf, table, tests, family);
    }

    /**
     * Counts each test's pairs in parallel slices of the pairs ({@link #slices}), turning each pair's cell
     * into its test on the way when {@code cellTest} is given, and adjusts. The per-slice counts are kept
     * in the result, so that the ranking places the pairs without counting them again.
     *
     * @param testOf per pair, its test, or its cell with {@code cellTest}; rewritten to tests
     * @param cellTest null, or the test of each cell
     */
    private Tested adjustCounted(int[] testOf, int[] cellTest, int[][] tests, long family) {
        int n = testOf.length;
        int d = tests[0].length;
        int slices = slices(n, d);
        int[][] sliceCounts = new int[slices][];
        int[] sliceStart = sliceStarts(n, slices);
        java.util.stream.IntStream.range(0, slices).parallel().forEach(slice -> {
            int[] local = new int[d];
            for (int i = sliceStart[slice], end = sliceStart[slice + 1]; i < end; i++) {
                int id = cellTest == null ? testOf[i] : cellTest[testOf[i]];
                testOf[i] = id;
                local[id]++;
            }
            sliceCounts[slice] = local;
        });
        long[] count = new long[d];
        for (int[] local : sliceCounts) {
            for (int k = 0; k < d; k++) {
                count[k] += local[k];
            }
        }
        return adjust(testOf, null, tests, count, family, sliceCounts, sliceStart);
    }

    /**
     * Tests the pairs from the cells and per-slice cell counts the kernel wrote: the cells in use are
     * numbered, and each slice's counts per cell become its counts per test, without a pass over the pairs.
     */
    private Tested testCounted(OverlapPairs.TestCells cells, long family) {
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
        long[] count = new long[d];
        for (int slice = 0; slice < sliceCells.length; slice++) {
            int[] local = sliceCells[slice];
            int[] perTest = sliceCounts[slice];
            for (int x = 0; x < cellCount; x++) {
                if (local[x] != 0) {
                    perTest[table[x]] = local[x];
                    count[table[x]] += local[x];
                }
            }
        }
        return adjust(cells.cellOf(), table, tests, count, family, sliceCounts, cells.sliceStart());
    }

    /**
     * Tests every pair and adjusts over {@code family} hypotheses. Pairs with the same shared count and
     * the same two theme counts (in either order: the test is symmetric in them) have the same p-value,
     * and BH gives equal p-values equal q-values, so each distinct test is computed once and the step-up
     * runs over the distinct p-values weighted by how many pairs have them. Equal to {@link #upperTail}
     * per pair followed by {@link #benjaminiHochberg}, in {@code O(n + d log d)} for n pairs with d
     * distinct tests. Distinct tests are found through a dense table when all counts are at most
     * {@value #DENSE_LIMIT}, in parallel, and through a hash map otherwise.
     */
    public Tested testAll(int[] shared, int[] sizeA, int[] sizeB, long family) {
        int n = shared.length;
        requireFamily(family, n, "pairs tested");
        int max = 0;
        for (int i = 0; i < n; i++) {
            if (shared[i] < 0 || sizeA[i] < shared[i] || sizeB[i] < shared[i] || sizeA[i] >= 1 << 21
                    || sizeB[i] >= 1 << 21) {
                throw new IllegalArgumentException("Values s=" + shared[i] + ", |A|=" + sizeA[i] + ", |B|=" + sizeB[i]
                        + " are not a valid overlap (0 <= s <= |A|, |B| < 2097152)");
            }
            max = Math.max(max, Math.max(sizeA[i], sizeB[i]));
        }
        int[] testOf = new int[n];
        int[][] tests = max <= DENSE_LIMIT ? denseTests(shared, sizeA, sizeB, max, testOf)
                : hashedTests(shared, sizeA, sizeB, testOf);
        return adjustCounted(testOf, null, tests, family);
    }

    /**
     * p-values of the distinct tests {shared[], lo[], hi[]}, and their BH q-values with each test
     * weighted by the number of pairs using it.
     */
    private Tested adjust(int[] testOf, int[] cellTest, int[][] tests, long[] count, long family, int[][] sliceCounts,
            int[] sliceStart) {
        int d = tests[0].length;
        double[] testP = new double[d];
        java.util.stream.IntStream.range(0, d).parallel()
                .forEach(k -> testP[k] = upperTail(tests[0][k], tests[1][k], tests[2][k]));
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

    /** Distinct (s, min, max) tests through a dense table; returns {shared[], lo[], hi[]} per test. */
    private static int[][] denseTests(int[] shared, int[] sizeA, int[] sizeB, int max, int[] testOf) {
        int side = max + 1;
        int[] table = new int[cells(side)];
        java.util.stream.IntStream.range(0, shared.length).parallel().forEach(i -> {
            table[denseIndex(shared[i], sizeA[i], sizeB[i])] = 1;
        });
        int[][] tests = numberDense(table, side);
        java.util.stream.IntStream.range(0, shared.length).parallel()
                .forEach(i -> testOf[i] = table[denseIndex(shared[i], sizeA[i], sizeB[i])]);
        return tests;
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

    /** Distinct (s, min, max) tests through a hash map; returns {shared[], lo[], hi[]} per test. */
    private static int[][] hashedTests(int[] shared, int[] sizeA, int[] sizeB, int[] testOf) {
        LongIntMap ids = new LongIntMap(1024);
        int[][] tests = new int[3][64];
        for (int i = 0; i < shared.length; i++) {
            int lo = Math.min(sizeA[i], sizeB[i]);
            int hi = Math.max(sizeA[i], sizeB[i]);
            long key = ((long) shared[i] << 42) | ((long) lo << 21) | hi;
            int id = ids.getOrPut(key, ids.size());
            if (id == tests[0].length) {
                for (int c = 0; c < 3; c++) {
                    tests[c] = java.util.Arrays.copyOf(tests[c], id * 2);
                }
            }
            tests[0][id] = shared[i];
            tests[1][id] = lo;
            tests[2][id] = hi;
            testOf[i] = id;
        }
        for (int c = 0; c < 3; c++) {
            tests[c] = java.util.Arrays.copyOf(tests[c], ids.size());
        }
        return tests;
    }

    /** Open-addressing map from long keys to int values, for the distinct triples of {@link #testAll}. */
    private static final class LongIntMap {
        private long[] keys;
        private int[] values;
        private boolean[] used;
        private int size;

        LongIntMap(int capacity) {
            keys = new long[capacity];
            values = new int[capacity];
            used = new boolean[capacity];
        }

        int size() {
            return size;
        }

        int getOrPut(long key, int value) {
            int mask = keys.length - 1;
            int slot = (int) (mix(key) & mask);
            while (used[slot]) {
                if (keys[slot] == key) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            used[slot] = true;
            keys[slot] = key;
            values[slot] = value;
            if (++size * 2 > keys.length) {
                grow();
            }
            return value;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    int slot = (int) (mix(oldKeys[i]) & mask);
                    while (used[slot]) {
                        slot = (slot + 1) & mask;
                    }
                    used[slot] = true;
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }
    }
}
