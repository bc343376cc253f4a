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
 * is written as (aliases) and an optional broader theme.
 *
 * <p>{@link #match(String)} is exact on {@link Labels#key(String)}: case, accents and punctuation are
 * ignored, nothing else, so a label is never merged into a near miss. The file format is the YAML of
 * {@code taxonomy.yaml} in this module, which is also the built-in taxonomy.
 */
public final class Taxonomy {

    /** Where the built-in taxonomy lives on the class path. */
    public static final String BUILT_IN = "/org/convergence/loader/taxonomy.yaml";

    /**
     * One canonical theme.
     *
     * @param id stable identifier (lower-case words joined by hyphens)
     * @param es Spanish name
     * @param en English name
     * @param broader id of the broader theme, or null
     * @param aliases labels that map to this theme
     * @param note the reason for a curation decision, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Theme(
            @JsonProperty("id") String id,
            @JsonProperty("es") String es,
            @JsonProperty("en") String en,
            @JsonProperty("broader") String broader,
            @JsonProperty("aliases") List<String> aliases,
            @JsonProperty("note") String note) {

        public Theme {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    private record File(@JsonProperty("version") String version, @JsonProperty("themes") List<Theme> themes) {
    }

    private final String source;
    private final String version;
    private final String fingerprint;
    private final Map<String, Theme> byId;
    private final Map<String, Theme> byKey;

    private Taxonomy(String source, String version, String fingerprint, Map<String, Theme> byId,
            Map<String, Theme> byKey) {
        this.source = source;
        this.version = version;
        this.fingerprint = fingerprint;
        this.byId = byId;
        this.byKey = byKey;
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
        return new Taxonomy("none", "none", "none", Map.of(), Map.of());
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
        Map<String, Theme> byKey = new LinkedHashMap<>();
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
            List<String> labels = new ArrayList<>(theme.aliases());
            for (String alias : labels) {
                String key = Labels.key(alias);
                if (key.isEmpty()) {
                    throw new LoadException(source, null, "theme `" + theme.id() + "` has an empty alias");
                }
                Theme previous = byKey.putIfAbsent(key, theme);
                if (previous != null && previous != theme) {
                    throw new LoadException(source, null, "alias `" + alias + "` of theme `" + theme.id()
                            + "` is already an alias of theme `" + previous.id() + "`");
                }
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
                Map.copyOf(byKey));
    }

    /**
     * The canonical theme a label stands for.
     *
     * @param label a label as written in a source
     * @return the theme whose alias has the same {@link Labels#key(String)}, or empty
     */
    public Optional<Theme> match(String label) {
        return Optional.ofNullable(byKey.get(Labels.key(label)));
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
