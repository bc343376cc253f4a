package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * All-pairs theme overlap of processes: for every pair {@code a < b} sharing at least
 * {@code minShared} themes, the shared count and the sums needed for weighted Jaccard, Adamic–Adar
 * and resource allocation.
 *
 * <p>Method: the sparse product {@code B·Bᵀ} of the process × theme incidence matrix, row by row
 * (Gustavson's algorithm): for process {@code a}, walk its themes and, for each, the processes after
 * {@code a} in the theme's sorted column, accumulating into a dense per-thread array. Rows are split
 * into chunks taken by worker threads; chunks are concatenated in row order, and each row's pairs are
 * sorted by {@code b}, so the output does not depend on the thread count. Time
 * {@code O(Σ_t deg(t)² / 2 + pairs · log)}, memory {@code O(P)} per thread plus the output.
 */
public final class OverlapKernel {

    /**
     * Parameters of the kernel.
     *
     * @param minShared smallest shared count a pair needs to be listed, at least 1
     * @param threads worker threads, at least 1
     * @param rareThemeIndexes whether to accumulate Adamic–Adar and resource allocation
     */
    public record Parameters(int minShared, int threads, boolean rareThemeIndexes) {
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

        /** @return every overlapping pair, all indexes, one thread per core */
        public static Parameters defaults() {
            return new Parameters(1, Runtime.getRuntime().availableProcessors(), true);
        }
    }

    private static final int CHUNK = 64;

    private OverlapKernel() {
    }

    /**
     * Computes the overlapping pairs.
     *
     * @param graph the bipartite graph
     * @param parameters kernel parameters
     * @return the pairs, sorted by {@code a} then {@code b}
     */
    public static OverlapPairs compute(BipartiteGraph graph, Parameters parameters) {
        int n = graph.processCount();
        int chunks = (n + CHUNK - 1) / CHUNK;
        OverlapPairs.Builder[] results = new OverlapPairs.Builder[chunks];
        AtomicInteger next = new AtomicInteger();
        int threads = Math.min(parameters.threads(), Math.max(1, chunks));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "overlap-kernel");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(() -> {
                    Worker worker = new Worker(graph, parameters);
                    for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                        results[c] = worker.rows(c * CHUNK, Math.min(n, (c + 1) * CHUNK));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Overlap computation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Overlap computation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return OverlapPairs.concat(graph, parameters.rareThemeIndexes(), results);
    }

    private static final class Worker {
        private final BipartiteGraph g;
        private final Parameters p;
        private final int[] count;
        private final double[] minSum;
        private final double[] adamicAdar;
        private final double[] resource;
        private final int[] touched;

        Worker(BipartiteGraph g, Parameters p) {
            this.g = g;
            this.p = p;
            int n = g.processCount();
            this.count = new int[n];
            this.minSum = g.weighted() ? new double[n] : null;
            this.adamicAdar = p.rareThemeIndexes() ? new double[n] : null;
            this.resource = p.rareThemeIndexes() ? new double[n] : null;
            this.touched = new int[n];
        }

        OverlapPairs.Builder rows(int from, int to) {
            OverlapPairs.Builder out = new OverlapPairs.Builder(g.weighted(), p.rareThemeIndexes());
            int[] po = g.processOffsets();
            int[] pt = g.processThemes();
            double[] pw = g.processWeights();
            int[] to2 = g.themeOffsets();
            int[] tp = g.themeProcesses();
            double[] tw = g.themeWeights();
            for (int a = from; a < to; a++) {
                int size = 0;
                for (int k = po[a]; k < po[a + 1]; k++) {
                    int t = pt[k];
                    int colFrom = to2[t];
                    int colTo = to2[t + 1];
                    int start = Arrays.binarySearch(tp, colFrom, colTo, a) + 1; // a is in its own theme's column
                    int degree = colTo - colFrom;
                    double aa = adamicAdar == null ? 0 : 1.0 / Math.log(degree);
                    double ra = 1.0 / degree;
                    for (int j = start; j < colTo; j++) {
                        int b = tp[j];
                        if (count[b]++ == 0) {
                            touched[size++] = b;
                        }
                        if (minSum != null) {
                            minSum[b] += Math.min(pw[k], tw[j]);
                        }
                        if (adamicAdar != null) {
                            adamicAdar[b] += aa;
                            resource[b] += ra;
                        }
                    }
                }
                Arrays.sort(touched, 0, size);
                for (int i = 0; i < size; i++) {
                    int b = touched[i];
                    if (count[b] >= p.minShared()) {
                        out.add(a, b, count[b], minSum == null ? 0 : minSum[b],
                                adamicAdar == null ? 0 : adamicAdar[b], resource == null ? 0 : resource[b]);
                    }
                    count[b] = 0;
                    if (minSum != null) {
                        minSum[b] = 0;
                    }
                    if (adamicAdar != null) {
                        adamicAdar[b] = 0;
                        resource[b] = 0;
                    }
                }
            }
            return out;
        }
    }
}
