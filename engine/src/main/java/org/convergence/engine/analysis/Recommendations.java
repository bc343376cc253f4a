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
     * @param data the two-mode data
     * @param pairs converging pairs with scores
     * @param metric similarity that ranks neighbours and weights the score
     * @param neighbours how many most similar processes to consult, at least 1
     * @param limit how many themes to recommend per process, at least 1
     * @return recommendations per process id, processes in id order
     */
    public static Map<String, List<Recommendation>> compute(TwoModeData data, List<OverlapAnalysis.ScoredPair> pairs,
            SimilarityMetric metric, int neighbours, int limit) {
        if (neighbours < 1 || limit < 1) {
            throw new IllegalArgumentException("Values for `neighbours` (" + neighbours + ") and `limit` (" + limit
                    + ") must be within the range [1, 2147483647]");
        }
        BipartiteGraph g = data.graph();
        List<List<double[]>> similar = new ArrayList<>();
        for (int a = 0; a < g.processCount(); a++) {
            similar.add(new ArrayList<>());
        }
        for (OverlapAnalysis.ScoredPair p : pairs) {
            double s = metric.of(p.scores());
            similar.get(p.scores().a()).add(new double[] {p.scores().b(), s});
            similar.get(p.scores().b()).add(new double[] {p.scores().a(), s});
        }
        Map<String, List<Recommendation>> out = new TreeMap<>();
        for (int a = 0; a < g.processCount(); a++) {
            List<double[]> near = similar.get(a);
            near.sort(Comparator.comparingDouble((double[] x) -> -x[1]).thenComparing(x -> g.process((int) x[0])));
            List<double[]> chosen = near.subList(0, Math.min(neighbours, near.size()));
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
