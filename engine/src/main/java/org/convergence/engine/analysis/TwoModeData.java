package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The input of every analysis: a {@link BipartiteGraph}, display names of processes and themes, and
 * for each edge the relation kinds (matrix rows) it came from, so that paths can name their steps.
 *
 * @param graph the bipartite graph
 * @param processNames display name per process index
 * @param themeNames display name per theme index
 * @param relations relation kinds per edge, keyed by {@link #edgeKey(int, int)}, sorted
 * @param fingerprint SHA-256 of the sorted edge list with relations and weights
 */
public record TwoModeData(BipartiteGraph graph, String[] processNames, String[] themeNames,
        Map<Long, List<String>> relations, String fingerprint) {

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
        Map<Long, TreeSet<String>> rel = new HashMap<>();
        for (Row r : rows) {
            long key = edgeKey(graph.processIndex(r.process()), themeIndex.get(r.theme()));
            rel.computeIfAbsent(key, k -> new TreeSet<>()).add(r.relation());
        }
        Map<Long, List<String>> frozen = new HashMap<>();
        rel.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        List<String> canonical = rows.stream().map(r -> r.process() + "\t" + r.theme() + "\t" + r.relation() + "\t"
                + r.weight()).sorted().toList();
        String fingerprint = org.convergence.loader.SourceText.sha256(String.join("\n", canonical)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new TwoModeData(graph, processNames, themeNames, Map.copyOf(frozen), fingerprint);
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
        return new TwoModeData(graph, p, t, Map.of(), "generated");
    }

    /** @return the key of edge (process a, theme t) in {@link #relations()} */
    public static long edgeKey(int a, int t) {
        return ((long) a << 32) | (t & 0xffffffffL);
    }

    /** @return the relation kinds of edge (a, t), {@code [LISTED]} when unknown */
    public List<String> relationsOf(int a, int t) {
        return relations.getOrDefault(edgeKey(a, t), List.of("LISTED"));
    }
}
