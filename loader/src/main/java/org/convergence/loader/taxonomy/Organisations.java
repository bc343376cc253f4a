package org.convergence.loader.taxonomy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The organisations source documents name (OAS, its CICTE committee, IOM, ...), read from the
 * curated {@code organisations.yaml}, with whole-word mention detection in free text.
 */
public final class Organisations {

    /** Where the built-in registry lives on the class path. */
    public static final String BUILT_IN = "/org/convergence/loader/organisations.yaml";

    /**
     * One organisation.
     *
     * @param id stable identifier
     * @param name name in the language of the sources
     * @param nameEn English name
     * @param acronym acronym as written in the sources, or null
     * @param partOf id of the parent organisation, or null
     * @param note context, or null
     * @param aliases names and acronyms that count as a mention
     */
    public record Organisation(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("nameEn") String nameEn,
            @JsonProperty("acronym") String acronym,
            @JsonProperty("partOf") String partOf,
            @JsonProperty("note") String note,
            @JsonProperty("aliases") List<String> aliases) {

        public Organisation {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    private record File(@JsonProperty("organisations") List<Organisation> organisations) {
    }

    private final List<Organisation> all;

    private Organisations(List<Organisation> all) {
        this.all = all;
    }

    /** @return the registry shipped with the project */
    public static Organisations builtIn() {
        try (InputStream in = Organisations.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("Built-in organisations " + BUILT_IN + " missing from the class path");
            }
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            return new Organisations(List.copyOf(mapper.readValue(in, File.class).organisations()));
        } catch (IOException e) {
            throw new IllegalStateException("Built-in organisations " + BUILT_IN + " cannot be read", e);
        }
    }

    /** @return every organisation, in file order */
    public List<Organisation> all() {
        return all;
    }

    /**
     * The organisations a text names.
     *
     * @param text free text
     * @return organisations with an alias occurring in the text as whole words, in registry order
     */
    public List<Organisation> mentionedIn(String text) {
        return all.stream().filter(o -> o.aliases().stream().anyMatch(a -> Labels.mentions(text, a))).toList();
    }
}
