package org.convergence.engine.analysis;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The input of every analysis: a {@link BipartiteGraph}, display names of processes and themes, and
 * for each edge the relation kinds (matrix rows) it came from, so that paths can name their steps.
 *
 * @param graph the bipartite graph
 * @param processNames display name per process index
 * @param themeNames display name per theme index
 * @param relationSets the distinct sorted sets of relation kinds that edges have
 * @param edgeRelationSet per edge, in the graph's row order, the index of its set in {@code relationSets}
 * @param fingerprint SHA-256 of the sorted edge list with relations and weights
 */
public record TwoModeData(BipartiteGraph graph, String[] processNames, String[] themeNames,
        List<List<String>> relationSets, int[] edgeRelationSet, String fingerprint) {

    /**
     * One edge as read from the database.
     *
     * @param process process id
     * @param processName process display name
     * @param theme theme id
     * @param themeName theme display name
     * @param relation relation kind
     * @param weight weight, or null when the source has none
     */
    public record Row(String process, String processName, String theme, String themeName, String relation,
            Double weight) {
    }

    /** Builds the input from rows; weights count as information when any row has one. */
    public static TwoModeData of(List<Row> rows) {
        Builder b = new Builder();
        for (Row r : rows) {
            int process = b.process(r.process(), r.processName());
            b.themeName(r.theme(), r.themeName());
            b.edge(process, r.theme(), r.relation(), r.weight());
        }
        return b.build();
    }

    /**
     * Collects the input edge by edge into primitive columns (no object per edge), as a reader receives
     * it, and builds the graph from them in one pass: ids are numbered in sorted order, parallel edges
     * (one theme in two matrix rows) become one edge with the set of their relation kinds, and the
     * fingerprint is computed by streaming the edges in canonical order into SHA-256.
     */
    public static final class Builder {
        private final Map<String, Integer> processIndex = new HashMap<>();
        private final List<String> processIds = new ArrayList<>();
        private final List<String> processNames = new ArrayList<>();
        private final Map<String, Integer> themeIndex = new HashMap<>();
        private final List<String> themeIds = new ArrayList<>();
        private final Map<String, String> themeNames = new HashMap<>();
        private final Map<String, Integer> relationIndex = new HashMap<>();
        private final List<String> relations = new ArrayList<>();
        private final IntArrayList edgeProcess = new IntArrayList();
        private final IntArrayList edgeTheme = new IntArrayList();
        private final IntArrayList edgeRelation = new IntArrayList();
        private final DoubleArrayList edgeWeight = new DoubleArrayList();
        private boolean weighted;

        /** @return the index of a process, adding it with its display name the first time */
        public int process(String id, String name) {
            int before = processIds.size();
            int i = intern(processIndex, processIds, id);
            if (i == before) {
                processNames.add(name);
            }
            return i;
        }

        /** @return the index of a value in {@code values}, appending it the first time */
        private static int intern(Map<String, Integer> index, List<String> values, String value) {
            Integer i = index.get(value);
            if (i == null) {
                i = values.size();
                index.put(value, i);
                values.add(value);
            }
            return i;
        }

        /** Sets the display name of a theme (the first one given wins). */
        public void themeName(String id, String name) {
            themeNames.putIfAbsent(id, name);
        }

        /**
         * Adds an edge.
         *
         * @param process index from {@link #process}
         * @param theme theme id
         * @param relation relation kind (matrix row)
         * @param weight weight, or null when the source has none
         */
        public void edge(int process, String theme, String relation, Double weight) {
            edgeProcess.add(process);
            edgeTheme.add(intern(themeIndex, themeIds, theme));
            edgeRelation.add(intern(relationIndex, relations, relation));
            edgeWeight.add(weight == null ? Double.NaN : weight);
            weighted |= weight != null;
        }

        /** @return the number of edges added */
        public int edges() {
            return edgeProcess.size();
        }

        /** @return the analysis input */
        public TwoModeData build() {
            int m = edgeProcess.size();
            int[] processRank = ranks(processIds);
            int[] themeRank = ranks(themeIds);
            String[] p = sortedBy(processIds, processRank);
            String[] t = sortedBy(themeIds, themeRank);
            int[] ep = new int[m];
            int[] et = new int[m];
            double[] ew = new double[m];
            for (int e = 0; e < m; e++) {
                ep[e] = processRank[edgeProcess.getInt(e)];
                et[e] = themeRank[edgeTheme.getInt(e)];
                double w = edgeWeight.getDouble(e);
                if (!Double.isNaN(w) && (!(w > 0) || !Double.isFinite(w))) {
                    throw new IllegalArgumentException("Value for `weight` of edge " + p[ep[e]] + " -> " + t[et[e]]
                            + " was `" + w + "`, but must be a finite number > 0");
                }
                ew[e] = Double.isNaN(w) ? 1.0 : w;
            }
            BipartiteGraph graph = BipartiteGraph.ofSortedIds(p, t, ep, et, ew, weighted);
            String[] pNames = new String[p.length];
            for (int i = 0; i < processIds.size(); i++) {
                pNames[processRank[i]] = processNames.get(i);
            }
            String[] tNames = new String[t.length];
            for (int i = 0; i < t.length; i++) {
                tNames[i] = themeNames.get(t[i]);
            }
            // the relation kinds of each distinct edge, as a set of relation indexes
            List<java.util.BitSet> perEdge = new ArrayList<>(java.util.Collections.nCopies(graph.edgeCount(), null));
            long[] masks = relations.size() <= 64 ? new long[graph.edgeCount()] : null;
            for (int e = 0; e < m; e++) {
                int k = graph.edgeIndex(ep[e], et[e]);
                int r = edgeRelation.getInt(e);
                if (masks != null) {
                    masks[k] |= 1L << r;
                } else {
                    if (perEdge.get(k) == null) {
                        perEdge.set(k, new java.util.BitSet());
                    }
                    perEdge.get(k).set(r);
                }
            }
            Map<java.util.BitSet, Integer> setIds = new HashMap<>();
            List<List<String>> sets = new ArrayList<>();
            int[] edgeSet = new int[graph.edgeCount()];
            for (int k = 0; k < edgeSet.length; k++) {
                java.util.BitSet bits = masks != null ? java.util.BitSet.valueOf(new long[] {masks[k]}) : perEdge.get(k);
                Integer id = setIds.get(bits);
                if (id == null) {
                    id = sets.size();
                    setIds.put(bits, id);
                    sets.add(bits.stream().mapToObj(relations::get).sorted().toList());
                }
                edgeSet[k] = id;
            }
            return new TwoModeData(graph, pNames, tNames, List.copyOf(sets), edgeSet, fingerprint(p, t, ep, et));
        }

        /**
         * Feeds the fingerprint's lines to the digest through a 64 KiB buffer: the same bytes as one
         * {@code update} per field, in far fewer calls.
         */
        private static final class DigestFeed {
            private final java.security.MessageDigest digest;
            private final byte[] buffer = new byte[1 << 16];
            private int length;

            DigestFeed(java.security.MessageDigest digest) {
                this.digest = digest;
            }

            /** One edge's line, {@code process⇥theme⇥relation⇥weight}, after a newline unless it is the first. */
            void line(boolean newline, byte[] process, byte[] theme, byte[] relation, String weight) {
                if (newline) {
                    put((byte) '\n');
                }
                put(process);
                put((byte) '\t');
                put(theme);
                put((byte) '\t');
                put(relation);
                put((byte) '\t');
                for (int c = 0; c < weight.length(); c++) {
                    // Double.toString and "null" are ASCII
                    put((byte) weight.charAt(c));
                }
            }

            private void put(byte b) {
                if (length == buffer.length) {
                    flush();
                }
                buffer[length++] = b;
            }

            private void put(byte[] bytes) {
                if (bytes.length > buffer.length - length) {
                    flush();
                    if (bytes.length > buffer.length) {
                        digest.update(bytes);
                        return;
                    }
                }
                System.arraycopy(bytes, 0, buffer, length, bytes.length);
                length += bytes.length;
            }

            void flush() {
                digest.update(buffer, 0, length);
                length = 0;
            }
        }

        /**
         * SHA-256 of the edges as lines {@code process \t theme \t relation \t weight} ({@code null} when
         * unweighted), sorted and joined by newlines, streamed into the digest edge by edge.
         */
        private String fingerprint(String[] p, String[] t, int[] ep, int[] et) {
            int m = ep.length;
            int[] order = new int[m];
            for (int e = 0; e < m; e++) {
                order[e] = e;
            }
            String[] weightText = new String[m];
            for (int e = 0; e < m; e++) {
                double w = edgeWeight.getDouble(e);
                weightText[e] = Double.isNaN(w) ? "null" : Double.toString(w);
            }
            // ids are numbered in sorted order, and the tab that ends each field sorts before any character
            // of an id, so comparing the fields in turn gives the order of the joined lines
            IntArrays.parallelQuickSort(order, (x, y) -> {
                int c = Integer.compare(ep[x], ep[y]);
                if (c == 0) {
                    c = Integer.compare(et[x], et[y]);
                }
                if (c == 0) {
                    c = relations.get(edgeRelation.getInt(x)).compareTo(relations.get(edgeRelation.getInt(y)));
                }
                return c != 0 ? c : weightText[x].compareTo(weightText[y]);
            });
            java.security.MessageDigest digest;
            try {
                digest = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            byte[][] processBytes = utf8(p);
            byte[][] themeBytes = utf8(t);
            byte[][] relationBytes = utf8(relations.toArray(String[]::new));
            DigestFeed feed = new DigestFeed(digest);
            for (int i = 0; i < m; i++) {
                int e = order[i];
                feed.line(i > 0, processBytes[ep[e]], themeBytes[et[e]], relationBytes[edgeRelation.getInt(e)],
                        weightText[e]);
            }
            feed.flush();
            return java.util.HexFormat.of().formatHex(digest.digest());
        }

        private static byte[][] utf8(String[] values) {
            byte[][] out = new byte[values.length][];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            return out;
        }

        /** @return for each id (in insertion order), its rank in sorted order */
        private static int[] ranks(List<String> ids) {
            int[] order = new int[ids.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            IntArrays.quickSort(order, (x, y) -> ids.get(x).compareTo(ids.get(y)));
            int[] rank = new int[order.length];
            for (int r = 0; r < order.length; r++) {
                rank[order[r]] = r;
            }
            return rank;
        }

        private static String[] sortedBy(List<String> ids, int[] rank) {
            String[] out = new String[ids.size()];
            for (int i = 0; i < out.length; i++) {
                out[rank[i]] = ids.get(i);
            }
            return out;
        }
    }

    /** Wraps a generated graph (benchmarks): names are the ids, every edge has relation {@code LISTED}. */
    public static TwoModeData generated(BipartiteGraph graph) {
        String[] p = new String[graph.processCount()];
        String[] t = new String[graph.themeCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = graph.process(i);
        }
        for (int i = 0; i < t.length; i++) {
            t[i] = graph.theme(i);
        }
        int[] edgeSet = new int[graph.edgeCount()];
        return new TwoModeData(graph, p, t, List.of(List.of("LISTED")), edgeSet, "generated");
    }

    /**
     * @return the process-theme relations the edges stand for: an edge stated under two matrix rows (a
     *     theme both in a process's action plan and among its areas of convergence) is one edge and two
     *     relations. Linear in the number of edges.
     */
    public long relationCount() {
        long count = 0;
        for (int set : edgeRelationSet) {
            count += relationSets.get(set).size();
        }
        return count;
    }

    /**
     * @param a process index
     * @param t theme index
     * @return the sorted relation kinds of edge (a, t)
     * @throws IllegalArgumentException if process a does not address theme t
     */
    public List<String> relationsOf(int a, int t) {
        int k = graph.edgeIndex(a, t);
        if (k < 0) {
            throw new IllegalArgumentException("Process " + graph.process(a) + " does not address theme " + graph.theme(t));
        }
        return relationSets.get(edgeRelationSet[k]);
    }

    /**
     * @param id a process id as in the source
     * @return its index in the graph
     * @throws IllegalArgumentException for an unknown id, listing close matches (Levenshtein distance at most
     *     2, or the id occurring in a process id or name)
     */
    public int requireProcess(String id) {
        int i = graph.processIndex(id);
        if (i >= 0) {
            return i;
        }
        List<String> close = new ArrayList<>();
        for (int p = 0; p < graph.processCount(); p++) {
            String candidate = graph.process(p);
            String name = processNames[p] == null ? "" : processNames[p];
            if (distance(candidate.toLowerCase(Locale.ROOT), id.toLowerCase(Locale.ROOT)) <= 2
                    || name.toLowerCase(Locale.ROOT).contains(id.toLowerCase(Locale.ROOT))
                    || candidate.toLowerCase(Locale.ROOT).contains(id.toLowerCase(Locale.ROOT))) {
                close.add(candidate);
            }
        }
        close.sort(Comparator.comparingInt((String c) -> distance(c.toLowerCase(Locale.ROOT),
                id.toLowerCase(Locale.ROOT))).thenComparing(c -> c));
        String hint = close.isEmpty()
                ? "known processes include " + String.join(", ", firstIds(10))
                : "did you mean " + String.join(", ", close.subList(0, Math.min(5, close.size()))) + "?";
        throw new IllegalArgumentException("Unknown process `" + id + "`; " + hint);
    }

    private List<String> firstIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < Math.min(n, graph.processCount()); p++) {
            ids.add(graph.process(p));
        }
        return ids;
    }

    /** Levenshtein distance. */
    static int distance(String s, String t) {
        int[] prev = new int[t.length() + 1];
        int[] cur = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[t.length()];
    }
}
