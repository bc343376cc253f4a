package org.convergence.engine.analysis;

import java.util.Arrays;

/**
 * Each process's {@code k} most similar processes, as Neo4j GDS node similarity's {@code topK}:
 * row by row over all other processes (both directions), keeping only the best {@code k} of each row
 * in a bounded heap, so memory is {@code O(P·k)} however many pairs overlap. Ties are broken by the
 * lower process index. A pair in either process's top k is reported once, with {@code a < b}.
 * Time as {@link OverlapKernel} without the {@code b > a} halving.
 */
public final class TopKOverlap {

    private TopKOverlap() {
    }

    /**
     * @param graph the bipartite graph
     * @param k neighbours per process, at least 1
     * @param metric ranking similarity
     * @param minShared smallest shared count considered
     * @param threads worker threads
     * @return the union of all top-k lists as pairs with {@code a < b}, sorted by a then b
     */
    public static OverlapPairs compute(BipartiteGraph graph, int k, SimilarityMetric metric, int minShared,
            int threads) {
        if (k < 1) {
            throw new IllegalArgumentException("Value for `topK` was `" + k + "`, but must be within the range"
                    + " [1, 2147483647]");
        }
        int n = graph.processCount();
        int[][] best = new int[n][];
        ParallelRows.run(n, threads, () -> {
            int[] count = new int[n];
            int[] touched = new int[n];
            int[] heap = new int[k];
            double[] heapScore = new double[k];
            return (from, to) -> {
                for (int a = from; a < to; a++) {
                    best[a] = row(graph, a, k, metric, minShared, count, touched, heap, heapScore);
                }
            };
        });
        long[] keys = new long[Arrays.stream(best).mapToInt(r -> r.length).sum()];
        int m = 0;
        for (int a = 0; a < n; a++) {
            for (int b : best[a]) {
                keys[m++] = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
            }
        }
        Arrays.sort(keys);
        int unique = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                keys[unique++] = keys[i];
            }
        }
        int[] rowStart = new int[n + 1];
        for (int i = 0; i < unique; i++) {
            rowStart[(int) (keys[i] >>> 32) + 1]++;
        }
        for (int a = 0; a < n; a++) {
            rowStart[a + 1] += rowStart[a];
        }
        OverlapPairs.Columns out = new OverlapPairs.Columns(rowStart);
        for (int i = 0; i < unique; i++) {
            exact(graph, (int) (keys[i] >>> 32), (int) keys[i], out, i);
        }
        return OverlapPairs.of(graph, out);
    }

    private static int[] row(BipartiteGraph g, int a, int k, SimilarityMetric metric, int minShared, int[] count,
            int[] touched, int[] heap, double[] heapScore) {
        int[] po = g.processOffsets();
        int[] pt = g.processThemes();
        int[] to = g.themeOffsets();
        int[] tp = g.themeProcesses();
        int size = 0;
        for (int x = po[a]; x < po[a + 1]; x++) {
            int t = pt[x];
            for (int j = to[t]; j < to[t + 1]; j++) {
                int b = tp[j];
                if (b != a && count[b]++ == 0) {
                    touched[size++] = b;
                }
            }
        }
        int heapSize = 0;
        int da = g.processDegree(a);
        for (int i = 0; i < size; i++) {
            int b = touched[i];
            int s = count[b];
            count[b] = 0;
            if (s < minShared) {
                continue;
            }
            double score = metric.of(s, da, g.processDegree(b));
            if (heapSize < k) {
                heap[heapSize] = b;
                heapScore[heapSize] = score;
                siftUp(heap, heapScore, heapSize++);
            } else if (better(score, b, heapScore[0], heap[0])) {
                heap[0] = b;
                heapScore[0] = score;
                siftDown(heap, heapScore, heapSize);
            }
        }
        return Arrays.copyOf(heap, heapSize);
    }

    /** Min-heap on (score, then higher index is worse). */
    private static boolean better(double s1, int b1, double s2, int b2) {
        return s1 > s2 || (s1 == s2 && b1 < b2);
    }

    private static void siftUp(int[] heap, double[] score, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (better(score[parent], heap[parent], score[i], heap[i])) {
                swap(heap, score, i, parent);
                i = parent;
            } else {
                return;
            }
        }
    }

    private static void siftDown(int[] heap, double[] score, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int worst = i;
            if (l < size && better(score[worst], heap[worst], score[l], heap[l])) {
                worst = l;
            }
            if (r < size && better(score[worst], heap[worst], score[r], heap[r])) {
                worst = r;
            }
            if (worst == i) {
                return;
            }
            swap(heap, score, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] heap, double[] score, int i, int j) {
        int h = heap[i];
        heap[i] = heap[j];
        heap[j] = h;
        double s = score[i];
        score[i] = score[j];
        score[j] = s;
    }

    private static void exact(BipartiteGraph g, int a, int b, OverlapPairs.Columns out, int at) {
        out.b[at] = b;
        out.shared[at] = g.sharedThemeSums(a, b, null, new double[3]);
    }
}
