package org.convergence.engine.analysis;

import java.util.Locale;

/**
 * What a clustering groups: processes and themes together on the bipartite graph, processes on their
 * similarity projection, or themes on their co-occurrence projection. {@link #key()} is how the kind is
 * stored in Neo4j ({@code Cluster.kind}) and named in JSON.
 */
public enum ClusterKind {
    /** Processes and themes together, on the bipartite graph. */
    CO("co", "Clusters of processes and themes together"),
    /** Processes, on the projection weighted by similarity. */
    PROCESS("process", "Clusters of processes (projection weighted by similarity)"),
    /** Themes, on the projection weighted by co-occurrence. */
    THEME("theme", "Clusters of themes (by co-occurrence)");

    private final String key;
    private final String title;

    ClusterKind(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** @return the name stored and printed, e.g. {@code co} */
    public String key() {
        return key;
    }

    /** @return a heading for reports */
    public String title() {
        return title;
    }

    /**
     * @param key a stored or written name, e.g. {@code co}
     * @return the kind it names
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static ClusterKind of(String key) {
        for (ClusterKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Value for `kind` was `" + key + "`, but must be one of co, process, theme");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
