package org.convergence.engine.output.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkLayoutTest {

    private static final int[] FROM = {0, 0, 1, 1, 2, 3};
    private static final int[] TO = {4, 5, 4, 5, 6, 6};

    @Test
    void sameGraphAndSeedSamePicture() {
        double[][] a = NetworkLayout.layout(7, FROM, TO, 42);
        double[][] b = NetworkLayout.layout(7, FROM, TO, 42);
        assertThat(a[0]).containsExactly(b[0]);
        assertThat(a[1]).containsExactly(b[1]);
        assertThat(NetworkLayout.layout(7, FROM, TO, 7)[0]).isNotEqualTo(a[0]);
    }

    @Test
    void positionsFillTheRectangle() {
        double[][] xy = NetworkLayout.layout(7, FROM, TO, 42);
        assertThat(java.util.Arrays.stream(xy[0]).min().orElseThrow()).isZero();
        assertThat(java.util.Arrays.stream(xy[0]).max().orElseThrow()).isEqualTo(NetworkLayout.WIDTH);
        assertThat(java.util.Arrays.stream(xy[1]).min().orElseThrow()).isZero();
        assertThat(java.util.Arrays.stream(xy[1]).max().orElseThrow()).isEqualTo(NetworkLayout.HEIGHT);
    }

    @Test
    void linkedNodesLieCloserThanUnlinkedOnes() {
        // two separate stars: each leaf is nearer its own centre than the other star's
        double[][] xy = NetworkLayout.layout(6, new int[] {0, 0, 3, 3}, new int[] {1, 2, 4, 5}, 42);
        assertThat(distance(xy, 0, 1)).isLessThan(distance(xy, 3, 1));
        assertThat(distance(xy, 3, 4)).isLessThan(distance(xy, 0, 4));
    }

    private static double distance(double[][] xy, int a, int b) {
        return Math.hypot(xy[0][a] - xy[0][b], xy[1][a] - xy[1][b]);
    }
}
