package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adjusted Rand index and normalised mutual information: scikit-learn's published examples (the user guide's
 * "Clustering performance evaluation" and the functions' docstrings), values worked out by hand, and the
 * index against the pair-counting definition on seeded random partitions.
 */
class PartitionsTest {

    @Test
    void adjustedRandAsScikitLearnDocumentsIt() {
        // adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 1]) == 1.0, and for renamed labels too
        assertThat(Partitions.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
        assertThat(Partitions.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0})).isEqualTo(1.0);
        // adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]) == 0.57...: by hand, Σ C(n_ij,2) = 1, Σ C(a_i,2) = 1,
        // Σ C(b_j,2) = 2, C(4,2) = 6: E = 1/3, max = 3/2, ARI = (1 − 1/3) / (3/2 − 1/3) = 4/7
        assertThat(Partitions.adjustedRand(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1}))
                .isCloseTo(4d / 7, within(1e-15));
        // adjusted_rand_score([0, 0, 0, 0], [0, 1, 2, 3]) == 0.0
        assertThat(Partitions.adjustedRand(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3})).isEqualTo(0.0);
        // adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) == -0.5: discordant, below chance
        assertThat(Partitions.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}))
                .isCloseTo(-0.5, within(1e-15));
        // both all singletons, or both one cluster: 1 (the special case scikit-learn defines)
        assertThat(Partitions.adjustedRand(new int[] {0, 1, 2}, new int[] {5, 6, 7})).isEqualTo(1.0);
        assertThat(Partitions.adjustedRand(new int[] {3, 3, 3}, new int[] {1, 1, 1})).isEqualTo(1.0);
    }

    @Test
    void normalisedMutualInformationByHandAndAsScikitLearnDocumentsIt() {
        // normalized_mutual_info_score([0, 0, 1, 1], [1, 1, 0, 0]) == 1.0
        assertThat(Partitions.normalisedMutualInformation(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0}))
                .isCloseTo(1.0, within(1e-15));
        // normalized_mutual_info_score([0, 0, 0, 0], [0, 1, 2, 3]) == 0.0: "completely split"
        assertThat(Partitions.normalisedMutualInformation(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}))
                .isCloseTo(0.0, within(1e-15));
        // [0, 0, 1, 2] against [0, 0, 1, 1]: H(U) = (3/2) ln 2, H(V) = ln 2, I = ln 2: NMI = 1 / (5/4) = 4/5
        assertThat(Partitions.normalisedMutualInformation(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1}))
                .isCloseTo(4d / 5, within(1e-15));
        assertThat(Partitions.normalisedMutualInformation(new int[] {2, 2}, new int[] {7, 7})).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void adjustedRandEqualsThePairCountingDefinitionAndBothAreSymmetric(long seed) {
        Random random = new Random(seed);
        int n = 40 + random.nextInt(40);
        int[] u = new int[n];
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            u[i] = random.nextInt(4);
            v[i] = random.nextBoolean() ? u[i] : random.nextInt(6);
        }
        // pair counting: a = pairs together in both, b = apart in both, c and d = together in one only;
        // ARI = 2(ab − cd) / ((a + c)(c + b) + (a + d)(d + b))  (Steinley 2004)
        double a = 0;
        double b = 0;
        double c = 0;
        double d = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean first = u[i] == u[j];
                boolean second = v[i] == v[j];
                if (first && second) {
                    a++;
                } else if (!first && !second) {
                    b++;
                } else if (first) {
                    c++;
                } else {
                    d++;
                }
            }
        }
        double expected = 2 * (a * b - c * d) / ((a + c) * (c + b) + (a + d) * (d + b));
        assertThat(Partitions.adjustedRand(u, v)).isCloseTo(expected, within(1e-12))
                .isCloseTo(Partitions.adjustedRand(v, u), within(1e-15));
        assertThat(Partitions.normalisedMutualInformation(u, v)).isBetween(0.0, 1.0)
                .isCloseTo(Partitions.normalisedMutualInformation(v, u), within(1e-15));
    }

    @Test
    void partitionsOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> Partitions.adjustedRand(new int[] {0, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("`second` has 1 items");
    }
}
