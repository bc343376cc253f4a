package org.convergence.engine.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convergence.engine.analysis.Centrality;
import org.convergence.engine.analysis.ClusterKind;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.Recommendations;
import org.convergence.engine.analysis.ShortestLinks;
import org.convergence.engine.analysis.json.LinksJson;

/** Renders analysis results as readable text or as one JSON object. */
public final class ResultOutput {

    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultOutput() {
    }

    // ---------------------------------------------------------------- JSON

    /**
     * Breaks lines only down to {@code depth} levels and writes deeper content on one line: with depth
     * 1 for objects and 2 for arrays, a pair or a cluster is one line however many there are.
     */
    private static final class ShallowIndenter implements DefaultPrettyPrinter.Indenter {
        private final int depth;

        public ShallowIndenter(int depth) {
            this.depth = depth;
        }

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            if (level <= depth) {
                DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.writeIndentation(g, level);
            } else {
                g.writeRaw(' ');
            }
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }

    /**
     * A streaming JSON generator on {@code out}: what it writes goes out as it is written, so memory
     * does not grow with the output. The caller closes it (which does not close {@code out}).
     */
    public static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = JSON.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new ShallowIndenter(1))
                .withArrayIndenter(new ShallowIndenter(2)));
        g.setCodec(JSON);
        return g;
    }

    /** Each pair as one JSON object of the array being written: a, b, then its fields. */
    private static final class JsonPairs implements OverlapAnalysis.PairSink {
        private final JsonGenerator g;

        public JsonPairs(JsonGenerator g) {
            this.g = g;
        }

        @Override
        public void beginPair(String a, String b) {
            try {
                g.writeStartObject();
                g.writeStringField("a", a);
                g.writeStringField("b", b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void endPair() {
            try {
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void field(String name, long value) {
            try {
                g.writeNumberField(name, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void field(String name, double value) {
            try {
                g.writeNumberField(name, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void field(String name, String[] ids, int count) {
            try {
                g.writeArrayFieldStart(name);
                for (int i = 0; i < count; i++) {
                    g.writeString(ids[i]);
                }
                g.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Streams the whole outcome as one JSON object: the pairs are handed over one by one in rank order,
     * so memory stays flat however many pairs there are.
     */
    public static void json(RunOutcome outcome, Writer out) throws IOException {
        ConvergenceAnalysis.Result report = outcome.result();
        ConvergenceAnalysis.Provenance input = report.provenance();
        try (JsonGenerator gen = generator(out)) {
            gen.writeStartObject();
            gen.writeStringField("dataset", outcome.dataset());
            gen.writeStringField("run", outcome.run());
            gen.writeObjectField("parameters", outcome.parameters());
            gen.writeObjectFieldStart("input");
            gen.writeNumberField("processes", input.processes());
            gen.writeNumberField("themes", input.themes());
            gen.writeNumberField("edges", input.edges());
            gen.writeBooleanField("weighted", input.weighted());
            gen.writeStringField("fingerprint", input.inputFingerprint());
            gen.writeEndObject();
            gen.writeArrayFieldStart("pairs");
            OverlapAnalysis.Pairs pairs = report.pairs();
            pairs.strongest(pairs.count(), new JsonPairs(gen));
            gen.writeEndArray();
            gen.writeNumberField("hypotheses", pairs.hypotheses());
            var co = report.clusters(ClusterKind.CO);
            if (co.isPresent()) {
                clusters(gen, "clusters", co.get());
                gen.writeNumberField("modularity", co.get().modularity());
            }
            var process = report.clusters(ClusterKind.PROCESS);
            if (process.isPresent()) {
                clusters(gen, "processClusters", process.get());
                gen.writeNumberField("processModularity", process.get().modularity());
            }
            var theme = report.clusters(ClusterKind.THEME);
            if (theme.isPresent()) {
                clusters(gen, "themeClusters", theme.get());
                gen.writeNumberField("themeModularity", theme.get().modularity());
            }
            if (report.centrality() != null) {
                gen.writeBooleanField("betweennessExact", report.centrality().exact());
                gen.writeNumberField("betweennessSources", report.centrality().sources());
                gen.writeArrayFieldStart("bridges");
                for (Centrality.Score s : report.centrality().themes()) {
                    gen.writeStartObject();
                    gen.writeStringField("theme", s.id());
                    gen.writeStringField("name", s.name());
                    gen.writeNumberField("betweenness", s.betweenness());
                    gen.writeNumberField("rawBetweenness", s.rawBetweenness());
                    gen.writeNumberField("degree", s.degree());
                    gen.writeNumberField("disconnectedProcessPairs", s.disconnectedProcessPairs());
                    gen.writeEndObject();
                }
                gen.writeEndArray();
                gen.writeArrayFieldStart("processCentrality");
                for (Centrality.Score s : report.centrality().processes()) {
                    gen.writeStartObject();
                    gen.writeStringField("process", s.id());
                    gen.writeNumberField("betweenness", s.betweenness());
                    gen.writeNumberField("degree", s.degree());
                    gen.writeEndObject();
                }
                gen.writeEndArray();
            }
            gen.writeObjectField("recommendations", report.recommendations());
            gen.writeArrayFieldStart("links");
            for (ConvergenceAnalysis.PathResult p : report.paths()) {
                gen.writeTree(LinksJson.printed(p));
            }
            gen.writeEndArray();
            gen.writeObjectField("notes", report.notes());
            gen.writeObjectField("timingsMs", outcome.timingsMs());
            gen.writeEndObject();
            gen.writeRaw('\n');
        }
        out.flush();
    }

    private static void clusters(JsonGenerator gen, String field, ConvergenceAnalysis.ClusterSet set)
            throws IOException {
        gen.writeArrayFieldStart(field);
        for (ConvergenceAnalysis.Cluster c : set.clusters()) {
            gen.writeStartObject();
            gen.writeNumberField("id", c.id());
            gen.writeObjectField("processes", c.processes());
            gen.writeObjectField("themes", c.themes());
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    // ---------------------------------------------------------------- text

    /** Recommendations per process in the text summary of a run; {@code recommend} lists them all. */
    private static final int SUMMARY_RECOMMENDATIONS = 3;

    public static void text(RunOutcome outcome, int rows, PrintWriter out) {
        ConvergenceAnalysis.Result report = outcome.result();
        ConvergenceAnalysis.Provenance input = report.provenance();
        long relations = input.relationships();
        out.printf(Locale.ROOT, "Analysis %s of data set `%s`: %,d processes, %,d themes, %,d edges%s%n",
                outcome.run(), outcome.dataset(), input.processes(), input.themes(), input.edges(),
                input.weighted() ? " (weighted)" : "");
        // the load counts every theme and every relation; the analysis, the themes a process addresses and each
        // process-theme pair once: said, so that 26 themes and 39 relations, then 23 and 35, are no riddle
        out.printf(Locale.ROOT, "  (the themes some process addresses%s)%n", relations > input.edges()
                ? String.format(Locale.ROOT, "; %,d relations, as a pair stated under several matrix rows is one edge",
                        relations) : "");
        out.println();
        OverlapAnalysis.Pairs pairs = report.pairs();
        Object topK = outcome.parameters().get("topK");
        String listed = topK instanceof Integer k && k > 0
                ? String.format(Locale.ROOT, "%,d pairs in the top %d of some process", pairs.count(), k)
                : String.format(Locale.ROOT, "%,d pairs share a theme", pairs.count());
        out.printf(Locale.ROOT, "Strongest convergences (%s; q = Benjamini-Hochberg over %,d pairs)%n", listed,
                pairs.hypotheses());
        List<Map<String, Object>> strongest = new ArrayList<>();
        pairs.strongest(rows, new OverlapAnalysis.PairSink() {
            private Map<String, Object> row;

            @Override
            public void beginPair(String a, String b) {
                row = new java.util.HashMap<>();
                row.put("a", a);
                row.put("b", b);
            }

            @Override
            public void field(String name, long value) {
                row.put(name, value);
            }

            @Override
            public void field(String name, double value) {
                row.put(name, value);
            }

            @Override
            public void field(String name, String[] ids, int count) {
                // the shared themes are in the JSON, not in the table
            }

            @Override
            public void endPair() {
                strongest.add(row);
            }
        });
        // the id columns as wide as the longest id shown (12 to 30), so that long ids keep the columns apart
        int width = 12;
        for (Map<String, Object> p : strongest) {
            width = Math.max(width, Math.max(((String) p.get("a")).length(), ((String) p.get("b")).length()));
        }
        width = Math.min(30, width);
        String idColumn = "%-" + width + "s";
        out.printf("  " + idColumn + " " + idColumn + " %6s %8s %8s %8s %8s %10s %10s%n", "a", "b", "shared", "jaccard", "overlap",
                "cosine", "dice", "p", "q");
        for (Map<String, Object> p : strongest) {
            out.printf(Locale.ROOT, "  " + idColumn + " " + idColumn + " %6d %8.4f %8.4f %8.4f %8.4f %10.3g %10.3g%n",
                    abbreviate((String) p.get("a"), width), abbreviate((String) p.get("b"), width), p.get("shared"),
                    p.get("jaccard"), p.get("overlap"), p.get("cosine"), p.get("dice"), p.get("pValue"), p.get("qValue"));
        }
        if (pairs.count() > rows) {
            out.printf(Locale.ROOT, "  ... %,d more (--format json lists all)%n", pairs.count() - rows);
        }
        // clusters list processes by id, as everywhere, and themes by name, as the other sections do
        Map<String, String> themeNames = report.themeNames();
        for (ConvergenceAnalysis.ClusterSet set : report.clusterSets()) {
            out.println();
            out.printf(Locale.ROOT, "%s (%d cluster%s, modularity %.4f)%n", set.kind().title(), set.clusters().size(),
                    set.clusters().size() == 1 ? "" : "s",
                    set.modularity());
            for (ConvergenceAnalysis.Cluster c : set.clusters().subList(0, Math.min(rows, set.clusters().size()))) {
                StringBuilder b = new StringBuilder();
                if (!c.processes().isEmpty()) {
                    b.append(abbreviate(String.join(", ", c.processes()), 60));
                }
                if (!c.themes().isEmpty()) {
                    b.append(b.length() > 0 ? " | " : "").append(abbreviate(String.join(", ", c.themes().stream()
                            .map(id -> themeNames.getOrDefault(id, id)).toList()), 90));
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
            int longest = report.recommendations().values().stream().mapToInt(List::size).max().orElse(0);
            out.println("Recommendations (themes the most similar processes address, score = sum of similarities)"
                    + (longest > SUMMARY_RECOMMENDATIONS ? "; the first " + SUMMARY_RECOMMENDATIONS
                            + " of each, all with convergence recommend" : ""));
            int shown = 0;
            for (Map.Entry<String, List<Recommendations.Recommendation>> e : report.recommendations().entrySet()) {
                if (shown++ >= rows) {
                    out.printf(Locale.ROOT, "  ... %,d more processes (convergence recommend PROCESS)%n",
                            report.recommendations().size() - rows);
                    break;
                }
                recommendationText(e.getKey(), e.getValue(), SUMMARY_RECOMMENDATIONS, out);
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

    public static void pathText(ConvergenceAnalysis.PathResult p, PrintWriter out) {
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

    public static void recommendationText(String process, List<Recommendations.Recommendation> list, int limit,
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
