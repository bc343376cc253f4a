package org.convergence.engine.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;

/**
 * Bridges and centrality on the bipartite graph: betweenness (Brandes 2001, JGraphT
 * {@link BetweennessCentrality}, unnormalised) with the two-mode normalisation of Borgatti &amp; Halgin
 * that NetworkX's {@code bipartite.betweenness_centrality} applies: each side is divided by the largest
 * betweenness a node of that side can have, {@code ½[m²(s+1)² + m(s+1)(2t−s−1) − t(2s−t+3)]} with
 * {@code s, t = divmod(n−1, m)} for a side of n nodes facing m; degree; and the themes whose removal
 * disconnects processes (cut vertices, Hopcroft–Tarjan, with the number of process pairs they separate).
 * Betweenness is {@code O(V·E)}.
 */
public final class Centrality {

    /**
     * Scores of one node.
     *
     * @param kind process or theme
     * @param id node id
     * @param name display name
     * @param betweenness two-mode normalised betweenness in [0, 1]
     * @param rawBetweenness unnormalised betweenness (shortest paths through the node, pairs counted once)
     * @param degree number of neighbours
     * @param disconnectedProcessPairs process pairs that lose their connection when this node is removed
     */
    public record Score(String kind, String id, String name, double betweenness, double rawBetweenness, int degree,
            long disconnectedProcessPairs) {
    }

    /**
     * The result.
     *
     * @param themes theme scores by decreasing betweenness, then id
     * @param processes process scores by decreasing betweenness, then id
     */
    public record Result(List<Score> themes, List<Score> processes) {
        /** @return themes whose removal disconnects at least one pair of processes */
        public List<Score> bridgeThemes() {
            return themes.stream().filter(s -> s.disconnectedProcessPairs() > 0).toList();
        }
    }

    private Centrality() {
    }

    /** Computes the scores. */
    public static Result compute(TwoModeData data, Graph<Integer, DefaultEdge> bipartite) {
        BipartiteGraph g = data.graph();
        int p = g.processCount();
        int t = g.themeCount();
        Map<Integer, Double> raw = new BetweennessCentrality<>(bipartite, false).getScores();
        double maxTop = maxBetweenness(p, t);
        double maxBottom = maxBetweenness(t, p);
        Set<Integer> cut = new BiconnectivityInspector<>(bipartite).getCutpoints();
        long connectedBefore = connectedProcessPairs(bipartite, p, -1);
        List<Score> themes = new ArrayList<>();
        List<Score> processes = new ArrayList<>();
        for (int v = 0; v < p + t; v++) {
            double r = raw.getOrDefault(v, 0.0);
            long disconnected = cut.contains(v) ? connectedBefore - connectedProcessPairs(bipartite, p, v)
                    - (v < p ? connectedWith(bipartite, p, v) : 0) : 0;
            if (v < p) {
                processes.add(new Score("process", g.process(v), data.processNames()[v], maxTop == 0 ? 0 : r / maxTop,
                        r, g.processDegree(v), disconnected));
            } else {
                themes.add(new Score("theme", g.theme(v - p), data.themeNames()[v - p],
                        maxBottom == 0 ? 0 : r / maxBottom, r, g.themeDegree(v - p), disconnected));
            }
        }
        Comparator<Score> order = Comparator.comparingDouble((Score s) -> -s.rawBetweenness()).thenComparing(Score::id);
        themes.sort(order);
        processes.sort(order);
        return new Result(List.copyOf(themes), List.copyOf(processes));
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

    /** Process pairs connected by some path, with vertex {@code removed} (or none when -1) taken out. */
    private static long connectedProcessPairs(Graph<Integer, DefaultEdge> g, int processes, int removed) {
        boolean[] seen = new boolean[g.vertexSet().size()];
        if (removed >= 0) {
            seen[removed] = true;
        }
        long pairs = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < processes; start++) {
            if (seen[start]) {
                continue;
            }
            long count = 0;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                if (v < processes) {
                    count++;
                }
                for (DefaultEdge e : g.edgesOf(v)) {
                    int w = g.getEdgeSource(e) == v ? g.getEdgeTarget(e) : g.getEdgeSource(e);
                    if (!seen[w]) {
                        seen[w] = true;
                        queue.add(w);
                    }
                }
            }
            pairs += count * (count - 1) / 2;
        }
        return pairs;
    }

    /** Processes a removed process itself was connected to (those pairs vanish with it, not by a cut). */
    private static long connectedWith(Graph<Integer, DefaultEdge> g, int processes, int v) {
        boolean[] seen = new boolean[g.vertexSet().size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(v));
        seen[v] = true;
        long count = 0;
        while (!queue.isEmpty()) {
            int x = queue.poll();
            if (x < processes && x != v) {
                count++;
            }
            for (DefaultEdge e : g.edgesOf(x)) {
                int w = g.getEdgeSource(e) == x ? g.getEdgeTarget(e) : g.getEdgeSource(e);
                if (!seen[w]) {
                    seen[w] = true;
                    queue.add(w);
                }
            }
        }
        return count;
    }
}
