package org.convergence.engine.output.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A GraphML or GEXF file as a namespace-aware DOM parser reads it, with attribute keys resolved to
 * their names: what the writer tests compare against, independent of the writers.
 *
 * @param directed the graph's default edge direction
 * @param nodes attributes by node id (GEXF: {@code label} among them)
 * @param edges each edge's source, target and attributes (GEXF: {@code weight} among them)
 * @param types each attribute's declared type, by {@code node.NAME} or {@code edge.NAME}
 * @param defaults each attribute's declared default, where it has one (GraphML)
 */
record XmlGraph(boolean directed, Map<String, Map<String, String>> nodes, List<Edge> edges,
        Map<String, String> types, Map<String, String> defaults) {

    record Edge(String id, String source, String target, Map<String, String> attributes) {
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    static XmlGraph graphMl(Path file) throws Exception {
        Document doc = parse(file);
        Element root = doc.getDocumentElement();
        if (!root.getLocalName().equals("graphml") || !GraphMlExport.NS.equals(root.getNamespaceURI())) {
            throw new AssertionError("not GraphML: " + root.getTagName());
        }
        Map<String, String> names = new HashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Element key : elements(root, "key")) {
            String name = key.getAttribute("for") + "." + key.getAttribute("attr.name");
            names.put(key.getAttribute("id"), key.getAttribute("attr.name"));
            types.put(name, key.getAttribute("attr.type"));
            elements(key, "default").forEach(d -> defaults.put(name, d.getTextContent()));
        }
        Element graph = elements(root, "graph").get(0);
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        for (Element node : elements(graph, "node")) {
            nodes.put(node.getAttribute("id"), data(node, names));
        }
        List<Edge> edges = new ArrayList<>();
        for (Element edge : elements(graph, "edge")) {
            edges.add(new Edge(edge.getAttribute("id"), edge.getAttribute("source"), edge.getAttribute("target"),
                    data(edge, names)));
        }
        return new XmlGraph("directed".equals(graph.getAttribute("edgedefault")), nodes, edges, types, defaults);
    }

    static XmlGraph gexf(Path file) throws Exception {
        Document doc = parse(file);
        Element root = doc.getDocumentElement();
        if (!root.getLocalName().equals("gexf") || !GexfExport.NS.equals(root.getNamespaceURI())) {
            throw new AssertionError("not GEXF 1.2: " + root.getTagName() + " " + root.getNamespaceURI());
        }
        Element graph = elements(root, "graph").get(0);
        Map<String, String> nodeNames = new HashMap<>();
        Map<String, String> edgeNames = new HashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (Element attributes : elements(graph, "attributes")) {
            String scope = attributes.getAttribute("class");
            for (Element a : elements(attributes, "attribute")) {
                (scope.equals("node") ? nodeNames : edgeNames).put(a.getAttribute("id"), a.getAttribute("title"));
                types.put(scope + "." + a.getAttribute("title"), a.getAttribute("type"));
            }
        }
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        for (Element node : elements(elements(graph, "nodes").get(0), "node")) {
            Map<String, String> values = attvalues(node, nodeNames);
            values.put("label", node.getAttribute("label"));
            nodes.put(node.getAttribute("id"), values);
        }
        List<Edge> edges = new ArrayList<>();
        for (Element edge : elements(elements(graph, "edges").get(0), "edge")) {
            Map<String, String> values = attvalues(edge, edgeNames);
            if (edge.hasAttribute("weight")) {
                values.put("weight", edge.getAttribute("weight"));
            }
            edges.add(new Edge(edge.getAttribute("id"), edge.getAttribute("source"), edge.getAttribute("target"),
                    values));
        }
        return new XmlGraph("directed".equals(graph.getAttribute("defaultedgetype")), nodes, edges, types, Map.of());
    }

    private static Map<String, String> data(Element owner, Map<String, String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element d : elements(owner, "data")) {
            values.put(names.get(d.getAttribute("key")), d.getTextContent());
        }
        return values;
    }

    private static Map<String, String> attvalues(Element owner, Map<String, String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Element> lists = elements(owner, "attvalues");
        if (!lists.isEmpty()) {
            for (Element v : elements(lists.get(0), "attvalue")) {
                values.put(names.get(v.getAttribute("for")), v.getAttribute("value"));
            }
        }
        return values;
    }

    /** @return the element children of {@code parent} with that local name, in order */
    static List<Element> elements(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
