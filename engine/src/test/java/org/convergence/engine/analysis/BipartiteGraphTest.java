package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compressed two-mode graph: ids, degrees, both adjacency orders, shared themes and their sums. */
class BipartiteGraphTest {

    /** P1: a b c; P2: b c d (weights 2, 1, 3); P3: d. Theme degrees: a 1, b 2, c 2, d 2. */
    private static BipartiteGraph small() {
        return BipartiteGraph.of(List.of(
                new BipartiteGraph.Edge("P2", "b", 2), new BipartiteGraph.Edge("P1", "a", 1),
                new BipartiteGraph.Edge("P1", "b", 1), new BipartiteGraph.Edge("P1", "c", 4),
                new BipartiteGraph.Edge("P2", "c", 1), new BipartiteGraph.Edge("P2", "d", 3),
                new BipartiteGraph.Edge("P3", "d", 1),
                // a parallel edge (the same cell from a second matrix row) keeps the larger weight
                new BipartiteGraph.Edge("P2", "b", 1.5)), true);
    }

    @Test
    void idsAreSortedAndDegreesCounted() {
        BipartiteGraph g = small();
        assertThat(g.processCount()).isEqualTo(3);
        assertThat(g.themeCount()).isEqualTo(4);
        assertThat(g.edgeCount()).isEqualTo(7);
        assertThat(g.process(0)).isEqualTo("P1");
        assertThat(g.theme(3)).isEqualTo("d");
        assertThat(g.processIndex("P3")).isEqualTo(2);
        assertThat(g.processIndex("P9")).isEqualTo(-1);
        assertThat(new int[] {g.processDegree(0), g.processDegree(1), g.processDegree(2)}).containsExactly(3, 3, 1);
        assertThat(new int[] {g.themeDegree(0), g.themeDegree(1), g.themeDegree(2), g.themeDegree(3)})
                .containsExactly(1, 2, 2, 2);
        assertThat(g.maxProcessDegree()).isEqualTo(3);
        assertThat(g.themesOf(1)).containsExactly(1, 2, 3);
        assertThat(g.processesOf(3)).containsExactly(1, 2);
        assertThat(g.processWeight(1)).isEqualTo(6.0);
        assertThat(g.edgeIndex(1, 2)).isEqualTo(4);
        assertThat(g.edgeIndex(2, 0)).isEqualTo(-1);
    }

    @Test
    void sharedThemesAndTheirSums() {
        BipartiteGraph g = small();
        int[] out = new int[3];
        double[] sums = new double[3];
        // P1 and P2 share b and c: Σ min weights = min(1, 2) + min(4, 1) = 2; both themes have degree 2:
        // Adamic–Adar 2/ln 2, resource allocation 1/2 + 1/2 = 1
        assertThat(g.sharedThemeSums(0, 1, out, sums)).isEqualTo(2);
        assertThat(out).startsWith(1, 2);
        assertThat(sums[0]).isEqualTo(2.0);
        assertThat(sums[1]).isCloseTo(2 / Math.log(2), within(1e-15));
        assertThat(sums[2]).isEqualTo(1.0);
        assertThat(g.sharedThemes(1, 0)).containsExactly(1, 2);
        assertThat(g.sharedThemes(0, 2)).isEmpty();
    }

    @Test
    void columnPositionsPointFromEachRowEdgeToItsColumnEntry() {
        BipartiteGraph g = small();
        int[] positions = g.columnPositions();
        int k = 0;
        for (int a = 0; a < g.processCount(); a++) {
            for (int t : g.themesOf(a)) {
                assertThat(g.themeProcesses()[positions[k]]).as("edge %d (%s, %s)", k, g.process(a), g.theme(t))
                        .isEqualTo(a);
                assertThat(positions[k]).isBetween(g.themeOffsets()[t], g.themeOffsets()[t + 1] - 1);
                k++;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void transposeTwiceIsTheSameGraphAndSwapsTheModes(long seed) {
        Random random = new Random(seed);
        int p = 30;
        int t = 20;
        int[] ep = new int[200];
        int[] et = new int[200];
        for (int i = 0; i < ep.length; i++) {
            ep[i] = random.nextInt(p);
            et[i] = random.nextInt(t);
        }
        BipartiteGraph g = BipartiteGraph.ofIndices(p, t, ep, et);
        BipartiteGraph tg = g.transpose();
        assertThat(tg.processCount()).isEqualTo(g.themeCount());
        assertThat(tg.edgeCount()).isEqualTo(g.edgeCount());
        for (int x = 0; x < t; x++) {
            assertThat(tg.themesOf(x)).as("theme %d", x).containsExactly(g.processesOf(x));
            assertThat(tg.process(x)).isEqualTo(g.theme(x));
        }
        BipartiteGraph back = tg.transpose();
        for (int a = 0; a < p; a++) {
            assertThat(back.themesOf(a)).containsExactly(g.themesOf(a));
        }
        // ids of generated graphs are padded so that their sort order is the index order
        assertThat(g.process(3)).isEqualTo("p03");
        assertThat(g.process(29)).isEqualTo("p29");
    }

    @Test
    void aWeightThatIsNotPositiveAndFiniteIsNamed() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> BipartiteGraph.of(List.of(new BipartiteGraph.Edge("P1", "x", bad)), true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("`weight`").hasMessageContaining("P1 -> x").hasMessageContaining("> 0");
        }
    }
}
