package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
