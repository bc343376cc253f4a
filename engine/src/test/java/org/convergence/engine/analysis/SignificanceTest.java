package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.junit.jupiter.api.Test;

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
    void benjaminiHochbergKnownAnswer() {
        double[] q = Significance.benjaminiHochberg(new double[] {0.01, 0.04, 0.03}, 4);
        // sorted 0.01 (rank 1), 0.03 (rank 2), 0.04 (rank 3), m = 4: 0.04, 0.06, 0.0533.. -> step-up min
        assertThat(q[0]).isCloseTo(0.04, within(1e-15));
        assertThat(q[2]).isCloseTo(0.04 * 4 / 3, within(1e-15));
        assertThat(q[1]).isCloseTo(0.04 * 4 / 3, within(1e-15));
    }
}
