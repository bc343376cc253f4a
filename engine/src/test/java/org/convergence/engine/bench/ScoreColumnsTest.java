package org.convergence.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.convergence.engine.analysis.BipartiteGraph;
import org.convergence.engine.analysis.OverlapKernel;
import org.convergence.engine.analysis.OverlapPairs;
import org.junit.jupiter.api.Test;

class ScoreColumnsTest {

    @Test
    void storedScoreColumnsEqualDerivedScores() {
        BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(300, 200, 2500, 0.7, 9));
        OverlapPairs pairs = OverlapKernel.compute(g, new OverlapKernel.Parameters(2, 2));
        double[][] columns = ScoreColumns.of(pairs);
        assertThat(pairs.size()).isPositive();
        assertThat(columns).hasNumberOfRows(4);
        for (int i = 0; i < pairs.size(); i++) {
            OverlapPairs.Pair p = pairs.pair(i);
            assertThat(p.shared()).isGreaterThanOrEqualTo(2);
            // the same IEEE operations in the same order: equal to the last bit
            assertThat(columns[0][i]).isEqualTo(p.jaccard());
            assertThat(columns[1][i]).isEqualTo(p.overlap());
            assertThat(columns[2][i]).isEqualTo(p.cosine());
            assertThat(columns[3][i]).isEqualTo(p.dice());
        }
    }
}
