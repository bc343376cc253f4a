package org.convergence.engine.output.export;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.convergence.engine.analysis.ClusterKind;
import org.convergence.engine.analysis.Side;

/**
 * The attributes every graph export gives a process or theme node, in file order, with their types:
 * one definition for the GraphML and GEXF files of both graphs. An attribute a node lacks (a process's
 * English name, a theme's process cluster, centrality of a run without it) is left out of that node.
 * Cluster indexes are the run's ({@code Cluster.index}: 0 is the largest cluster).
 */
enum NodeAttribute {
    /** {@code process} or {@code theme}. */
    KIND("kind", Type.STRING, m -> Optional.of(m.side().key())),
    /** The node's name ({@code name}, else its id). */
    NAME("name", Type.STRING, m -> Optional.of(m.name())),
    /** The Spanish name, where the data set has one (taxonomy themes). */
    NAME_ES("nameEs", Type.STRING, m -> m.member().nameEs()),
    /** The English name, where the data set has one (taxonomy themes). */
    NAME_EN("nameEn", Type.STRING, m -> m.member().nameEn()),
    /** Cluster of processes and themes together. */
    CLUSTER_CO("cluster_co", Type.INT, m -> text(m.cluster(ClusterKind.CO))),
    /** Cluster of processes (projection), processes only. */
    CLUSTER_PROCESS("cluster_process", Type.INT, m -> text(m.cluster(ClusterKind.PROCESS))),
    /** Cluster of themes (co-occurrence), themes only. */
    CLUSTER_THEME("cluster_theme", Type.INT, m -> text(m.cluster(ClusterKind.THEME))),
    /** Two-mode normalised betweenness. */
    BETWEENNESS("betweenness", Type.DOUBLE, m -> m.scores().map(s -> Double.toString(s.betweenness()))),
    /** Unnormalised betweenness. */
    RAW_BETWEENNESS("rawBetweenness", Type.DOUBLE, m -> m.scores().map(s -> Double.toString(s.rawBetweenness()))),
    /** Neighbours in the bipartite graph. */
    DEGREE("degree", Type.LONG, m -> m.scores().map(s -> Long.toString(s.degree()))),
    /** Process pairs cut off if the node is removed. */
    DISCONNECTED_PROCESS_PAIRS("disconnectedProcessPairs", Type.LONG,
            m -> m.scores().map(s -> Long.toString(s.disconnectedProcessPairs()))),
    /** Whether removing the node cuts off a process pair. */
    BRIDGE("bridge", Type.BOOLEAN, m -> m.scores().map(s -> Boolean.toString(s.disconnectedProcessPairs() > 0)));

    /** The value types the attributes have, named as each format names them. */
    enum Type {
        STRING("string", "string"), INT("int", "integer"), LONG("long", "long"), DOUBLE("double", "double"),
        BOOLEAN("boolean", "boolean");

        private final String graphMl;
        private final String gexf;

        Type(String graphMl, String gexf) {
            this.graphMl = graphMl;
            this.gexf = gexf;
        }

        /** @return the GraphML {@code attr.type} */
        String graphMl() {
            return graphMl;
        }

        /** @return the GEXF 1.2 attribute {@code type} */
        String gexf() {
            return gexf;
        }
    }

    private final String key;
    private final Type type;
    private final Function<Member, Optional<String>> value;

    NodeAttribute(String key, Type type, Function<Member, Optional<String>> value) {
        this.key = key;
        this.type = type;
        this.value = value;
    }

    /** @return the attribute's name in the files */
    String key() {
        return key;
    }

    /** @return its type */
    Type type() {
        return type;
    }

    /** @return its value for a node as the files write it, if the node has one */
    Optional<String> of(Member member) {
        return value.apply(member);
    }

    /** @return the node id in the graph files: kind and id, so that a process and a theme never share one */
    static String nodeId(Member member) {
        return nodeId(member.side(), member.id());
    }

    /** @return the node id of a process or theme id */
    static String nodeId(Side side, String id) {
        return side.key() + ":" + id;
    }

    private static Optional<String> text(OptionalInt i) {
        return i.isPresent() ? Optional.of(Integer.toString(i.getAsInt())) : Optional.empty();
    }
}
