package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Bridges and centrality on the bipartite graph of processes and themes.
 *
 * <p><b>Betweenness</b> (Brandes 2001, "A faster algorithm for betweenness centrality", J. Math.
 * Sociol. 25(2)): for every source s a breadth-first search counts shortest paths σ, then the
 * dependencies {@code δ_s(v) = Σ_{w: v ∈ pred(w)} σ_v/σ_w·(1 + δ_s(w))} are accumulated in reverse BFS
 * order; the raw betweenness of v is {@code Σ_s δ_s(v) / 2} (each unordered pair once, as JGraphT's
 * {@code BetweennessCentrality} and NetworkX report it for undirected graphs). It is exact when every
 * node is a source, {@code O(V·(V+E))}. Above a step budget it is <em>estimated</em> from k sources
 * drawn with a seed (Brandes &amp; Pich 2007, "Centrality estimation in large networks", Int. J.
 * Bifurcation and Chaos 17(7)): {@code (V/k)·Σ_{s ∈ S} δ_s(v) / 2}, an unbiased estimator; the result
 * says how many sources were used. Sources are processed in parallel in fixed blocks whose sums are
 * added in block order, so the result does not depend on the thread count.
 *
 * <p>The two-mode normalisation of Borgatti &amp; Halgin, as NetworkX's
 * {@code bipartite.betweenness_centrality} applies it: each side is divided by the largest betweenness
 * a node of that side can have, {@code ½[m²(s+1)² + m(s+1)(2t−s−1) − t(2s−t+3)]} with
 * {@code s, t = divmod(n−1, m)} for a side of n nodes facing m.
 *
 * <p><b>Bridges</b>: the cut vertices (Hopcroft &amp; Tarjan 1973, depth-first search with low points,
 * iterative so that long chains do not exhaust the stack) with the number of process pairs each
 * separates: removing v splits its component into the subtrees of the DFS children c with
 * {@code low(c) ≥ disc(v)} and the rest, and with p_i processes in part i it separates
 * {@code Σ_{i<j} p_i·p_j} pairs. {@code O(V + E)}.
 */
public final class Centrality {

    /**
     * Parameters.
     *
     * @param exactLimit largest number of BFS steps ({@code V·(V + 2E)}) spent on exact betweenness;
     *     above it betweenness is estimated from {@code ⌊exactLimit / (V + 2E)⌋} sources (at least 64)
     * @param seed seed for drawing the sources of an estimate
     * @param threads worker threads
     */
    public record Parameters(double exactLimit, long seed, int threads) {
        public Parameters {
            Setting.BETWEENNESS_BUDGET.check("exactLimit", exactLimit);
            Setting.THREADS.checkInt(threads);
        }

        /** @return the settings' defaults: a budget of 5·10⁸ BFS steps, seed 42, one thread per core */
        public static Parameters defaults() {
            return new Parameters(Setting.BETWEENNESS_BUDGET.defaultValue(), Setting.SEED.defaultValue(),
                    Setting.THREADS.defaultValue());
        }
    }

    /**
     * Scores of one node.
     *
     * @param side process or theme
     * @param id node id
     * @param name display name
     * @param betweenness two-mode normalised betweenness in [0, 1]
     * @param rawBetweenness unnormalised betweenness (shortest paths through the node, pairs counted once)
     * @param degree number of neighbours
     * @param disconnectedProcessPairs process pairs that lose their connection when this node is removed
     */
    public record Score(Side side, String id, String name, double betweenness, double rawBetweenness, int degree,
            long disconnectedProcessPairs) {
    }

    /**
     * The result.
     *
     * @param themes theme scores by decreasing betweenness, then id
     * @param processes process scores by decreasing betweenness, then id
     * @param sources nodes betweenness was computed from: all of them when exact
     * @param nodes nodes of the graph
     */
    public record Result(List<Score> themes, List<Score> processes, int sources, int nodes) {
        /** @return themes whose removal disconnects at least one pair of processes */
        public List<Score> bridgeThemes() {
            return themes.stream().filter(s -> s.disconnectedProcessPairs() > 0).toList();
        }

        /** @return whether betweenness is exact rather than estimated from a sample of sources */
        public boolean exact() {
            return sources == nodes;
        }
    }

    private Centrality() {
    }

    /** Computes the scores. */
    public static Result compute(TwoModeData data, Parameters parameters) {
        BipartiteGraph g = data.graph();
        int p = g.processCount();
        int t = g.themeCount();
        int[] sources = sources(g, parameters);
        Adjacency adjacency = Adjacency.of(g);
        double[] raw = betweenness(adjacency, sources, parameters.threads());
        long[] separated = separatedProcessPairs(adjacency, p);
        double maxTop = maxBetweenness(p, t);
        double maxBottom = maxBetweenness(t, p);
        List<Score> themes = new ArrayList<>();
        List<Score> processes = new ArrayList<>();
        for (int v = 0; v < p + t; v++) {
            if (v < p) {
                processes.add(new Score(Side.PROCESS, g.process(v), data.processNames()[v],
                        maxTop == 0 ? 0 : raw[v] / maxTop, raw[v], g.processDegree(v), separated[v]));
            } else {
                themes.add(new Score(Side.THEME, g.theme(v - p), data.themeNames()[v - p],
                        maxBottom == 0 ? 0 : raw[v] / maxBottom, raw[v], g.themeDegree(v - p), separated[v]));
            }
        }
        Comparator<Score> order = Comparator.comparingDouble((Score s) -> -s.rawBetweenness()).thenComparing(Score::id);
        themes.sort(order);
        processes.sort(order);
        return new Result(List.copyOf(themes), List.copyOf(processes), sources.length, p + t);
    }

    /** @return the BFS steps of exact betweenness, {@code V·(V + 2E)} */
    public static double exactSteps(BipartiteGraph g) {
        double v = g.processCount() + g.themeCount();
        return v * (v + 2.0 * g.edgeCount());
    }

    /**
     * The bipartite graph as one undirected adjacency over nodes 0..P+T−1 (processes first, then
     * themes): the neighbours of node x are {@code neighbours[offsets[x] .. offsets[x+1])}.
     */
    record Adjacency(int[] offsets, int[] neighbours) {
        static Adjacency of(BipartiteGraph g) {
            int p = g.processCount();
            int[] po = g.processOffsets();
            int[] pt = g.processThemes();
            int[] to = g.themeOffsets();
            int[] tp = g.themeProcesses();
            int e = g.edgeCount();
            int[] offsets = new int[p + g.themeCount() + 1];
            int[] neighbours = new int[2 * e];
            for (int a = 0; a < p; a++) {
                offsets[a + 1] = po[a + 1];
            }
            for (int k = 0; k < e; k++) {
                neighbours[k] = pt[k] + p;
            }
            for (int t = 0; t < g.themeCount(); t++) {
                offsets[p + t + 1] = e + to[t + 1];
            }
            System.arraycopy(tp, 0, neighbours, e, e);
            return new Adjacency(offsets, neighbours);
        }

        int nodes() {
            return offsets.length - 1;
        }
    }

    /** All nodes when exact betweenness fits the budget, else a seeded sample, sorted. */
    static int[] sources(BipartiteGraph g, Parameters parameters) {
        int v = g.processCount() + g.themeCount();
        if (exactSteps(g) <= parameters.exactLimit()) {
            return IntStream.range(0, v).toArray();
        }
        int k = (int) Math.min(v, Math.max(64, Math.floor(parameters.exactLimit() / (v + 2.0 * g.edgeCount()))));
        int[] all = IntStream.range(0, v).toArray();
        SplittableRandom random = new SplittableRandom(parameters.seed());
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(v - i);
            int x = all[i];
            all[i] = all[j];
            all[j] = x;
        }
        int[] chosen = Arrays.copyOf(all, k);
        Arrays.sort(chosen);
        return chosen;
    }

    /**
     * Raw betweenness from the given sources, scaled by V/k and halved (pairs counted once). The
     * sources are cut into a number of contiguous blocks that depends on the graph alone (at most 64,
     * and at most 2²⁴ partial sums in all), each summed by one thread, then added in block order.
     */
    static double[] betweenness(Adjacency graph, int[] sources, int threads) {
        int v = graph.nodes();
        int blocks = Math.max(1, Math.min(Math.min(64, sources.length), (1 << 24) / Math.max(1, v)));
        double[][] partial = new double[blocks][];
        ParallelRows.run(blocks, threads, 1, () -> {
            Brandes worker = new Brandes(graph);
            return (from, to) -> {
                for (int b = from; b < to; b++) {
                    double[] sum = new double[v];
                    int first = (int) ((long) sources.length * b / blocks);
                    int last = (int) ((long) sources.length * (b + 1) / blocks);
                    for (int i = first; i < last; i++) {
                        worker.accumulate(sources[i], sum);
                    }
                    partial[b] = sum;
                }
            };
        });
        double[] raw = new double[v];
        for (double[] sum : partial) {
            for (int x = 0; x < v; x++) {
                raw[x] += sum[x];
            }
        }
        double scale = (double) v / Math.max(1, sources.length) / 2.0;
        for (int x = 0; x < v; x++) {
            raw[x] *= scale;
        }
        return raw;
    }

    /** One thread's Brandes state. */
    private static final class Brandes {
        private final int[] offsets;
        private final int[] neighbours;
        private final int[] dist;
        private final double[] sigma;
        private final double[] delta;
        private final int[] order;

        Brandes(Adjacency graph) {
            offsets = graph.offsets();
            neighbours = graph.neighbours();
            int v = graph.nodes();
            dist = new int[v];
            Arrays.fill(dist, -1);
            sigma = new double[v];
            delta = new double[v];
            order = new int[v];
        }

        /** Adds the dependencies of every node on source s to {@code sum}. */
        void accumulate(int s, double[] sum) {
            dist[s] = 0;
            sigma[s] = 1;
            order[0] = s;
            int head = 0;
            int tail = 1;
            while (head < tail) {
                int x = order[head++];
                int next = dist[x] + 1;
                for (int k = offsets[x], end = offsets[x + 1]; k < end; k++) {
                    int w = neighbours[k];
                    if (dist[w] < 0) {
                        dist[w] = next;
                        order[tail++] = w;
                    }
                    if (dist[w] == next) {
                        sigma[w] += sigma[x];
                    }
                }
            }
            for (int i = tail - 1; i > 0; i--) {
                int w = order[i];
                int previous = dist[w] - 1;
                double share = (1 + delta[w]) / sigma[w];
                for (int k = offsets[w], end = offsets[w + 1]; k < end; k++) {
                    int x = neighbours[k];
                    if (dist[x] == previous) {
                        delta[x] += sigma[x] * share;
                    }
                }
                sum[w] += delta[w];
            }
            for (int i = 0; i < tail; i++) {
                int x = order[i];
                dist[x] = -1;
                sigma[x] = 0;
                delta[x] = 0;
            }
        }
    }

    /**
     * For every node, the process pairs its removal disconnects (0 unless it is a cut vertex), by an
     * iterative Hopcroft–Tarjan depth-first search; nodes below {@code p} are processes.
     */
    static long[] separatedProcessPairs(Adjacency graph, int p) {
        int v = graph.nodes();
        int[] offsets = graph.offsets();
        int[] neighbours = graph.neighbours();
        int[] disc = new int[v];
        Arrays.fill(disc, -1);
        int[] low = new int[v];
        int[] parent = new int[v];
        int[] cursor = new int[v];
        long[] below = new long[v];
        long[] partSum = new long[v];
        long[] partSquares = new long[v];
        boolean[] cut = new boolean[v];
        int[] stack = new int[v];
        int[] visited = new int[v];
        long[] pairs = new long[v];
        int time = 0;
        for (int root = 0; root < v; root++) {
            if (disc[root] >= 0) {
                continue;
            }
            int componentStart = time;
            int top = 0;
            stack[top++] = root;
            parent[root] = -1;
            disc[root] = low[root] = time;
            visited[time++] = root;
            below[root] = root < p ? 1 : 0;
            cursor[root] = offsets[root];
            while (top > 0) {
                int x = stack[top - 1];
                if (cursor[x] < offsets[x + 1]) {
                    int w = neighbours[cursor[x]++];
                    if (disc[w] < 0) {
                        parent[w] = x;
                        disc[w] = low[w] = time;
                        visited[time++] = w;
                        below[w] = w < p ? 1 : 0;
                        cursor[w] = offsets[w];
                        stack[top++] = w;
                    } else if (w != parent[x]) {
                        low[x] = Math.min(low[x], disc[w]);
                    }
                } else {
                    top--;
                    int up = parent[x];
                    if (up >= 0) {
                        low[up] = Math.min(low[up], low[x]);
                        below[up] += below[x];
                        if (low[x] >= disc[up]) {
                            cut[up] = true;
                            partSum[up] += below[x];
                            partSquares[up] += below[x] * below[x];
                        }
                    }
                }
            }
            long total = below[root];
            for (int i = componentStart; i < time; i++) {
                int x = visited[i];
                if (!cut[x]) {
                    continue;
                }
                long rest = x == root ? 0 : total - (x < p ? 1 : 0) - partSum[x];
                long sum = partSum[x] + rest;
                long squares = partSquares[x] + rest * rest;
                pairs[x] = (sum * sum - squares) / 2;
            }
        }
        return pairs;
    }

    /** The largest betweenness a node on a side of n nodes facing m nodes can have (NetworkX's formula). */
    static double maxBetweenness(int n, int m) {
        if (m == 0) {
            return 0;
        }
        long s = (n - 1) / m;
        long r = (n - 1) % m;
        return ((double) m * m * (s + 1) * (s + 1) + (double) m * (s + 1) * (2 * r - s - 1) - r * (2 * s - r + 3)) / 2.0;
    }
}
