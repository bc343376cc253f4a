package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each process's k most similar processes, on a fixture with ties and against all pairs. */
class TopKOverlapTest {

    private static BipartiteGraph fixture() {
        // A: x y z; B: x y; C: x y z w; D: w; E: z
        List<BipartiteGraph.Edge> edges = new ArrayList<>();
        for (String[] e : new String[][] {{"A", "x"}, {"A", "y"}, {"A", "z"}, {"B", "x"}, {"B", "y"}, {"C", "x"},
                {"C", "y"}, {"C", "z"}, {"C", "w"}, {"D", "w"}, {"E", "z"}}) {
            edges.add(new BipartiteGraph.Edge(e[0], e[1], 1));
        }
        return BipartiteGraph.of(edges, false);
    }

    private static List<String> pairs(OverlapPairs p) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            out.add(p.graph().process(p.a(i)) + p.graph().process(p.b(i)));
        }
        return out;
    }

    @Test
    void topOneByJaccardWithTiesToTheLowerId() {
        // Jaccard: AB 2/3, AC 3/4, AE 1/3, BC 2/4, CD 1/4, CE 1/4
        // A -> C, B -> A, C -> A, D -> C, E -> A (1/3 beats CE 1/4)
        OverlapPairs top = TopKOverlap.compute(fixture(), 1, SimilarityMetric.JACCARD, 1, 2);
        assertThat(pairs(top)).containsExactly("AB", "AC", "AE", "CD");
    }

    @Test
    void topOneBySharedCountBreaksTiesByLowerIndex() {
        // shared: AB 2, AC 3, AE 1, BC 2, CD 1, CE 1; B: A and C tie at 2 -> A; E: A and C tie at 1 -> A
        OverlapPairs top = TopKOverlap.compute(fixture(), 1, SimilarityMetric.SHARED, 1, 1);
        assertThat(pairs(top)).containsExactly("AB", "AC", "AE", "CD");
        assertThat(top.shared(1)).isEqualTo(3);
    }

    @Test
    void largeKIsEveryPairAndMinSharedFilters() {
        BipartiteGraph g = fixture();
        assertThat(pairs(TopKOverlap.compute(g, 10, SimilarityMetric.COSINE, 1, 2)))
                .containsExactlyElementsOf(pairs(OverlapKernel.compute(g, OverlapKernel.Parameters.defaults())));
        assertThat(pairs(TopKOverlap.compute(g, 10, SimilarityMetric.JACCARD, 2, 2))).containsExactly("AB", "AC", "BC");
    }

    @Test
    void kMustBePositive() {
        assertThatThrownBy(() -> TopKOverlap.compute(fixture(), 0, SimilarityMetric.JACCARD, 1, 1))
                .hasMessageContaining("topK").hasMessageContaining("`0`");
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 5})
    void topKEqualsBestOfAllPairs(long seed) {
        TwoModeData data = RandomTwoMode.of(seed, 60, 30, 0.12);
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
}
