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

    /** Reference value from NetworkX 2.8.8: {@code community.modularity(G, [{A,B,t1,t2,t3},{C,D,t4,t5,t6}])}. */
    @Test
    void modularityMatchesNetworkX() {
        // vertices: A..D = 0..3, t1..t6 = 4..9
        int[] from = {0, 0, 0, 1, 1, 1, 2, 2, 3, 3};
        int[] to = {4, 5, 6, 5, 6, 7, 7, 9, 9, 8};
        double[] w = new double[10];
        Arrays.fill(w, 1);
        int[] membership = {0, 0, 1, 1, 0, 0, 0, 1, 1, 1};
        assertThat(Clusters.modularity(membership, 2, from, to, w)).isCloseTo(0.395, within(1e-12));
        Clusters.Result leiden = Clusters.cluster(10, from, to, w, Clusters.Parameters.defaults());
        assertThat(leiden.modularity()).isGreaterThanOrEqualTo(0.395 - 1e-12);
        Clusters.Result louvain = Clusters.cluster(10, from, to, w,
                new Clusters.Parameters(Clusters.Algorithm.LOUVAIN, 1, 10, 42));
        Clusters.Result lpa = Clusters.cluster(10, from, to, w,
                new Clusters.Parameters(Clusters.Algorithm.LABEL_PROPAGATION, 1, 100, 42));
        // 0.395 = 79/200 is the best: cutting C's edge to t6 instead ({A,B,t1,t2,t3}, {C,t4}, {D,t5,t6}) ties
        // with it, 5/10 − (11/20)² + 1/10 − (4/20)² + 2/10 − (5/20)² = 79/200, and that is what Louvain finds
        assertThat(louvain.membership()).containsExactly(0, 0, 2, 1, 0, 0, 0, 2, 1, 1);
        assertThat(louvain.modularity()).isCloseTo(79d / 200, within(1e-12));
        assertThat(lpa.modularity()).isCloseTo(Clusters.modularity(lpa.membership(), lpa.clusterCount(), from, to, w),
                within(1e-15));
    }

    /** Zachary's karate club (1977): 34 members, 78 friendships, as NetworkX's {@code karate_club_graph()}. */
    private static final int[][] KARATE = {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8}, {0, 10},
        {0, 11}, {0, 12}, {0, 13}, {0, 17}, {0, 19}, {0, 21}, {0, 31}, {1, 2}, {1, 3}, {1, 7}, {1, 13}, {1, 17},
        {1, 19}, {1, 21}, {1, 30}, {2, 3}, {2, 7}, {2, 8}, {2, 9}, {2, 13}, {2, 27}, {2, 28}, {2, 32}, {3, 7},
        {3, 12}, {3, 13}, {4, 6}, {4, 10}, {5, 6}, {5, 10}, {5, 16}, {6, 16}, {8, 30}, {8, 32}, {8, 33}, {9, 33},
        {13, 33}, {14, 32}, {14, 33}, {15, 32}, {15, 33}, {18, 32}, {18, 33}, {19, 33}, {20, 32}, {20, 33},
        {22, 32}, {22, 33}, {23, 25}, {23, 27}, {23, 29}, {23, 32}, {23, 33}, {24, 25}, {24, 27}, {24, 31},
        {25, 31}, {26, 29}, {26, 33}, {27, 33}, {28, 31}, {28, 33}, {29, 32}, {29, 33}, {30, 32}, {30, 33},
        {31, 32}, {31, 33}, {32, 33}};

    /** The members who sided with the instructor, Mr. Hi (node 0), when the club split. */
    private static final int[] MR_HI = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21};

    private static int[] karate(int column) {
        return Arrays.stream(KARATE).mapToInt(e -> e[column]).toArray();
    }

    @Test
    void theKarateClubsSplitHasModularity1453Over4056() {
        int[] split = new int[34];
        Arrays.fill(split, 1);
        for (int member : MR_HI) {
            split[member] = 0;
        }
        // m = 78. Mr. Hi's side: 35 inner edges, degree sum 81; the officer's side: 32 inner edges, degree
        // sum 75. Q = 35/78 − (81/156)² + 32/78 − (75/156)² = 1453/4056 (NetworkX: 0.3582347140039448)
        assertThat(Clusters.modularity(split, 2, karate(0), karate(1), ones(78))).isCloseTo(1453d / 4056, within(1e-15));
    }

    @ParameterizedTest
    @EnumSource(value = Clusters.Algorithm.class, names = {"LEIDEN", "LOUVAIN"})
    void leidenAndLouvainFindTheKarateClubsBestPartition(Clusters.Algorithm algorithm) {
        // the largest modularity of the club is 0.4197896 = 1277/3042, in four communities, proved optimal by
        // integer programming (Brandes et al. 2008, "On modularity clustering", IEEE TKDE 20(2), Table 1)
        Clusters.Result r = Clusters.cluster(34, karate(0), karate(1), ones(78),
                new Clusters.Parameters(algorithm, 1, 20, 42));
        assertThat(r.modularity()).isCloseTo(1277d / 3042, within(1e-12));
        assertThat(r.clusterCount()).isEqualTo(4);
        // the four communities, numbered by size then smallest member (NetworkX's Louvain finds the same)
        int[][] best = {{8, 9, 14, 15, 18, 20, 22, 26, 29, 30, 32, 33}, {0, 1, 2, 3, 7, 11, 12, 13, 17, 19, 21},
            {23, 24, 25, 27, 28, 31}, {4, 5, 6, 10, 16}};
        for (int c = 0; c < best.length; c++) {
            for (int member : best[c]) {
                assertThat(r.membership()[member]).as("member %d", member).isEqualTo(c);
            }
        }
    }

    @Test
    void labelPropagationOnTheKarateClubReportsTheModularityOfWhatItFound() {
        Clusters.Result r = Clusters.cluster(34, karate(0), karate(1), ones(78),
                new Clusters.Parameters(Clusters.Algorithm.LABEL_PROPAGATION, 1, 100, 42));
        assertThat(r.modularity())
                .isCloseTo(Clusters.modularity(r.membership(), r.clusterCount(), karate(0), karate(1), ones(78)),
                        within(1e-15))
                .isBetween(0.3, 1277d / 3042);
        // a label spreads along edges only: every cluster is connected, so 0's cluster holds 0's neighbours'
        // majority; here the instructor and his three closest friends stay together
        assertThat(r.membership()[1]).isEqualTo(r.membership()[0]);
        assertThat(r.membership()[2]).isEqualTo(r.membership()[0]);
        assertThat(r.membership()[3]).isEqualTo(r.membership()[0]);
    }
}
