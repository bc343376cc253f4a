package org.convergence.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convergence.engine.analysis.Clusters;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.SimilarityMetric;
import picocli.CommandLine.Option;

/** Options of the analyses, shared by {@code analyze}, {@code path} and {@code recommend}. */
final class AnalysisOptions {

    @Option(names = "--relations", paramLabel = "KIND[,KIND...]", split = ",",
            description = "Relation kinds (matrix rows) that count, e.g. CONVERGENCE_AREA or ACTION_PLAN,"
                    + "STATED_PURPOSE (default: all).")
    List<String> relations;

    @Option(names = "--min-shared", paramLabel = "N", defaultValue = "1",
            description = "List pairs sharing at least N themes (default: ${DEFAULT-VALUE}).")
    int minShared;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "0",
            description = "Keep each process's K most similar processes only; never holds all pairs (default: all pairs).")
    int topK;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "jaccard",
            description = "Similarity for top-k, the projection, weighted paths and recommendations: jaccard, overlap,"
                    + " cosine, dice, shared (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--algorithm", paramLabel = "ALG", defaultValue = "leiden",
            description = "Clustering: leiden, louvain, label-propagation (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--resolution", paramLabel = "GAMMA", defaultValue = "1.0",
            description = "Modularity resolution; higher gives smaller clusters (default: ${DEFAULT-VALUE}).")
    double resolution;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "10",
            description = "Clustering iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Random seed of the clustering (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-theme-clusters", description = "Skip clustering themes by co-occurrence.")
    boolean noThemeClusters;

    @Option(names = "--no-centrality", description = "Skip betweenness and bridges.")
    boolean noCentrality;

    @Option(names = "--betweenness-budget", paramLabel = "STEPS", defaultValue = "5e8",
            description = "BFS steps, V*(V+2E), up to which betweenness is exact; above, it is estimated from"
                    + " STEPS/(V+2E) sampled sources, at least 64 (default: ${DEFAULT-VALUE}).")
    double betweennessBudget;

    @Option(names = "--neighbours", paramLabel = "N", defaultValue = "3",
            description = "Similar processes consulted for recommendations (default: ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--recommend", paramLabel = "N", defaultValue = "5",
            description = "Themes recommended per process (default: ${DEFAULT-VALUE}).")
    int recommend;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    /** @return the validated parameters, with the given path requests */
    ConvergenceAnalysis.Parameters parameters(List<ConvergenceAnalysis.PathRequest> paths) {
        SimilarityMetric m = SimilarityMetric.parse("metric", metric);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        return new ConvergenceAnalysis.Parameters(new OverlapAnalysis.Parameters(minShared, topK, m, t),
                new Clusters.Parameters(Clusters.Algorithm.parse(algorithm), resolution, iterations, seed),
                !noThemeClusters, paths, !noCentrality, betweennessBudget, neighbours, recommend);
    }

    /** @return normalised relation kinds, or null for all */
    List<String> relationKinds() {
        return normaliseRelations(relations);
    }

    /**
     * @param relations relation kinds as a user wrote them, or null
     * @return upper-case, sorted, distinct kinds, or null for all (none given, or {@code all} among them)
     */
    static List<String> normaliseRelations(List<String> relations) {
        if (relations == null || relations.isEmpty() || relations.stream().anyMatch(r -> r.equalsIgnoreCase("all"))) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String r : relations) {
            out.add(r.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        }
        return out.stream().sorted().distinct().toList();
    }

    /** The parameters that decide results, in a fixed order (threads excluded: they change no result). */
    static Map<String, Object> describe(List<String> relations, ConvergenceAnalysis.Parameters p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("relations", relations == null ? "all" : relations);
        d.put("minShared", p.overlap().minShared());
        d.put("topK", p.overlap().topK());
        d.put("metric", p.overlap().metric().name().toLowerCase(Locale.ROOT));
        if (p.clusters() != null) {
            d.put("algorithm", p.clusters().algorithm().name().toLowerCase(Locale.ROOT));
            d.put("resolution", p.clusters().resolution());
            d.put("iterations", p.clusters().iterations());
            d.put("seed", p.clusters().seed());
            d.put("themeClusters", p.themeClusters());
        }
        d.put("centrality", p.centrality());
        if (p.centrality() && p.betweennessBudget() != ConvergenceAnalysis.BETWEENNESS_BUDGET) {
            // only when not the default, so that runs from before the option keep their ids
            d.put("betweennessBudget", p.betweennessBudget());
        }
        d.put("neighbours", p.recommendNeighbours());
        d.put("recommend", p.recommendLimit());
        List<String> paths = p.paths().stream().map(r -> r.from() + ">" + r.to() + "/" + r.k()).toList();
        d.put("paths", paths);
        return d;
    }
}
