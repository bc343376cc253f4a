package org.convergence.engine.output.html;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convergence.engine.analysis.Centrality;
import org.convergence.engine.analysis.ClusterKind;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.dataset.DatasetView;

/**
 * A run's result laid over the data set the report shows: each process's and theme's clusters and centrality
 * by its index in the {@link DatasetView}, and the pairs as the report draws them ({@link PairSummary}).
 * Processes and themes outside the run's graph (another relation kind's, a broader taxonomy theme) have no
 * cluster (-1) and no betweenness (NaN).
 */
final class RunOverlay {

    final ConvergenceAnalysis.Result result;
    final int[] processCluster;
    final int[] processCoCluster;
    final double[] processBetweenness;
    final int[] themeCluster;
    final int[] themeCoCluster;
    final double[] themeBetweenness;
    final int[] themeDegree;
    final long[] themeDisconnected;
    final PairSummary pairs;

    private RunOverlay(DatasetView data, ConvergenceAnalysis.Result result, int gridLimit) {
        this.result = result;
        int p = data.processes().size();
        int t = data.themes().size();
        Map<String, Integer> processIndex = new HashMap<>();
        for (int i = 0; i < p; i++) {
            processIndex.put(data.processes().get(i).id(), i);
        }
        Map<String, Integer> themeIndex = new HashMap<>();
        for (int i = 0; i < t; i++) {
            themeIndex.put(data.themes().get(i).id(), i);
        }
        processCluster = filled(p);
        processCoCluster = filled(p);
        themeCluster = filled(t);
        themeCoCluster = filled(t);
        for (ConvergenceAnalysis.ClusterSet set : result.clusterSets()) {
            int[] processes = set.kind() == ClusterKind.CO ? processCoCluster
                    : set.kind() == ClusterKind.PROCESS ? processCluster : null;
            int[] themes = set.kind() == ClusterKind.CO ? themeCoCluster
                    : set.kind() == ClusterKind.THEME ? themeCluster : null;
            for (ConvergenceAnalysis.Cluster c : set.clusters()) {
                if (processes != null) {
                    c.processes().forEach(id -> set(processes, processIndex.get(id), c.id()));
                }
                if (themes != null) {
                    c.themes().forEach(id -> set(themes, themeIndex.get(id), c.id()));
                }
            }
        }
        processBetweenness = new double[p];
        themeBetweenness = new double[t];
        Arrays.fill(processBetweenness, Double.NaN);
        Arrays.fill(themeBetweenness, Double.NaN);
        themeDegree = new int[t];
        themeDisconnected = new long[t];
        if (result.centrality() != null) {
            for (Centrality.Score s : result.centrality().processes()) {
                Integer i = processIndex.get(s.id());
                if (i != null) {
                    processBetweenness[i] = s.betweenness();
                }
            }
            for (Centrality.Score s : result.centrality().themes()) {
                Integer i = themeIndex.get(s.id());
                if (i != null) {
                    themeBetweenness[i] = s.betweenness();
                    themeDegree[i] = s.degree();
                    themeDisconnected[i] = s.disconnectedProcessPairs();
                }
            }
        }
        pairs = PairSummary.of(result.pairs(), processIndex, processCluster, gridLimit);
    }

    /**
     * @param gridLimit the number of processes up to which every pair is kept ({@link PairSummary#GRID_LIMIT})
     * @return the run's result laid over the data set
     */
    static RunOverlay of(DatasetView data, ConvergenceAnalysis.Result result, int gridLimit) {
        return new RunOverlay(data, result, gridLimit);
    }

    /** @return whether some process pair loses every link without theme {@code t} */
    boolean themeBridge(int t) {
        return themeDisconnected[t] > 0;
    }

    /** @return whether the run analysed edges of this relation kind */
    boolean analysed(String relation) {
        List<String> relations = result.provenance().relations();
        return relations.isEmpty() || relations.contains(relation);
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private static void set(int[] a, Integer index, int value) {
        if (index != null) {
            a[index] = value;
        }
    }
}
