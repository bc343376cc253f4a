package org.convergence.loader.taxonomy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convergence.loader.LoadException;

/**
 * A curated taxonomy of canonical themes: stable id, Spanish and English names, the labels a theme
 * is written as (aliases), an optional broader theme, and a glossary of Spanish and English words that
 * theme suggestions translate through.
 *
 * <p>{@link #match(String)} is exact on {@link Labels#key(String)}: a label whose key is that of a
 * theme's Spanish or English name or of one of its aliases is that theme; case, accents and
 * punctuation are ignored, nothing else, so a label is never merged into a near miss. An alias or a
 * theme may be marked {@code proposed} (with the score and evidence of the suggestion that proposed it,
 * see {@code themes suggest}): it matches as any other, and the load says which labels matched that way.
 * The file format is the YAML of {@code taxonomy.yaml} in this module, which is also the built-in
 * taxonomy.
 */
public final class Taxonomy {

    /** Where the built-in taxonomy lives on the class path. */
    public static final String BUILT_IN = "/org/convergence/loader/taxonomy.yaml";

    /**
     * A label a theme is written as: plain text in the file ({@code - Trata de personas}), or, for one
     * that a suggestion proposed, an object with its label, {@code proposed: true}, score and evidence.
     *
     * @param label the label as written in sources
     * @param proposed whether a suggestion proposed it (rather than a curator)
     * @param score the suggestion's score in [0, 1], or null
     * @param evidence what the suggestion rests on, for a person to check, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Alias(@JsonProperty("label") String label, @JsonProperty("proposed") boolean proposed,
            @JsonProperty("score") Double score, @JsonProperty("evidence") String evidence) {

        /** A curated alias, written as plain text. */
        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        public static Alias of(String label) {
            return new Alias(label, false, null, null);
        }
    }

    /**
     * One canonical theme.
     *
     * @param id stable identifier (lower-case words joined by hyphens)
     * @param es Spanish name
     * @param en English name
     * @param broader id of the broader theme, or null
     * @param aliases labels that map to this theme
     * @param note the reason for a curation decision, or null
     * @param proposed whether a suggestion proposed the theme itself (a group of labels meaning one new theme)
     * @param score the suggestion's score, or null
     * @param evidence what the suggestion rests on, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Theme(
            @JsonProperty("id") String id,
            @JsonProperty("es") String es,
            @JsonProperty("en") String en,
            @JsonProperty("broader") String broader,
            @JsonProperty("aliases") List<Alias> aliases,
            @JsonProperty("note") String note,
            @JsonProperty("proposed") boolean proposed,
            @JsonProperty("score") Double score,
            @JsonProperty("evidence") String evidence) {

        public Theme {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        /** A curated theme. */
        public Theme(String id, String es, String en, String broader, List<Alias> aliases, String note) {
            this(id, es, en, broader, aliases, note, false, null, null);
        }

        /** @return the alias labels, as written */
        public List<String> labels() {
            return aliases.stream().map(Alias::label).toList();
        }
    }

    /**
     * A Spanish word or phrase and its English equivalent in migration policy, for translating labels
     * before they are compared (see {@code themes suggest}).
     *
     * @param es the Spanish word or phrase
     * @param en its English equivalent
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Translation(@JsonProperty("es") String es, @JsonProperty("en") String en) {
    }

    /**
     * How a label matched the taxonomy.
     *
     * @param theme the theme
     * @param alias the alias it matched, or null when it matched the theme's Spanish or English name
     */
    public record Match(Theme theme, Alias alias) {

        /** @return whether a suggestion, not a curator, put the label there (a proposed alias or theme) */
        public boolean proposed() {
            return theme.proposed() || (alias != null && alias.proposed());
        }
    }

    private record File(@JsonProperty("version") String version, @JsonProperty("themes") List<Theme> themes,
            @JsonProperty("glossary") List<Translation> glossary) {
    }

    private final String source;
    private final String version;
    private final String fingerprint;
    private final Map<String, Theme> byId;
    private final Map<String, Match> byKey;
    private final List<Translation> glossary;

    private Taxonomy(String source, String version, String fingerprint, Map<String, Theme> byId,
            Map<String, Match> byKey, List<Translation> glossary) {
        this.source = source;
        this.version = version;
        this.fingerprint = fingerprint;
        this.byId = byId;
        this.byKey = byKey;
        this.glossary = glossary;
    }

    /** @return the taxonomy shipped with the project */
    public static Taxonomy builtIn() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("Built-in taxonomy " + BUILT_IN + " is missing from the class path");
            }
            return parse("taxonomy.yaml (built in)", in.readAllBytes());
        } catch (IOException e) {
            throw new LoadException(BUILT_IN, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** @return a taxonomy with no themes: every label becomes its own theme */
    public static Taxonomy none() {
        return new Taxonomy("none", "none", "none", Map.of(), Map.of(), List.of());
    }

    /** @return whether this is {@link #none()}: labels are taken as written, not folded together */
    public boolean isNone() {
        return "none".equals(version()) && themes().isEmpty();
    }

    /**
     * Reads a taxonomy file.
     *
     * @param file a YAML file in the format of the built-in taxonomy
     * @return the validated taxonomy
     * @throws LoadException naming the file and the problem
     */
    public static Taxonomy load(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new LoadException(file.toString(), null, "taxonomy file does not exist");
        } catch (IOException e) {
            throw new LoadException(file.toString(), null, "cannot read taxonomy: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a taxonomy from YAML text, as {@link #load(Path)} reads a file.
     *
     * @param source what to call it in messages
     * @param yaml the YAML
     * @return the validated taxonomy
     * @throws LoadException naming the source, the line and the problem
     */
    public static Taxonomy fromYaml(String source, byte[] yaml) {
        return parse(source, yaml);
    }

    static Taxonomy parse(String source, byte[] yaml) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File file;
        try {
            file = mapper.readValue(yaml, File.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LoadException(source, org.convergence.loader.YamlErrors.line(yaml, e),
                    "invalid taxonomy: " + org.convergence.loader.YamlErrors.message(e), e);
        } catch (IOException e) {
            throw new LoadException(source, null, "cannot read taxonomy: " + e.getMessage(), e);
        }
        if (file == null || file.themes() == null || file.themes().isEmpty()) {
            throw new LoadException(source, null, "taxonomy has no `themes`");
        }
        Map<String, Theme> byId = new LinkedHashMap<>();
        Map<String, Match> byKey = new LinkedHashMap<>();
        for (Theme theme : file.themes()) {
            if (theme.id() == null || !theme.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new LoadException(source, null, "theme id `" + theme.id()
                        + "` must be lower-case words joined by hyphens, e.g. `human-rights-of-migrants`");
            }
            if (theme.en() == null || theme.es() == null) {
                throw new LoadException(source, null, "theme `" + theme.id() + "` needs both `es` and `en` names");
            }
            if (byId.putIfAbsent(theme.id(), theme) != null) {
                throw new LoadException(source, null, "theme id `" + theme.id() + "` is defined twice");
            }
            for (Alias alias : theme.aliases()) {
                String key = alias.label() == null ? "" : Labels.key(alias.label());
                if (key.isEmpty()) {
                    throw new LoadException(source, null, "theme `" + theme.id() + "` has an empty alias");
                }
                Match previous = byKey.putIfAbsent(key, new Match(theme, alias));
                if (previous != null && previous.theme() != theme) {
                    throw new LoadException(source, null, "alias `" + alias.label() + "` of theme `" + theme.id()
                            + "` is already an alias of theme `" + previous.theme().id() + "`");
                }
            }
        }
        // a theme's own names match too, unless a curator gave that wording to another theme as an alias
        for (Theme theme : byId.values()) {
            for (String name : List.of(theme.en(), theme.es())) {
                String key = Labels.key(name);
                if (!key.isEmpty()) {
                    byKey.putIfAbsent(key, new Match(theme, null));
                }
            }
        }
        List<Translation> glossary = file.glossary() == null ? List.of() : List.copyOf(file.glossary());
        for (Translation t : glossary) {
            if (t.es() == null || t.en() == null || Labels.key(t.es()).isEmpty() || Labels.key(t.en()).isEmpty()) {
                throw new LoadException(source, null, "a glossary entry needs both `es` and `en`, found " + t);
            }
        }
        for (Theme theme : byId.values()) {
            Set<String> seen = new HashSet<>();
            Theme current = theme;
            while (current.broader() != null) {
                if (!seen.add(current.id())) {
                    throw new LoadException(source, null, "broader themes form a cycle through `" + current.id() + "`");
                }
                Theme next = byId.get(current.broader());
                if (next == null) {
                    throw new LoadException(source, null, "theme `" + current.id() + "` names broader theme `"
                            + current.broader() + "`, which is not defined");
                }
                current = next;
            }
        }
        String version = file.version() == null ? "unversioned" : file.version();
        return new Taxonomy(source, version, org.convergence.loader.SourceText.sha256(yaml), Map.copyOf(byId),
                Map.copyOf(byKey), glossary);
    }

    /**
     * The canonical theme a label stands for.
     *
     * @param label a label as written in a source
     * @return the theme whose name or alias has the same {@link Labels#key(String)}, or empty
     */
    public Optional<Theme> match(String label) {
        return matchOf(label).map(Match::theme);
    }

    /**
     * How a label matches, if it does: the theme, and the alias it matched (none for a theme's name).
     *
     * @param label a label as written in a source
     * @return the match, or empty
     */
    public Optional<Match> matchOf(String label) {
        return Optional.ofNullable(byKey.get(Labels.key(label)));
    }

    /** @return the glossary of Spanish and English equivalents, in file order */
    public List<Translation> glossary() {
        return glossary;
    }

    /** @return the theme with this id, or empty */
    public Optional<Theme> theme(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return all themes, sorted by id */
    public List<Theme> themes() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(Theme::id)).toList();
    }

    /** @return the taxonomy's version string */
    public String version() {
        return version;
    }

    /** @return SHA-256 of the taxonomy file, so that a load can tell when its mapping changed */
    public String fingerprint() {
        return fingerprint;
    }

    /** @return where the taxonomy was read from */
    public String source() {
        return source;
    }
}
