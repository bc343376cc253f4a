package org.convergence.engine.output.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis.PairField;
import org.convergence.engine.analysis.Side;
import org.convergence.engine.output.AtomicFile;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;

/**
 * Writes a run as two GEXF 1.2 files for Gephi (format: <a href="https://gexf.net/schema.html">the GEXF
 * schema</a> and the GEXF 1.2draft primer; read by Gephi, NetworkX {@code read_gexf}):
 *
 * <ul>
 *   <li>{@code PREFIX-bipartite.gexf}, directed, by jgrapht-io's {@link GEXFExporter}: every process and
 *       theme of the run's graph as a node with id {@code process:ID} or {@code theme:ID}, its name as
 *       {@code label} and the {@link NodeAttribute}s it has as attribute values; every {@code ADDRESSES}
 *       relationship as an edge process → theme with {@code relation} and {@code row}, parallel edges
 *       where a process addresses a theme in two matrix rows (Gephi's import merges them unless told
 *       otherwise), and {@code weight} when the data has weights.</li>
 *   <li>{@code PREFIX-pairs.gexf}, undirected, streamed with StAX: every process as in the first file and
 *       every converging pair as an edge whose {@code weight} is its Jaccard similarity, with all its
 *       scores ({@link PairField}; {@code sharedThemes} as theme ids joined by {@code |}). Memory does
 *       not grow with the pairs.</li>
 * </ul>
 */
final class GexfExport {

    static final String NS = "http://www.gexf.net/1.2draft";
    private static final String SCHEMA = NS + " http://www.gexf.net/1.2draft/gexf.xsd";

    private GexfExport() {
    }

    /** Writes both files; see the class comment. */
    static List<WrittenFile> write(ExportSource source, ExportFiles files) throws IOException {
        List<Member> members = source.members().get();
        try (AtomicFile bipartiteFile = AtomicFile.of(files.file("bipartite.gexf"));
                AtomicFile pairsFile = AtomicFile.of(files.file("pairs.gexf"))) {
            BipartiteExportGraph bipartite = BipartiteExportGraph.read(source, members);
            try (Writer out = bipartiteFile.writer()) {
                exporter(source.run(), bipartite).exportGraph(bipartite.graph(), out);
            }
            long processes;
            long pairs;
            try (Writer out = pairsFile.writer()) {
                PairGraph graph = new PairGraph(Xml.writer(out), source.result().pairs().fields());
                processes = graph.begin(source.run(), members);
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

    private static String description(ConvergenceAnalysis.Provenance run, String graph) {
        return graph + " of analysis run " + run.run() + " of data set " + run.dataset();
    }

    private static GEXFExporter<Member, BipartiteExportGraph.Addresses> exporter(ConvergenceAnalysis.Provenance run,
            BipartiteExportGraph bipartite) {
        GEXFExporter<Member, BipartiteExportGraph.Addresses> exporter = new GEXFExporter<>(
                NodeAttribute::nodeId, BipartiteExportGraph.Addresses::id);
        exporter.setCreator("convergence " + run.engineVersion());
        exporter.setDescription(description(run, "Processes and themes"));
        exporter.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, bipartite.weighted());
        for (NodeAttribute a : NodeAttribute.values()) {
            exporter.registerAttribute(a.key(), GEXFExporter.AttributeCategory.NODE, gexfType(a.type()));
        }
        exporter.registerAttribute(BipartiteExportGraph.RELATION, GEXFExporter.AttributeCategory.EDGE,
                GEXFAttributeType.STRING);
        exporter.registerAttribute(BipartiteExportGraph.ROW, GEXFExporter.AttributeCategory.EDGE,
                GEXFAttributeType.STRING);
        for (String column : bipartite.columns()) {
            exporter.registerAttribute(column, GEXFExporter.AttributeCategory.EDGE, GEXFAttributeType.STRING);
        }
        exporter.setVertexAttributeProvider(BipartiteExportGraph::nodeAttributes);
        exporter.setEdgeAttributeProvider(BipartiteExportGraph::edgeAttributes);
        return exporter;
    }

    private static GEXFAttributeType gexfType(NodeAttribute.Type type) {
        return switch (type) {
            case STRING -> GEXFAttributeType.STRING;
            case INT -> GEXFAttributeType.INTEGER;
            case LONG -> GEXFAttributeType.LONG;
            case DOUBLE -> GEXFAttributeType.DOUBLE;
            case BOOLEAN -> GEXFAttributeType.BOOLEAN;
        };
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

        /** Writes the header, the attribute declarations and the process nodes; returns the number of nodes. */
        long begin(ConvergenceAnalysis.Provenance run, List<Member> members) throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            Xml.newline(xml);
            xml.writeStartElement("gexf");
            xml.writeDefaultNamespace(NS);
            xml.writeNamespace("xsi", Xml.XSI);
            xml.writeAttribute(Xml.XSI, "schemaLocation", SCHEMA);
            xml.writeAttribute("version", "1.2");
            Xml.newline(xml);
            xml.writeStartElement("meta");
            text("creator", "convergence " + run.engineVersion());
            text("description", description(run, "Converging process pairs"));
            xml.writeEndElement();
            Xml.newline(xml);
            xml.writeStartElement("graph");
            xml.writeAttribute("mode", "static");
            xml.writeAttribute("defaultedgetype", "undirected");
            Xml.newline(xml);
            xml.writeStartElement("attributes");
            xml.writeAttribute("class", "node");
            Xml.newline(xml);
            for (NodeAttribute a : NodeAttribute.values()) {
                attribute(a.key(), a.type().gexf());
            }
            xml.writeEndElement();
            Xml.newline(xml);
            xml.writeStartElement("attributes");
            xml.writeAttribute("class", "edge");
            Xml.newline(xml);
            for (PairField f : fields()) {
                attribute(f.key(), switch (f.kind()) {
                    case INTEGER -> "long";
                    case REAL -> "double";
                    case IDS -> "string";
                });
            }
            xml.writeEndElement();
            Xml.newline(xml);
            xml.writeStartElement("nodes");
            Xml.newline(xml);
            long nodes = 0;
            for (Member m : members) {
                if (m.side() != Side.PROCESS) {
                    continue;
                }
                xml.writeStartElement("node");
                xml.writeAttribute("id", NodeAttribute.nodeId(m));
                xml.writeAttribute("label", m.name());
                xml.writeStartElement("attvalues");
                for (NodeAttribute a : NodeAttribute.values()) {
                    Optional<String> v = a.of(m);
                    if (v.isPresent()) {
                        value(a.key(), v.get());
                    }
                }
                xml.writeEndElement();
                xml.writeEndElement();
                Xml.newline(xml);
                nodes++;
            }
            xml.writeEndElement(); // nodes
            Xml.newline(xml);
            xml.writeStartElement("edges");
            Xml.newline(xml);
            return nodes;
        }

        @Override
        void pair(String a, String b, String[] text, double[] numbers) throws IOException {
            try {
                xml.writeStartElement("edge");
                xml.writeAttribute("id", "p" + pairs());
                xml.writeAttribute("source", NodeAttribute.nodeId(Side.PROCESS, a));
                xml.writeAttribute("target", NodeAttribute.nodeId(Side.PROCESS, b));
                xml.writeAttribute("weight", text[weight]);
                xml.writeStartElement("attvalues");
                for (int i = 0; i < text.length; i++) {
                    value(fields().get(i).key(), text[i]);
                }
                xml.writeEndElement();
                xml.writeEndElement();
                Xml.newline(xml);
            } catch (XMLStreamException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        void end() throws XMLStreamException {
            xml.writeEndElement(); // edges
            Xml.newline(xml);
            xml.writeEndElement(); // graph
            Xml.newline(xml);
            xml.writeEndElement(); // gexf
            Xml.newline(xml);
            xml.writeEndDocument();
            xml.close();
        }

        private void attribute(String id, String type) throws XMLStreamException {
            xml.writeEmptyElement("attribute");
            xml.writeAttribute("id", id);
            xml.writeAttribute("title", id);
            xml.writeAttribute("type", type);
            Xml.newline(xml);
        }

        private void value(String id, String value) throws XMLStreamException {
            xml.writeEmptyElement("attvalue");
            xml.writeAttribute("for", id);
            xml.writeAttribute("value", value);
        }

        private void text(String element, String value) throws XMLStreamException {
            xml.writeStartElement(element);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }
}
