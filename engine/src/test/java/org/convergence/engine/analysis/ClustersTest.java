package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Leiden, Louvain and label propagation on graphs whose best clustering can be checked by hand. */
class ClustersTest {

    /** Two triangles {0,1,2} and {3,4,5} joined by the edge 2-3. */
    private static final int[] FROM = {0, 0, 1, 3, 3, 4, 2};
    private static final int[] TO = {1, 2, 2, 4, 5, 5, 3};

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    @ParameterizedTest
    @EnumSource(Clusters.Algorithm.class)
    void twoTrianglesJoinedByOneEdgeAreTwoClusters(Clusters.Algorithm algorithm) {
        Clusters.Result r = Clusters.cluster(6, FROM, TO, ones(7), new Clusters.Parameters(algorithm, 1, 20, 42));
        assertThat(r.clusterCount()).isEqualTo(2);
        // clusters numbered by size, then smallest member: the triangle holding 0 is cluster 0
        assertThat(r.membership()).containsExactly(0, 0, 0, 1, 1, 1);
        // m = 7; each triangle: 3 inner edges, degree sum 7: Q = 2·(3/7 − (7/14)²) = 5/14
        assertThat(r.modularity()).isCloseTo(5d / 14, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(value = Clusters.Algorithm.class, names = {"LEIDEN", "LOUVAIN"})
    void edgeWeightsAreHonoured(Clusters.Algorithm algorithm) {
        // the same six nodes as a 6-cycle 0-1-2-3-4-5-0: unweighted, any cut of two opposite edges is as good;
        // heavy edges 0-1, 2-3, 4-5 make those three pairs the clusters
        int[] from = {0, 1, 2, 3, 4, 5};
        int[] to = {1, 2, 3, 4, 5, 0};
        double[] w = {10, 1, 10, 1, 10, 1};
        Clusters.Result r = Clusters.cluster(6, from, to, w, new Clusters.Parameters(algorithm, 1, 20, 42));
        assertThat(r.clusterCount()).isEqualTo(3);
        assertThat(r.membership()).containsExactly(0, 0, 1, 1, 2, 2);
        // m = 33; each pair: inner weight 10, degree sum 22: Q = 3·(10/33 − (22/66)²) = 10/11 − 1/3
        assertThat(r.modularity()).isCloseTo(10d / 11 - 1d / 3, within(1e-12));
        // move the weight to the other edges and the pairs move with it: 1-2, 3-4, 5-0
        double[] shifted = {1, 10, 1, 10, 1, 10};
        int[] m = Clusters.cluster(6, from, to, shifted, new Clusters.Parameters(algorithm, 1, 20, 42)).membership();
        assertThat(m[1]).isEqualTo(m[2]).isNotEqualTo(m[0]);
        assertThat(m[3]).isEqualTo(m[4]).isNotEqualTo(m[2]);
        assertThat(m[5]).isEqualTo(m[0]).isNotEqualTo(m[4]);
    }

    @Test
    void sameSeedSameClustersAndNoEdgesOneClusterEach() {
        Clusters.Parameters p = Clusters.Parameters.defaults();
        assertThat(Clusters.cluster(6, FROM, TO, ones(7), p).membership())
                .containsExactly(Clusters.cluster(6, FROM, TO, ones(7), p).membership());
        Clusters.Result isolated = Clusters.cluster(3, new int[0], new int[0], new double[0], p);
        assertThat(isolated.clusterCount()).isEqualTo(3);
        assertThat(isolated.modularity()).isZero();
    }

    @Test
    void modularityOfAGivenClustering() {
        // everything in one cluster has modularity 0
        assertThat(Clusters.modularity(new int[6], 1, FROM, TO, ones(7))).isCloseTo(0, within(1e-15));
    }
}
