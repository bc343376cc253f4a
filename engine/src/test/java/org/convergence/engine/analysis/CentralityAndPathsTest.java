package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CentralityAndPathsTest {

    private static TwoModeData chain() {
        String[][] edges = {{"A", "t1"}, {"A", "t2"}, {"A", "t3"}, {"B", "t2"}, {"B", "t3"}, {"B", "t4"},
            {"C", "t4"}, {"C", "t6"}, {"D", "t6"}, {"D", "t5"}};
        List<TwoModeData.Row> rows = new ArrayList<>();
        for (String[] e : edges) {
            rows.add(new TwoModeData.Row(e[0], e[0], e[1], e[1], "LISTED", null));
        }
        return TwoModeData.of(rows);
    }

    /** Reference values from NetworkX 2.8.8: {@code bipartite.betweenness_centrality(G, top)}. */
    @Test
    void twoModeBetweennessMatchesNetworkX() {
        TwoModeData data = chain();
        Centrality.Result r = Centrality.compute(data, Centrality.Parameters.defaults());
        assertThat(r.exact()).isTrue();
        Map<String, Centrality.Score> all = new java.util.HashMap<>();
        r.themes().forEach(s -> all.put(s.id(), s));
        r.processes().forEach(s -> all.put(s.id(), s));
        Map<String, double[]> expected = Map.of(
                "A", new double[] {17d / 66, 8.5}, "B", new double[] {41d / 66, 20.5},
                "C", new double[] {36d / 66, 18}, "D", new double[] {16d / 66, 8},
                "t1", new double[] {0, 0}, "t2", new double[] {0.2, 6}, "t3", new double[] {0.2, 6},
                "t4", new double[] {2d / 3, 20}, "t5", new double[] {0, 0}, "t6", new double[] {7d / 15, 14});
        expected.forEach((id, v) -> {
            assertThat(all.get(id).betweenness()).as(id).isCloseTo(v[0], within(1e-12));
            assertThat(all.get(id).rawBetweenness()).as(id).isCloseTo(v[1], within(1e-12));
        });
        // t4 and t6 each cut the chain; t4 separates {A, B} from {C, D}: 4 pairs
        assertThat(all.get("t4").disconnectedProcessPairs()).isEqualTo(4);
        assertThat(all.get("t6").disconnectedProcessPairs()).isEqualTo(3);
        assertThat(all.get("t2").disconnectedProcessPairs()).isZero();
    }

    /** Reference value from NetworkX 2.8.8: {@code community.modularity(G, [{A,B,t1,t2,t3},{C,D,t4,t5,t6}])}. */
    @Test
    void modularityMatchesNetworkX() {
        // vertices: A..D = 0..3, t1..t6 = 4..9
        int[] from = {0, 0, 0, 1, 1, 1, 2, 2, 3, 3};
        int[] to = {4, 5, 6, 5, 6, 7, 7, 9, 9, 8};
        double[] w = new double[10];
        Arrays.fill(w, 1);
        int[] membership = {0, 0, 1, 1, 0, 0, 0, 1, 1, 1};
        assertThat(Clusters.modularity(membership, 2, from, to, w)).isCloseTo(0.395, within(1e-12));
        Clusters.Result leiden = Clusters.cluster(10, from, to, w, Clusters.Parameters.defaults());
        assertThat(leiden.modularity()).isGreaterThanOrEqualTo(0.395 - 1e-12);
        Clusters.Result louvain = Clusters.cluster(10, from, to, w,
                new Clusters.Parameters(Clusters.Algorithm.LOUVAIN, 1, 10, 42));
        Clusters.Result lpa = Clusters.cluster(10, from, to, w,
                new Clusters.Parameters(Clusters.Algorithm.LABEL_PROPAGATION, 1, 100, 42));
        assertThat(louvain.membership()).hasSize(10);
        assertThat(lpa.clusterCount()).isPositive();
    }

    private static TwoModeData random(long seed, int processes, int themes, double density) {
        Random random = new Random(seed);
        List<TwoModeData.Row> rows = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            for (int t = 0; t < themes; t++) {
                if (random.nextDouble() < density) {
                    rows.add(new TwoModeData.Row("p" + p, "p" + p, "t" + t, "t" + t, "LISTED", null));
                }
            }
        }
        return TwoModeData.of(rows);
    }

    private static int[] bfs(BipartiteGraph g, int source) {
        int p = g.processCount();
        int[] dist = new int[p + g.themeCount()];
        Arrays.fill(dist, -1);
        dist[source] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(source));
        while (!queue.isEmpty()) {
            int v = queue.poll();
            int[] next = v < p ? Arrays.stream(g.themesOf(v)).map(t -> t + p).toArray() : g.processesOf(v - p);
            for (int w : next) {
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    queue.add(w);
                }
            }
        }
        return dist;
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 8, 21})
    void exactBetweennessEqualsJGraphTAndCutPairsEqualRemovalByRemoval(long seed) {
        // sparse enough for many cut vertices, several components and isolated-ish leaves
        TwoModeData data = random(seed, 40, 50, 0.035);
        BipartiteGraph g = data.graph();
        int p = g.processCount();
        var jg = new ShortestLinks(data).bipartite();
        Map<Integer, Double> reference = new org.jgrapht.alg.scoring.BetweennessCentrality<>(jg, false).getScores();
        var cutpoints = new org.jgrapht.alg.connectivity.BiconnectivityInspector<>(jg).getCutpoints();
        Centrality.Adjacency adjacency = Centrality.Adjacency.of(g);
        double[] raw = Centrality.betweenness(adjacency,
                java.util.stream.IntStream.range(0, jg.vertexSet().size()).toArray(), 3);
        long[] separated = Centrality.separatedProcessPairs(adjacency, p);
        long before = connectedProcessPairs(jg, p, -1);
        int cuts = 0;
        for (int v = 0; v < jg.vertexSet().size(); v++) {
            assertThat(raw[v]).as("betweenness of %d", v).isCloseTo(reference.get(v), within(1e-9));
            long expected = cutpoints.contains(v)
                    ? before - connectedProcessPairs(jg, p, v) - (v < p ? connectedProcessPairs(jg, p, -1, v) : 0) : 0;
            assertThat(separated[v]).as("process pairs separated by %d", v).isEqualTo(expected);
            cuts += expected > 0 ? 1 : 0;
        }
        assertThat(cuts).isPositive();
    }

    /** Process pairs joined by a path avoiding {@code removed}; with {@code of} ≥ 0, only pairs with {@code of}. */
    private static long connectedProcessPairs(org.jgrapht.Graph<Integer, org.jgrapht.graph.DefaultEdge> g, int p,
            int removed, int... of) {
        var view = new org.jgrapht.graph.MaskSubgraph<>(g, v -> v == removed, e -> false);
        long pairs = 0;
        for (var component : new org.jgrapht.alg.connectivity.ConnectivityInspector<>(view).connectedSets()) {
            long processes = component.stream().filter(v -> v < p).count();
            if (of.length == 0) {
                pairs += processes * (processes - 1) / 2;
            } else if (component.contains(of[0])) {
                pairs += processes - 1;
            }
        }
        return pairs;
    }

    private static TwoModeData chainOf(int processes) {
        List<TwoModeData.Row> rows = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            String id = String.format("p%06d", i);
            if (i > 0) {
                rows.add(new TwoModeData.Row(id, id, String.format("t%06d", i - 1), "t", "LISTED", null));
            }
            if (i + 1 < processes) {
                rows.add(new TwoModeData.Row(id, id, String.format("t%06d", i), "t", "LISTED", null));
            }
        }
        return TwoModeData.of(rows);
    }

    @Test
    void chainKnownAnswers() {
        // p0 - t0 - p1 - t1 - ... - p49: a path of 99 nodes; the node at position j lies on j(98 - j) paths
        Centrality.Result r = Centrality.compute(chainOf(50), Centrality.Parameters.defaults());
        assertThat(r.exact()).isTrue();
        for (Centrality.Score s : r.processes()) {
            int i = Integer.parseInt(s.id().substring(1));
            assertThat(s.rawBetweenness()).as(s.id()).isCloseTo(2.0 * i * (98 - 2 * i), within(1e-9));
            assertThat(s.disconnectedProcessPairs()).as(s.id()).isEqualTo((long) i * (49 - i));
        }
        for (Centrality.Score s : r.themes()) {
            int i = Integer.parseInt(s.id().substring(1));
            assertThat(s.rawBetweenness()).as(s.id()).isCloseTo((2.0 * i + 1) * (97 - 2 * i), within(1e-9));
            assertThat(s.disconnectedProcessPairs()).as(s.id()).isEqualTo((long) (i + 1) * (49 - i));
        }
    }

    @Test
    void longChainNeedsNoDeepStackAndIsEstimatedWithANote() {
        // 300,000 nodes in one path: a recursive depth-first search would overflow the stack
        int n = 150_000;
        TwoModeData data = chainOf(n);
        Centrality.Result r = Centrality.compute(data, new Centrality.Parameters(1e7, 42, 2));
        assertThat(r.exact()).isFalse();
        assertThat(r.sources()).isEqualTo(64);
        Centrality.Score middle = r.themes().stream().filter(s -> s.id().equals(String.format("t%06d", n / 2)))
                .findFirst().orElseThrow();
        assertThat(middle.disconnectedProcessPairs()).isEqualTo((long) (n / 2 + 1) * (n - 1 - n / 2));
        // the middle of a path carries about a quarter of all pairs; 64 sources estimate it within 25%
        double exact = (n + 1.0) * (n - 2.0);
        assertThat(middle.rawBetweenness()).isCloseTo(exact, within(0.25 * exact));
    }

    @Test
    void estimateIsDeterministicAndUnbiasedEnoughToRankTheHubs() {
        BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(400, 300, 2400, 1.0, 17));
        TwoModeData data = TwoModeData.generated(g);
        Centrality.Parameters sampled = new Centrality.Parameters(Centrality.exactSteps(g) / 4, 5, 1);
        Centrality.Result one = Centrality.compute(data, sampled);
        Centrality.Result three = Centrality.compute(data, new Centrality.Parameters(sampled.exactLimit(), 5, 3));
        Centrality.Result exact = Centrality.compute(data, new Centrality.Parameters(Centrality.exactSteps(g), 5, 2));
        assertThat(one.exact()).isFalse();
        assertThat(exact.exact()).isTrue();
        assertThat(three.themes()).isEqualTo(one.themes());
        // the most central theme is found, and its estimate is within 20% of the exact value
        Centrality.Score top = exact.themes().get(0);
        Centrality.Score estimated = one.themes().stream().filter(s -> s.id().equals(top.id())).findFirst().orElseThrow();
        assertThat(one.themes().subList(0, 3)).extracting(Centrality.Score::id).contains(top.id());
        assertThat(estimated.rawBetweenness()).isCloseTo(top.rawBetweenness(), within(0.2 * top.rawBetweenness()));
    }

    @ParameterizedTest
    @ValueSource(longs = {13, 29})
    void pathLengthIsTheBfsDistance(long seed) {
        TwoModeData data = random(seed, 30, 40, 0.04);
        BipartiteGraph g = data.graph();
        ShortestLinks links = new ShortestLinks(data);
        int checked = 0;
        for (int a = 0; a < g.processCount(); a++) {
            int[] dist = bfs(g, a);
            for (int b = a + 1; b < g.processCount(); b++) {
                List<ShortestLinks.Link> found = links.shortest(g.process(a), g.process(b), 3);
                int distance = dist[b];
                if (distance < 0) {
                    assertThat(found).isEmpty();
                } else {
                    assertThat(found.get(0).hops()).isEqualTo(distance);
                    assertThat(found).allSatisfy(l -> assertThat(l.hops()).isGreaterThanOrEqualTo(distance));
                    assertThat(found).isSortedAccordingTo(java.util.Comparator.comparingInt(ShortestLinks.Link::hops));
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 5})
    void topKEqualsBestOfAllPairs(long seed) {
        TwoModeData data = random(seed, 60, 30, 0.12);
        BipartiteGraph g = data.graph();
        int k = 4;
        OverlapPairs all = OverlapKernel.compute(g, new OverlapKernel.Parameters(1, 2));
        List<List<double[]>> perProcess = new ArrayList<>();
        for (int a = 0; a < g.processCount(); a++) {
            perProcess.add(new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
            perProcess.get(all.a(i)).add(new double[] {all.b(i), all.jaccard(all.a(i), i)});
            perProcess.get(all.b(i)).add(new double[] {all.a(i), all.jaccard(all.a(i), i)});
        }
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (int a = 0; a < g.processCount(); a++) {
            List<double[]> row = perProcess.get(a);
            row.sort(java.util.Comparator.comparingDouble((double[] x) -> -x[1]).thenComparingDouble(x -> x[0]));
            for (double[] x : row.subList(0, Math.min(k, row.size()))) {
                int b = (int) x[0];
                expected.add(Math.min(a, b) + "-" + Math.max(a, b));
            }
        }
        OverlapPairs top = TopKOverlap.compute(g, k, SimilarityMetric.JACCARD, 1, 3);
        java.util.Set<String> actual = new java.util.TreeSet<>();
        Map<String, OverlapPairs.Pair> allByKey = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            allByKey.put(all.a(i) + "-" + all.b(i), all.pair(i));
        }
        for (int i = 0; i < top.size(); i++) {
            String key = top.a(i) + "-" + top.b(i);
            actual.add(key);
            assertThat(top.pair(i)).isEqualTo(allByKey.get(key));
        }
        assertThat(actual).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void scoresAreSymmetricAndBounded() {
        TwoModeData data = random(11, 50, 20, 0.2);
        OverlapAnalysis.Result r = OverlapAnalysis.run(data.graph(), OverlapAnalysis.Parameters.defaults());
        java.util.Set<String> keys = new java.util.HashSet<>();
        BipartiteGraph g = data.graph();
        for (int rank = 0; rank < r.size(); rank++) {
            OverlapPairs.Pair p = r.scores(rank);
            keys.add(p.a() + "-" + p.b());
            assertThat(p.a()).isLessThan(p.b()).isEqualTo(r.a(rank));
            assertThat(p.b()).isEqualTo(r.b(rank));
            assertThat(p.jaccard()).isBetween(0.0, 1.0).isLessThanOrEqualTo(p.dice());
            assertThat(p.dice()).isLessThanOrEqualTo(p.cosine() + 1e-12);
            assertThat(p.cosine()).isLessThanOrEqualTo(p.overlap() + 1e-12);
            assertThat(r.pValue(rank)).isBetween(0.0, 1.0);
            assertThat(r.qValue(rank)).isBetween(r.pValue(rank), 1.0);
            // swapping the two processes' roles gives the same scores: B·Bᵀ is symmetric
            int[] ab = g.sharedThemes(p.a(), p.b());
            int[] ba = g.sharedThemes(p.b(), p.a());
            assertThat(ab).containsExactly(ba).hasSize(p.shared());
        }
        assertThat(keys).hasSize(r.size());
    }
}
