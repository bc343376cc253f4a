package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Themes recommended from the most similar processes, on a fixture small enough to score by hand. */
class RecommendationsTest {

    private static TwoModeData fixture() {
        // A: x y; B: x y z; C: x w; D: v
        String[][] edges = {{"A", "x"}, {"A", "y"}, {"B", "x"}, {"B", "y"}, {"B", "z"}, {"C", "x"}, {"C", "w"},
                {"D", "v"}};
        return TwoModeData.of(java.util.Arrays.stream(edges)
                .map(e -> new TwoModeData.Row(e[0], e[0], e[1], "name " + e[1], "LISTED", null)).toList());
    }

    private static Map<String, List<Recommendations.Recommendation>> compute(int neighbours, int limit) {
        TwoModeData d = fixture();
        return Recommendations.compute(d, OverlapKernel.compute(d.graph(), OverlapKernel.Parameters.defaults()),
                SimilarityMetric.JACCARD, neighbours, limit);
    }

    @Test
    void knownScores() {
        var all = compute(2, 5);
        // A's neighbours: B (J = 2/3), C (J = 1/3); B adds z (2/3), C adds w (1/3)
        assertThat(all.get("A")).extracting(Recommendations.Recommendation::theme).containsExactly("z", "w");
        assertThat(all.get("A").get(0).score()).isCloseTo(2d / 3, within(1e-12));
        assertThat(all.get("A").get(0).supporters()).containsExactly("B");
        assertThat(all.get("A").get(0).themeName()).isEqualTo("name z");
        assertThat(all.get("A").get(1).score()).isCloseTo(1d / 3, within(1e-12));
        // C's neighbours: A (J = 1/3) and B (J = 1/4): y from both, 1/3 + 1/4; z from B alone
        assertThat(all.get("C")).extracting(Recommendations.Recommendation::theme).containsExactly("y", "z");
        assertThat(all.get("C").get(0).score()).isCloseTo(1d / 3 + 1d / 4, within(1e-12));
        assertThat(all.get("C").get(0).supporters()).containsExactly("A", "B");
        // D shares nothing with anyone
        assertThat(all.get("D")).isEmpty();
        assertThat(all.keySet()).containsExactly("A", "B", "C", "D");
    }

    @Test
    void oneNeighbourAndALimit() {
        var one = compute(1, 1);
        // A's single nearest is B: only z
        assertThat(one.get("A")).extracting(Recommendations.Recommendation::theme).containsExactly("z");
        // B's nearest is A (J = 2/3), who has nothing B lacks
        assertThat(one.get("B")).isEmpty();
    }

    @Test
    void outOfRangeIsRefused() {
        assertThatThrownBy(() -> compute(0, 1)).hasMessageContaining("neighbours");
    }
}
