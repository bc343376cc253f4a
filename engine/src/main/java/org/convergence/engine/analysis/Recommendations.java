package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Themes a process does not address but its most similar processes do: for process a with its
 * {@code neighbours} most similar processes N(a) (by the chosen metric, ties by id), each theme t not
 * addressed by a scores {@code Σ_{b ∈ N(a), t ∈ B} sim(a, b)} — the user-based collaborative filtering
 * score (Resnick et al. 1994) on the process × theme matrix. Ranked by score, then theme id.
 */
public final class Recommendations {

    /**
     * One recommendation.
     *
     * @param process process id
     * @param theme theme id
     * @param themeName theme display name
     * @param score sum of the similarities of the supporting processes
     * @param supporters the similar processes that address the theme, most similar first
     */
    public record Recommendation(String process, String theme, String themeName, double score, List<String> supporters) {
    }

    private Recommendations() {
    }

    /**
     * Each process's {@code k} most similar processes, kept while the pairs stream past: {@code O(P·k)}
     * memory however many pairs there are. More similar wins, then the lower index (processes are
     * numbered in id order, so the lower id).
     */
    private static final class Nearest {
        private final int k;
        private final int[] count;
        private final int[] other;
        private final double[] score;

        Nearest(int processes, int k) {
            this.k = k;
            this.count = new int[processes];
            this.other = new int[Math.multiplyExact(processes, k)];
            this.score = new double[processes * k];
        }

        void offer(int a, int b, double s) {
            int base = a * k;
            if (count[a] < k) {
                other[base + count[a]] = b;
                score[base + count[a]] = s;
                count[a]++;
                return;
            }
            int worst = base;
            for (int x = base + 1; x < base + k; x++) {
                if (score[x] < score[worst] || (score[x] == score[worst] && other[x] > other[worst])) {
                    worst = x;
                }
            }
            if (s > score[worst] || (s == score[worst] && b < other[worst])) {
                other[worst] = b;
                score[worst] = s;
            }
        }

        /** @return {process, similarity} of a's nearest, most similar first */
        List<double[]> sorted(int a) {
            List<double[]> near = new ArrayList<>();
            for (int x = a * k; x < a * k + count[a]; x++) {
                near.add(new double[] {other[x], score[x]});
            }
            near.sort(Comparator.comparingDouble((double[] x) -> -x[1]).thenComparingDouble(x -> x[0]));
            return near;
        }
    }

    /**
     * @param data the two-mode data
     * @param pairs converging pairs, in columns
     * @param metric similarity that ranks neighbours and weights the score
     * @param neighbours how many most similar processes to consult, at least 1
     * @param limit how many themes to recommend per process, at least 1
     * @return recommendations per process id, processes in id order
     */
    public static Map<String, List<Recommendation>> compute(TwoModeData data, OverlapPairs pairs,
            SimilarityMetric metric, int neighbours, int limit) {
        if (neighbours < 1 || limit < 1) {
            throw new IllegalArgumentException("Values for `neighbours` (" + neighbours + ") and `limit` (" + limit
                    + ") must be within the range [1, 2147483647]");
        }
        BipartiteGraph g = data.graph();
        Nearest nearest = new Nearest(g.processCount(), Math.min(neighbours, Math.max(1, g.processCount() - 1)));
        for (int a = 0; a < g.processCount(); a++) {
            int da = g.processDegree(a);
            for (int i = pairs.rowStart(a), end = pairs.rowEnd(a); i < end; i++) {
                int b = pairs.b(i);
                double s = metric.of(pairs.shared(i), da, g.processDegree(b));
                nearest.offer(a, b, s);
                nearest.offer(b, a, s);
            }
        }
        Map<String, List<Recommendation>> out = new TreeMap<>();
        for (int a = 0; a < g.processCount(); a++) {
            List<double[]> chosen = nearest.sorted(a);
            int[] own = g.themesOf(a);
            Map<Integer, double[]> score = new TreeMap<>();
            Map<Integer, List<String>> support = new TreeMap<>();
            for (double[] n : chosen) {
                int b = (int) n[0];
                for (int t : g.themesOf(b)) {
                    if (java.util.Arrays.binarySearch(own, t) < 0) {
                        score.computeIfAbsent(t, k -> new double[1])[0] += n[1];
                        support.computeIfAbsent(t, k -> new ArrayList<>()).add(g.process(b));
                    }
                }
            }
            List<Recommendation> list = new ArrayList<>();
            String process = g.process(a);
            score.forEach((t, s) -> list.add(new Recommendation(process, g.theme(t), data.themeNames()[t], s[0],
                    List.copyOf(support.get(t)))));
            list.sort(Comparator.comparingDouble((Recommendation r) -> -r.score()).thenComparing(Recommendation::theme));
            out.put(g.process(a), List.copyOf(list.subList(0, Math.min(limit, list.size()))));
        }
        return out;
    }
}
