package org.convergence.engine.analysis.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.ShortestLinks;
import org.convergence.engine.analysis.Side;

/**
 * The one JSON form of the requested links ({@link ConvergenceAnalysis.PathResult}): how {@code analyze},
 * {@code run} and {@code path} print them and how a run stores them in Neo4j ({@code AnalysisRun.links}),
 * written and read here only. A link result is
 * <pre>{"from": "CSM", "to": "PPP", "k": 3, "paths": [LINK...], "weighted": LINK}</pre>
 * ({@code weighted} left out when there is none; printed results leave out {@code k}, as they always have),
 * and a link {@code {"hops", "cost", "nodes": [{"kind", "id", "name"}], "steps": [{"from", "fromRelations",
 * "theme", "themeName", "to", "toRelations"}], "sentence"}}, {@code kind} being a {@link Side}'s key.
 * Runs stored before this form ({@code request}, {@code shortest}) are read too.
 */
public final class LinksJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LinksJson() {
    }

    /** @return one link result as printed: from, to, paths and weighted */
    public static ObjectNode printed(ConvergenceAnalysis.PathResult result) {
        ObjectNode o = JSON.createObjectNode();
        o.put("from", result.request().from());
        o.put("to", result.request().to());
        body(result, o);
        return o;
    }

    /** @return the links of a run as stored: each result with its k, as one JSON array */
    public static String stored(List<ConvergenceAnalysis.PathResult> results) {
        ArrayNode all = JSON.createArrayNode();
        for (ConvergenceAnalysis.PathResult result : results) {
            ObjectNode o = all.addObject();
            o.put("from", result.request().from());
            o.put("to", result.request().to());
            o.put("k", result.request().k());
            body(result, o);
        }
        try {
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Links of the run cannot be written as JSON", e);
        }
    }

    private static void body(ConvergenceAnalysis.PathResult result, ObjectNode o) {
        ArrayNode paths = o.putArray("paths");
        for (ShortestLinks.Link link : result.shortest()) {
            paths.add(link(link));
        }
        if (result.weighted() != null) {
            o.set("weighted", link(result.weighted()));
        }
    }

    /** @return one link */
    public static ObjectNode link(ShortestLinks.Link link) {
        ObjectNode o = JSON.createObjectNode();
        o.put("hops", link.hops());
        o.put("cost", link.cost());
        ArrayNode nodes = o.putArray("nodes");
        for (ShortestLinks.Node n : link.nodes()) {
            ObjectNode node = nodes.addObject();
            node.put("kind", n.side().key());
            node.put("id", n.id());
            node.put("name", n.name());
        }
        ArrayNode steps = o.putArray("steps");
        for (ShortestLinks.Step s : link.steps()) {
            ObjectNode step = steps.addObject();
            step.put("from", s.from());
            strings(step.putArray("fromRelations"), s.fromRelations());
            step.put("theme", s.theme());
            step.put("themeName", s.themeName());
            step.put("to", s.to());
            strings(step.putArray("toRelations"), s.toRelations());
        }
        o.put("sentence", link.sentence());
        return o;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /**
     * @param json a run's stored links, or null for none
     * @return the link results
     * @throws IllegalStateException if they are not such JSON
     */
    public static List<ConvergenceAnalysis.PathResult> readStored(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode all;
        try {
            all = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The links stored with the run are not valid JSON: " + e.getMessage(), e);
        }
        List<ConvergenceAnalysis.PathResult> results = new ArrayList<>();
        for (JsonNode r : all) {
            // stored before this form: {"request": {from, to, k}, "shortest": [...], "weighted": ...}
            JsonNode request = r.has("request") ? r.get("request") : r;
            JsonNode paths = r.has("paths") ? r.get("paths") : r.path("shortest");
            List<ShortestLinks.Link> shortest = new ArrayList<>();
            for (JsonNode link : paths) {
                shortest.add(readLink(link));
            }
            JsonNode weighted = r.path("weighted");
            results.add(new ConvergenceAnalysis.PathResult(new ConvergenceAnalysis.PathRequest(
                    request.path("from").asText(), request.path("to").asText(),
                    request.path("k").asInt(Math.max(1, shortest.size()))), shortest,
                    weighted.isObject() ? readLink(weighted) : null));
        }
        return results;
    }

    private static ShortestLinks.Link readLink(JsonNode link) {
        List<ShortestLinks.Node> nodes = new ArrayList<>();
        for (JsonNode n : link.path("nodes")) {
            nodes.add(new ShortestLinks.Node(Side.of(n.path("kind").asText()), n.path("id").asText(),
                    n.path("name").asText(null)));
        }
        List<ShortestLinks.Step> steps = new ArrayList<>();
        for (JsonNode s : link.path("steps")) {
            steps.add(new ShortestLinks.Step(s.path("from").asText(), texts(s.path("fromRelations")),
                    s.path("theme").asText(), s.path("themeName").asText(null), s.path("to").asText(),
                    texts(s.path("toRelations"))));
        }
        int hops = link.path("hops").asInt();
        return new ShortestLinks.Link(hops, List.copyOf(nodes), List.copyOf(steps), link.path("cost").asDouble(hops),
                link.path("sentence").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
