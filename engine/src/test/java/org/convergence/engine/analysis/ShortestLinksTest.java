package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shortest links on a chain and a diamond whose paths can be listed by hand. */
class ShortestLinksTest {

    /** A -x- B -y- C, and A -z- D -w- C (two 4-hop links from A to C); E alone on v. */
    private static TwoModeData fixture() {
        String[][] edges = {{"A", "x", "ACTION_PLAN"}, {"B", "x", "CONVERGENCE_AREA"}, {"B", "y", "ACTION_PLAN"},
                {"C", "y", "ACTION_PLAN"}, {"A", "z", "ACTION_PLAN"}, {"D", "z", "ACTION_PLAN"}, {"D", "w", "ACTION_PLAN"},
                {"C", "w", "ACTION_PLAN"}, {"C", "w", "CONVERGENCE_AREA"}, {"E", "v", "ACTION_PLAN"}};
        return TwoModeData.of(java.util.Arrays.stream(edges)
                .map(e -> new TwoModeData.Row(e[0], e[0], e[1], e[1].toUpperCase(), e[2], null)).toList());
    }

    @Test
    void bothFourHopLinksInOrderWithEveryStepNamed() {
        List<ShortestLinks.Link> links = new ShortestLinks(fixture()).shortest("A", "C", 3);
        assertThat(links).hasSize(2).allSatisfy(l -> assertThat(l.hops()).isEqualTo(4));
        assertThat(links).extracting(l -> l.nodes().stream().map(ShortestLinks.Node::id).toList())
                .containsExactlyInAnyOrder(List.of("A", "x", "B", "y", "C"), List.of("A", "z", "D", "w", "C"));
        ShortestLinks.Link viaD = links.stream().filter(l -> l.nodes().get(2).id().equals("D")).findFirst().orElseThrow();
        assertThat(viaD.steps().get(1).toRelations()).containsExactly("ACTION_PLAN", "CONVERGENCE_AREA");
        assertThat(viaD.sentence()).isEqualTo("A is linked to C in 4 steps: A (action plan) and D (action plan) both"
                + " address \u201cZ\u201d; D (action plan) and C (action plan, area of convergence) both address \u201cW\u201d.");
    }

    @Test
    void unconnectedProcessesHaveNoLinkAndUnknownOnesAreNamed() {
        ShortestLinks links = new ShortestLinks(fixture());
        assertThat(links.shortest("A", "E", 1)).isEmpty();
        assertThatThrownBy(() -> links.shortest("A", "CC", 1)).hasMessageContaining("Unknown process `CC`")
                .hasMessageContaining("did you mean C");
        assertThatThrownBy(() -> links.shortest("A", "A", 1)).hasMessageContaining("same process");
    }

    @Test
    void cheapestOnTheProjectionCostsOneMinusSimilarityPerStep() {
        TwoModeData d = fixture();
        ShortestLinks.Link cheapest = new ShortestLinks(d).cheapest("A", "C",
                OverlapKernel.compute(d.graph(), OverlapKernel.Parameters.defaults()), SimilarityMetric.JACCARD).orElseThrow();
        // every step has Jaccard 1/3 (two themes each, one shared): cost 2 · (1 − 1/3)
        assertThat(cheapest.cost()).isCloseTo(4d / 3, within(1e-12));
        assertThat(cheapest.hops()).isEqualTo(4);
        assertThat(cheapest.sentence()).contains("at cost 1.333 (1 − jaccard per step)");
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
    @ValueSource(longs = {13, 29})
    void pathLengthIsTheBfsDistance(long seed) {
        TwoModeData data = RandomTwoMode.of(seed, 30, 40, 0.04);
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
}
