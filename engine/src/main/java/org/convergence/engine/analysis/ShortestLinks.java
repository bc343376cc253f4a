package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Shortest links between two processes: in the bipartite graph (process–theme–process–...), the
 * shortest path by breadth-first search and the k shortest simple paths by Yen's algorithm (Yen 1971,
 * JGraphT {@link YenKShortestPath}); and on the weighted process projection, the cheapest path by
 * Dijkstra with edge cost {@code 1 − similarity}. Every step names the theme and the matrix rows
 * (relations) on both sides, and each path gets one plain-language sentence.
 *
 * <p>Vertices {@code 0..P−1} are processes, {@code P..P+T−1} themes. BFS is {@code O(V + E)}; Yen is
 * {@code O(k·V·(E + V log V))}.
 */
public final class ShortestLinks {

    /** A node on a path: its side, id and name. */
    public record Node(Side side, String id, String name) {
    }

    /** One hop through a theme: process, theme, process, with the relations on each side. */
    public record Step(String from, List<String> fromRelations, String theme, String themeName, String to,
            List<String> toRelations) {
    }

    /**
     * A path.
     *
     * @param hops number of edges in the bipartite graph
     * @param nodes ordered nodes, processes and themes alternating
     * @param steps process-theme-process steps
     * @param cost total cost on the projection (weighted paths), or the hop count
     * @param sentence the path in plain language
     */
    public record Link(int hops, List<Node> nodes, List<Step> steps, double cost, String sentence) {
    }

    private final TwoModeData data;
    private final BipartiteGraph graph;
    private final Graph<Integer, DefaultEdge> bipartite;

    public ShortestLinks(TwoModeData data) {
        this.data = data;
        this.graph = data.graph();
        this.bipartite = new SimpleGraph<>(DefaultEdge.class);
        int p = graph.processCount();
        for (int v = 0; v < p + graph.themeCount(); v++) {
            bipartite.addVertex(v);
        }
        for (int a = 0; a < p; a++) {
            for (int t : graph.themesOf(a)) {
                bipartite.addEdge(a, p + t);
            }
        }
    }

    /** @return the bipartite graph as a JGraphT graph (processes first, then themes) */
    public Graph<Integer, DefaultEdge> bipartite() {
        return bipartite;
    }

    /**
     * The k shortest simple paths from one process to another, shortest first.
     *
     * @param from process id
     * @param to process id
     * @param k number of paths, at least 1
     * @return the paths; empty when the processes are not connected
     * @throws IllegalArgumentException for an unknown process, listing close matches
     */
    public List<Link> shortest(String from, String to, int k) {
        if (k < 1 || k > 1000) {
            throw new IllegalArgumentException("Value for `k` was `" + k + "`, but must be within the range [1, 1000]");
        }
        int a = data.requireProcess(from);
        int b = data.requireProcess(to);
        if (a == b) {
            throw new IllegalArgumentException("FROM and TO are the same process `" + from + "`");
        }
        if (k == 1) {
            GraphPath<Integer, DefaultEdge> path = new BFSShortestPath<>(bipartite).getPath(a, b);
            return path == null ? List.of() : List.of(describe(path.getVertexList(), path.getLength()));
        }
        List<GraphPath<Integer, DefaultEdge>> paths = new YenKShortestPath<>(bipartite).getPaths(a, b, k);
        return paths.stream().map(p -> describe(p.getVertexList(), p.getLength())).toList();
    }

    /**
     * The cheapest path on the process projection with cost {@code 1 − similarity} per edge.
     *
     * @param from process id
     * @param to process id
     * @param pairs converging pairs (edges of the projection), in columns
     * @param metric similarity in [0, 1]; {@link SimilarityMetric#SHARED} is not allowed
     * @return the path, expanded back into bipartite steps through the best shared theme, or empty
     */
    public Optional<Link> cheapest(String from, String to, OverlapPairs pairs, SimilarityMetric metric) {
        if (metric == SimilarityMetric.SHARED) {
            throw new IllegalArgumentException("Value for `metric` was `shared`, but a weighted path needs a"
                    + " similarity in [0, 1]: jaccard, overlap, cosine or dice");
        }
        int a = data.requireProcess(from);
        int b = data.requireProcess(to);
        Graph<Integer, DefaultWeightedEdge> projection = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < graph.processCount(); v++) {
            projection.addVertex(v);
        }
        for (int x = 0; x < graph.processCount(); x++) {
            int dx = graph.processDegree(x);
            for (int i = pairs.rowStart(x), end = pairs.rowEnd(x); i < end; i++) {
                int y = pairs.b(i);
                DefaultWeightedEdge e = projection.addEdge(x, y);
                if (e != null) {
                    projection.setEdgeWeight(e, 1.0 - metric.of(pairs.shared(i), dx, graph.processDegree(y)));
                }
            }
        }
        GraphPath<Integer, DefaultWeightedEdge> path = new DijkstraShortestPath<>(projection).getPath(a, b);
        if (path == null) {
            return Optional.empty();
        }
        List<Integer> vertices = new ArrayList<>();
        List<Integer> processes = path.getVertexList();
        for (int i = 0; i < processes.size(); i++) {
            vertices.add(processes.get(i));
            if (i + 1 < processes.size()) {
                int[] shared = graph.sharedThemes(processes.get(i), processes.get(i + 1));
                // the rarest shared theme is the most specific link
                int best = shared[0];
                for (int t : shared) {
                    if (graph.themeDegree(t) < graph.themeDegree(best)) {
                        best = t;
                    }
                }
                vertices.add(graph.processCount() + best);
            }
        }
        Link link = describe(vertices, vertices.size() - 1);
        return Optional.of(new Link(link.hops(), link.nodes(), link.steps(), path.getWeight(), link.sentence()
                .replaceFirst(" in \\d+ steps?:", String.format(Locale.ROOT, " at cost %.3f (1 − %s per step):",
                        path.getWeight(), metric.name().toLowerCase(Locale.ROOT)))));
    }

    private Link describe(List<Integer> vertices, int hops) {
        int p = graph.processCount();
        List<Node> nodes = new ArrayList<>();
        for (int v : vertices) {
            nodes.add(v < p ? new Node(Side.PROCESS, graph.process(v), data.processNames()[v])
                    : new Node(Side.THEME, graph.theme(v - p), data.themeNames()[v - p]));
        }
        List<Step> steps = new ArrayList<>();
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i + 2 < vertices.size(); i += 2) {
            int x = vertices.get(i);
            int t = vertices.get(i + 1) - p;
            int y = vertices.get(i + 2);
            Step step = new Step(graph.process(x), data.relationsOf(x, t), graph.theme(t), data.themeNames()[t],
                    graph.process(y), data.relationsOf(y, t));
            steps.add(step);
            sentence.append(i == 0 ? "" : "; ").append(step.from()).append(" (").append(readable(step.fromRelations()))
                    .append(") and ").append(step.to()).append(" (").append(readable(step.toRelations()))
                    .append(") both address \u201c").append(step.themeName()).append('\u201d');
        }
        String head = graph.process(vertices.get(0)) + " is linked to " + graph.process(vertices.get(vertices.size() - 1))
                + " in " + hops + (hops == 1 ? " step: " : " steps: ");
        return new Link(hops, List.copyOf(nodes), List.copyOf(steps), hops, head + sentence + ".");
    }

    private static String readable(List<String> relations) {
        List<String> out = new ArrayList<>();
        for (String r : relations) {
            out.add(switch (r) {
                case "ACTION_PLAN" -> "action plan";
                case "CONVERGENCE_AREA" -> "area of convergence";
                case "STATED_PURPOSE" -> "stated purpose";
                default -> r.toLowerCase(Locale.ROOT).replace('_', ' ');
            });
        }
        return String.join(", ", out);
    }
}
