package org.convergence.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convergence.engine.analysis.BipartiteGraph;
import org.convergence.engine.analysis.Centrality;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.OverlapPairs;
import org.convergence.engine.analysis.Recommendations;
import org.convergence.engine.analysis.ShortestLinks;

/** Renders analysis results as readable text or as one JSON object. */
final class ReportOutput {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportOutput() {
    }

    // ---------------------------------------------------------------- JSON

    static ObjectNode json(AnalysisJob.Outcome outcome) {
        ConvergenceAnalysis.Report report = outcome.report();
        BipartiteGraph g = report.data().graph();
        ObjectNode root = JSON.createObjectNode();
        root.put("dataset", outcome.dataset());
        root.put("run", outcome.run());
        root.set("parameters", JSON.valueToTree(outcome.parameters()));
        ObjectNode input = root.putObject("input");
        input.put("processes", g.processCount());
        input.put("themes", g.themeCount());
        input.put("edges", g.edgeCount());
        input.put("weighted", g.weighted());
        input.put("fingerprint", report.data().fingerprint());
        ArrayNode pairs = root.putArray("pairs");
        for (OverlapAnalysis.ScoredPair sp : report.overlap().pairs()) {
            pairs.add(pair(g, sp));
        }
        root.put("hypotheses", report.overlap().family());
        report.clusters("co").ifPresent(co -> {
            root.set("clusters", clusters(co));
            root.put("modularity", co.modularity());
        });
        report.clusters("process").ifPresent(c -> {
            root.set("processClusters", clusters(c));
            root.put("processModularity", c.modularity());
        });
        report.clusters("theme").ifPresent(c -> {
            root.set("themeClusters", clusters(c));
            root.put("themeModularity", c.modularity());
        });
        if (report.centrality() != null) {
            root.put("betweennessExact", report.centrality().exact());
            root.put("betweennessSources", report.centrality().sources());
            ArrayNode bridges = root.putArray("bridges");
            for (Centrality.Score s : report.centrality().themes()) {
                ObjectNode b = bridges.addObject();
                b.put("theme", s.id());
                b.put("name", s.name());
                b.put("betweenness", s.betweenness());
                b.put("rawBetweenness", s.rawBetweenness());
                b.put("degree", s.degree());
                b.put("disconnectedProcessPairs", s.disconnectedProcessPairs());
            }
            ArrayNode processes = root.putArray("processCentrality");
            for (Centrality.Score s : report.centrality().processes()) {
                ObjectNode b = processes.addObject();
                b.put("process", s.id());
                b.put("betweenness", s.betweenness());
                b.put("degree", s.degree());
            }
        }
        root.set("recommendations", JSON.valueToTree(report.recommendations()));
        ArrayNode paths = root.putArray("links");
        for (ConvergenceAnalysis.PathResult p : report.paths()) {
            paths.add(pathJson(p));
        }
        root.set("notes", JSON.valueToTree(report.notes()));
        root.set("timingsMs", JSON.valueToTree(outcome.timingsMs()));
        return root;
    }

    static ObjectNode pair(BipartiteGraph g, OverlapAnalysis.ScoredPair sp) {
        ObjectNode o = JSON.createObjectNode();
        o.put("a", g.process(sp.scores().a()));
        o.put("b", g.process(sp.scores().b()));
        o.setAll((ObjectNode) JSON.valueToTree(sp.properties(g)));
        return o;
    }

    private static ArrayNode clusters(ConvergenceAnalysis.ClusterSet set) {
        ArrayNode out = JSON.createArrayNode();
        for (ConvergenceAnalysis.Cluster c : set.clusters()) {
            ObjectNode o = out.addObject();
            o.put("id", c.id());
            o.set("processes", JSON.valueToTree(c.processes()));
            o.set("themes", JSON.valueToTree(c.themes()));
        }
        return out;
    }

    static ObjectNode pathJson(ConvergenceAnalysis.PathResult p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("from", p.request().from());
        o.put("to", p.request().to());
        ArrayNode paths = o.putArray("paths");
        for (ShortestLinks.Link l : p.shortest()) {
            paths.add(link(l));
        }
        if (p.weighted() != null) {
            o.set("weighted", link(p.weighted()));
        }
        return o;
    }

    static ObjectNode link(ShortestLinks.Link l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("hops", l.hops());
        o.put("cost", l.cost());
        o.set("nodes", JSON.valueToTree(l.nodes()));
        o.set("steps", JSON.valueToTree(l.steps()));
        o.put("sentence", l.sentence());
        return o;
    }

    // ---------------------------------------------------------------- text

    static void text(AnalysisJob.Outcome outcome, int rows, PrintWriter out) {
        ConvergenceAnalysis.Report report = outcome.report();
        BipartiteGraph g = report.data().graph();
        out.printf(Locale.ROOT, "Analysis %s of data set `%s`: %,d processes, %,d themes, %,d edges%s%n",
                outcome.run(), outcome.dataset(), g.processCount(), g.themeCount(), g.edgeCount(),
                g.weighted() ? " (weighted)" : "");
        out.println();
        List<OverlapAnalysis.ScoredPair> pairs = report.overlap().pairs();
        Object topK = outcome.parameters().get("topK");
        String listed = topK instanceof Integer k && k > 0
                ? String.format(Locale.ROOT, "%,d pairs in the top %d of some process", pairs.size(), k)
                : String.format(Locale.ROOT, "%,d pairs share a theme", pairs.size());
        out.printf(Locale.ROOT, "Strongest convergences (%s; q = Benjamini-Hochberg over %,d pairs)%n", listed,
                report.overlap().family());
        out.printf("  %-12s %-12s %6s %8s %8s %8s %8s %10s %10s%n", "a", "b", "shared", "jaccard", "overlap", "cosine",
                "dice", "p", "q");
        for (OverlapAnalysis.ScoredPair sp : pairs.subList(0, Math.min(rows, pairs.size()))) {
            OverlapPairs.Pair p = sp.scores();
            out.printf(Locale.ROOT, "  %-12s %-12s %6d %8.4f %8.4f %8.4f %8.4f %10.3g %10.3g%n", g.process(p.a()),
                    g.process(p.b()), p.shared(), p.jaccard(), p.overlap(), p.cosine(), p.dice(), sp.pValue(),
                    sp.qValue());
        }
        if (pairs.size() > rows) {
            out.printf(Locale.ROOT, "  ... %,d more (--format json lists all)%n", pairs.size() - rows);
        }
        for (ConvergenceAnalysis.ClusterSet set : report.clusterSets()) {
            out.println();
            out.printf(Locale.ROOT, "%s (%d clusters, modularity %.4f)%n", switch (set.kind()) {
                case "co" -> "Clusters of processes and themes together";
                case "process" -> "Clusters of processes (projection weighted by similarity)";
                default -> "Clusters of themes (by co-occurrence)";
            }, set.clusters().size(), set.modularity());
            for (ConvergenceAnalysis.Cluster c : set.clusters().subList(0, Math.min(rows, set.clusters().size()))) {
                StringBuilder b = new StringBuilder();
                if (!c.processes().isEmpty()) {
                    b.append(abbreviate(String.join(", ", c.processes()), 60));
                }
                if (!c.themes().isEmpty()) {
                    b.append(b.length() > 0 ? " | " : "").append(abbreviate(String.join(", ", c.themes()), 90));
                }
                out.printf("  %3d  %s%n", c.id(), b);
            }
        }
        for (ConvergenceAnalysis.PathResult p : report.paths()) {
            out.println();
            pathText(p, out);
        }
        if (report.centrality() != null) {
            out.println();
            out.println("Bridge themes (two-mode betweenness" + (report.centrality().exact() ? ""
                    : String.format(Locale.ROOT, ", estimated from %,d of %,d sources", report.centrality().sources(),
                            report.centrality().nodes())) + "; pairs = process pairs cut off if the theme is removed)");
            for (Centrality.Score s : report.centrality().themes().subList(0,
                    Math.min(rows, report.centrality().themes().size()))) {
                out.printf(Locale.ROOT, "  %-40s %8.4f  degree %3d%s%n", abbreviate(s.name() == null ? s.id() : s.name(), 40),
                        s.betweenness(), s.degree(), s.disconnectedProcessPairs() > 0
                                ? "  bridge: " + s.disconnectedProcessPairs() + " pair(s)" : "");
            }
        }
        if (!report.recommendations().isEmpty()) {
            out.println();
            out.println("Recommendations (themes the most similar processes address, score = sum of similarities)");
            int shown = 0;
            for (Map.Entry<String, List<Recommendations.Recommendation>> e : report.recommendations().entrySet()) {
                if (shown++ >= rows) {
                    out.printf(Locale.ROOT, "  ... %,d more processes (convergence recommend PROCESS)%n",
                            report.recommendations().size() - rows);
                    break;
                }
                recommendationText(e.getKey(), e.getValue(), 3, out);
            }
        }
        for (String note : report.notes()) {
            out.println();
            out.println("Note: " + note);
        }
        out.println();
        out.println("Timings (ms): " + outcome.timingsMs());
        out.flush();
    }

    static void pathText(ConvergenceAnalysis.PathResult p, PrintWriter out) {
        out.printf("Links between %s and %s%n", p.request().from(), p.request().to());
        if (p.shortest().isEmpty()) {
            out.printf("  No link: %s and %s are in different components of the graph.%n", p.request().from(),
                    p.request().to());
            return;
        }
        int i = 1;
        for (ShortestLinks.Link l : p.shortest()) {
            out.printf("  %d. %s%n", i++, l.sentence());
            out.printf("     %s%n", String.join(" - ", l.nodes().stream().map(ShortestLinks.Node::id).toList()));
        }
        if (p.weighted() != null) {
            out.printf("  Weighted on the projection: %s%n", p.weighted().sentence());
        }
    }

    static void recommendationText(String process, List<Recommendations.Recommendation> list, int limit,
            PrintWriter out) {
        if (list.isEmpty()) {
            out.printf("  %s: nothing to recommend (no similar process addresses a theme it lacks)%n", process);
            return;
        }
        out.printf("  %s:%n", process);
        for (Recommendations.Recommendation r : list.subList(0, Math.min(limit, list.size()))) {
            out.printf(Locale.ROOT, "    %-45s %.3f  (from %s)%n", abbreviate(r.themeName() == null ? r.theme()
                    : r.themeName(), 45), r.score(), String.join(", ", r.supporters()));
        }
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
