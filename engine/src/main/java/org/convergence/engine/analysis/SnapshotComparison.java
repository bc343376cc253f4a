package org.convergence.engine.analysis;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two snapshots of a two-mode matrix (an earlier and a later analysis of the same
 * processes): processes added and removed, each process's themes gained, lost and kept, each pair's
 * convergence then and now, the clusters' flows with their adjusted Rand index and normalised mutual
 * information, each requested link then and now, bridge themes gained and lost, and which recommendations
 * of the earlier snapshot the later one took up.
 *
 * <p>Identity across snapshots: a process is the same when its id is, or when the process map says the
 * earlier id became a later one (a renamed or succeeded process); a theme is the same when its id (its
 * taxonomy entry) is. Everything compared is named in the later snapshot's ids. What does not match is
 * listed, never dropped.
 *
 * <p>A pair converges in a snapshot when that snapshot's analysis lists it (it shares at least
 * {@code min-shared} themes and, with top-k, is among a process's k strongest). The pairs of both
 * snapshots are held as primitive columns and their changes handed over one at a time
 * ({@link Result#forEachPairChange}). Time {@code O(pairs + edges)} after the two analyses.
 */
public final class SnapshotComparison {

    /**
     * An analysed snapshot.
     *
     * @param dataset its data set
     * @param data the graph it analysed
     * @param result what the analysis produced
     */
    public record Snapshot(String dataset, TwoModeData data, ConvergenceAnalysis.Result result) {
        public Snapshot {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * An earlier process id that became another later on.
     *
     * @param earlier the id in the earlier snapshot
     * @param later the id in the later one
     * @param note why, e.g. "succeeded by Proyecto Mesoamérica in 2008"
     */
    public record Mapping(String earlier, String later, String note) {
    }

    /**
     * Parameters of a comparison.
     *
     * @param alpha a pair is significant when its q-value is below this, in (0, 1)
     */
    public record Parameters(double alpha) {
        /** Default significance level. */
        public static final double DEFAULT_ALPHA = 0.05;

        public Parameters {
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("Value for `alpha` was `" + alpha + "`, but must be within the range"
                        + " (0, 1)");
            }
        }
    }

    /** How a pair's convergence changed. */
    public enum PairStatus {
        /** Listed in the later snapshot only. */
        APPEARED,
        /** Listed in the earlier snapshot only. */
        VANISHED,
        /** Listed in both. */
        KEPT
    }

    /**
     * One process present in both snapshots and its themes.
     *
     * @param process its id in the later snapshot
     * @param earlier its id in the earlier snapshot (the same unless mapped)
     * @param gained themes it addresses now and did not then
     * @param lost themes it addressed then and does not now
     * @param kept themes it addresses in both
     */
    public record ProcessThemes(String process, String earlier, List<String> gained, List<String> lost,
            List<String> kept) {
    }

    /**
     * Processes going from one earlier cluster into one later cluster.
     *
     * @param before the earlier cluster's id
     * @param after the later cluster's id
     * @param processes the processes (later ids), sorted
     */
    public record Flow(int before, int after, List<String> processes) {
    }

    /**
     * The process clusters of both snapshots over the processes in both.
     *
     * @param flows every non-empty (earlier cluster, later cluster) cell, by earlier then later cluster
     * @param moved processes whose later cluster is not the one most of their earlier cluster went to
     * @param adjustedRand {@link Partitions#adjustedRand} of the two partitions
     * @param normalisedMutualInformation {@link Partitions#normalisedMutualInformation} of the two
     * @param processes the processes compared
     */
    public record ClusterFlows(List<Flow> flows, List<String> moved, double adjustedRand,
            double normalisedMutualInformation, int processes) {
    }

    /**
     * A requested link then and now (the first shortest path of each).
     *
     * @param from the first process (later id)
     * @param to the second
     * @param hopsBefore steps then, or -1 when not connected (or a process was absent)
     * @param hopsAfter steps now, or -1
     * @param themesBefore the themes along the path then
     * @param themesAfter the themes along it now
     * @param pathBefore the path then, every node's id from the first process to the second: processes at
     *     even positions (the earlier snapshot's ids), themes at odd ones; empty when not connected
     * @param pathAfter the path now, likewise
     */
    public record LinkChange(String from, String to, int hopsBefore, int hopsAfter, List<String> themesBefore,
            List<String> themesAfter, List<String> pathBefore, List<String> pathAfter) {
    }

    /**
     * A recommendation of the earlier snapshot checked against the later one.
     *
     * @param process the process (later id)
     * @param theme the theme recommended
     * @param score its score then
     * @param takenUp whether the process addresses the theme in the later snapshot
     */
    public record Recommended(String process, String theme, double score, boolean takenUp) {
    }

    /**
     * Counts of the pair changes.
     *
     * @param appeared pairs listed only later
     * @param vanished pairs listed only earlier
     * @param kept pairs listed in both
     * @param becameSignificant pairs significant now and not then
     * @param lostSignificance pairs significant then and not now
     * @param staySignificant pairs significant in both
     */
    public record PairCounts(long appeared, long vanished, long kept, long becameSignificant, long lostSignificance,
            long staySignificant) {
    }

    /** Receives the pair changes one at a time. */
    public interface PairChangeSink {
        /**
         * One pair, {@code a < b} (later ids). A pair not listed in a snapshot has {@code NaN} as its q-value
         * there; its shared count and Jaccard are those of that snapshot's graph (0 when a process is absent).
         */
        void change(String a, String b, PairStatus status, int sharedBefore, int sharedAfter, double jaccardBefore,
                double jaccardAfter, double qBefore, double qAfter);
    }

    private SnapshotComparison() {
    }

    /**
     * Compares two snapshots.
     *
     * @param earlier the earlier snapshot
     * @param later the later snapshot
     * @param mappings earlier ids that became other later ones
     * @param parameters the comparison's parameters
     * @return what changed
     * @throws IllegalArgumentException when a mapping names a process absent from its snapshot, an earlier
     *     id twice, or when the snapshots share no process at all
     */
    public static Result compare(Snapshot earlier, Snapshot later, List<Mapping> mappings, Parameters parameters) {
        BipartiteGraph ge = earlier.data().graph();
        BipartiteGraph gl = later.data().graph();
        Map<String, String> toLater = new LinkedHashMap<>();
        for (Mapping m : mappings) {
            if (ge.processIndex(m.earlier()) < 0) {
                throw new IllegalArgumentException("The process map names `" + m.earlier() + "`, which data set `"
                        + earlier.dataset() + "` does not hold");
            }
            if (gl.processIndex(m.later()) < 0) {
                throw new IllegalArgumentException("The process map names `" + m.later() + "`, which data set `"
                        + later.dataset() + "` does not hold");
            }
            if (toLater.put(m.earlier(), m.later()) != null) {
                throw new IllegalArgumentException("The process map maps `" + m.earlier() + "` twice");
            }
        }
        String[] mapped = new String[ge.processCount()];
        for (int a = 0; a < mapped.length; a++) {
            mapped[a] = toLater.getOrDefault(ge.process(a), ge.process(a));
        }
        int[] laterOf = new int[ge.processCount()];
        int common = 0;
        for (int a = 0; a < mapped.length; a++) {
            laterOf[a] = gl.processIndex(mapped[a]);
            common += laterOf[a] >= 0 ? 1 : 0;
        }
        if (common == 0) {
            throw new IllegalArgumentException("Data sets `" + earlier.dataset() + "` and `" + later.dataset()
                    + "` share no process; give a process map (--process-map FILE) that says which became which");
        }
        return new Result(earlier, later, List.copyOf(mappings), mapped, laterOf, parameters);
    }

    /** What changed; see {@link SnapshotComparison}. */
    public static final class Result {
        private final Snapshot earlier;
        private final Snapshot later;
        private final List<Mapping> mappings;
        private final String[] mapped;
        private final int[] laterOf;
        private final int[] earlierOf;
        private final Parameters parameters;
        private final Columns before;
        private final Columns after;

        private Result(Snapshot earlier, Snapshot later, List<Mapping> mappings, String[] mapped, int[] laterOf,
                Parameters parameters) {
            this.earlier = earlier;
            this.later = later;
            this.mappings = mappings;
            this.mapped = mapped;
            this.laterOf = laterOf;
            this.parameters = parameters;
            BipartiteGraph gl = later.data().graph();
            this.earlierOf = new int[gl.processCount()];
            Arrays.fill(earlierOf, -1);
            for (int a = 0; a < laterOf.length; a++) {
                if (laterOf[a] >= 0) {
                    earlierOf[laterOf[a]] = a;
                }
            }
            this.before = Columns.of(earlier.result().pairs(), id -> {
                int a = earlier.data().graph().processIndex(id);
                return a < 0 ? -1 : laterOf[a] >= 0 ? laterOf[a] : gl.processCount() + a;
            });
            this.after = Columns.of(later.result().pairs(), gl::processIndex);
        }

        /**
         * @param theme a theme id of either snapshot
         * @return its display name (the later snapshot's where both have it), or the id when it has none
         */
        public String themeName(String theme) {
            if (themeNames == null) {
                Map<String, String> names = new HashMap<>();
                for (Snapshot s : List.of(earlier, later)) {
                    BipartiteGraph g = s.data().graph();
                    for (int t = 0; t < g.themeCount(); t++) {
                        String name = s.data().themeNames()[t];
                        names.put(g.theme(t), name == null || name.isBlank() ? g.theme(t) : name);
                    }
                }
                themeNames = names;
            }
            return themeNames.getOrDefault(theme, theme);
        }

        private Map<String, String> themeNames;

        /** @return the earlier snapshot's data set */
        public String earlierDataset() {
            return earlier.dataset();
        }

        /** @return the later snapshot's data set */
        public String laterDataset() {
            return later.dataset();
        }

        /** @return the process map applied */
        public List<Mapping> mappings() {
            return mappings;
        }

        /** @return the comparison's parameters */
        public Parameters parameters() {
            return parameters;
        }

        /** @return processes of the later snapshot with no earlier counterpart, sorted */
        public List<String> processesAdded() {
            List<String> out = new ArrayList<>();
            for (int b = 0; b < earlierOf.length; b++) {
                if (earlierOf[b] < 0) {
                    out.add(later.data().graph().process(b));
                }
            }
            return out;
        }

        /** @return processes of the earlier snapshot (earlier ids) with no later counterpart, sorted */
        public List<String> processesRemoved() {
            List<String> out = new ArrayList<>();
            for (int a = 0; a < laterOf.length; a++) {
                if (laterOf[a] < 0) {
                    out.add(earlier.data().graph().process(a));
                }
            }
            return out;
        }

        /** @return themes addressed in the later snapshot and not in the earlier one, sorted */
        public List<String> themesAdded() {
            return difference(themeIds(later), themeIds(earlier));
        }

        /** @return themes addressed in the earlier snapshot and not in the later one, sorted */
        public List<String> themesRemoved() {
            return difference(themeIds(earlier), themeIds(later));
        }

        /** @return for each process in both snapshots (by later id), its themes gained, lost and kept */
        public List<ProcessThemes> processThemes() {
            BipartiteGraph ge = earlier.data().graph();
            BipartiteGraph gl = later.data().graph();
            List<ProcessThemes> out = new ArrayList<>();
            for (int b = 0; b < gl.processCount(); b++) {
                int a = earlierOf[b];
                if (a < 0) {
                    continue;
                }
                TreeSet<String> then = themes(ge, a);
                TreeSet<String> now = themes(gl, b);
                List<String> kept = new ArrayList<>(then);
                kept.retainAll(now);
                out.add(new ProcessThemes(gl.process(b), ge.process(a), difference(now, then), difference(then, now),
                        kept));
            }
            return out;
        }

        /** @return the counts of {@link #forEachPairChange}, counted on the first call (one pass over the pairs) */
        public PairCounts pairCounts() {
            if (pairCounts == null) {
                pairCounts = countPairs();
            }
            return pairCounts;
        }

        private PairCounts pairCounts;

        private PairCounts countPairs() {
            long[] c = new long[6];
            double alpha = parameters.alpha();
            forEachPairChange((a, b, status, sb, sa, jb, ja, qb, qa) -> {
                c[status.ordinal()]++;
                boolean then = qb < alpha;
                boolean now = qa < alpha;
                c[3] += now && !then ? 1 : 0;
                c[4] += then && !now ? 1 : 0;
                c[5] += then && now ? 1 : 0;
            });
            return new PairCounts(c[0], c[1], c[2], c[3], c[4], c[5]);
        }

        /**
         * Hands over every pair listed in either snapshot: first those listed earlier (kept or vanished), in
         * the earlier snapshot's order, then those that appeared, in the later snapshot's order.
         */
        public void forEachPairChange(PairChangeSink sink) {
            BipartiteGraph gl = later.data().graph();
            BipartiteGraph ge = earlier.data().graph();
            boolean[] matched = new boolean[after.size()];
            for (int i = 0; i < before.size(); i++) {
                int a = before.a.getInt(i);
                int b = before.b.getInt(i);
                int j = after.find(a, b);
                String ida = idOf(a);
                String idb = idOf(b);
                boolean swap = ida.compareTo(idb) > 0;
                String x = swap ? idb : ida;
                String y = swap ? ida : idb;
                if (j >= 0) {
                    matched[j] = true;
                    sink.change(x, y, PairStatus.KEPT, before.shared.getInt(i), after.shared.getInt(j),
                            before.jaccard.getDouble(i), after.jaccard.getDouble(j), before.q.getDouble(i),
                            after.q.getDouble(j));
                } else {
                    double[] now = scores(gl, a < gl.processCount() ? a : -1, b < gl.processCount() ? b : -1);
                    sink.change(x, y, PairStatus.VANISHED, before.shared.getInt(i), (int) now[0],
                            before.jaccard.getDouble(i), now[1], before.q.getDouble(i), Double.NaN);
                }
            }
            for (int j = 0; j < after.size(); j++) {
                if (matched[j]) {
                    continue;
                }
                int a = after.a.getInt(j);
                int b = after.b.getInt(j);
                double[] then = scores(ge, earlierOf[a], earlierOf[b]);
                String ida = gl.process(a);
                String idb = gl.process(b);
                boolean swap = ida.compareTo(idb) > 0;
                sink.change(swap ? idb : ida, swap ? ida : idb, PairStatus.APPEARED, (int) then[0],
                        after.shared.getInt(j), then[1], after.jaccard.getDouble(j), Double.NaN, after.q.getDouble(j));
            }
        }

        /**
         * @return the process clusters' flows, or empty when either snapshot has no process clustering;
         *     computed on the first call (the partitions' indices among them), then kept: the writer, the text,
         *     the JSON and the page all read them
         */
        public Optional<ClusterFlows> clusterFlows() {
            if (clusterFlows == null) {
                clusterFlows = flows();
            }
            return clusterFlows;
        }

        private Optional<ClusterFlows> clusterFlows;

        private Optional<ClusterFlows> flows() {
            Optional<ConvergenceAnalysis.ClusterSet> then = earlier.result().clusters(ClusterKind.PROCESS);
            Optional<ConvergenceAnalysis.ClusterSet> now = later.result().clusters(ClusterKind.PROCESS);
            if (then.isEmpty() || now.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Integer> clusterThen = clusterOf(then.get());
            Map<String, Integer> clusterNow = clusterOf(now.get());
            BipartiteGraph gl = later.data().graph();
            BipartiteGraph ge = earlier.data().graph();
            List<String> processes = new ArrayList<>();
            IntArrayList first = new IntArrayList();
            IntArrayList second = new IntArrayList();
            for (int b = 0; b < gl.processCount(); b++) {
                int a = earlierOf[b];
                Integer x = a < 0 ? null : clusterThen.get(ge.process(a));
                Integer y = clusterNow.get(gl.process(b));
                if (x != null && y != null) {
                    processes.add(gl.process(b));
                    first.add(x.intValue());
                    second.add(y.intValue());
                }
            }
            TreeMap<Long, List<String>> cells = new TreeMap<>();
            for (int i = 0; i < processes.size(); i++) {
                cells.computeIfAbsent(((long) first.getInt(i) << 32) | second.getInt(i), k -> new ArrayList<>())
                        .add(processes.get(i));
            }
            List<Flow> flows = new ArrayList<>();
            Map<Integer, Integer> mostGoTo = new HashMap<>();
            Map<Integer, Integer> mostCount = new HashMap<>();
            for (Map.Entry<Long, List<String>> e : cells.entrySet()) {
                int x = (int) (e.getKey() >>> 32);
                int y = (int) (long) e.getKey();
                flows.add(new Flow(x, y, List.copyOf(e.getValue())));
                // the later cluster most of an earlier cluster went to (the lower id on a tie: cells are sorted)
                if (e.getValue().size() > mostCount.getOrDefault(x, 0)) {
                    mostCount.put(x, e.getValue().size());
                    mostGoTo.put(x, y);
                }
            }
            List<String> moved = new ArrayList<>();
            for (int i = 0; i < processes.size(); i++) {
                if (mostGoTo.get(first.getInt(i)) != second.getInt(i)) {
                    moved.add(processes.get(i));
                }
            }
            int[] u = first.toIntArray();
            int[] v = second.toIntArray();
            return Optional.of(new ClusterFlows(flows, moved, Partitions.adjustedRand(u, v),
                    Partitions.normalisedMutualInformation(u, v), processes.size()));
        }

        /**
         * @return each link the later snapshot's analysis was asked for, with the same link in the earlier
         *     one (its processes mapped back)
         */
        public List<LinkChange> links() {
            Map<String, String> toEarlier = new HashMap<>();
            for (int a = 0; a < mapped.length; a++) {
                toEarlier.put(mapped[a], earlier.data().graph().process(a));
            }
            List<LinkChange> out = new ArrayList<>();
            for (ConvergenceAnalysis.PathResult now : later.result().paths()) {
                String from = now.request().from();
                String to = now.request().to();
                String fromThen = toEarlier.getOrDefault(from, from);
                String toThen = toEarlier.getOrDefault(to, to);
                Optional<ConvergenceAnalysis.PathResult> then = earlier.result().paths().stream()
                        .filter(p -> p.request().from().equals(fromThen) && p.request().to().equals(toThen))
                        .findFirst();
                ShortestLinks.Link before = then.flatMap(p -> p.shortest().stream().findFirst()).orElse(null);
                ShortestLinks.Link after = now.shortest().stream().findFirst().orElse(null);
                out.add(new LinkChange(from, to, before == null ? -1 : before.hops(), after == null ? -1 : after.hops(),
                        themesAlong(before), themesAlong(after), path(before), path(after)));
            }
            return out;
        }

        /** @return bridge themes of the later snapshot that were none in the earlier one, sorted */
        public List<String> bridgesGained() {
            return difference(bridges(later), bridges(earlier));
        }

        /** @return bridge themes of the earlier snapshot that are none in the later one, sorted */
        public List<String> bridgesLost() {
            return difference(bridges(earlier), bridges(later));
        }

        /**
         * @return the earlier snapshot's recommendations for processes still there, each marked taken up
         *     when the later snapshot has the process address the theme; by process, then rank
         */
        public List<Recommended> recommendationsTakenUp() {
            BipartiteGraph gl = later.data().graph();
            Map<String, Integer> themeIndex = new HashMap<>();
            for (int t = 0; t < gl.themeCount(); t++) {
                themeIndex.put(gl.theme(t), t);
            }
            List<Recommended> out = new ArrayList<>();
            new TreeMap<>(earlier.result().recommendations()).forEach((process, recommendations) -> {
                int a = earlier.data().graph().processIndex(process);
                if (a < 0 || laterOf[a] < 0) {
                    return;
                }
                for (Recommendations.Recommendation r : recommendations) {
                    Integer t = themeIndex.get(r.theme());
                    boolean taken = t != null && gl.edgeIndex(laterOf[a], t) >= 0;
                    out.add(new Recommended(mapped[a], r.theme(), r.score(), taken));
                }
            });
            return out;
        }

        private String idOf(int index) {
            BipartiteGraph gl = later.data().graph();
            return index < gl.processCount() ? gl.process(index)
                    : earlier.data().graph().process(index - gl.processCount());
        }

        private static double[] scores(BipartiteGraph g, int a, int b) {
            if (a < 0 || b < 0) {
                return new double[] {0, 0};
            }
            int shared = g.sharedThemes(a, b).length;
            return new double[] {shared, SimilarityMetric.jaccard(shared, g.processDegree(a), g.processDegree(b))};
        }

        private static List<String> path(ShortestLinks.Link link) {
            return link == null ? List.of() : link.nodes().stream().map(ShortestLinks.Node::id).toList();
        }

        private static List<String> themesAlong(ShortestLinks.Link link) {
            if (link == null) {
                return List.of();
            }
            return link.nodes().stream().filter(n -> n.side() == Side.THEME).map(ShortestLinks.Node::id).toList();
        }

        private static TreeSet<String> bridges(Snapshot s) {
            TreeSet<String> out = new TreeSet<>();
            if (s.result().centrality() != null) {
                s.result().centrality().bridgeThemes().forEach(score -> out.add(score.id()));
            }
            return out;
        }

        private static TreeSet<String> themes(BipartiteGraph g, int a) {
            TreeSet<String> out = new TreeSet<>();
            for (int t : g.themesOf(a)) {
                out.add(g.theme(t));
            }
            return out;
        }

        private static TreeSet<String> themeIds(Snapshot s) {
            BipartiteGraph g = s.data().graph();
            TreeSet<String> out = new TreeSet<>();
            for (int t = 0; t < g.themeCount(); t++) {
                out.add(g.theme(t));
            }
            return out;
        }

        private static List<String> difference(java.util.Collection<String> x, java.util.Collection<String> y) {
            List<String> out = new ArrayList<>(new TreeSet<>(x));
            out.removeAll(y);
            return out;
        }

        private static Map<String, Integer> clusterOf(ConvergenceAnalysis.ClusterSet set) {
            Map<String, Integer> out = new HashMap<>();
            for (ConvergenceAnalysis.Cluster c : set.clusters()) {
                c.processes().forEach(p -> out.put(p, c.id()));
            }
            return out;
        }
    }

    /** The listed pairs of one snapshot as columns, keyed by the pair's two process numbers. */
    private static final class Columns {
        final IntArrayList a = new IntArrayList();
        final IntArrayList b = new IntArrayList();
        final IntArrayList shared = new IntArrayList();
        final DoubleArrayList jaccard = new DoubleArrayList();
        final DoubleArrayList q = new DoubleArrayList();
        final Long2IntOpenHashMap rows = new Long2IntOpenHashMap();

        int size() {
            return a.size();
        }

        int find(int x, int y) {
            return rows.get(key(x, y));
        }

        private static long key(int x, int y) {
            return ((long) Math.min(x, y) << 32) | Math.max(x, y);
        }

        static Columns of(OverlapAnalysis.Pairs pairs, java.util.function.ToIntFunction<String> number) {
            Columns c = new Columns();
            c.rows.defaultReturnValue(-1);
            pairs.forEach(new OverlapAnalysis.PairSink() {
                private int x;
                private int y;
                private int s;
                private double j;
                private double qValue;

                @Override
                public void beginPair(String first, String second) {
                    x = number.applyAsInt(first);
                    y = number.applyAsInt(second);
                    qValue = Double.NaN;
                }

                @Override
                public void field(String name, long value) {
                    if (name.equals("shared")) {
                        s = (int) value;
                    }
                }

                @Override
                public void field(String name, double value) {
                    if (name.equals("jaccard")) {
                        j = value;
                    } else if (name.equals("qValue")) {
                        qValue = value;
                    }
                }

                @Override
                public void field(String name, String[] ids, int count) {
                    // the shared themes are read from the graphs when needed
                }

                @Override
                public void endPair() {
                    if (x < 0 || y < 0) {
                        return;
                    }
                    c.rows.put(key(x, y), c.a.size());
                    c.a.add(x);
                    c.b.add(y);
                    c.shared.add(s);
                    c.jaccard.add(j);
                    c.q.add(qValue);
                }
            });
            return c;
        }
    }
}
