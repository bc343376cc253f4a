package org.convergence.loader.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convergence.loader.taxonomy.Labels;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * The labelled evaluation set of theme suggestions ({@code evaluation/} in the test resources): the
 * thematic areas of eleven regional consultative processes on migration as their public pages word them
 * ({@code processes-themes.csv}, sources in {@code SOURCES.md}), and the groups a planner draws
 * ({@code groups.csv}; {@code AMBIGUOUS} labels set aside). Pairwise precision and recall compare the
 * pairs of labels a method puts under one theme with the pairs the groups put together.
 */
final class Evaluation {

    /** The labels, each once, in file order. */
    final List<String> labels = new ArrayList<>();
    /** The planner's group of each label, by label; AMBIGUOUS for those set aside. */
    final Map<String, String> group = new LinkedHashMap<>();
    /** The rows: process and label. */
    final List<String[]> rows = new ArrayList<>();

    static Evaluation load() {
        Evaluation e = new Evaluation();
        for (CSVRecord r : read("evaluation/processes-themes.csv")) {
            e.rows.add(new String[] {r.get("process"), r.get("theme")});
            if (!e.labels.contains(r.get("theme"))) {
                e.labels.add(r.get("theme"));
            }
        }
        for (CSVRecord r : read("evaluation/groups.csv")) {
            e.group.put(r.get("theme"), r.get("group"));
        }
        for (String l : e.labels) {
            if (!e.group.containsKey(l)) {
                throw new IllegalStateException("label without a group: " + l);
            }
        }
        return e;
    }

    private static List<CSVRecord> read(String resource) {
        try (InputStream in = Evaluation.class.getClassLoader().getResourceAsStream(resource)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pairwise precision and recall of a grouping: each label's theme id as a method assigns it.
     *
     * @param themeOf the theme of each label
     * @return {precision, recall, predicted pairs, gold pairs, correct pairs}
     */
    double[] score(Map<String, String> themeOf) {
        List<String> judged = labels.stream().filter(l -> !group.get(l).equals("AMBIGUOUS")).toList();
        long predicted = 0;
        long gold = 0;
        long correct = 0;
        for (int i = 0; i < judged.size(); i++) {
            for (int j = i + 1; j < judged.size(); j++) {
                String a = judged.get(i);
                String b = judged.get(j);
                boolean g = group.get(a).equals(group.get(b));
                boolean p = themeOf.get(a).equals(themeOf.get(b));
                gold += g ? 1 : 0;
                predicted += p ? 1 : 0;
                correct += g && p ? 1 : 0;
            }
        }
        return new double[] {predicted == 0 ? 1 : (double) correct / predicted, (double) correct / gold, predicted, gold,
                correct};
    }

    /**
     * The theme each label ends under when loaded: a curated match of the taxonomy, else the theme a
     * suggestion proposes, else a theme of its own (its folded key).
     */
    Map<String, String> themes(Taxonomy taxonomy, ThemeSuggester.Suggestions suggestions) {
        Map<String, String> proposed = suggestions == null ? Map.of() : suggestions.themeOfLabel();
        Map<String, String> byKey = new LinkedHashMap<>();
        proposed.forEach((l, t) -> byKey.put(Labels.key(l), t));
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : labels) {
            out.put(l, taxonomy.match(l).map(Taxonomy.Theme::id).orElse(byKey.getOrDefault(Labels.key(l),
                    "own:" + Labels.key(l))));
        }
        return out;
    }

    /** @return the part of the set whose rows come from these processes (groups as in the whole) */
    Evaluation of(java.util.Set<String> processes) {
        Evaluation part = new Evaluation();
        for (String[] row : rows) {
            if (processes.contains(row[0])) {
                part.rows.add(row);
                if (!part.labels.contains(row[1])) {
                    part.labels.add(row[1]);
                }
            }
        }
        part.labels.forEach(l -> part.group.put(l, group.get(l)));
        return part;
    }

    /** @return the labels that match no theme of the taxonomy */
    List<String> unmatched(Taxonomy taxonomy) {
        return labels.stream().filter(l -> taxonomy.match(l).isEmpty()).toList();
    }
}
