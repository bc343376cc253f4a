package org.convergence.loader.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.convergence.loader.taxonomy.Labels;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * Proposes, for theme labels that match no taxonomy entry, (a) the existing theme each most likely
 * means and (b) groups of labels that mean one new theme, each with a score and evidence a person can
 * check; it never merges anything by itself (the proposals go into a taxonomy file for review, or are
 * accepted above a threshold by {@code load --match suggested}, which says so).
 *
 * <h2>Method</h2>
 * Each label, and each text of each taxonomy theme (its English and Spanish names and aliases), is read
 * by {@link LabelAnalyzer}: Spanish translated to English through the taxonomy's glossary, content
 * words stemmed. Two texts are compared on two kinds of evidence:
 * <ul>
 * <li><b>stems</b>: the IDF-weighted Dice coefficient of their stem sets,
 * {@code 2·Σ_{s∈A∩B} idf(s) / (Σ_{s∈A} idf(s) + Σ_{s∈B} idf(s))}, {@code idf(s) = ln(1 + N/df(s))} over
 * all texts compared, so that a word most labels share ("migration") counts for little and "Migration
 * data" does not meet "Migration governance";</li>
 * <li><b>embedding</b>: the cosine of their sentence embeddings ({@link Embedder}), taken on the English
 * wording.</li>
 * </ul>
 * The pair's score is {@link #combine(double, double)} of the two; a label's score against a theme is its
 * best against any of the theme's texts. Labels and themes are then grouped by average linkage: candidate
 * pairs are taken in decreasing score, and two groups merge when the mean score over all their cross pairs
 * reaches the threshold, never two groups that each hold a taxonomy theme. A group with a theme proposes
 * its labels as that theme's aliases; a group of two or more labels without one proposes a new theme.
 *
 * <h2>Cost</h2>
 * One embedding per label and theme text (the model's cost is per label, not per pair). Candidate pairs:
 * all pairs up to {@link Parameters#exactLimit()} texts; above, the texts sharing a stem of document
 * frequency at most {@link #MAX_POSTING} and each text's {@link Parameters#neighbours()} nearest
 * neighbours by embedding, found with Lucene's HNSW index ({@link NearestNeighbours}); so
 * {@code O(n·k·log n)} rather than {@code O(n²)}. Deterministic: the same labels and taxonomy give the
 * same proposals, in the same order.
 */
public final class ThemeSuggester {

    /** Stems shared by more texts than this do not make candidate pairs on their own (the embedding may). */
    static final int MAX_POSTING = 200;

    /**
     * How suggestions are made.
     *
     * @param threshold the mean score two groups need to merge, in (0, 1]
     * @param neighbours nearest neighbours by embedding per text, above {@code exactLimit}
     * @param exactLimit up to this many texts every pair is scored
     */
    public record Parameters(double threshold, int neighbours, int exactLimit) {

        /** The default threshold, chosen on the evaluation set (see the README's Themes section). */
        public static final double DEFAULT_THRESHOLD = 0.45;

        public Parameters {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("Value for `threshold` was `" + threshold
                        + "`, but must be within the range (0, 1]");
            }
            if (neighbours < 1 || neighbours > 1000) {
                throw new IllegalArgumentException("Value for `neighbours` was `" + neighbours
                        + "`, but must be within the range [1, 1000]");
            }
            if (exactLimit < 0) {
                throw new IllegalArgumentException("Value for `exactLimit` was `" + exactLimit + "`, but must be >= 0");
            }
        }

        /** @return the defaults: threshold {@link #DEFAULT_THRESHOLD}, 10 neighbours, exact up to 3,000 texts */
        public static Parameters defaults() {
            return new Parameters(DEFAULT_THRESHOLD, 10, 3_000);
        }
    }

    /**
     * A label proposed as an alias of a theme: an existing one of the taxonomy, or a new one.
     *
     * @param label the label as written
     * @param score its mean score against the rest of its group
     * @param evidence what the proposal rests on: the group member it is closest to, the stems they share,
     *     the embedding cosine, and the translations used
     */
    public record Proposal(String label, double score, String evidence) {
    }

    /**
     * Labels proposed for an existing theme.
     *
     * @param theme the taxonomy theme
     * @param labels its proposed aliases
     */
    public record ForTheme(Taxonomy.Theme theme, List<Proposal> labels) {
    }

    /**
     * A group of labels proposed as one new theme.
     *
     * @param id its proposed id (a slug of its English name, made unique)
     * @param en its proposed English name (the group's most central English label)
     * @param es its proposed Spanish name (the most central Spanish label, else the English name)
     * @param score the group's mean pair score
     * @param labels its labels
     */
    public record NewTheme(String id, String en, String es, double score, List<Proposal> labels) {
    }

    /**
     * What the suggestions are.
     *
     * @param forThemes labels proposed for existing themes, in taxonomy order
     * @param newThemes groups proposed as new themes, largest first
     * @param unmatched labels with no proposal, as written, sorted
     * @param model the embedding model used
     */
    public record Suggestions(List<ForTheme> forThemes, List<NewTheme> newThemes, List<String> unmatched,
            String model) {

        /** @return every proposed label with the id of the theme it is proposed for */
        public Map<String, String> themeOfLabel() {
            Map<String, String> m = new LinkedHashMap<>();
            forThemes.forEach(f -> f.labels().forEach(p -> m.put(p.label(), f.theme().id())));
            newThemes.forEach(n -> n.labels().forEach(p -> m.put(p.label(), n.id())));
            return m;
        }
    }

    /** One compared text: a label, or a name or alias of a theme (item {@code item}). */
    private record Text(int item, LabelAnalyzer.Analysed analysed, int[] stems, double weight) {
    }

    private final Taxonomy taxonomy;
    private final Embedder embedder;
    private final Parameters parameters;
    private final LabelAnalyzer analyzer;

    /**
     * @param taxonomy the taxonomy whose themes labels are proposed for, and whose glossary translates
     * @param embedder the sentence-embedding model
     * @param parameters how
     */
    public ThemeSuggester(Taxonomy taxonomy, Embedder embedder, Parameters parameters) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.analyzer = new LabelAnalyzer(taxonomy);
    }

    /**
     * The score of a pair of texts from their two kinds of evidence: the stronger of the stem evidence and
     * the embedding's, the cosine rescaled from the band [0.5, 1] (below 0.5 unrelated labels are common
     * for this model) onto [0, 1], plus a share of the weaker, so that
     * two moderate kinds of evidence together outweigh one.
     *
     * @param stems the IDF-weighted Dice coefficient of the stems, in [0, 1]
     * @param cosine the cosine of the embeddings, in [-1, 1]
     * @return the score, in [0, 1]
     */
    static double combine(double stems, double cosine) {
        double embedding = Math.max(0, Math.min(1, (cosine - 0.5) / 0.5));
        double strong = Math.max(stems, embedding);
        double weak = Math.min(stems, embedding);
        return Math.min(1, strong + 0.5 * weak * (1 - strong));
    }

    /**
     * @param labels the labels to place (those that match nothing); repeats and labels with the same
     *     folded key are taken once, the first spelling kept
     * @return the proposals
     */
    public Suggestions suggest(List<String> labels) {
        // the items: the labels, then the taxonomy's themes
        List<String> distinct = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String label : labels) {
            String key = Labels.key(label);
            if (!key.isEmpty() && seen.putIfAbsent(key, distinct.size()) == null) {
                distinct.add(label.strip());
            }
        }
        List<Taxonomy.Theme> themes = taxonomy.themes();
        int labelCount = distinct.size();
        List<String> texts = new ArrayList<>(distinct);
        List<Integer> itemOf = new ArrayList<>();
        for (int i = 0; i < labelCount; i++) {
            itemOf.add(i);
        }
        for (int t = 0; t < themes.size(); t++) {
            Taxonomy.Theme theme = themes.get(t);
            java.util.Set<String> keys = new java.util.HashSet<>();
            List<String> own = new ArrayList<>(List.of(theme.en(), theme.es()));
            own.addAll(theme.labels());
            for (String text : own) {
                if (keys.add(Labels.key(text))) {
                    texts.add(text);
                    itemOf.add(labelCount + t);
                }
            }
        }
        // analysis, IDF and embeddings of every text
        List<LabelAnalyzer.Analysed> analysed = new ArrayList<>();
        for (String t : texts) {
            analysed.add(analyzer.analyse(t));
        }
        Map<String, Integer> stemIds = new HashMap<>();
        List<Integer> df = new ArrayList<>();
        List<int[]> stemSets = new ArrayList<>();
        for (LabelAnalyzer.Analysed a : analysed) {
            int[] ids = a.stems().stream().mapToInt(s -> stemIds.computeIfAbsent(s, k -> {
                df.add(0);
                return df.size() - 1;
            })).distinct().sorted().toArray();
            for (int id : ids) {
                df.set(id, df.get(id) + 1);
            }
            stemSets.add(ids);
        }
        double[] idf = new double[df.size()];
        for (int s = 0; s < idf.length; s++) {
            idf[s] = Math.log(1 + (double) texts.size() / df.get(s));
        }
        List<Text> all = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            double w = 0;
            for (int s : stemSets.get(i)) {
                w += idf[s];
            }
            all.add(new Text(itemOf.get(i), analysed.get(i), stemSets.get(i), w));
        }
        float[][] vectors = embedder.embed(analysed.stream().map(LabelAnalyzer.Analysed::english).toList());
        Scorer scorer = new Scorer(all, vectors, idf);

        // the items' texts, and the candidate pairs of items with their scores
        int items = labelCount + themes.size();
        List<List<Integer>> textsOf = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            textsOf.add(new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
            textsOf.get(all.get(i).item()).add(i);
        }
        ItemScores itemScores = new ItemScores(scorer, textsOf);
        List<long[]> candidates = candidatePairs(all, vectors, stemSets, df);
        List<double[]> edges = new ArrayList<>();
        java.util.Set<Long> done = new java.util.HashSet<>();
        for (long[] c : candidates) {
            int a = all.get((int) c[0]).item();
            int b = all.get((int) c[1]).item();
            if (a == b || (a >= labelCount && b >= labelCount)) {
                continue; // texts of one theme, or two themes: nothing to propose
            }
            long key = (long) Math.min(a, b) * items + Math.max(a, b);
            if (done.add(key)) {
                double s = itemScores.score(a, b);
                if (s >= parameters.threshold()) {
                    edges.add(new double[] {s, Math.min(a, b), Math.max(a, b)});
                }
            }
        }
        edges.sort(Comparator.<double[]>comparingDouble(e -> -e[0]).thenComparingDouble(e -> e[1])
                .thenComparingDouble(e -> e[2]));

        // each label goes to the theme it scores best against, when that reaches the threshold: the theme
        // stands for its group, so a label need not resemble every other label proposed for it
        int[] group = new int[items];
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            group[i] = i;
            members.add(new ArrayList<>(List.of(i)));
        }
        double[] bestTheme = new double[labelCount];
        int[] themeOfLabel = new int[labelCount];
        Arrays.fill(themeOfLabel, -1);
        for (double[] e : edges) {
            int a = (int) e[1];
            int b = (int) e[2];
            if (a < labelCount && b >= labelCount && e[0] > bestTheme[a]) {
                bestTheme[a] = e[0];
                themeOfLabel[a] = b;
            }
        }
        for (int l = 0; l < labelCount; l++) {
            if (themeOfLabel[l] >= 0) {
                group[l] = themeOfLabel[l];
                members.get(themeOfLabel[l]).add(l);
                members.get(l).clear();
            }
        }
        // the other labels, grouped by average linkage: two groups merge when the mean score over all their
        // cross pairs reaches the threshold
        for (double[] e : edges) {
            int a = (int) e[1];
            int b = (int) e[2];
            if (b >= labelCount || themeOfLabel[a] >= 0 || themeOfLabel[b] >= 0) {
                continue;
            }
            int ga = group[a];
            int gb = group[b];
            if (ga == gb) {
                continue;
            }
            double sum = 0;
            for (int x : members.get(ga)) {
                for (int y : members.get(gb)) {
                    sum += itemScores.score(x, y);
                }
            }
            if (sum / ((double) members.get(ga).size() * members.get(gb).size()) >= parameters.threshold()) {
                int keep = Math.min(ga, gb);
                int drop = Math.max(ga, gb);
                for (int m : members.get(drop)) {
                    group[m] = keep;
                }
                members.get(keep).addAll(members.get(drop));
                members.get(drop).clear();
            }
        }
        return result(distinct, themes, labelCount, members, itemScores, scorer, textsOf, all);
    }

    private static boolean hasTheme(List<Integer> members, int labelCount) {
        return members.stream().anyMatch(m -> m >= labelCount);
    }

    private Suggestions result(List<String> labels, List<Taxonomy.Theme> themes, int labelCount,
            List<List<Integer>> members, ItemScores itemScores, Scorer scorer, List<List<Integer>> textsOf,
            List<Text> all) {
        Map<Integer, List<Proposal>> byTheme = new java.util.TreeMap<>();
        List<NewTheme> newThemes = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        themes.forEach(t -> ids.add(t.id()));
        for (List<Integer> group : members) {
            if (group.isEmpty()) {
                continue;
            }
            List<Integer> groupLabels = group.stream().filter(m -> m < labelCount).sorted().toList();
            Integer theme = group.stream().filter(m -> m >= labelCount).findFirst().orElse(null);
            if (groupLabels.isEmpty()) {
                continue;
            }
            if (theme == null && groupLabels.size() == 1) {
                unmatched.add(labels.get(groupLabels.get(0)));
                continue;
            }
            List<Proposal> proposals = new ArrayList<>();
            for (int l : groupLabels) {
                // a label proposed for a theme is judged against the theme; one of a new group, against the group
                proposals.add(theme != null ? proposal(l, List.of(l, theme), labels, itemScores, scorer)
                        : proposal(l, group, labels, itemScores, scorer));
            }
            if (theme != null) {
                byTheme.put(theme - labelCount, proposals);
            } else {
                newThemes.add(newTheme(groupLabels, labels, itemScores, all, textsOf, proposals, ids));
            }
        }
        List<ForTheme> forThemes = new ArrayList<>();
        byTheme.forEach((t, p) -> forThemes.add(new ForTheme(themes.get(t), p)));
        newThemes.sort(Comparator.<NewTheme>comparingInt(n -> -n.labels().size()).thenComparing(NewTheme::id));
        unmatched.sort(Comparator.comparing(Labels::key).thenComparing(Comparator.naturalOrder()));
        return new Suggestions(forThemes, newThemes, unmatched, embedder.name());
    }

    private NewTheme newTheme(List<Integer> groupLabels, List<String> labels, ItemScores itemScores, List<Text> all,
            List<List<Integer>> textsOf, List<Proposal> proposals, java.util.Set<String> ids) {
        // the most central label of each language names the theme (ties: the shorter, then the first)
        Integer english = null;
        Integer spanish = null;
        double bestEn = -1;
        double bestEs = -1;
        double total = 0;
        int pairs = 0;
        for (int l : groupLabels) {
            double sum = 0;
            for (int m : groupLabels) {
                if (m != l) {
                    sum += itemScores.score(l, m);
                }
            }
            if (groupLabels.size() > 1) {
                total += sum;
                pairs += groupLabels.size() - 1;
            }
            boolean isSpanish = all.get(textsOf.get(l).get(0)).analysed().spanish();
            double central = sum - labels.get(l).length() * 1e-6;
            if (isSpanish && central > bestEs) {
                bestEs = central;
                spanish = l;
            } else if (!isSpanish && central > bestEn) {
                bestEn = central;
                english = l;
            }
        }
        String en = english != null ? labels.get(english) : all.get(textsOf.get(spanish).get(0)).analysed().english();
        String es = spanish != null ? labels.get(spanish) : en;
        String base = Labels.slug(en);
        if (base.isEmpty() || !base.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            base = "theme";
        }
        String id = base;
        for (int n = 2; !ids.add(id); n++) {
            id = base + "-" + n;
        }
        return new NewTheme(id, en, es, pairs == 0 ? 0 : total / pairs, proposals);
    }

    private Proposal proposal(int label, List<Integer> group, List<String> labels, ItemScores itemScores,
            Scorer scorer) {
        double sum = 0;
        int n = 0;
        int closest = -1;
        double best = -1;
        for (int m : group) {
            if (m == label) {
                continue;
            }
            double s = itemScores.score(label, m);
            sum += s;
            n++;
            if (s > best || (s == best && m < closest)) {
                best = s;
                closest = m;
            }
        }
        int[] pair = itemScores.bestTexts(label, closest);
        return new Proposal(labels.get(label), n == 0 ? 0 : sum / n, scorer.evidence(pair[0], pair[1]));
    }

    /** Candidate pairs of texts ({i, j}, i < j): all of them, or those sharing a rare stem and near neighbours. */
    private List<long[]> candidatePairs(List<Text> all, float[][] vectors, List<int[]> stemSets, List<Integer> df) {
        List<long[]> pairs = new ArrayList<>();
        int n = all.size();
        if (n <= parameters.exactLimit()) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    pairs.add(new long[] {i, j});
                }
            }
            return pairs;
        }
        Map<Integer, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int s : stemSets.get(i)) {
                if (df.get(s) <= MAX_POSTING) {
                    postings.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
                }
            }
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (List<Integer> list : postings.values()) {
            for (int a = 0; a < list.size(); a++) {
                for (int b = a + 1; b < list.size(); b++) {
                    add(pairs, seen, list.get(a), list.get(b), n);
                }
            }
        }
        int[][] near = NearestNeighbours.of(vectors, parameters.neighbours());
        for (int i = 0; i < n; i++) {
            for (int j : near[i]) {
                add(pairs, seen, i, j, n);
            }
        }
        pairs.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        return pairs;
    }

    private static void add(List<long[]> pairs, java.util.Set<Long> seen, int a, int b, int n) {
        if (a == b) {
            return;
        }
        int i = Math.min(a, b);
        int j = Math.max(a, b);
        if (seen.add((long) i * n + j)) {
            pairs.add(new long[] {i, j});
        }
    }

    /** Scores of pairs of texts, and the evidence of one. */
    private static final class Scorer {
        private final List<Text> texts;
        private final float[][] vectors;
        private final double[] idf;

        Scorer(List<Text> texts, float[][] vectors, double[] idf) {
            this.texts = texts;
            this.vectors = vectors;
            this.idf = idf;
        }

        double stems(int a, int b) {
            Text x = texts.get(a);
            Text y = texts.get(b);
            if (x.weight() == 0 || y.weight() == 0) {
                return 0;
            }
            double shared = 0;
            int i = 0;
            int j = 0;
            while (i < x.stems().length && j < y.stems().length) {
                int c = Integer.compare(x.stems()[i], y.stems()[j]);
                if (c == 0) {
                    shared += idf[x.stems()[i]];
                    i++;
                    j++;
                } else if (c < 0) {
                    i++;
                } else {
                    j++;
                }
            }
            return 2 * shared / (x.weight() + y.weight());
        }

        double cosine(int a, int b) {
            return Embedder.cosine(vectors[a], vectors[b]);
        }

        double score(int a, int b) {
            return combine(stems(a, b), cosine(a, b));
        }

        String evidence(int a, int b) {
            Text x = texts.get(a);
            Text y = texts.get(b);
            List<String> shared = new ArrayList<>(x.analysed().stems());
            shared.retainAll(y.analysed().stems());
            StringBuilder s = new StringBuilder("closest: \"" + y.analysed().label() + "\"");
            s.append(String.format(Locale.ROOT, "; shared stems: %s (weighted Dice %.2f)",
                    shared.isEmpty() ? "none" : String.join(" ", shared), stems(a, b)));
            s.append(String.format(Locale.ROOT, "; embedding cosine %.2f", cosine(a, b)));
            List<String> translations = new ArrayList<>(x.analysed().translations());
            translations.addAll(y.analysed().translations());
            if (!translations.isEmpty()) {
                s.append("; translated through the taxonomy: ").append(String.join(", ",
                        new java.util.LinkedHashSet<>(translations)));
            }
            return s.toString();
        }
    }

    /** Scores of pairs of items (a label, or a theme: its best text), cached. */
    private static final class ItemScores {
        private final Scorer scorer;
        private final List<List<Integer>> textsOf;
        private final Map<Long, Double> cache = new HashMap<>();

        ItemScores(Scorer scorer, List<List<Integer>> textsOf) {
            this.scorer = scorer;
            this.textsOf = textsOf;
        }

        double score(int a, int b) {
            long key = (long) Math.min(a, b) * textsOf.size() + Math.max(a, b);
            Double s = cache.get(key);
            if (s == null) {
                int[] best = bestTexts(a, b);
                s = scorer.score(best[0], best[1]);
                cache.put(key, s);
            }
            return s;
        }

        int[] bestTexts(int a, int b) {
            double best = -1;
            int[] pair = {textsOf.get(a).get(0), textsOf.get(b).get(0)};
            for (int x : textsOf.get(a)) {
                for (int y : textsOf.get(b)) {
                    double s = scorer.score(x, y);
                    if (s > best) {
                        best = s;
                        pair = new int[] {x, y};
                    }
                }
            }
            return pair;
        }
    }

    /** @return a short description of the parameters, for files and summaries */
    public String describe() {
        return String.format(Locale.ROOT, "threshold %.2f, model %s", parameters.threshold(), embedder.name());
    }

    /** For diagnostics: the stem evidence, the cosine and the score of two labels compared alone. */
    double[] compare(String a, String b, List<String> context) {
        List<String> texts = new ArrayList<>(context);
        List<LabelAnalyzer.Analysed> analysed = texts.stream().map(analyzer::analyse).toList();
        Map<String, Integer> dfs = new HashMap<>();
        for (LabelAnalyzer.Analysed x : analysed) {
            new java.util.HashSet<>(x.stems()).forEach(st -> dfs.merge(st, 1, Integer::sum));
        }
        LabelAnalyzer.Analysed x = analyzer.analyse(a);
        LabelAnalyzer.Analysed y = analyzer.analyse(b);
        java.util.function.ToDoubleFunction<String> idf = st -> Math.log(1 + (double) texts.size() / dfs.getOrDefault(st, 1));
        double shared = 0;
        double wx = 0;
        double wy = 0;
        for (String st : x.stems()) {
            wx += idf.applyAsDouble(st);
            if (y.stems().contains(st)) {
                shared += idf.applyAsDouble(st);
            }
        }
        for (String st : y.stems()) {
            wy += idf.applyAsDouble(st);
        }
        double dice = wx == 0 || wy == 0 ? 0 : 2 * shared / (wx + wy);
        float[][] v = embedder.embed(List.of(x.english(), y.english()));
        double cos = Embedder.cosine(v[0], v[1]);
        return new double[] {dice, cos, combine(dice, cos)};
    }
}
