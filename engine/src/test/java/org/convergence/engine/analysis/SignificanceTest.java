package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.convergence.engine.bench.TwoModeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignificanceTest {

    @Test
    void knownAnswer() {
        // N = 10, K = 3, n = 3: P(X >= 2) = (C(3,2)C(7,1) + C(3,3)) / C(10,3) = (21 + 1) / 120
        assertThat(new Significance(10).upperTail(2, 3, 3)).isCloseTo(22d / 120, within(1e-15));
        assertThat(new Significance(10).upperTail(0, 3, 3)).isEqualTo(1.0);
        assertThat(new Significance(10).upperTail(4, 3, 3)).isZero();
    }

    @Test
    void sameAsCommonsMathOnRandomDraws() {
        Random random = new Random(13);
        for (int i = 0; i < 500; i++) {
            int n = 1 + random.nextInt(400);
            int k = random.nextInt(n + 1);
            int draws = random.nextInt(n + 1);
            int s = random.nextInt(Math.min(k, draws) + 2);
            double expected = new HypergeometricDistribution(null, n, k, draws).upperCumulativeProbability(s);
            double actual = new Significance(n).upperTail(s, k, draws);
            assertThat(actual).as("N=%d K=%d n=%d s=%d", n, k, draws, s)
                    .isCloseTo(Math.min(1, expected), within(1e-9 + 1e-9 * expected));
        }
    }

    @Test
    void fastBenjaminiHochbergEqualsTheTextbookStepUpWithTies() {
        Random random = new Random(17);
        double[] p = new double[2000];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextInt(50) / 200.0; // many ties
        }
        long m = 5000;
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
        double[] expected = new double[p.length];
        double running = 1;
        for (int rank = p.length; rank >= 1; rank--) {
            running = Math.min(running, p[order[rank - 1]] * m / rank);
            expected[order[rank - 1]] = Math.min(1, running);
        }
        assertThat(Significance.benjaminiHochberg(p, m)).containsExactly(expected, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void testAllEqualsPerPairTestsThenAdjustment(int threads) {
        // a seeded random bipartite graph: every pair's p from its own hypergeometric tail, then BH over the
        // pairs one by one, against the per-test computation in one pass
        BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(400, 120, 4000, 0.6, 23));
        OverlapPairs pairs = OverlapKernel.compute(g, new OverlapKernel.Parameters(1, threads));
        long family = 400L * 399 / 2;
        Significance sig = new Significance(g.themeCount(), threads);
        Significance.Tested fast = sig.testAll(pairs, null, family);
        int n = pairs.size();
        assertThat(n).isGreaterThan(5000);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = sig.upperTail(pairs.shared(i), g.processDegree(pairs.a(i)), g.processDegree(pairs.b(i)));
        }
        double[] q = Significance.benjaminiHochberg(p, family);
        double maxP = 0;
        double maxQ = 0;
        for (int i = 0; i < n; i++) {
            maxP = Math.max(maxP, Math.abs(fast.p(i) - p[i]));
            maxQ = Math.max(maxQ, Math.abs(fast.q(i) - q[i]));
        }
        // the per-test path evaluates the symmetric form upperTail(s, min, max): same value up to rounding
        assertThat(maxP).isLessThan(1e-12);
        assertThat(maxQ).isLessThan(1e-12);
        // symmetric in the two theme counts
        assertThat(sig.upperTail(3, 7, 12)).isEqualTo(sig.upperTail(3, 12, 7), within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 260})
    void theKernelsCellsTheDenseTableAndTheHashMapGiveTheSameTests(int hubDegree) {
        // a hub process with hubDegree themes: above 200 the tests are hashed, below in the dense table
        java.util.List<BipartiteGraph.Edge> edges = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(hubDegree);
        for (int t = 0; t < hubDegree; t++) {
            edges.add(new BipartiteGraph.Edge("hub", "t" + t, 1));
        }
        for (int p = 0; p < 150; p++) {
            for (int t = 0; t < 300; t++) {
                if (random.nextDouble() < 0.04) {
                    edges.add(new BipartiteGraph.Edge("p" + p, "t" + t, 1));
                }
            }
        }
        BipartiteGraph g = BipartiteGraph.of(edges, false);
        OverlapKernel.Counted counted = OverlapKernel.computeCounted(g, new OverlapKernel.Parameters(1, 2), percent -> { });
        OverlapPairs pairs = counted.pairs();
        assertThat(counted.cells() == null).as("no cells above the dense limit")
                .isEqualTo(hubDegree > Significance.DENSE_LIMIT);
        Significance sig = new Significance(g.themeCount(), 2);
        long family = 151L * 150 / 2;
        Significance.Tested fromKernel = sig.testAll(pairs, counted.cells(), family);
        Significance.Tested fromPairs = sig.testAll(pairs, null, family);
        Significance.Tested hashed = sig.testAll(pairs, null, family, 0);
        assertThat(pairs.size()).isGreaterThan(1000);
        for (int i = 0; i < pairs.size(); i++) {
            assertThat(fromPairs.p(i)).as("p of pair %d", i).isEqualTo(fromKernel.p(i)).isEqualTo(hashed.p(i));
            assertThat(fromPairs.q(i)).as("q of pair %d", i).isEqualTo(fromKernel.q(i)).isEqualTo(hashed.q(i));
        }
    }

    @Test
    void benjaminiHochbergKnownAnswer() {
        double[] q = Significance.benjaminiHochberg(new double[] {0.01, 0.04, 0.03}, 4);
        // sorted 0.01 (rank 1), 0.03 (rank 2), 0.04 (rank 3), m = 4: 0.04, 0.06, 0.0533.. -> step-up min
        assertThat(q[0]).isCloseTo(0.04, within(1e-15));
        assertThat(q[2]).isCloseTo(0.04 * 4 / 3, within(1e-15));
        assertThat(q[1]).isCloseTo(0.04 * 4 / 3, within(1e-15));
    }
}
