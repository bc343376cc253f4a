package org.convergence.loader;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.convergence.loader.taxonomy.Labels;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * Turns theme labels from a source into theme nodes of a {@link LoadPlan}: through the taxonomy when
 * a label (or a theme id) matches, otherwise as a theme of its own that is reported as unmapped.
 *
 * <p>An unmapped theme's id is the label as first written (Unicode NFC, whitespace collapsed). With a
 * taxonomy, later labels with the same {@link Labels#key(String)} (case, accents and punctuation
 * ignored) join it, unless that key is empty (a label of punctuation or symbols only), when only the
 * same label does; without one ({@link Taxonomy#none()}), each label is its own theme. A mapped theme
 * brings its chain of broader themes.
 */
public final class ThemeResolver {

    private final Taxonomy taxonomy;
    private final LoadPlan.Builder plan;
    private final String documentId;
    private final Map<String, String> unmappedIdsByKey = new HashMap<>();
    /** Labels already resolved: a label stands for the same theme wherever it recurs (rows of a long CSV). */
    private final Map<String, String> idsByLabel = new HashMap<>();
    /** Labels that matched a proposed alias or theme, with the proposal. */
    private final Map<String, Taxonomy.Match> proposedByLabel = new HashMap<>();

    public ThemeResolver(Taxonomy taxonomy, LoadPlan.Builder plan, String documentId) {
        this.taxonomy = taxonomy;
        this.plan = plan;
        this.documentId = documentId;
    }

    /**
     * The id of the theme a label stands for, adding the theme node (and its broader themes) to the plan.
     *
     * @param label the label as written, without list bullets
     * @param line the 1-based line it was read from
     * @return the theme id
     */
    public String resolve(String label, int line) {
        return resolve(label, new Location.TextLine(line));
    }

    /**
     * As {@link #resolve(String, int)}, for a label at any kind of location (a sheet cell, say); an
     * unmapped theme keeps the location's provenance ({@link Location#nodeProvenance()}).
     *
     * @param label the label as written, without list bullets
     * @param location where it was read
     * @return the theme id
     */
    public String resolve(String label, Location location) {
        String known = idsByLabel.get(label);
        if (known != null) {
            return known; // resolving it again would find the same theme and add nothing
        }
        String id = resolveFirst(label, location);
        idsByLabel.put(label, id);
        return id;
    }

    private String resolveFirst(String label, Location location) {
        Optional<Taxonomy.Match> matched = taxonomy.matchOf(label);
        if (matched.isPresent() && matched.get().proposed()) {
            Taxonomy.Match m = matched.get();
            Double score = m.alias() != null && m.alias().score() != null ? m.alias().score() : m.theme().score();
            String evidence = m.alias() != null && m.alias().evidence() != null ? m.alias().evidence()
                    : m.theme().evidence();
            proposedByLabel.put(label, m);
            plan.proposed(new LoadPlan.ProposedMatch(label.strip(), m.theme().id(), score, evidence,
                    location.describe()));
        }
        Optional<Taxonomy.Theme> match = matched.map(Taxonomy.Match::theme).or(() -> taxonomy.theme(label.strip()));
        if (match.isPresent()) {
            return addCanonical(match.get());
        }
        String id = java.text.Normalizer.normalize(label.strip().replaceAll("\\s+", " "), java.text.Normalizer.Form.NFC);
        String folded = Labels.key(label);
        String key = taxonomy.isNone() || folded.isEmpty() ? "\u0000" + id : folded;
        String existing = unmappedIdsByKey.get(key);
        if (existing != null) {
            return existing;
        }
        unmappedIdsByKey.put(key, id);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", id);
        props.put("unmapped", true);
        props.put("document", documentId);
        props.putAll(location.nodeProvenance());
        plan.node(NodeKind.THEME, id, props);
        plan.unmapped(new LoadPlan.UnmappedLabel(label.strip(), id, location.line().orElse(0), location.describe()));
        return id;
    }

    /**
     * What an {@code ADDRESSES} relationship records of how its label matched, for a label that matched a
     * proposed entry of the taxonomy: {@code labelMatch: proposed}, the proposal's score
     * ({@code labelMatchScore}) and evidence ({@code labelMatchEvidence}); nothing for other labels.
     *
     * @param label a label already resolved
     * @return the properties, possibly none
     */
    public Map<String, Object> matchProvenance(String label) {
        Taxonomy.Match m = proposedByLabel.get(label);
        if (m == null) {
            return Map.of();
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("labelMatch", "proposed");
        Double score = m.alias() != null && m.alias().score() != null ? m.alias().score() : m.theme().score();
        String evidence = m.alias() != null && m.alias().evidence() != null ? m.alias().evidence() : m.theme().evidence();
        if (score != null) {
            props.put("labelMatchScore", score);
        }
        if (evidence != null) {
            props.put("labelMatchEvidence", evidence);
        }
        return props;
    }

    /**
     * Adds a canonical theme (and its broader chain) by id.
     *
     * @param id a theme id of the taxonomy
     * @return the id
     */
    public String canonical(String id) {
        return addCanonical(taxonomy.theme(id).orElseThrow(
                () -> new IllegalArgumentException("No theme `" + id + "` in taxonomy " + taxonomy.source())));
    }

    private String addCanonical(Taxonomy.Theme theme) {
        if (!plan.hasNode(NodeKind.THEME, theme.id())) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("name", theme.en());
            props.put("nameEn", theme.en());
            props.put("nameEs", theme.es());
            props.put("unmapped", false);
            props.put("taxonomyVersion", taxonomy.version());
            props.put("curationNote", theme.note());
            if (theme.proposed()) {
                props.put("proposed", true);
            }
            plan.node(NodeKind.THEME, theme.id(), props);
            if (theme.broader() != null) {
                String broader = addCanonical(taxonomy.theme(theme.broader()).orElseThrow());
                plan.rel(RelKind.BROADER, theme.id(), broader, Map.of("source", "taxonomy " + taxonomy.version()));
            }
        }
        return theme.id();
    }
}
