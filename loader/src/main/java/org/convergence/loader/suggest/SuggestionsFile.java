package org.convergence.loader.suggest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * The taxonomy file {@code themes suggest} writes: the base taxonomy, every theme and alias of it as it
 * was, plus the proposals, each marked {@code proposed: true} with its score and evidence: labels
 * proposed for an existing theme as aliases of it, groups proposed as new themes. A person deletes what is
 * wrong (and may drop the markers of what is right) and loads the file with {@code --taxonomy}; it reads
 * back as the same taxonomy with the proposals matching as aliases. The same input gives the same file.
 */
public final class SuggestionsFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    private SuggestionsFile() {
    }

    /**
     * @param base the taxonomy the suggestions were made against
     * @param suggestions the suggestions
     * @param source what the labels came from, for the header
     * @param settings how they were made (threshold, model), for the header
     * @return the file's text
     */
    public static String write(Taxonomy base, ThemeSuggester.Suggestions suggestions, String source, String settings) {
        Map<String, List<ThemeSuggester.Proposal>> forTheme = new LinkedHashMap<>();
        suggestions.forThemes().forEach(f -> forTheme.put(f.theme().id(), f.labels()));
        List<Object> themes = new ArrayList<>();
        for (Taxonomy.Theme t : base.themes()) {
            Map<String, Object> m = theme(t.id(), t.es(), t.en(), t.broader(), t.proposed(), t.score(), t.evidence(),
                    t.note());
            List<Object> aliases = new ArrayList<>();
            for (Taxonomy.Alias a : t.aliases()) {
                aliases.add(a.proposed() ? alias(a.label(), a.score(), a.evidence()) : a.label());
            }
            for (ThemeSuggester.Proposal p : forTheme.getOrDefault(t.id(), List.of())) {
                aliases.add(alias(p.label(), p.score(), p.evidence()));
            }
            if (!aliases.isEmpty()) {
                m.put("aliases", aliases);
            }
            themes.add(m);
        }
        for (ThemeSuggester.NewTheme n : suggestions.newThemes()) {
            Map<String, Object> m = theme(n.id(), n.es(), n.en(), null, true, n.score(), "a group of " + n.labels().size()
                    + " labels that match no theme and resemble each other (mean pair score "
                    + String.format(Locale.ROOT, "%.2f", n.score()) + ")", null);
            List<Object> aliases = new ArrayList<>();
            for (ThemeSuggester.Proposal p : n.labels()) {
                aliases.add(alias(p.label(), p.score(), p.evidence()));
            }
            m.put("aliases", aliases);
            themes.add(m);
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("version", base.version() + "+proposals");
        file.put("themes", themes);
        List<Object> glossary = new ArrayList<>();
        for (Taxonomy.Translation g : base.glossary()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("es", g.es());
            m.put("en", g.en());
            glossary.add(m);
        }
        if (!glossary.isEmpty()) {
            file.put("glossary", glossary);
        }
        long proposed = suggestions.forThemes().stream().mapToLong(f -> f.labels().size()).sum()
                + suggestions.newThemes().stream().mapToLong(n -> n.labels().size()).sum();
        StringBuilder header = new StringBuilder();
        header.append("# Taxonomy proposed by `convergence themes suggest` for ").append(source).append('\n');
        header.append("# Base: ").append(base.source()).append(", version ").append(base.version()).append('\n');
        header.append("# Made with ").append(settings).append('\n');
        header.append(String.format(Locale.ROOT, "# %d label(s) proposed for %d existing theme(s), %d label(s) in %d"
                + " proposed new theme(s); %d label(s) with no proposal:%n", suggestions.forThemes().stream()
                .mapToLong(f -> f.labels().size()).sum(), suggestions.forThemes().size(), suggestions.newThemes()
                .stream().mapToLong(n -> n.labels().size()).sum(), suggestions.newThemes().size(),
                suggestions.unmatched().size()));
        for (String u : suggestions.unmatched()) {
            header.append("#   ").append(u.replace('\n', ' ')).append('\n');
        }
        header.append("#\n# Every entry marked `proposed: true` is a suggestion, not a curated match: delete the\n"
                + "# ones that are wrong, then load with `--taxonomy` this file. Loads say which labels matched\n"
                + "# a proposed entry.").append(proposed == 0 ? " (There is no proposal.)" : "").append('\n');
        try {
            return header + YAML.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the proposed taxonomy", e);
        }
    }

    private static Map<String, Object> theme(String id, String es, String en, String broader, boolean proposed,
            Double score, String evidence, String note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("es", es);
        m.put("en", en);
        if (broader != null) {
            m.put("broader", broader);
        }
        if (proposed) {
            m.put("proposed", true);
            m.put("score", round(score));
            m.put("evidence", evidence);
        }
        if (note != null) {
            m.put("note", note);
        }
        return m;
    }

    private static Map<String, Object> alias(String label, Double score, String evidence) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("proposed", true);
        m.put("score", round(score));
        m.put("evidence", evidence);
        return m;
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 1000) / 1000.0;
    }
}
