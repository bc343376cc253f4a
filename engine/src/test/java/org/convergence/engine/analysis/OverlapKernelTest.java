package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.convergence.engine.bench.TwoModeGenerator;
import org.jgrapht.Graph;
import org.jgrapht.alg.linkprediction.AdamicAdarIndexLinkPrediction;
import org.jgrapht.alg.linkprediction.CommonNeighborsLinkPrediction;
import org.jgrapht.alg.linkprediction.HubPromotedIndexLinkPrediction;
import org.jgrapht.alg.linkprediction.JaccardCoefficientLinkPrediction;
import org.jgrapht.alg.linkprediction.ResourceAllocationIndexLinkPrediction;
import org.jgrapht.alg.linkprediction.SaltonIndexLinkPrediction;
import org.jgrapht.alg.linkprediction.SorensenIndexLinkPrediction;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverlapKernelTest {

    private static final double EPS = 1e-12;

    /**
     * A: t1 t2 t3 (weights 1, 2, 1); B: t2 t3 t4 (weights 3, 1, 1); C: t4; D: t5. Six themes in
     * all would need t6: the universe is the five themes that occur.
     */
    private static BipartiteGraph fixture() {
        return BipartiteGraph.of(List.of(
                new BipartiteGraph.Edge("A", "t1", 1), new BipartiteGraph.Edge("A", "t2", 2),
                new BipartiteGraph.Edge("A", "t3", 1), new BipartiteGraph.Edge("B", "t2", 3),
                new BipartiteGraph.Edge("B", "t3", 1), new BipartiteGraph.Edge("B", "t4", 1),
                new BipartiteGraph.Edge("C", "t4", 1), new BipartiteGraph.Edge("D", "t5", 1)), true);
    }

    @Test
    void knownAnswersAsFractions() {
        OverlapPairs pairs = OverlapKernel.compute(fixture(), new OverlapKernel.Parameters(1, 2));
        assertThat(pairs.size()).isEqualTo(2); // A-B and B-C; D shares nothing
        OverlapPairs.Pair ab = pairs.pair(0);
        assertThat(ab.a()).isZero();
        assertThat(ab.b()).isEqualTo(1);
        assertThat(ab.shared()).isEqualTo(2);
        assertThat(ab.jaccard()).isCloseTo(2d / 4, within(EPS));
        assertThat(ab.overlap()).isCloseTo(2d / 3, within(EPS));
        assertThat(ab.cosine()).isCloseTo(2d / 3, within(EPS));
        assertThat(ab.dice()).isCloseTo(4d / 6, within(EPS));
        // Σmin = min(2,3) + min(1,1) = 3; Σmax over t1..t4 = 1 + 3 + 1 + 1 = 6
        assertThat(ab.weightedJaccard()).isCloseTo(3d / 6, within(EPS));
        // t2 and t3 each have 2 processes
        assertThat(ab.adamicAdar()).isCloseTo(2 / Math.log(2), within(EPS));
        assertThat(ab.resourceAllocation()).isCloseTo(2d / 2, within(EPS));
        // s·N / (|A||B|) = 2·5 / 9
        assertThat(ab.associationStrength()).isCloseTo(10d / 9, within(EPS));
        OverlapPairs.Pair bc = pairs.pair(1);
        assertThat(bc.shared()).isEqualTo(1);
        assertThat(bc.overlap()).isCloseTo(1d / 1, within(EPS));
        assertThat(bc.jaccard()).isCloseTo(1d / 3, within(EPS));
        assertThat(bc.weightedJaccard()).isCloseTo(1d / 5, within(EPS));
    }

    @Test
    void minSharedFiltersPairs() {
        OverlapPairs pairs = OverlapKernel.compute(fixture(), new OverlapKernel.Parameters(2, 1));
        assertThat(pairs.size()).isEqualTo(1);
        assertThat(pairs.pair(0).shared()).isEqualTo(2);
    }

    @Test
    void unweightedGraphHasNoWeightedJaccard() {
        BipartiteGraph g = BipartiteGraph.of(List.of(new BipartiteGraph.Edge("A", "x", 1),
                new BipartiteGraph.Edge("B", "x", 1)), false);
        assertThat(OverlapKernel.compute(g, OverlapKernel.Parameters.defaults()).pair(0).weightedJaccard()).isNaN();
    }

    private static BipartiteGraph random(Random random, int processes, int themes, double density) {
        List<BipartiteGraph.Edge> edges = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            for (int t = 0; t < themes; t++) {
                if (random.nextDouble() < density) {
                    edges.add(new BipartiteGraph.Edge("p" + p, "t" + t, 1 + random.nextInt(3)));
                }
            }
        }
        return BipartiteGraph.of(edges, true);
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 17, 42})
    void sameAsJGraphTLinkPredictionOnRandomBipartiteGraphs(int seed) {
        BipartiteGraph g = random(new Random(seed), 40, 25, 0.15);
        Graph<String, DefaultEdge> jg = new SimpleGraph<>(DefaultEdge.class);
        for (int a = 0; a < g.processCount(); a++) {
            jg.addVertex("P:" + g.process(a));
        }
        for (int t = 0; t < g.themeCount(); t++) {
            jg.addVertex("T:" + g.theme(t));
            for (int a : g.processesOf(t)) {
                jg.addEdge("P:" + g.process(a), "T:" + g.theme(t));
            }
        }
        OverlapPairs pairs = OverlapKernel.compute(g, new OverlapKernel.Parameters(1, 3));
        var common = new CommonNeighborsLinkPrediction<>(jg);
        var jaccard = new JaccardCoefficientLinkPrediction<>(jg);
        var overlap = new HubPromotedIndexLinkPrediction<>(jg);
        var salton = new SaltonIndexLinkPrediction<>(jg);
        var sorensen = new SorensenIndexLinkPrediction<>(jg);
        var adamic = new AdamicAdarIndexLinkPrediction<>(jg);
        var resource = new ResourceAllocationIndexLinkPrediction<>(jg);
        java.util.Map<String, OverlapPairs.Pair> byKey = new java.util.HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            assertThat(pairs.a(i)).isLessThan(pairs.b(i));
            assertThat(byKey.put(pairs.a(i) + "-" + pairs.b(i), pairs.pair(i))).as("pair listed twice").isNull();
            if (i > 0) {
                assertThat(pairs.a(i)).isGreaterThanOrEqualTo(pairs.a(i - 1));
            }
        }
        int listed = 0;
        for (int a = 0; a < g.processCount(); a++) {
            for (int b = a + 1; b < g.processCount(); b++) {
                String u = "P:" + g.process(a);
                String v = "P:" + g.process(b);
                int expectedShared = (int) common.predict(u, v);
                if (expectedShared == 0) {
                    continue;
                }
                OverlapPairs.Pair p = byKey.get(a + "-" + b);
                listed++;
                assertThat(p).as("pair %d-%d", a, b).isNotNull();
                assertThat(p.shared()).isEqualTo(expectedShared);
                assertThat(p.jaccard()).isCloseTo(jaccard.predict(u, v), within(EPS));
                assertThat(p.overlap()).isCloseTo(overlap.predict(u, v), within(EPS));
                assertThat(p.cosine()).isCloseTo(salton.predict(u, v), within(EPS));
                assertThat(p.dice()).isCloseTo(sorensen.predict(u, v), within(EPS));
                assertThat(p.adamicAdar()).isCloseTo(adamic.predict(u, v), within(EPS));
                assertThat(p.resourceAllocation()).isCloseTo(resource.predict(u, v), within(EPS));
                assertThat(p.jaccard()).isBetween(0.0, 1.0);
                assertThat(p.weightedJaccard()).isBetween(0.0, 1.0);
            }
        }
        assertThat(pairs.size()).isEqualTo(listed).isPositive();
    }

    @Test
    void countingPassAgreesWithTheKernel() {
        BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(400, 300, 3000, 0.9, 5));
        assertThat(OverlapKernel.countPairs(g, 3)).isEqualTo(OverlapKernel.compute(g,
                new OverlapKernel.Parameters(1, 2)).size()).isPositive();
        assertThat(g.edgeCount()).isEqualTo(3000);
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        BipartiteGraph g = random(new Random(7), 300, 60, 0.05);
        OverlapPairs one = OverlapKernel.compute(g, new OverlapKernel.Parameters(1, 1));
        OverlapPairs four = OverlapKernel.compute(g, new OverlapKernel.Parameters(1, 4));
        assertThat(four.size()).isEqualTo(one.size());
        for (int i = 0; i < one.size(); i++) {
            assertThat(four.pair(i)).isEqualTo(one.pair(i));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void oneAndTwoPassLayoutsGiveTheSameColumns(int minShared) {
        // Zipf 0.9: many pairs share several themes, so the row bounds exceed the rows by far and the
        // one-pass layout is moved together and then trimmed
        BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(500, 300, 6000, 0.9, minShared));
        for (boolean cells : new boolean[] {false, true}) {
            OverlapKernel.Parameters parameters = new OverlapKernel.Parameters(minShared, 2);
            OverlapKernel.Counted oneCounted = OverlapKernel.compute(g, parameters, cells, percent -> { }, Long.MAX_VALUE);
            OverlapKernel.Counted twoCounted = OverlapKernel.compute(g, parameters, cells, percent -> { }, 0);
            OverlapPairs onePass = oneCounted.pairs();
            OverlapPairs twoPass = twoCounted.pairs();
            assertThat(onePass.size()).as("cells %s", cells).isEqualTo(twoPass.size()).isPositive();
            for (int a = 0; a <= g.processCount(); a++) {
                assertThat(a < g.processCount() ? onePass.rowStart(a) : onePass.size())
                        .isEqualTo(a < g.processCount() ? twoPass.rowStart(a) : twoPass.size());
            }
            for (int i = 0; i < onePass.size(); i++) {
                assertThat(onePass.b(i)).isEqualTo(twoPass.b(i));
                assertThat(onePass.shared(i)).isEqualTo(twoPass.shared(i));
            }
            Significance.Cells oneCells = oneCounted.cells();
            Significance.Cells twoCells = twoCounted.cells();
            if (cells) {
                // what significance finds from the pairs alone is what the kernel counted, slice for slice
                Significance.Cells recounted = Significance.denseCells(onePass, oneCells.side(), 2);
                for (Significance.Cells c : List.of(oneCells, twoCells, recounted)) {
                    // each slice counts exactly its own pairs' cells, and every pair is in one slice
                    assertThat(c.sliceStart()[0]).isZero();
                    assertThat(c.sliceStart()[c.sliceStart().length - 1]).isEqualTo(onePass.size());
                    for (int slice = 0; slice < c.sliceCounts().length; slice++) {
                        int[] recount = new int[c.sliceCounts()[slice].length];
                        for (int i = c.sliceStart()[slice]; i < c.sliceStart()[slice + 1]; i++) {
                            int a = onePass.a(i);
                            assertThat(c.cellOf()[i]).isEqualTo(Significance.denseIndex(onePass.shared(i),
                                    g.processDegree(a), g.processDegree(onePass.b(i))));
                            recount[c.cellOf()[i]]++;
                        }
                        assertThat(c.sliceCounts()[slice]).as("slice %d", slice).containsExactly(recount);
                    }
                }
                assertThat(oneCells.sliceCounts().length).isGreaterThan(1);
            } else {
                assertThat(oneCells).isNull();
            }
        }
    }

    @Test
    void theSlicesCountersStayWithinTheirBudgetWhateverTheThreads() {
        int benchmarkCells = Significance.cells(46);
        int limitCells = Significance.cells(Significance.DENSE_LIMIT + 1);
        assertThat(benchmarkCells).isEqualTo(17_296);
        assertThat(limitCells).isEqualTo(1_373_701);
        long heap = 5_358L << 20;
        // eight a thread while the counters are few
        assertThat(OverlapKernel.writeSlices(20_000, 2, benchmarkCells, heap)).isEqualTo(16);
        // many threads and the largest table: the counters, not the threads, set the count
        int slices = OverlapKernel.writeSlices(20_000, 64, limitCells, heap);
        assertThat((long) slices * limitCells).isLessThanOrEqualTo(heap / 4 / 64);
        assertThat(slices).isEqualTo(15);
        // a small heap still allows 4 Mi counters: three of the largest tables; never more slices than rows
        assertThat(OverlapKernel.writeSlices(20_000, 1, limitCells, 1L << 20)).isEqualTo(3);
        assertThat(OverlapKernel.writeSlices(3, 8, benchmarkCells, heap)).isEqualTo(3);
    }

    @Test
    void everyRowIsSortedBySecondProcessWhetherFromTheBitSetOrBySorting() {
        // 3,000 processes: early rows scan the bit set, late short rows sort their few partners
        BipartiteGraph g = random(new Random(23), 3000, 400, 0.01);
        OverlapPairs pairs = OverlapKernel.compute(g, new OverlapKernel.Parameters(1, 2));
        int rows = 0;
        for (int a = 0; a < g.processCount(); a++) {
            for (int i = pairs.rowStart(a) + 1; i < pairs.rowEnd(a); i++) {
                assertThat(pairs.b(i)).isGreaterThan(pairs.b(i - 1));
            }
            rows += pairs.rowEnd(a) > pairs.rowStart(a) ? 1 : 0;
        }
        assertThat(rows).isGreaterThan(1000);
        assertThat(pairs.size()).isEqualTo(OverlapKernel.countPairs(g, 2));
    }

    @Test
    void rowsAreCompressedAndEveryPairFindsItsRow() {
        // processes 0..9; only 2, 5 and 6 have pairs with later processes (rows 0, 1, 3.. are empty)
        List<BipartiteGraph.Edge> edges = new ArrayList<>();
        for (String[] e : new String[][] {{"p2", "x"}, {"p5", "x"}, {"p6", "x"}, {"p5", "y"}, {"p9", "y"},
                {"p0", "z"}, {"p1", "w"}, {"p3", "v"}, {"p4", "u"}, {"p7", "s"}, {"p8", "r"}}) {
            edges.add(new BipartiteGraph.Edge(e[0], e[1], 1));
        }
        BipartiteGraph g = BipartiteGraph.of(edges, false);
        OverlapPairs pairs = OverlapKernel.compute(g, new OverlapKernel.Parameters(1, 2));
        // p2-p5, p2-p6, p5-p6, p5-p9
        assertThat(pairs.size()).isEqualTo(4);
        int[] first = pairs.firstProcesses();
        assertThat(first).containsExactly(2, 2, 5, 5);
        for (int i = 0; i < pairs.size(); i++) {
            assertThat(pairs.a(i)).isEqualTo(first[i]);
            assertThat(pairs.rowStart(first[i])).isLessThanOrEqualTo(i);
            assertThat(pairs.rowEnd(first[i])).isGreaterThan(i);
            assertThat(pairs.pair(first[i], i)).isEqualTo(pairs.pair(i));
        }
        for (int a = 0; a < g.processCount(); a++) {
            assertThat(pairs.rowEnd(a) - pairs.rowStart(a)).as("row %d", a)
                    .isEqualTo(a == 2 ? 2 : a == 5 ? 2 : 0);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pairs.a(4))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("`i` was `4`");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pairs.pair(6, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in row 6");
    }

    @Test
    void columnPositionsPointAtTheSameEdgeInTheOtherOrientation() {
        BipartiteGraph g = random(new Random(3), 60, 40, 0.2);
        int[] positions = g.columnPositions();
        int[] po = g.processOffsets();
        int[] pt = g.processThemes();
        int[] to = g.themeOffsets();
        int[] tp = g.themeProcesses();
        for (int a = 0; a < g.processCount(); a++) {
            for (int k = po[a]; k < po[a + 1]; k++) {
                int j = positions[k];
                assertThat(tp[j]).isEqualTo(a);
                assertThat(j).isGreaterThanOrEqualTo(to[pt[k]]).isLessThan(to[pt[k] + 1]);
            }
        }
    }
}
