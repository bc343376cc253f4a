package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.convergence.engine.bench.TwoModeGenerator;
import org.junit.jupiter.api.Test;

/** What a run needs, before it runs: exact pair counts, heap, and whether it fits. */
class MemoryEstimateTest {

    private static ConvergenceAnalysis.Parameters parameters(int topK) {
        return parameters(topK, 2);
    }

    private static ConvergenceAnalysis.Parameters parameters(int topK, int threads) {
        ConvergenceAnalysis.Parameters d = ConvergenceAnalysis.Parameters.defaults();
        return new ConvergenceAnalysis.Parameters(new OverlapAnalysis.Parameters(1, topK, SimilarityMetric.JACCARD, threads),
                d.clusters(), true, List.of(), true, d.betweennessBudget(), 3, 5);
    }

    @Test
    void pairsAreCountedExactlyAndTopKBoundsThem() {
        BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(2000, 1500, 30_000, 0.5, 3));
        MemoryEstimate all = MemoryEstimate.of(g, parameters(0), 1L << 40);
        assertThat(all.allPairs()).isEqualTo(OverlapKernel.compute(g, OverlapKernel.Parameters.defaults()).size());
        assertThat(all.pairs()).isEqualTo(all.allPairs());
        assertThat(all.pairsExact()).isTrue();
        assertThat(all.themePairs()).isEqualTo(OverlapKernel.countPairs(g.transpose(), 2));
        assertThat(all.relationships()).isGreaterThan(all.pairs());
        MemoryEstimate top = MemoryEstimate.of(g, parameters(5), 1L << 40);
        assertThat(top.pairs()).isEqualTo(Math.min(all.allPairs(), 2000L * 5));
        assertThat(top.heapBytes()).isLessThan(all.heapBytes());
        assertThat(top.allPairsHeapBytes()).isEqualTo(all.allPairsHeapBytes());
        assertThat(all.describe()).contains(String.format(java.util.Locale.ROOT, "%,d (exact", all.allPairs()))
                .contains("fits");
        // an all-pairs estimate also gives the heap of the remedy it suggests, --top-k 10
        assertThat(all.topK()).isEqualTo(10);
        assertThat(all.topKHeapBytes()).isEqualTo(MemoryEstimate.of(g, parameters(10), 1L << 40).heapBytes());
        assertThat(all.describe()).contains("heap with --top-k 10: about ");
        assertThat(top.topK()).isEqualTo(5);
        assertThat(top.topKHeapBytes()).isEqualTo(top.heapBytes());
        assertThat(top.describe()).contains("heap with --top-k 5 (this run): about ");
        // a tiny graph needs less than a MiB, said so rather than "about 0 MiB"
        BipartiteGraph tiny = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(20, 15, 60, 0.5, 3));
        assertThat(MemoryEstimate.of(tiny, parameters(0), 1L << 40).describe())
                .contains("heap for all pairs: less than 1 MiB").doesNotContain("about 0 MiB");
    }

    @Test
    void aRunThatCannotFitIsCaughtBeforeItStartsAndOneThatFitsCostsNoCount() {
        BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(2000, 1500, 30_000, 0.5, 3));
        assertThat(MemoryEstimate.check(g, parameters(0), 1L << 40)).isEmpty();
        var refused = MemoryEstimate.check(g, parameters(0), 8L << 20);
        assertThat(refused).isPresent();
        assertThat(refused.get().fits()).isFalse();
        assertThat(refused.get().describe()).contains("does not fit").contains("CONVERGENCE_JAVA_OPTS=-Xmx")
                .contains("--top-k").contains("./convergence spark analyze"); // and where past one machine
        assertThat(MemoryEstimate.check(g, parameters(0), 1L << 40)).isEmpty();
    }

    @Test
    void theKernelsSliceCountersAreCountedForAllPairsOnly() {
        BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(2000, 1500, 30_000, 0.5, 3));
        long heap = 1L << 40;
        int cells = Significance.cells(g.maxProcessDegree() + 1);
        // eight slices a thread, each with a counter per test cell
        assertThat(OverlapKernel.cellCounterBytes(g, 2, heap)).isEqualTo(4L * cells * 16);
        assertThat(OverlapKernel.cellCounterBytes(g, 64, heap)).isEqualTo(4L * cells * 512);
        long perSlices = 4L * cells * (512 - 16);
        assertThat(MemoryEstimate.of(g, parameters(0, 64), heap).heapBytes()
                - MemoryEstimate.of(g, parameters(0, 2), heap).heapBytes()).isEqualTo(perSlices);
        // top-k keeps no counters, but its all-pairs figure does
        MemoryEstimate top2 = MemoryEstimate.of(g, parameters(5, 2), heap);
        MemoryEstimate top64 = MemoryEstimate.of(g, parameters(5, 64), heap);
        assertThat(top64.heapBytes()).isEqualTo(top2.heapBytes());
        assertThat(top64.allPairsHeapBytes() - top2.allPairsHeapBytes()).isEqualTo(perSlices);
        // processes of more themes than the dense table takes: cells are hashed later, nothing counted here
        int themes = Significance.DENSE_LIMIT + 1;
        int[] process = new int[themes + 1];
        int[] theme = new int[themes + 1];
        for (int t = 0; t < themes; t++) {
            theme[t] = t;
        }
        process[themes] = 1;
        BipartiteGraph wide = BipartiteGraph.ofIndices(2, themes, process, theme);
        assertThat(wide.maxProcessDegree()).isEqualTo(themes);
        assertThat(OverlapKernel.cellCounterBytes(wide, 2, heap)).isZero();
    }
}
