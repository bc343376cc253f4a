package org.convergence.engine.output.export;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.convergence.engine.analysis.Side;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;

/**
 * A run's bipartite graph as a JGraphT graph for jgrapht-io's exporters: every process and theme of
 * the run (vertices, in {@link RunReader#members} order) and every {@code ADDRESSES} relationship
 * (directed process → theme edges, parallel where a process addresses a theme in two matrix rows),
 * weighted when the data has weights (an edge without one weighs 1, as the analyses count it). Held
 * in memory whole, as jgrapht-io needs: its size is the data set's, not the pairs'.
 */
final class BipartiteExportGraph {

    /**
     * One edge: its position in read order (its id), its matrix row kind and row label.
     *
     * @param index position in read order
     * @param relation matrix row kind
     * @param row matrix row label, if any
     * @param columns source columns a load kept on the relationship, by name
     */
    record Addresses(int index, String relation, Optional<String> row, Map<String, String> columns) {
        /** @return the edge id in the files */
        String id() {
            return "e" + index;
        }
    }

    /** Edge attribute of the matrix row kind. */
    static final String RELATION = "relation";
    /** Edge attribute of the matrix row label. */
    static final String ROW = "row";
    /** Node attribute the exporters take the label from. */
    static final String LABEL = "label";

    private final Graph<Member, Addresses> graph;
    private final boolean weighted;
    private final java.util.Set<String> columns;

    private BipartiteExportGraph(Graph<Member, Addresses> graph, boolean weighted,
            java.util.Set<String> columns) {
        this.graph = graph;
        this.weighted = weighted;
        this.columns = columns;
    }

    /** @return the names of the source columns kept on some edge, sorted: each an edge attribute of its own */
    java.util.Set<String> columns() {
        return columns;
    }

    /**
     * @param source the run
     * @param members its members, as {@code source} reads them
     * @return the graph
     * @throws IllegalStateException if an edge names a process or theme that is not a member
     */
    static BipartiteExportGraph read(ExportSource source, List<Member> members) {
        boolean weighted = source.run().weighted();
        Graph<Member, Addresses> g = new DirectedMultigraph<>(null, null, weighted);
        Map<String, Member> byNodeId = new HashMap<>();
        for (Member m : members) {
            g.addVertex(m);
            byNodeId.put(NodeAttribute.nodeId(m), m);
        }
        int[] next = new int[1];
        java.util.Set<String> columns = new java.util.TreeSet<>();
        source.edges().applyAsLong(e -> {
            Addresses edge = new Addresses(next[0]++, e.relation(), e.row(), e.columns());
            columns.addAll(e.columns().keySet());
            g.addEdge(member(byNodeId, Side.PROCESS, e.process(), source),
                    member(byNodeId, Side.THEME, e.theme(), source), edge);
            if (weighted) {
                OptionalDouble w = e.weight();
                g.setEdgeWeight(edge, w.isPresent() ? w.getAsDouble() : 1.0);
            }
        });
        return new BipartiteExportGraph(g, weighted, java.util.Collections.unmodifiableSet(columns));
    }

    private static Member member(Map<String, Member> byNodeId, Side kind, String id,
            ExportSource source) {
        Member m = byNodeId.get(NodeAttribute.nodeId(kind, id));
        if (m == null) {
            throw new IllegalStateException("An edge of run " + source.run().run() + " names " + kind.key() + " `" + id
                    + "`, which is not among the run's members");
        }
        return m;
    }

    /** @return the graph */
    Graph<Member, Addresses> graph() {
        return graph;
    }

    /** @return whether edges carry weights */
    boolean weighted() {
        return weighted;
    }

    /** @return a node's attributes for the exporters: its label (name) and every {@link NodeAttribute} it has */
    static Map<String, Attribute> nodeAttributes(Member m) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        attributes.put(LABEL, DefaultAttribute.createAttribute(m.name()));
        for (NodeAttribute a : NodeAttribute.values()) {
            a.of(m).ifPresent(v -> attributes.put(a.key(), new DefaultAttribute<>(v, jgraphtType(a.type()))));
        }
        return attributes;
    }

    /** @return an edge's attributes for the exporters: its relation and row, and the source columns kept on it */
    static Map<String, Attribute> edgeAttributes(Addresses e) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        attributes.put(RELATION, DefaultAttribute.createAttribute(e.relation()));
        e.row().ifPresent(r -> attributes.put(ROW, DefaultAttribute.createAttribute(r)));
        e.columns().forEach((k, v) -> attributes.put(k, DefaultAttribute.createAttribute(v)));
        return attributes;
    }

    /** @return jgrapht-io's type of a node attribute type */
    static AttributeType jgraphtType(NodeAttribute.Type type) {
        return switch (type) {
            case STRING -> AttributeType.STRING;
            case INT -> AttributeType.INT;
            case LONG -> AttributeType.LONG;
            case DOUBLE -> AttributeType.DOUBLE;
            case BOOLEAN -> AttributeType.BOOLEAN;
        };
    }
}
