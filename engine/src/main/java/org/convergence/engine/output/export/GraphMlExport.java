package org.convergence.engine.output.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.convergence.engine.analysis.OverlapAnalysis.PairField;
import org.convergence.engine.analysis.Side;
import org.convergence.engine.output.AtomicFile;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * Writes a run as two GraphML files (format: <a href="http://graphml.graphdrawing.org/primer/graphml-primer.html">
 * the GraphML primer</a>; read by Gephi, yEd, Cytoscape, NetworkX {@code read_graphml}, igraph):
 *
 * <ul>
 *   <li>{@code PREFIX-bipartite.graphml}, directed, by jgrapht-io's {@link GraphMLExporter}: every process
 *       and theme of the run's graph as a node with id {@code process:ID} or {@code theme:ID}, a
 *       {@code label} (its name) and the {@link NodeAttribute}s it has; every {@code ADDRESSES}
 *       relationship as an edge process → theme with {@code relation} (matrix row kind) and {@code row}
 *       (row label), parallel edges where a process addresses a theme in two rows, and {@code weight}
 *       when the data has weights (its key's default, 1, where an edge omits it).</li>
 *   <li>{@code PREFIX-pairs.graphml}, undirected, streamed with StAX ({@link XMLStreamWriter}): every
 *       process as in the first file and every converging pair as an edge with {@code weight} (its
 *       Jaccard similarity, for layouts) and all its scores ({@link PairField}; {@code sharedThemes}
 *       as theme ids joined by {@code |}). Written as the pairs are read, so memory does not grow with
 *       them: jgrapht-io would need all of them in a graph first.</li>
 * </ul>
 */
final class GraphMlExport {

    static final String NS = "http://graphml.graphdrawing.org/xmlns";
    private static final String SCHEMA = NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

    private GraphMlExport() {
    }

    /** Writes both files; see the class comment. */
    static List<WrittenFile> write(ExportSource source, ExportFiles files) throws IOException {
        List<Member> members = source.members().get();
        try (AtomicFile bipartiteFile = AtomicFile.of(files.file("bipartite.graphml"));
                AtomicFile pairsFile = AtomicFile.of(files.file("pairs.graphml"))) {
            BipartiteExportGraph bipartite = BipartiteExportGraph.read(source, members);
            try (Writer out = bipartiteFile.writer()) {
                exporter(bipartite).exportGraph(bipartite.graph(), out);
            }
            long processes;
            long pairs;
            try (Writer out = pairsFile.writer()) {
                XMLStreamWriter xml = Xml.writer(out);
                PairGraph graph = new PairGraph(xml, source.result().pairs().fields());
                processes = graph.begin(members);
                pairs = TextPairSink.stream(source, graph);
                graph.end();
            } catch (XMLStreamException e) {
                throw new IOException("Cannot write " + pairsFile.target() + ": " + e.getMessage(), e);
            }
            bipartiteFile.commit();
            pairsFile.commit();
            return List.of(
                    new WrittenFile(bipartiteFile.target(), List.of(new WrittenFile.Count(members.size(), "nodes"),
                            new WrittenFile.Count(bipartite.graph().edgeSet().size(), "edges")), Optional.empty()),
                    new WrittenFile(pairsFile.target(), List.of(new WrittenFile.Count(processes, "nodes"),
                            new WrittenFile.Count(pairs, "edges")), Optional.of("edge weight = jaccard")));
        }
    }

    private static GraphMLExporter<Member, BipartiteExportGraph.Addresses> exporter(
            BipartiteExportGraph bipartite) {
        GraphMLExporter<Member, BipartiteExportGraph.Addresses> exporter = new GraphMLExporter<>(
                NodeAttribute::nodeId);
        exporter.setEdgeIdProvider(BipartiteExportGraph.Addresses::id);
        exporter.setVertexLabelAttributeName(BipartiteExportGraph.LABEL);
        exporter.setExportVertexLabels(true);
        exporter.setExportEdgeWeights(bipartite.weighted());
        for (NodeAttribute a : NodeAttribute.values()) {
            exporter.registerAttribute(a.key(), GraphMLExporter.AttributeCategory.NODE,
                    BipartiteExportGraph.jgraphtType(a.type()));
        }
        exporter.registerAttribute(BipartiteExportGraph.RELATION, GraphMLExporter.AttributeCategory.EDGE,
                AttributeType.STRING);
        exporter.registerAttribute(BipartiteExportGraph.ROW, GraphMLExporter.AttributeCategory.EDGE,
                AttributeType.STRING);
        for (String column : bipartite.columns()) {
            exporter.registerAttribute(column, GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        }
        exporter.setVertexAttributeProvider(BipartiteExportGraph::nodeAttributes);
        exporter.setEdgeAttributeProvider(BipartiteExportGraph::edgeAttributes);
        return exporter;
    }

    /** The pair graph, element by element. */
    private static final class PairGraph extends TextPairSink {
        private final XMLStreamWriter xml;
        private final int weight;

        PairGraph(XMLStreamWriter xml, List<PairField> fields) {
            super(fields);
            this.xml = xml;
            this.weight = position(PairField.JACCARD);
        }

        /** Writes the header, the keys and the process nodes; returns the number of nodes. */
        long begin(List<Member> members) throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            Xml.newline(xml);
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace(NS);
            xml.writeNamespace("xsi", Xml.XSI);
            xml.writeAttribute(Xml.XSI, "schemaLocation", SCHEMA);
            Xml.newline(xml);
            key("node.label", "node", BipartiteExportGraph.LABEL, "string");
            for (NodeAttribute a : NodeAttribute.values()) {
                key("node." + a.key(), "node", a.key(), a.type().graphMl());
            }
            key("edge.weight", "edge", "weight", "double");
            for (PairField f : fields()) {
                key("edge." + f.key(), "edge", f.key(), switch (f.kind()) {
                    case INTEGER -> "long";
                    case REAL -> "double";
                    case IDS -> "string";
                });
            }
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "pairs");
            xml.writeAttribute("edgedefault", "undirected");
            Xml.newline(xml);
            long nodes = 0;
            for (Member m : members) {
                if (m.side() != Side.PROCESS) {
                    continue;
                }
                xml.writeStartElement("node");
                xml.writeAttribute("id", NodeAttribute.nodeId(m));
                data("node.label", m.name());
                for (NodeAttribute a : NodeAttribute.values()) {
                    Optional<String> v = a.of(m);
                    if (v.isPresent()) {
                        data("node." + a.key(), v.get());
                    }
                }
                xml.writeEndElement();
                Xml.newline(xml);
                nodes++;
            }
            return nodes;
        }

        @Override
        void pair(String a, String b, String[] text, double[] numbers) throws IOException {
            try {
                xml.writeStartElement("edge");
                xml.writeAttribute("id", "p" + pairs());
                xml.writeAttribute("source", NodeAttribute.nodeId(Side.PROCESS, a));
                xml.writeAttribute("target", NodeAttribute.nodeId(Side.PROCESS, b));
                data("edge.weight", text[weight]);
                for (int i = 0; i < text.length; i++) {
                    data("edge." + fields().get(i).key(), text[i]);
                }
                xml.writeEndElement();
                Xml.newline(xml);
            } catch (XMLStreamException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        void end() throws XMLStreamException {
            xml.writeEndElement(); // graph
            Xml.newline(xml);
            xml.writeEndElement(); // graphml
            Xml.newline(xml);
            xml.writeEndDocument();
            xml.close();
        }

        private void key(String id, String scope, String name, String type) throws XMLStreamException {
            xml.writeEmptyElement("key");
            xml.writeAttribute("id", id);
            xml.writeAttribute("for", scope);
            xml.writeAttribute("attr.name", name);
            xml.writeAttribute("attr.type", type);
            Xml.newline(xml);
        }

        private void data(String key, String value) throws XMLStreamException {
            xml.writeStartElement("data");
            xml.writeAttribute("key", key);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }
}
