package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.engine.bench.TwoModeGenerator;
import org.junit.jupiter.api.Test;

/** The columnar overlap result: its ranking, its fields, against straightforward per-pair computations. */
class OverlapAnalysisTest {

    /** A ranking by a comparator sort over per-pair objects: what the counting sort must reproduce. */
    private static List<int[]> rankedByComparator(OverlapPairs pairs) {
        List<int[]> all = new ArrayList<>();
        for (int a = 0; a < pairs.graph().processCount(); a++) {
            for (int i = pairs.rowStart(a); i < pairs.rowEnd(a); i++) {
                all.add(new int[] {a, pairs.b(i), i});
            }
        }
        all.sort(Comparator.comparingDouble((int[] x) -> -pairs.pair(x[2]).jaccard()).thenComparingInt(x -> x[0])
                .thenComparingInt(x -> x[1]));
        return all;
    }

    @Test
    void rankingEqualsAComparatorSortOnSeededRandomGraphs() {
        for (int seed = 1; seed <= 6; seed++) {
            BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(250 * seed, 150, 1500 * seed,
                    0.2 * seed, seed));
            OverlapAnalysis.Result r = OverlapAnalysis.run(g, new OverlapAnalysis.Parameters(1, 0,
                    SimilarityMetric.JACCARD, 1 + seed % 3));
            List<int[]> expected = rankedByComparator(r.pairs());
            assertThat(r.size()).isEqualTo(expected.size()).isPositive();
            for (int rank = 0; rank < r.size(); rank++) {
                assertThat(new int[] {r.a(rank), r.b(rank), r.index(rank)}).as("rank %d, seed %d", rank, seed)
                        .containsExactly(expected.get(rank));
            }
        }
    }

    @Test
    void rankingEqualsAComparatorSortWhenAHubTakesSignificancesHashedPath() {
        // a process of more than Significance.DENSE_LIMIT themes: the tests are hashed, not dense cells
        java.util.List<BipartiteGraph.Edge> edges = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int t = 0; t < Significance.DENSE_LIMIT + 60; t++) {
            edges.add(new BipartiteGraph.Edge("hub", "t" + t, 1));
        }
        for (int p = 0; p < 400; p++) {
            for (int t = 0; t < 300; t++) {
                if (random.nextDouble() < 0.03) {
                    edges.add(new BipartiteGraph.Edge("p" + p, "t" + t, 1));
                }
            }
        }
        BipartiteGraph g = BipartiteGraph.of(edges, false);
        assertThat(g.maxProcessDegree()).isGreaterThan(Significance.DENSE_LIMIT);
        OverlapAnalysis.Result r = OverlapAnalysis.run(g, new OverlapAnalysis.Parameters(1, 0, SimilarityMetric.JACCARD, 2));
        List<int[]> expected = rankedByComparator(r.pairs());
        assertThat(r.size()).isEqualTo(expected.size()).isGreaterThan(5_000);
        for (int rank = 0; rank < r.size(); rank++) {
            assertThat(new int[] {r.a(rank), r.b(rank), r.index(rank)}).as("rank %d", rank)
                    .containsExactly(expected.get(rank));
        }
    }

    @Test
    void pValuesAndQValuesAreThoseOfEachPairAlone() {
        BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(120, 40, 700, 0.6, 3));
        // all pairs (the kernel counts the tests per slice) and top-k (significance counts them itself)
        for (OverlapAnalysis.Parameters parameters : List.of(OverlapAnalysis.Parameters.defaults(),
                new OverlapAnalysis.Parameters(1, 5, SimilarityMetric.JACCARD, 2))) {
            assertPValuesAndQValuesOfEachPairAlone(g, OverlapAnalysis.run(g, parameters));
        }
    }

    private static void assertPValuesAndQValuesOfEachPairAlone(BipartiteGraph g, OverlapAnalysis.Result r) {
        assertThat(r.size()).isPositive();
        Significance sig = new Significance(g.themeCount());
        double[] p = new double[r.size()];
        for (int rank = 0; rank < r.size(); rank++) {
            OverlapPairs.Pair pair = r.scores(rank);
            p[rank] = sig.upperTail(pair.shared(), g.processDegree(pair.a()), g.processDegree(pair.b()));
            // the same tail, summed with the two theme counts in the other order: equal to rounding
            assertThat(r.pValue(rank)).isCloseTo(p[rank], org.assertj.core.api.Assertions.withinPercentage(1e-9));
        }
        double[] q = Significance.benjaminiHochberg(p, r.family());
        for (int rank = 0; rank < r.size(); rank++) {
            assertThat(r.qValue(rank)).isCloseTo(q[rank], org.assertj.core.api.Assertions.withinPercentage(1e-9));
        }
    }

    @Test
    void fieldsAreThePairsScoresInTheirFixedOrder() {
        // A: x y z, B: x y, C: y z w, D: w; weights make weighted Jaccard defined
        BipartiteGraph g = BipartiteGraph.of(List.of(new BipartiteGraph.Edge("A", "x", 2),
                new BipartiteGraph.Edge("A", "y", 1), new BipartiteGraph.Edge("A", "z", 1),
                new BipartiteGraph.Edge("B", "x", 1), new BipartiteGraph.Edge("B", "y", 3),
                new BipartiteGraph.Edge("C", "y", 1), new BipartiteGraph.Edge("C", "z", 1),
                new BipartiteGraph.Edge("C", "w", 1), new BipartiteGraph.Edge("D", "w", 1)), true);
        OverlapAnalysis.Result r = OverlapAnalysis.run(g, OverlapAnalysis.Parameters.defaults());
        // A-B 2/3, A-C 2/4, C-D 1/3, B-C 1/4
        assertThat(r.size()).isEqualTo(4);
        assertThat(List.of(r.a(0), r.b(0), r.a(1), r.b(1), r.a(2), r.b(2), r.a(3), r.b(3)))
                .containsExactly(0, 1, 0, 2, 2, 3, 1, 2);
        Map<String, Object> fields = new LinkedHashMap<>();
        r.fields(0, r.a(0), (OverlapAnalysis.BoxedFieldSink) fields::put, r.scratch());
        assertThat(fields.keySet()).containsExactly("shared", "sharedThemes", "jaccard", "overlap", "cosine", "dice",
                "weightedJaccard", "adamicAdar", "resourceAllocation", "associationStrength", "pValue", "qValue");
        OverlapPairs.Pair ab = r.scores(0);
        assertThat(fields).containsEntry("shared", 2L).containsEntry("sharedThemes", List.of("x", "y"))
                .containsEntry("jaccard", 2d / 3).containsEntry("overlap", 2d / 2).containsEntry("dice", 4d / 5)
                .containsEntry("pValue", r.pValue(0)).containsEntry("qValue", r.qValue(0));
        // weighted Jaccard Σmin/Σmax over x, y, z: (1 + 1 + 0) / (2 + 3 + 1)
        assertThat((Double) fields.get("weightedJaccard")).isCloseTo(2d / 6, within(1e-12));
        assertThat(ab.weightedJaccard()).isEqualTo(fields.get("weightedJaccard"));
        // x and y each have two processes
        assertThat((Double) fields.get("adamicAdar")).isCloseTo(1 / Math.log(2) + 1 / Math.log(3), within(1e-12));
        assertThat((Double) fields.get("resourceAllocation")).isCloseTo(1d / 2 + 1d / 3, within(1e-12));
        assertThat((Double) fields.get("associationStrength")).isCloseTo(2d * 4 / (3 * 2), within(1e-12));
    }
    @Test
    void fieldsArriveInTheOrderAndKindPairFieldDeclares() {
        for (boolean weighted : new boolean[] {false, true}) {
            BipartiteGraph g = BipartiteGraph.of(List.of(new BipartiteGraph.Edge("A", "x", 2),
                    new BipartiteGraph.Edge("A", "y", 1), new BipartiteGraph.Edge("B", "x", 1)), weighted);
            OverlapAnalysis.Result r = OverlapAnalysis.run(g, OverlapAnalysis.Parameters.defaults());
            List<String> seen = new ArrayList<>();
            r.fields(0, r.a(0), new OverlapAnalysis.FieldSink() {
                @Override
                public void field(String name, long value) {
                    seen.add(name + ":" + OverlapAnalysis.PairField.Kind.INTEGER);
                }

                @Override
                public void field(String name, double value) {
                    seen.add(name + ":" + OverlapAnalysis.PairField.Kind.REAL);
                }

                @Override
                public void field(String name, String[] ids, int count) {
                    seen.add(name + ":" + OverlapAnalysis.PairField.Kind.IDS);
                }
            }, r.scratch());
            assertThat(seen).as("weighted %s", weighted).containsExactlyElementsOf(OverlapAnalysis.PairField.of(weighted)
                    .stream().map(f -> f.key() + ":" + f.kind()).toList());
            assertThat(seen.stream().anyMatch(f -> f.startsWith("weightedJaccard:"))).isEqualTo(weighted);
        }
    }

    @Test
    void scoresAreSymmetricAndBounded() {
        TwoModeData data = RandomTwoMode.of(11, 50, 20, 0.2);
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
