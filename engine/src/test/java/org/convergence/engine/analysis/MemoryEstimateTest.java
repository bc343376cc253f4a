package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a run needs, before it runs: exact pair counts, heap, and whether it fits. */
class MemoryEstimateTest {

    private static ConvergenceAnalysis.Parameters parameters(int topK) {
        ConvergenceAnalysis.Parameters d = ConvergenceAnalysis.Parameters.defaults();
        return new ConvergenceAnalysis.Parameters(new OverlapAnalysis.Parameters(1, topK, SimilarityMetric.JACCARD, 2),
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
    }

    @Test
    void aRunThatCannotFitIsCaughtBeforeItStartsAndOneThatFitsCostsNoCount() {
        BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(2000, 1500, 30_000, 0.5, 3));
        assertThat(MemoryEstimate.check(g, parameters(0), 1L << 40)).isEmpty();
        var refused = MemoryEstimate.check(g, parameters(0), 8L << 20);
        assertThat(refused).isPresent();
        assertThat(refused.get().fits()).isFalse();
        assertThat(refused.get().describe()).contains("does not fit").contains("CONVERGENCE_JAVA_OPTS=-Xmx")
                .contains("--top-k");
    }
}
