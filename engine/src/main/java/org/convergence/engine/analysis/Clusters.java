package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.IterativeCPMClusteringAlgorithm;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.LouvainAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Community detection on a weighted undirected network given as an edge list: Leiden (Traag, Waltman
 * &amp; van Eck 2019, Sci. Rep. 9:5233) or Louvain (Blondel et al. 2008) from the CWTS
 * {@code networkanalysis} library optimising modularity with a resolution parameter, or JGraphT's label
 * propagation (Raghavan, Albert &amp; Kumara 2007) as an alternative. Deterministic for a given seed.
 *
 * <p>Modularity is reported for the standard resolution 1 by Newman's formula
 * {@code Q = Σ_c [ w_in(c) / m − (d(c) / 2m)² ]}, with {@code m} the total edge weight, {@code w_in(c)} the
 * weight inside cluster c and {@code d(c)} its total weighted degree, computed here independently of
 * the algorithm that produced the clustering.
 */
public final class Clusters {

    /** Clustering algorithms. */
    public enum Algorithm {
        LEIDEN, LOUVAIN, LABEL_PROPAGATION;

        /** Parses a name, naming the allowed values on failure. */
        public static Algorithm parse(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Value for `algorithm` was `" + value + "`, but must be one of "
                        + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .collect(Collectors.joining(", ")), e);
            }
        }
    }

    /**
     * Parameters.
     *
     * @param algorithm which algorithm
     * @param resolution modularity resolution γ &gt; 0 (higher gives more, smaller clusters)
     * @param iterations iterations of Leiden/Louvain (at least 1) or the label propagation limit
     * @param seed random seed
     */
    public record Parameters(Algorithm algorithm, double resolution, int iterations, long seed) {
        public Parameters {
            Setting.ALGORITHM.check(algorithm);
            Setting.RESOLUTION.checkDouble(resolution);
            Setting.ITERATIONS.checkInt(iterations);
        }

        /** @return the settings' defaults: Leiden at resolution 1, 10 iterations, seed 42 */
        public static Parameters defaults() {
            return new Parameters(Setting.ALGORITHM.defaultValue(), Setting.RESOLUTION.defaultValue(),
                    Setting.ITERATIONS.defaultValue(), Setting.SEED.defaultValue());
        }
    }

    /**
     * A clustering.
     *
     * @param membership cluster index per node; clusters numbered by decreasing size, then smallest member
     * @param clusterCount number of clusters
     * @param modularity Newman modularity at resolution 1
     */
    public record Result(int[] membership, int clusterCount, double modularity) {
    }

    private Clusters() {
    }

    /**
     * Clusters a network.
     *
     * @param nodes number of nodes
     * @param from edge sources
     * @param to edge targets (each undirected edge once, no self loops)
     * @param weight edge weights, positive
     * @param parameters algorithm and its parameters
     */
    public static Result cluster(int nodes, int[] from, int[] to, double[] weight, Parameters parameters) {
        int[] membership;
        if (nodes == 0) {
            return new Result(new int[0], 0, 0);
        }
        if (parameters.algorithm() == Algorithm.LABEL_PROPAGATION) {
            membership = labelPropagation(nodes, from, to, weight, parameters);
        } else {
            Network network = new Network(nodes, true, new LargeIntArray[] {new LargeIntArray(from),
                    new LargeIntArray(to)}, new LargeDoubleArray(weight), false, true);
            double total = network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks();
            double cpmResolution = total == 0 ? parameters.resolution() : parameters.resolution() / (2 * total);
            Random random = new Random(parameters.seed());
            IterativeCPMClusteringAlgorithm algorithm = parameters.algorithm() == Algorithm.LEIDEN
                    ? new LeidenAlgorithm(cpmResolution, parameters.iterations(), LeidenAlgorithm.DEFAULT_RANDOMNESS,
                            random)
                    : new LouvainAlgorithm(cpmResolution, parameters.iterations(), random);
            Clustering clustering = new Clustering(nodes);
            algorithm.improveClustering(network, clustering);
            membership = clustering.getClusters();
        }
        int[] canonical = canonical(membership);
        int count = Arrays.stream(canonical).max().orElse(-1) + 1;
        return new Result(canonical, count, modularity(canonical, count, from, to, weight));
    }

    /** Newman modularity at resolution 1 of a clustering of a weighted undirected network. */
    public static double modularity(int[] membership, int clusters, int[] from, int[] to, double[] weight) {
        double m = 0;
        double[] inside = new double[clusters];
        double[] degree = new double[clusters];
        for (int e = 0; e < from.length; e++) {
            m += weight[e];
            degree[membership[from[e]]] += weight[e];
            degree[membership[to[e]]] += weight[e];
            if (membership[from[e]] == membership[to[e]]) {
                inside[membership[from[e]]] += weight[e];
            }
        }
        if (m == 0) {
            return 0;
        }
        double q = 0;
        for (int c = 0; c < clusters; c++) {
            q += inside[c] / m - Math.pow(degree[c] / (2 * m), 2);
        }
        return q;
    }

    private static int[] labelPropagation(int nodes, int[] from, int[] to, double[] weight, Parameters p) {
        Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int i = 0; i < nodes; i++) {
            g.addVertex(i);
        }
        for (int e = 0; e < from.length; e++) {
            DefaultWeightedEdge edge = g.addEdge(from[e], to[e]);
            if (edge != null) {
                g.setEdgeWeight(edge, weight[e]);
            }
        }
        var clustering = new LabelPropagationClustering<>(g, p.iterations(), new Random(p.seed())).getClustering();
        int[] membership = new int[nodes];
        int c = 0;
        for (Set<Integer> cluster : clustering.getClusters()) {
            for (int v : cluster) {
                membership[v] = c;
            }
            c++;
        }
        return membership;
    }

    /** Renumbers clusters by decreasing size, ties by smallest member, so output does not depend on labels. */
    private static int[] canonical(int[] membership) {
        int max = Arrays.stream(membership).max().orElse(-1) + 1;
        int[] size = new int[max];
        int[] first = new int[max];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int v = 0; v < membership.length; v++) {
            size[membership[v]]++;
            first[membership[v]] = Math.min(first[membership[v]], v);
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < max; c++) {
            if (size[c] > 0) {
                order.add(c);
            }
        }
        order.sort(Comparator.comparingInt((Integer c) -> -size[c]).thenComparingInt(c -> first[c]));
        int[] rename = new int[max];
        for (int i = 0; i < order.size(); i++) {
            rename[order.get(i)] = i;
        }
        int[] out = new int[membership.length];
        for (int v = 0; v < membership.length; v++) {
            out[v] = rename[membership[v]];
        }
        return out;
    }
}
