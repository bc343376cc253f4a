package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convergence.engine.bench.TwoModeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two-mode betweenness and the process pairs each node separates: NetworkX values, JGraphT, chains by hand. */
class CentralityTest {

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

    @ParameterizedTest
    @ValueSource(longs = {3, 8, 21})
    void exactBetweennessEqualsJGraphTAndCutPairsEqualRemovalByRemoval(long seed) {
        // sparse enough for many cut vertices, several components and isolated-ish leaves
        TwoModeData data = RandomTwoMode.of(seed, 40, 50, 0.035);
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
}
