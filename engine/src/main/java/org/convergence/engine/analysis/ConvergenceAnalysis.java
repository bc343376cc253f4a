package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs the convergence analyses on one {@link TwoModeData}: overlap scores with significance, clusters
 * (processes on the weighted projection, themes by co-occurrence, processes and themes together on the
 * bipartite graph), shortest links, bridges and centrality, and recommendations. Knows nothing of
 * Neo4j or the command line.
 */
public final class ConvergenceAnalysis {

    /** A requested link between two processes. */
    public record PathRequest(String from, String to, int k) {

        public PathRequest {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Setting.K.checkInt(k);
        }
    }

    /**
     * Everything the analyses take.
     *
     * @param overlap overlap parameters
     * @param clusters clustering parameters, or null to skip clustering (sampled betweenness then takes the
     *     default seed)
     * @param themeClusters whether to cluster themes by co-occurrence (an all-pairs pass over themes)
     * @param paths links to compute
     * @param centrality whether to compute betweenness and bridges
     * @param betweennessBudget BFS steps ({@code V·(V+2E)}) up to which betweenness is exact; above, it is
     *     estimated from a seeded sample of sources ({@link Centrality})
     * @param recommendNeighbours similar processes consulted per recommendation, 0 to skip
     * @param recommendLimit themes recommended per process
     */
    public record Parameters(OverlapAnalysis.Parameters overlap, Clusters.Parameters clusters, boolean themeClusters,
            List<PathRequest> paths, boolean centrality, double betweennessBudget, int recommendNeighbours,
            int recommendLimit) {
        public Parameters {
            Objects.requireNonNull(overlap, "overlap");
            paths = List.copyOf(paths);
            Setting.BETWEENNESS_BUDGET.checkDouble(betweennessBudget);
            Setting.NEIGHBOURS.check("recommendNeighbours", recommendNeighbours);
            Setting.RECOMMEND.check("recommendLimit", recommendLimit);
        }

        /** @return every analysis with the settings' defaults and no paths */
        public static Parameters defaults() {
            return new Parameters(OverlapAnalysis.Parameters.defaults(), Clusters.Parameters.defaults(),
                    Setting.THEME_CLUSTERS.defaultValue(), List.of(), Setting.CENTRALITY.defaultValue(),
                    Setting.BETWEENNESS_BUDGET.defaultValue(), Setting.NEIGHBOURS.defaultValue(),
                    Setting.RECOMMEND.defaultValue());
        }

        /** @return the seed of the clusterings and of sampled betweenness */
        public long seed() {
            return clusters == null ? Setting.SEED.defaultValue() : clusters.seed();
        }

        /**
         * The analyses' parameters from checked values.
         *
         * @param values one value per setting
         * @param paths the links to compute
         */
        public static Parameters of(Setting.Values values, List<PathRequest> paths) {
            return new Parameters(
                    new OverlapAnalysis.Parameters(values.get(Setting.MIN_SHARED), values.get(Setting.TOP_K),
                            values.get(Setting.METRIC), values.get(Setting.THREADS)),
                    new Clusters.Parameters(values.get(Setting.ALGORITHM), values.get(Setting.RESOLUTION),
                            values.get(Setting.ITERATIONS), values.get(Setting.SEED)),
                    values.get(Setting.THEME_CLUSTERS), paths, values.get(Setting.CENTRALITY),
                    values.get(Setting.BETWEENNESS_BUDGET), values.get(Setting.NEIGHBOURS), values.get(Setting.RECOMMEND));
        }
    }

    /**
     * One clustering mapped back to ids.
     *
     * @param kind what the clustering groups
     * @param clusters per cluster, its process ids and theme ids
     * @param modularity Newman modularity at resolution 1
     */
    public record ClusterSet(ClusterKind kind, List<Cluster> clusters, double modularity) {
    }

    /** One cluster: its index and members. */
    public record Cluster(int id, List<String> processes, List<String> themes) {
    }

    /** The links found for one request. */
    public record PathResult(PathRequest request, List<ShortestLinks.Link> shortest, ShortestLinks.Link weighted) {
    }

    /**
     * Where a result comes from: the data set, the run and its parameters, the input it analysed.
     *
     * @param dataset data set name, or null before the result is {@linkplain Result#identified identified}
     * @param run the run's id, or null likewise
     * @param parameters the parameters that decide results, as canonical JSON ({@code {}} before identified)
     * @param engineVersion the engine version that computed it, or null likewise
     * @param inputFingerprint fingerprint of the graph it analysed
     * @param finishedAt when its write to Neo4j completed, or null when not (yet) written
     * @param relations the relation kinds it counted; empty for all
     * @param processes processes of its graph
     * @param themes themes of its graph
     * @param edges distinct process-theme edges of its graph
     * @param relationships process-theme relationships, each matrix row of a pair counted (at least the edges)
     * @param weighted whether the edges carry weights (then the pairs have {@code weightedJaccard})
     */
    public record Provenance(String dataset, String run, String parameters, String engineVersion,
            String inputFingerprint, java.time.ZonedDateTime finishedAt, List<String> relations, int processes,
            int themes, int edges, long relationships, boolean weighted) {
        public Provenance {
            relations = relations == null ? List.of() : List.copyOf(relations);
        }

        /** @return the input's description, before the result is identified */
        static Provenance of(TwoModeData data) {
            BipartiteGraph g = data.graph();
            return new Provenance(null, null, "{}", null, data.fingerprint(), null, List.of(), g.processCount(),
                    g.themeCount(), g.edgeCount(), data.relationCount(), g.weighted());
        }
    }

    /**
     * What an analysis produced: one set of types, built in memory by {@link #run} and from Neo4j by the
     * reader of a stored run, and read by every output (text, JSON, HTML, exports) and by the write-back.
     *
     * @param provenance where it comes from
     * @param pairs the converging pairs with all their fields, handed over one at a time
     * @param clusterSets process, theme and co-clusterings (those computed)
     * @param paths links per request
     * @param centrality bridges and centrality, or null
     * @param recommendations per process id, its recommendations by rank; empty when none were computed
     * @param themeNames the display name of each theme of the graph, by id
     * @param notes what was skipped or approximated on this input, and why
     * @param timingsMs milliseconds per stage (empty for a stored run)
     */
    public record Result(Provenance provenance, OverlapAnalysis.Pairs pairs, List<ClusterSet> clusterSets,
            List<PathResult> paths, Centrality.Result centrality,
            Map<String, List<Recommendations.Recommendation>> recommendations, Map<String, String> themeNames,
            List<String> notes, Map<String, Long> timingsMs) {
        public Result {
            Objects.requireNonNull(provenance, "provenance");
            Objects.requireNonNull(pairs, "pairs");
            clusterSets = List.copyOf(clusterSets);
            paths = List.copyOf(paths);
            notes = List.copyOf(notes);
        }

        /** @return the clustering of the given kind, if computed */
        public java.util.Optional<ClusterSet> clusters(ClusterKind kind) {
            return clusterSets.stream().filter(c -> c.kind() == kind).findFirst();
        }

        /** @return the modularity of the clustering of processes and themes together, or NaN when none */
        public double modularity() {
            return clusters(ClusterKind.CO).map(ClusterSet::modularity).orElse(Double.NaN);
        }

        /**
         * @return this result named: its data set, run id, parameters (canonical JSON), engine version and
         *     the relation kinds it counted (null or empty for all)
         */
        public Result identified(String dataset, String run, String parameters, String engineVersion,
                List<String> relations) {
            Provenance p = provenance;
            return new Result(new Provenance(dataset, run, parameters, engineVersion, p.inputFingerprint(),
                    p.finishedAt(), relations, p.processes(), p.themes(), p.edges(), p.relationships(), p.weighted()),
                    pairs, clusterSets, paths, centrality, recommendations, themeNames, notes, timingsMs);
        }

        /** @return this result as written to Neo4j at that time */
        public Result finished(java.time.ZonedDateTime at) {
            Provenance p = provenance;
            return new Result(new Provenance(p.dataset(), p.run(), p.parameters(), p.engineVersion(),
                    p.inputFingerprint(), at, p.relations(), p.processes(), p.themes(), p.edges(), p.relationships(),
                    p.weighted()), pairs, clusterSets, paths, centrality, recommendations, themeNames, notes, timingsMs);
        }
    }

    /** Default budget: exact betweenness takes V·(V+2E) BFS steps; above this many it is estimated. */
    public static final double BETWEENNESS_BUDGET = Setting.BETWEENNESS_BUDGET.defaultValue();

    /**
     * Above this many edges, a projection (processes by similarity, themes by co-occurrence) is clustered
     * on its k-nearest-neighbour graph instead: Leiden's time grows with the edges (README, Performance,
     * "Design measurements"), and the strongest links are what a cluster is made of. The report's notes say
     * when this happened.
     */
    static final long PROJECTION_EDGE_LIMIT = 1_000_000L;

    /** Strongest links kept per process or theme above {@link #PROJECTION_EDGE_LIMIT}. */
    static final int PROJECTION_TOP_K = 10;

    private ConvergenceAnalysis() {
    }

    /**
     * Runs all analyses.
     *
     * @param data input
     * @param parameters what to run
     * @param progress receives a line when a stage starts
     * @return the result, not yet {@linkplain Result#identified identified}
     */
    public static Result run(TwoModeData data, Parameters parameters, Consumer<String> progress) {
        return run(data, parameters, progress, parameters.betweennessBudget(), PROJECTION_EDGE_LIMIT);
    }

    static Result run(TwoModeData data, Parameters parameters, Consumer<String> progress, double centralityLimit,
            long projectionLimit) {
        Map<String, Long> timings = new LinkedHashMap<>();
        BipartiteGraph g = data.graph();

        List<String> notes = new ArrayList<>();
        // a requested link between processes the data set does not have fails now, not after the analyses
        for (PathRequest request : parameters.paths()) {
            data.requireProcess(request.from());
            data.requireProcess(request.to());
        }
        long t0 = System.nanoTime();
        progress.accept(String.format(java.util.Locale.ROOT, "overlap scores for %,d processes", g.processCount()));
        OverlapAnalysis.Result overlap = OverlapAnalysis.run(g, parameters.overlap(), percent -> {
            if (g.edgeCount() >= 100_000) {
                progress.accept("  overlap " + percent + "% of processes");
            }
        });
        timings.put("overlap", ms(t0));

        t0 = System.nanoTime();
        List<ClusterSet> sets = new ArrayList<>();
        if (parameters.clusters() != null) {
            progress.accept("clusters");
            long s0 = System.nanoTime();
            sets.add(coClusters(data, parameters.clusters()));
            long s1 = System.nanoTime();
            sets.add(processClusters(data, overlap, parameters, notes, projectionLimit));
            long s2 = System.nanoTime();
            if (parameters.themeClusters()) {
                sets.add(themeClusters(data, parameters, notes, projectionLimit));
            }
            timings.put("clusters", ms(t0));
            timings.put("clustersCo", (s1 - s0) / 1_000_000);
            timings.put("clustersProcess", (s2 - s1) / 1_000_000);
            timings.put("clustersTheme", ms(s2));
        } else {
            timings.put("clusters", ms(t0));
        }

        t0 = System.nanoTime();
        ShortestLinks links = null;
        List<PathResult> paths = new ArrayList<>();
        if (!parameters.paths().isEmpty()) {
            links = new ShortestLinks(data);
        }
        for (PathRequest request : parameters.paths()) {
            progress.accept("links " + request.from() + " - " + request.to());
            List<ShortestLinks.Link> shortest = links.shortest(request.from(), request.to(), request.k());
            ShortestLinks.Link weighted = parameters.overlap().metric() == SimilarityMetric.SHARED ? null
                    : links.cheapest(request.from(), request.to(), overlap.pairs(), parameters.overlap().metric())
                            .orElse(null);
            paths.add(new PathResult(request, shortest, weighted));
        }
        timings.put("paths", ms(t0));

        t0 = System.nanoTime();
        Centrality.Result centrality = null;
        if (parameters.centrality()) {
            progress.accept("centrality");
            centrality = Centrality.compute(data, new Centrality.Parameters(centralityLimit,
                    parameters.seed(), parameters.overlap().threads()));
            if (!centrality.exact()) {
                notes.add(String.format(java.util.Locale.ROOT, "Betweenness estimated from %,d of %,d nodes as sources"
                        + " (Brandes & Pich 2007, seed %d): exact needs about %.1e steps on %,d nodes and %,d edges"
                        + " (budget %.0e)", centrality.sources(), centrality.nodes(), parameters.seed(),
                        Centrality.exactSteps(g), centrality.nodes(), g.edgeCount(), centralityLimit));
            }
        }
        timings.put("centrality", ms(t0));

        t0 = System.nanoTime();
        Map<String, List<Recommendations.Recommendation>> recommendations = parameters.recommendNeighbours() == 0
                ? Map.of()
                : Recommendations.compute(data, overlap.pairs(), parameters.overlap().metric(),
                        parameters.recommendNeighbours(), parameters.recommendLimit());
        timings.put("recommendations", ms(t0));
        notes.forEach(n -> progress.accept("note: " + n));
        Map<String, String> themeNames = new java.util.HashMap<>();
        for (int t = 0; t < g.themeCount(); t++) {
            String name = data.themeNames()[t];
            themeNames.put(g.theme(t), name == null || name.isBlank() ? g.theme(t) : name);
        }
        return new Result(Provenance.of(data), overlap, sets, paths, centrality, recommendations,
                java.util.Collections.unmodifiableMap(themeNames), notes, timings);
    }

    /**
     * Processes and themes clustered together on the bipartite graph (edge weights as loaded).
     *
     * @param data the two-mode data
     * @param parameters clustering parameters
     * @return the clustering, kind {@code co}
     */
    public static ClusterSet coClusters(TwoModeData data, Clusters.Parameters parameters) {
        BipartiteGraph g = data.graph();
        int p = g.processCount();
        int m = g.edgeCount();
        int[] from = new int[m];
        int[] to = new int[m];
        double[] w = new double[m];
        int e = 0;
        for (int a = 0; a < p; a++) {
            int[] themes = g.themesOf(a);
            for (int t : themes) {
                from[e] = a;
                to[e] = p + t;
                w[e] = 1.0;
                e++;
            }
        }
        if (g.weighted()) {
            double[] pw = g.processWeights();
            System.arraycopy(pw, 0, w, 0, m);
        }
        Clusters.Result r = Clusters.cluster(p + g.themeCount(), from, to, w, parameters);
        List<List<String>> procs = lists(r.clusterCount());
        List<List<String>> themes = lists(r.clusterCount());
        for (int v = 0; v < p + g.themeCount(); v++) {
            (v < p ? procs : themes).get(r.membership()[v]).add(v < p ? g.process(v) : g.theme(v - p));
        }
        return new ClusterSet(ClusterKind.CO, clusters(procs, themes), r.modularity());
    }

    static ClusterSet processClusters(TwoModeData data, OverlapAnalysis.Result overlap, Parameters parameters,
            List<String> notes, long limit) {
        BipartiteGraph g = data.graph();
        OverlapPairs pairs = overlap.pairs();
        SimilarityMetric metric = parameters.overlap().metric();
        int k = parameters.overlap().topK();
        if (pairs.size() > limit && (k == 0 || k > PROJECTION_TOP_K)) {
            notes.add(String.format(java.util.Locale.ROOT, "Processes clustered on their %d most similar each (by %s):"
                    + " all %,d converging pairs exceed the limit of %,d edges", PROJECTION_TOP_K,
                    metric.name().toLowerCase(java.util.Locale.ROOT), pairs.size(), limit));
            pairs = TopKOverlap.compute(g, PROJECTION_TOP_K, metric, parameters.overlap().minShared(),
                    parameters.overlap().threads());
        }
        int[] from = pairs.firstProcesses();
        int[] to = new int[pairs.size()];
        double[] w = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            to[i] = pairs.b(i);
            w[i] = metric.of(pairs.shared(i), g.processDegree(from[i]), g.processDegree(to[i]));
        }
        Clusters.Result r = Clusters.cluster(g.processCount(), from, to, w, parameters.clusters());
        List<List<String>> procs = lists(r.clusterCount());
        for (int v = 0; v < g.processCount(); v++) {
            procs.get(r.membership()[v]).add(g.process(v));
        }
        return new ClusterSet(ClusterKind.PROCESS, clusters(procs, lists(r.clusterCount())), r.modularity());
    }

    static ClusterSet themeClusters(TwoModeData data, Parameters parameters, List<String> notes, long limit) {
        BipartiteGraph transposed = data.graph().transpose();
        int threads = parameters.overlap().threads();
        long themePairs = OverlapKernel.countPairs(transposed, threads);
        OverlapPairs co;
        if (themePairs > limit) {
            notes.add(String.format(java.util.Locale.ROOT, "Themes clustered on their %d strongest co-occurrences each:"
                    + " all %,d co-occurring theme pairs exceed the limit of %,d edges", PROJECTION_TOP_K, themePairs,
                    limit));
            co = TopKOverlap.compute(transposed, PROJECTION_TOP_K, SimilarityMetric.SHARED, 1, threads);
        } else {
            co = OverlapKernel.compute(transposed, new OverlapKernel.Parameters(1, threads));
        }
        int[] from = co.firstProcesses();
        int[] to = new int[co.size()];
        double[] w = new double[co.size()];
        for (int i = 0; i < co.size(); i++) {
            to[i] = co.b(i);
            w[i] = co.shared(i);
        }
        Clusters.Result r = Clusters.cluster(transposed.processCount(), from, to, w, parameters.clusters());
        List<List<String>> themes = lists(r.clusterCount());
        for (int v = 0; v < transposed.processCount(); v++) {
            themes.get(r.membership()[v]).add(transposed.process(v));
        }
        return new ClusterSet(ClusterKind.THEME, clusters(lists(r.clusterCount()), themes), r.modularity());
    }

    private static List<List<String>> lists(int n) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    private static List<Cluster> clusters(List<List<String>> processes, List<List<String>> themes) {
        List<Cluster> out = new ArrayList<>();
        for (int c = 0; c < processes.size(); c++) {
            out.add(new Cluster(c, List.copyOf(processes.get(c)), List.copyOf(themes.get(c))));
        }
        return List.copyOf(out);
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
