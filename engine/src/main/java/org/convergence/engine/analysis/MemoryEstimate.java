package org.convergence.engine.analysis;

import java.util.Locale;

/**
 * What an analysis will need before it runs, as Neo4j GDS's {@code .estimate} procedures tell: the
 * number of converging pairs (exact, from the overlap kernel's counting pass, which stores nothing),
 * the heap the run's largest stage holds, and the relationships a write-back creates.
 *
 * <p>Heap per converging pair, from the data structures that are alive at the same time: the kernel's
 * compressed rows (second process and shared count, 8 bytes), each pair's test cell, which becomes its
 * distinct-test index (4), and the ranking (4); every other score is computed when a pair is written.
 * Per edge of a clustered projection (the process pairs, or each process's 10 most similar above
 * {@link ConvergenceAnalysis#PROJECTION_EDGE_LIMIT}; the same for theme co-occurrence): edge lists with
 * weights (16) and the clustering library's symmetric network with its construction copies (about 48),
 * and for theme pairs the kernel's 8. Per edge of the graph, about 100 bytes are held while it is read
 * and built. An all-pairs run also holds the kernel's per-slice test-cell counters
 * ({@link OverlapKernel#cellCounterBytes}: at most 4 Mi ints or 1/64 of the heap).
 *
 * @param processes processes P
 * @param themes themes T
 * @param edges edges E
 * @param pairs process pairs the run lists: exact for all pairs, an upper bound ({@code P·k}) for top-k
 * @param pairsExact whether {@code pairs} was counted rather than bounded
 * @param allPairs process pairs sharing at least {@code minShared} themes (exact)
 * @param themePairs theme pairs that co-occur, or 0 when themes are not clustered
 * @param themePairsClustered theme pairs the theme clustering holds (capped as the analysis caps them)
 * @param heapBytes estimated peak heap of the run
 * @param allPairsHeapBytes the same for all pairs (no top-k)
 * @param topK the K of {@code topKHeapBytes}: the run's, or {@value #SUGGESTED_TOP_K} for an all-pairs run
 * @param topKHeapBytes the same with {@code --top-k topK}
 * @param relationships relationships a write-back creates ({@code CONVERGES_WITH}, {@code IN_CLUSTER},
 *     {@code SCORED})
 * @param availableHeapBytes the JVM's maximum heap
 */
public record MemoryEstimate(int processes, int themes, int edges, long pairs, boolean pairsExact, long allPairs,
        long themePairs, long themePairsClustered, long heapBytes, long allPairsHeapBytes, int topK,
        long topKHeapBytes, long relationships, long availableHeapBytes) {

    /** The K an all-pairs estimate also gives the heap of, as the remedy it suggests. */
    static final int SUGGESTED_TOP_K = 10;

    /** Bytes per listed process pair, see the class comment. */
    static final int PAIR_BYTES = 8 + 4 + 4;
    /** Bytes per edge of a clustered projection. */
    static final int PROJECTION_EDGE_BYTES = 16 + 48;
    /** Bytes per clustered theme pair: the kernel's columns and the projection. */
    static final int THEME_PAIR_BYTES = 8 + PROJECTION_EDGE_BYTES;

    /** @return the edges of the process projection that is clustered, for {@code listed} pairs */
    private static long projectionEdges(BipartiteGraph graph, long listed) {
        return listed > ConvergenceAnalysis.PROJECTION_EDGE_LIMIT
                ? Math.min(listed, (long) graph.processCount() * ConvergenceAnalysis.PROJECTION_TOP_K) : listed;
    }
    /** Bytes per edge while the graph is read and held. */
    static final int EDGE_BYTES = 100;
    /** Bytes per process or theme (ids, names, per-thread rows). */
    static final int NODE_BYTES = 200;
    /** Share of the maximum heap a run may plan to use; the rest is the database's and the JVM's. */
    static final double USABLE = 0.8;

    /**
     * Estimates a run.
     *
     * @param graph the graph as read
     * @param parameters what the run computes
     * @param availableHeapBytes the heap there is ({@code Runtime.maxMemory()})
     * @return the estimate
     */
    public static MemoryEstimate of(BipartiteGraph graph, ConvergenceAnalysis.Parameters parameters,
            long availableHeapBytes) {
        OverlapAnalysis.Parameters overlap = parameters.overlap();
        long all = OverlapKernel.countPairs(graph, overlap.minShared(), overlap.threads());
        int k = overlap.topK();
        long listed = k == 0 ? all : Math.min(all, (long) graph.processCount() * k);
        long themePairs = 0;
        long themeClustered = 0;
        if (parameters.clusters() != null && parameters.themeClusters()) {
            themePairs = OverlapKernel.countPairs(graph.transpose(), 1, overlap.threads());
            themeClustered = themePairs > ConvergenceAnalysis.PROJECTION_EDGE_LIMIT
                    ? (long) graph.themeCount() * ConvergenceAnalysis.PROJECTION_TOP_K : themePairs;
        }
        long counters = OverlapKernel.cellCounterBytes(graph, overlap.threads(), availableHeapBytes);
        long heap = heap(graph, listed, themeClustered, k == 0 ? counters : 0);
        long allHeap = heap(graph, all, themeClustered, counters);
        int shownK = k == 0 ? SUGGESTED_TOP_K : k;
        long topHeap = heap(graph, Math.min(all, (long) graph.processCount() * shownK), themeClustered, 0);
        long nodes = graph.processCount() + graph.themeCount();
        long memberships = parameters.clusters() == null ? 0
                : nodes + graph.processCount() + (parameters.themeClusters() ? graph.themeCount() : 0);
        long relationships = listed + memberships + (parameters.centrality() ? nodes : 0);
        return new MemoryEstimate(graph.processCount(), graph.themeCount(), graph.edgeCount(), listed, k == 0, all,
                themePairs, themeClustered, heap, allHeap, shownK, topHeap, relationships, availableHeapBytes);
    }

    /**
     * Checks cheaply whether a run surely fits, from the bound {@code Σ_t C(deg(t), 2)} on the pairs
     * (and {@code Σ_p C(deg(p), 2)} on the theme pairs), without counting them; when the bound does not
     * fit, counts exactly.
     *
     * @return empty when the run fits, else the exact estimate, which says why not (or that it fits)
     */
    public static java.util.Optional<MemoryEstimate> check(BipartiteGraph graph, ConvergenceAnalysis.Parameters parameters,
            long availableHeapBytes) {
        long pairBound = 0;
        for (int t = 0; t < graph.themeCount(); t++) {
            long d = graph.themeDegree(t);
            pairBound += d * (d - 1) / 2;
        }
        int k = parameters.overlap().topK();
        long listed = k == 0 ? pairBound : Math.min(pairBound, (long) graph.processCount() * k);
        long themeBound = 0;
        if (parameters.clusters() != null && parameters.themeClusters()) {
            for (int a = 0; a < graph.processCount(); a++) {
                long d = graph.processDegree(a);
                themeBound += d * (d - 1) / 2;
            }
            themeBound = Math.min(themeBound, Math.max(ConvergenceAnalysis.PROJECTION_EDGE_LIMIT,
                    (long) graph.themeCount() * ConvergenceAnalysis.PROJECTION_TOP_K));
        }
        long heap = heap(graph, listed, themeBound, k == 0
                ? OverlapKernel.cellCounterBytes(graph, parameters.overlap().threads(), availableHeapBytes) : 0);
        if (heap <= availableHeapBytes * USABLE) {
            return java.util.Optional.empty();
        }
        MemoryEstimate exact = of(graph, parameters, availableHeapBytes);
        return exact.fits() ? java.util.Optional.empty() : java.util.Optional.of(exact);
    }

    /**
     * The heap of a run: the graph as read and held, {@code listed} process pairs with the projection
     * clustered from them, {@code themePairs} clustered theme pairs, and the kernel's test-cell counters
     * (see the class comment for the bytes of each).
     */
    private static long heap(BipartiteGraph graph, long listed, long themePairs, long counterBytes) {
        return (long) graph.edgeCount() * EDGE_BYTES + (long) (graph.processCount() + graph.themeCount()) * NODE_BYTES
                + listed * PAIR_BYTES + projectionEdges(graph, listed) * PROJECTION_EDGE_BYTES
                + themePairs * THEME_PAIR_BYTES + counterBytes;
    }

    /** @return whether the run fits in the share of the heap it may use */
    public boolean fits() {
        return heapBytes <= availableHeapBytes * USABLE;
    }

    /** @return bytes as "about N MiB", or "less than 1 MiB" */
    private static String mib(long bytes) {
        return bytes < 1L << 20 ? "less than 1 MiB" : String.format(Locale.ROOT, "about %,d MiB", bytes >> 20);
    }

    /** @return the estimate as lines a person can read */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "  input as analysed: %,d processes, %,d themes addressed by a process, %,d"
                + " distinct process-theme edges (relations of several kinds between the same two count once)%n",
                processes, themes, edges));
        b.append(String.format(Locale.ROOT, "  process pairs sharing a theme (as many as --min-shared asks): %,d (exact,"
                + " counted without storing them)%n", allPairs));
        if (!pairsExact) {
            b.append(String.format(Locale.ROOT, "  pairs kept with --top-k: at most %,d%n", pairs));
        }
        if (themePairs > 0) {
            b.append(String.format(Locale.ROOT, "  theme pairs that co-occur in a process: %,d; clustering the themes"
                    + " keeps %s%n", themePairs, themePairsClustered == themePairs ? "all of them"
                            : String.format(Locale.ROOT, "%,d (each theme's %d strongest)", themePairsClustered,
                                    ConvergenceAnalysis.PROJECTION_TOP_K)));
        }
        b.append(String.format(Locale.ROOT, "  heap for all pairs: %s%n", mib(allPairsHeapBytes)));
        b.append(String.format(Locale.ROOT, "  heap with --top-k %d%s: %s%n", topK, pairsExact ? "" : " (this run)",
                mib(topKHeapBytes)));
        b.append(String.format(Locale.ROOT, "  a write-back creates about %,d relationships (%,d CONVERGES_WITH)%n",
                relationships, pairs));
        b.append(String.format(Locale.ROOT, "  heap available: %,d MiB (a run plans for %.0f%% of it): %s%n",
                availableHeapBytes >> 20, USABLE * 100, fits() ? "fits"
                        : "does not fit; raise the heap with CONVERGENCE_JAVA_OPTS=-Xmx<size>, or keep fewer pairs with"
                                + " --top-k K or a larger --min-shared; past what one machine holds, the Spark job computes"
                                + " the same pairs, scores, p and q on a cluster: ./convergence spark analyze --input"
                                + " EDGES --out FOLDER (README, \"Beyond one machine\")"));
        return b.toString();
    }
}
