package org.convergence.loader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one load writes for one data set, parsed and validated before the database is touched.
 *
 * <p>Nodes are keyed by kind and id, relationships by kind and end ids (and, for
 * {@link RelKind#ADDRESSES}, by relation), so adding the same fact twice keeps one copy: this is what
 * makes loading idempotent. Every node and relationship carries provenance properties (the document
 * and, where there is one, the line of the source it came from).
 *
 * @param source where the data came from
 * @param nodes nodes per kind, in insertion order
 * @param relationships relationships per kind, in insertion order
 * @param unmapped theme labels that matched no taxonomy entry and became themes of their own
 * @param proposed theme labels that matched an alias or theme a suggestion proposed, not a curator
 * @param notes other things the user should know about this load (merged duplicates and the like)
 */
public record LoadPlan(
        Source source,
        Map<NodeKind, List<NodeRow>> nodes,
        Map<RelKind, List<RelRow>> relationships,
        List<UnmappedLabel> unmapped,
        List<ProposedMatch> proposed,
        List<String> notes) {

    /**
     * Where a data set came from.
     *
     * @param kind {@code seed-matrix} or {@code csv}
     * @param name file name or resource path shown to users
     * @param sha256 fingerprint of the bytes read (all files of the load together)
     * @param documentId id of the {@link NodeKind#DOCUMENT} node that stands for the source
     * @param taxonomyVersion version of the taxonomy the themes were normalised with, or {@code none}
     * @param taxonomyFingerprint SHA-256 of the taxonomy file, or {@code none}
     */
    public record Source(String kind, String name, String sha256, String documentId, String taxonomyVersion,
            String taxonomyFingerprint) {

        /**
         * What decides the loaded graph: the source bytes, the taxonomy that mapped its themes and the
         * version of what a load writes ({@link #WRITTEN_VERSION}).
         *
         * @return the fingerprint a data set is stored with; a load of an unchanged source writes nothing
         */
        public String fingerprint() {
            return SourceText.sha256((kind + "|" + sha256 + "|" + taxonomyFingerprint + "|" + WRITTEN_VERSION)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * Version of what a load writes for the same source. Raised when loads start writing something new
     * (2: the processes' {@code caption}), so that a repeatable job reloads a data set stored by an
     * older engine instead of keeping it as it was.
     */
    public static final int WRITTEN_VERSION = 2;

    /** Longest name part of a process's caption, before it is cut with an ellipsis. */
    static final int CAPTION_NAME_LENGTH = 24;

    /**
     * What Neo4j Browser shows on a process (style.grass): its code (or id) and its name shortened to
     * {@value #CAPTION_NAME_LENGTH} characters (at a word's end where one ends in the second half), e.g.
     * {@code CRM · Conferencia Regional…}; the id
     * alone when the name adds nothing.
     *
     * @param id the process id
     * @param props its properties ({@code code}, {@code name})
     * @return the caption
     */
    public static String processCaption(String id, Map<String, Object> props) {
        String code = props.get("code") instanceof String c && !c.isBlank() ? c : id;
        String name = props.get("name") instanceof String n ? n.strip() : "";
        if (name.isEmpty() || name.equals(code) || name.equals(id)) {
            return code;
        }
        if (name.codePointCount(0, name.length()) <= CAPTION_NAME_LENGTH) {
            return code + " · " + name;
        }
        int cut = name.offsetByCodePoints(0, CAPTION_NAME_LENGTH);
        int space = name.lastIndexOf(' ', cut); // whole words when a word ends in the second half
        String shortName = (space > cut / 2 ? name.substring(0, space) : name.substring(0, cut)).strip() + "…";
        return code + " · " + shortName;
    }

    /** A node to merge: its id within the data set and its properties. */
    public record NodeRow(String id, Map<String, Object> props) {
        /** @return the row as a Cypher parameter map */
        public Map<String, Object> toParameter() {
            return Map.of("id", id, "props", props);
        }
    }

    /** A relationship to merge between two node ids of the kinds its {@link RelKind} names. */
    public record RelRow(String from, String to, Map<String, Object> props) {
        /** @return the row as a Cypher parameter map */
        public Map<String, Object> toParameter() {
            return Map.of("from", from, "to", to, "props", props);
        }
    }

    /**
     * A theme label that matched no taxonomy entry, with where it was first seen.
     *
     * @param label the label as written
     * @param themeId the theme it became
     * @param line the 1-based line of a text or CSV file, 0 for a sheet cell
     * @param where the location in words, e.g. {@code line 12} or {@code sheet Matriz, cell B7}
     */
    public record UnmappedLabel(String label, String themeId, int line, String where) {

        /** A label seen on a line of a text file. */
        public UnmappedLabel(String label, String themeId, int line) {
            this(label, themeId, line, "line " + line);
        }
    }

    /**
     * A theme label that matched the taxonomy through a proposal of {@code themes suggest} (an alias or a
     * theme marked {@code proposed}), not a curated entry: said wherever the match shows, so that no one
     * takes it for a curated theme.
     *
     * @param label the label as written
     * @param themeId the theme it matched
     * @param score the proposal's score, or null
     * @param evidence what the proposal rests on, or null
     * @param where the location of its first occurrence in words
     */
    public record ProposedMatch(String label, String themeId, Double score, String evidence, String where) {
    }

    /** @return the number of nodes of one kind */
    public int count(NodeKind kind) {
        return nodes.getOrDefault(kind, List.of()).size();
    }

    /** @return the number of relationships of one kind */
    public int count(RelKind kind) {
        return relationships.getOrDefault(kind, List.of()).size();
    }

    /** @return the node of a kind with this id, if any */
    public java.util.Optional<NodeRow> node(NodeKind kind, String id) {
        return nodes.getOrDefault(kind, List.of()).stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** Collects nodes and relationships; later properties for the same key are merged in. */
    public static final class Builder {
        private final Map<NodeKind, Map<String, Map<String, Object>>> nodes = new EnumMap<>(NodeKind.class);
        private final Map<RelKind, Map<List<String>, RelRowDraft>> rels = new EnumMap<>(RelKind.class);
        private final List<UnmappedLabel> unmapped = new ArrayList<>();
        private final List<ProposedMatch> proposed = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private record RelRowDraft(String from, String to, Map<String, Object> props) {
        }

        /** Adds a node, or merges properties into the node already there. Null values are dropped. */
        public Builder node(NodeKind kind, String id, Map<String, Object> props) {
            Objects.requireNonNull(id, "id");
            Map<String, Object> target = nodes.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                    .computeIfAbsent(id, k -> new LinkedHashMap<>());
            props.forEach((k, v) -> {
                if (v != null) {
                    target.put(k, v);
                }
            });
            return this;
        }

        /** @return whether a node of this kind and id was added */
        public boolean hasNode(NodeKind kind, String id) {
            return nodes.getOrDefault(kind, Map.of()).containsKey(id);
        }

        /**
         * Adds a relationship, or returns the properties of the one already there for the same key so
         * that the caller can merge into them.
         *
         * @return the mutable property map of the relationship
         */
        public Map<String, Object> rel(RelKind kind, String from, String to, Map<String, Object> props) {
            List<String> key = kind == RelKind.ADDRESSES
                    ? List.of(from, to, String.valueOf(props.get("relation")))
                    : List.of(from, to);
            RelRowDraft draft = rels.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new RelRowDraft(from, to, new LinkedHashMap<>()));
            props.forEach((k, v) -> {
                if (v != null) {
                    draft.props().putIfAbsent(k, v);
                }
            });
            return draft.props();
        }

        /** Records a label that matched no taxonomy theme. */
        public Builder unmapped(UnmappedLabel label) {
            unmapped.add(label);
            return this;
        }

        /** Records a label that matched a proposed entry of the taxonomy. */
        public Builder proposed(ProposedMatch match) {
            proposed.add(match);
            return this;
        }

        /** Records something the user should know about the load. */
        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        /**
         * Checks that every relationship points at nodes of this plan and freezes it.
         *
         * @throws IllegalStateException naming the dangling relationship (a parser bug, not bad input)
         */
        public LoadPlan build(Source source) {
            Map<NodeKind, List<NodeRow>> frozenNodes = new EnumMap<>(NodeKind.class);
            nodes.forEach((kind, byId) -> {
                List<NodeRow> rows = new ArrayList<>(byId.size());
                byId.forEach((id, props) -> {
                    if (kind == NodeKind.PROCESS) {
                        props.put("caption", processCaption(id, props));
                    }
                    rows.add(new NodeRow(id, Collections.unmodifiableMap(props)));
                });
                frozenNodes.put(kind, List.copyOf(rows));
            });
            Map<RelKind, List<RelRow>> frozenRels = new EnumMap<>(RelKind.class);
            rels.forEach((kind, byKey) -> {
                List<RelRow> rows = new ArrayList<>(byKey.size());
                for (RelRowDraft d : byKey.values()) {
                    if (!hasNode(kind.from(), d.from()) || !hasNode(kind.to(), d.to())) {
                        throw new IllegalStateException("Relationship " + kind + " " + d.from() + " -> " + d.to()
                                + " points at a node that the load does not contain");
                    }
                    rows.add(new RelRow(d.from(), d.to(), Collections.unmodifiableMap(d.props())));
                }
                frozenRels.put(kind, List.copyOf(rows));
            });
            return new LoadPlan(source, Collections.unmodifiableMap(frozenNodes),
                    Collections.unmodifiableMap(frozenRels), List.copyOf(unmapped), List.copyOf(proposed),
                    List.copyOf(notes));
        }
    }
}
