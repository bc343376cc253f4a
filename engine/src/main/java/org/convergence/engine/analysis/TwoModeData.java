package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

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
        boolean weighted = rows.stream().anyMatch(r -> r.weight() != null);
        List<BipartiteGraph.Edge> edges = new ArrayList<>(rows.size());
        Map<String, String> pNames = new HashMap<>();
        Map<String, String> tNames = new HashMap<>();
        for (Row r : rows) {
            edges.add(new BipartiteGraph.Edge(r.process(), r.theme(), r.weight() == null ? 1.0 : r.weight()));
            pNames.putIfAbsent(r.process(), r.processName());
            tNames.putIfAbsent(r.theme(), r.themeName());
        }
        BipartiteGraph graph = BipartiteGraph.of(edges, weighted);
        String[] processNames = new String[graph.processCount()];
        for (int i = 0; i < processNames.length; i++) {
            processNames[i] = pNames.get(graph.process(i));
        }
        String[] themeNames = new String[graph.themeCount()];
        Map<String, Integer> themeIndex = new HashMap<>();
        for (int i = 0; i < themeNames.length; i++) {
            themeNames[i] = tNames.get(graph.theme(i));
            themeIndex.put(graph.theme(i), i);
        }
        List<TreeSet<String>> perEdge = new ArrayList<>(graph.edgeCount());
        for (int k = 0; k < graph.edgeCount(); k++) {
            perEdge.add(null);
        }
        for (Row r : rows) {
            int k = graph.edgeIndex(graph.processIndex(r.process()), themeIndex.get(r.theme()));
            if (perEdge.get(k) == null) {
                perEdge.set(k, new TreeSet<>());
            }
            perEdge.get(k).add(r.relation());
        }
        Map<List<String>, Integer> setIds = new HashMap<>();
        List<List<String>> sets = new ArrayList<>();
        int[] edgeSet = new int[graph.edgeCount()];
        for (int k = 0; k < edgeSet.length; k++) {
            List<String> set = List.copyOf(perEdge.get(k));
            Integer id = setIds.get(set);
            if (id == null) {
                id = sets.size();
                setIds.put(set, id);
                sets.add(set);
            }
            edgeSet[k] = id;
        }
        List<String> canonical = rows.stream().map(r -> r.process() + "\t" + r.theme() + "\t" + r.relation() + "\t"
                + r.weight()).sorted().toList();
        String fingerprint = org.convergence.loader.SourceText.sha256(String.join("\n", canonical)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new TwoModeData(graph, processNames, themeNames, List.copyOf(sets), edgeSet, fingerprint);
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
