package org.convergence.engine.analysis;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.List;

/**
 * Overlap scores of converging process pairs with their significance: every pair sharing at least
 * {@code minShared} themes ({@link OverlapKernel}), or, with {@code topK > 0}, each process's
 * {@code topK} most similar processes by {@code metric} ({@link TopKOverlap}, which never holds all
 * pairs). p-values are hypergeometric upper tails over the theme universe ({@link Significance}),
 * q-values Benjamini–Hochberg adjusted over all {@code P(P−1)/2} process pairs.
 *
 * <p>The result stays in columns: the kernel's compressed rows, one distinct-test index per pair, and
 * the ranking as a permutation of pair indexes. The ranking (descending Jaccard, then the two process
 * ids) needs no comparison sort over the pairs: Jaccard {@code s / (|A| + |B| − s)} is a function of
 * each pair's distinct test {@code (s, min, max)}, so the few distinct tests are sorted and the pairs
 * are placed by a stable counting sort on their test's rank, in {@code O(n + d log d)} for n pairs
 * and d distinct tests.
 */
public final class OverlapAnalysis {

    /**
     * Parameters.
     *
     * @param minShared smallest shared count listed, at least 1
     * @param topK 0 for all pairs, else the number of most similar processes kept per process
     * @param metric similarity that ranks top-k neighbours
     * @param threads worker threads
     */
    public record Parameters(int minShared, int topK, SimilarityMetric metric, int threads) {
        public Parameters {
            Setting.MIN_SHARED.checkInt(minShared);
            Setting.TOP_K.checkInt(topK);
            Setting.METRIC.check(metric);
            Setting.THREADS.checkInt(threads);
        }

        /** @return the settings' defaults: all pairs sharing a theme, ranked by Jaccard, one thread per core */
        public static Parameters defaults() {
            return new Parameters(Setting.MIN_SHARED.defaultValue(), Setting.TOP_K.defaultValue(),
                    Setting.METRIC.defaultValue(), Setting.THREADS.defaultValue());
        }
    }

    /**
     * The fields of a converging pair, in the one order every output uses ({@link FieldSink} receives
     * them so, {@code CONVERGES_WITH} stores them under these names): one definition, from which
     * writers that need the columns before the first pair (CSV headers, GraphML keys) take them.
     */
    public enum PairField {
        /** Number of shared themes. */
        SHARED("shared", Kind.INTEGER, false),
        /** Ids of the shared themes. */
        SHARED_THEMES("sharedThemes", Kind.IDS, false),
        /** |A∩B| / |A∪B|. */
        JACCARD("jaccard", Kind.REAL, false),
        /** |A∩B| / min(|A|, |B|). */
        OVERLAP("overlap", Kind.REAL, false),
        /** |A∩B| / √(|A|·|B|). */
        COSINE("cosine", Kind.REAL, false),
        /** 2|A∩B| / (|A| + |B|). */
        DICE("dice", Kind.REAL, false),
        /** Σmin / Σmax of the edge weights; only for weighted graphs. */
        WEIGHTED_JACCARD("weightedJaccard", Kind.REAL, true),
        /** Σ 1/ln deg(t) over shared themes. */
        ADAMIC_ADAR("adamicAdar", Kind.REAL, false),
        /** Σ 1/deg(t) over shared themes. */
        RESOURCE_ALLOCATION("resourceAllocation", Kind.REAL, false),
        /** s·N / (|A|·|B|). */
        ASSOCIATION_STRENGTH("associationStrength", Kind.REAL, false),
        /** Hypergeometric P(X ≥ s). */
        P_VALUE("pValue", Kind.REAL, false),
        /** Benjamini–Hochberg q-value. */
        Q_VALUE("qValue", Kind.REAL, false);

        /** How a field is handed to a {@link FieldSink}. */
        public enum Kind {
            /** {@link FieldSink#field(String, long)} */
            INTEGER,
            /** {@link FieldSink#field(String, double)} */
            REAL,
            /** {@link FieldSink#field(String, String[], int)} */
            IDS
        }

        private final String key;
        private final Kind kind;
        private final boolean weightedOnly;

        PairField(String key, Kind kind, boolean weightedOnly) {
            this.key = key;
            this.kind = kind;
            this.weightedOnly = weightedOnly;
        }

        /** @return the field's name in every output, e.g. {@code pValue} */
        public String key() {
            return key;
        }

        /** @return how the field is handed over */
        public Kind kind() {
            return kind;
        }

        /**
         * @param weighted whether the graph has edge weights
         * @return the fields a pair of such a graph has, in order
         */
        public static java.util.List<PairField> of(boolean weighted) {
            return java.util.Arrays.stream(values()).filter(f -> weighted || !f.weightedOnly).toList();
        }
    }

    /**
     * Receives the fields of one converging pair, in the one order every output uses,
     * {@link PairField#of(boolean)}: {@code shared}, {@code sharedThemes} (ids), {@code jaccard},
     * {@code overlap}, {@code cosine}, {@code dice}, {@code weightedJaccard} (only for weighted graphs),
     * {@code adamicAdar}, {@code resourceAllocation}, {@code associationStrength}, {@code pValue},
     * {@code qValue}. JSON, exports and Neo4j write-back each implement it, so a pair's fields are
     * defined once and no per-pair object is built on the way.
     */
    public interface FieldSink {
        /** An integer field. */
        void field(String name, long value);

        /** A real field. */
        void field(String name, double value);

        /** A list of ids: the first {@code count} of {@code ids}. */
        void field(String name, String[] ids, int count);
    }

    /**
     * Receives converging pairs one at a time: {@link #beginPair}, then the pair's fields in
     * {@link Pairs#fields()} order through the {@link FieldSink} methods, then {@link #endPair()}. The id
     * array of {@code sharedThemes} is the sender's: a sink copies what it keeps.
     */
    public interface PairSink extends FieldSink {
        /** A pair begins: its two process ids, {@code a < b}. */
        void beginPair(String a, String b);

        /** The pair's last field was handed over. */
        void endPair();
    }

    /**
     * The converging pairs of a run with all their fields, in memory ({@link Result}) or as stored in Neo4j:
     * what every output reads them through. Pairs can be millions, so they are handed over one at a time,
     * never as a list.
     */
    public interface Pairs {
        /** @return the number of pairs */
        long count();

        /** @return the number of hypotheses the q-values are adjusted over */
        long hypotheses();

        /** @return the fields each pair has, in order ({@link PairField#of}) */
        List<PairField> fields();

        /**
         * Hands every pair to the sink, ordered by the first process's id, then the second's ({@code a < b}).
         *
         * @param sink receives each pair
         */
        void forEach(PairSink sink);

        /**
         * Hands the {@code n} strongest pairs to the sink in rank order: descending Jaccard, then the first
         * process's id, then the second's.
         *
         * @param n how many, at most
         * @param sink receives each pair
         */
        void strongest(long n, PairSink sink);
    }

    /**
     * A {@link FieldSink} that takes every field as one boxed value (a {@code Long}, a {@code Double}, or
     * the ids as an unmodifiable list), for writers that hand pairs on as maps or columns of objects.
     */
    @FunctionalInterface
    public interface BoxedFieldSink extends FieldSink {
        /** A field, boxed. */
        void value(String name, Object value);

        @Override
        default void field(String name, long value) {
            value(name, value);
        }

        @Override
        default void field(String name, double value) {
            value(name, value);
        }

        @Override
        default void field(String name, String[] ids, int count) {
            value(name, List.of(java.util.Arrays.copyOf(ids, count)));
        }
    }

    /**
     * The converging pairs in columns, ranked by descending Jaccard, then the ids of the two processes.
     * Accessors take a rank ({@code 0} is the strongest pair); {@link #index(int)} maps a rank to the
     * pair's index in {@link #pairs()}.
     */
    public static final class Result implements Pairs {
        private final OverlapPairs pairs;
        private final Significance.Tested tested;
        private final int[] order;
        private final long family;

        Result(OverlapPairs pairs, Significance.Tested tested, int[] order, long family) {
            this.pairs = pairs;
            this.tested = tested;
            this.order = order;
            this.family = family;
        }

        /** @return the number of pairs */
        public int size() {
            return order.length;
        }

        /** @return the number of hypotheses the q-values are adjusted over */
        public long family() {
            return family;
        }

        @Override
        public long count() {
            return size();
        }

        @Override
        public long hypotheses() {
            return family;
        }

        @Override
        public List<PairField> fields() {
            return PairField.of(pairs.graph().weighted());
        }

        /** Walks the kernel's rows: by first process, then second, which is their ids' order. */
        @Override
        public void forEach(PairSink sink) {
            BipartiteGraph g = pairs.graph();
            Scratch scratch = scratch();
            for (int a = 0; a < g.processCount(); a++) {
                String id = g.process(a);
                for (int i = pairs.rowStart(a), end = pairs.rowEnd(a); i < end; i++) {
                    sink.beginPair(id, g.process(pairs.b(i)));
                    fieldsOfPair(i, a, sink, scratch);
                    sink.endPair();
                }
            }
        }

        @Override
        public void strongest(long n, PairSink sink) {
            BipartiteGraph g = pairs.graph();
            Scratch scratch = scratch();
            for (int rank = 0; rank < Math.min(n, size()); rank++) {
                int a = a(rank);
                sink.beginPair(g.process(a), g.process(b(rank)));
                fields(rank, a, sink, scratch);
                sink.endPair();
            }
        }

        /** @return the pairs' columns, in the kernel's row order */
        public OverlapPairs pairs() {
            return pairs;
        }

        /** @return the index in {@link #pairs()} of the pair at this rank */
        public int index(int rank) {
            return order[rank];
        }

        /** @return the first process (the lower index) of the pair at this rank */
        public int a(int rank) {
            return pairs.a(order[rank]);
        }

        /** @return the second process of the pair at this rank */
        public int b(int rank) {
            return pairs.b(order[rank]);
        }

        /** @return hypergeometric {@code P(X ≥ shared)} of the pair at this rank */
        public double pValue(int rank) {
            return tested.p(order[rank]);
        }

        /** @return Benjamini–Hochberg q-value of the pair at this rank */
        public double qValue(int rank) {
            return tested.q(order[rank]);
        }

        /** @return all scores of the pair at this rank, as one object (for the few rows a report shows) */
        public OverlapPairs.Pair scores(int rank) {
            return pairs.pair(order[rank]);
        }

        /**
         * Hands the fields of the pair at this rank to a sink, shared themes computed now.
         *
         * @param rank the pair's rank
         * @param a the pair's first process, {@link #a(int)} (callers walking the ranks usually have it)
         * @param sink receives the fields in their fixed order
         * @param scratch from {@link #scratch()}, reused from pair to pair by one thread
         */
        public void fields(int rank, int a, FieldSink sink, Scratch scratch) {
            fieldsOfPair(order[rank], a, sink, scratch);
        }

        /** Working space of one thread writing pairs: no allocation per pair. */
        public static final class Scratch {
            private final int[] themes;
            private final String[] ids;
            private final double[] sums = new double[3];

            private Scratch(int maxDegree) {
                themes = new int[maxDegree];
                ids = new String[maxDegree];
            }
        }

        /** @return working space for {@link #fields} and {@link #fieldsOfPair} */
        public Scratch scratch() {
            return new Scratch(pairs.graph().maxProcessDegree());
        }

        /**
         * Hands the fields of pair {@code i} (an index into {@link #pairs()}, in row {@code a}) to a sink;
         * for writers that walk the rows rather than the ranking.
         */
        public void fieldsOfPair(int i, int a, FieldSink sink, Scratch scratch) {
            BipartiteGraph g = pairs.graph();
            int b = pairs.b(i);
            int s = pairs.shared(i);
            int da = g.processDegree(a);
            int db = g.processDegree(b);
            sink.field(PairField.SHARED.key(), s);
            double[] sums = scratch.sums;
            int n = g.sharedThemeSums(a, b, scratch.themes, sums);
            for (int k = 0; k < n; k++) {
                scratch.ids[k] = g.theme(scratch.themes[k]);
            }
            sink.field(PairField.SHARED_THEMES.key(), scratch.ids, n);
            sink.field(PairField.JACCARD.key(), SimilarityMetric.jaccard(s, da, db));
            sink.field(PairField.OVERLAP.key(), SimilarityMetric.overlap(s, da, db));
            sink.field(PairField.COSINE.key(), SimilarityMetric.cosine(s, da, db));
            sink.field(PairField.DICE.key(), SimilarityMetric.dice(s, da, db));
            if (g.weighted()) {
                sink.field(PairField.WEIGHTED_JACCARD.key(), OverlapPairs.weightedJaccard(g, a, b, sums));
            }
            sink.field(PairField.ADAMIC_ADAR.key(), sums[1]);
            sink.field(PairField.RESOURCE_ALLOCATION.key(), sums[2]);
            sink.field(PairField.ASSOCIATION_STRENGTH.key(), SimilarityMetric.associationStrength(s, da, db,
                    g.themeCount()));
            sink.field(PairField.P_VALUE.key(), tested.p(i));
            sink.field(PairField.Q_VALUE.key(), tested.q(i));
        }
    }

    private OverlapAnalysis() {
    }

    /** Runs the analysis. */
    public static Result run(BipartiteGraph graph, Parameters parameters) {
        return run(graph, parameters, percent -> { });
    }

    /** Runs the analysis, reporting the all-pairs pass in percent. */
    public static Result run(BipartiteGraph graph, Parameters parameters, java.util.function.IntConsumer progress) {
        OverlapKernel.Counted counted = parameters.topK() > 0
                ? new OverlapKernel.Counted(similarities(graph, parameters, progress), null)
                : OverlapKernel.computeCounted(graph, new OverlapKernel.Parameters(parameters.minShared(),
                        parameters.threads()), progress);
        OverlapPairs pairs = counted.pairs();
        long n = graph.processCount();
        long family = Math.max(pairs.size(), n * (n - 1) / 2);
        Significance.Tested tested = new Significance(Math.max(1, graph.themeCount()), parameters.threads())
                .testAll(pairs, counted.cells(), family);
        return new Result(pairs, tested, rankByJaccard(pairs, tested, parameters.threads()), family);
    }

    /**
     * The converging pairs without significance or ranking: what {@code path} and {@code recommend}
     * need to weigh processes against each other.
     */
    public static OverlapPairs similarities(BipartiteGraph graph, Parameters parameters,
            java.util.function.IntConsumer progress) {
        return parameters.topK() > 0
                ? TopKOverlap.compute(graph, parameters.topK(), parameters.metric(), parameters.minShared(),
                        parameters.threads())
                : OverlapKernel.compute(graph, new OverlapKernel.Parameters(parameters.minShared(),
                        parameters.threads()), progress);
    }

    /**
     * Pairs placed per call of {@link #place}: a short loop in a small method invoked often, rather than
     * one long loop per slice.
     */
    private static final int PLACE_RUN = 256;

    /** Places pairs {@code from} to {@code to - 1} at the next free position of their rank. */
    private static void place(int[] order, int[] at, int[] keyRank, int[] testOf, int from, int to) {
        for (int i = from; i < to; i++) {
            order[at[keyRank[testOf[i]]]++] = i;
        }
    }

    /**
     * Pair indexes by descending Jaccard, then first process, then second process: a stable counting
     * sort on the rank of each pair's Jaccard among the distinct tests' values (equal values, such as
     * 1/2 and 2/4, share a rank). The kernel's rows are ordered by first, then second process, so the
     * stable sort keeps that order within a rank. Placed in parallel, in the slices of the pairs in which
     * significance counted each test.
     */
    static int[] rankByJaccard(OverlapPairs pairs, Significance.Tested tested, int threads) {
        int d = tested.tests();
        double[] jaccard = new double[d];
        for (int k = 0; k < d; k++) {
            jaccard[k] = SimilarityMetric.jaccard(tested.testShared()[k], tested.testSmaller()[k],
                    tested.testLarger()[k]);
        }
        int[] byValue = new int[d];
        for (int k = 0; k < d; k++) {
            byValue[k] = k;
        }
        IntArrays.quickSort(byValue, (x, y) -> Double.compare(jaccard[y], jaccard[x]));
        int[] rankOf = new int[d];
        int ranks = 0;
        for (int k = 0; k < d; k++) {
            if (k > 0 && jaccard[byValue[k]] != jaccard[byValue[k - 1]]) {
                ranks++;
            }
            rankOf[byValue[k]] = ranks;
        }
        int rankCount = ranks + 1;
        int n = pairs.size();
        int[] testOf = tested.testOf();
        // the rank of what testOf holds: a test, or a dense cell that stands for one
        int[] rankOfKey = rankOf;
        if (tested.cellTest() != null) {
            int[] cellTest = tested.cellTest();
            rankOfKey = new int[cellTest.length];
            for (int x = 0; x < cellTest.length; x++) {
                rankOfKey[x] = cellTest[x] < 0 ? 0 : rankOf[cellTest[x]];
            }
        }
        int[] keyRank = rankOfKey;
        // significance (or the kernel) counted each test's pairs per slice: summed per rank
        int[] sliceStart = tested.sliceStart();
        int[][] next = new int[tested.sliceCounts().length][rankCount];
        for (int slice = 0; slice < next.length; slice++) {
            int[] perTest = tested.sliceCounts()[slice];
            for (int k = 0; k < d; k++) {
                next[slice][rankOf[k]] += perTest[k];
            }
        }
        int slices = next.length;
        int running = 0;
        for (int r = 0; r < rankCount; r++) {
            for (int slice = 0; slice < slices; slice++) {
                int c = next[slice][r];
                next[slice][r] = running;
                running += c;
            }
        }
        int[] order = new int[n];
        ParallelRows.run(slices, threads, 1, () -> (from, to) -> {
            for (int slice = from; slice < to; slice++) {
                int[] at = next[slice];
                for (int i = sliceStart[slice], end = sliceStart[slice + 1]; i < end; i += PLACE_RUN) {
                    place(order, at, keyRank, testOf, i, Math.min(end, i + PLACE_RUN));
                }
            }
        });
        return order;
    }
}
