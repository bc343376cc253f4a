package org.convergence.engine.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.convergence.engine.analysis.SnapshotComparison;

/**
 * A comparison of two snapshots as text (tables a person reads) or JSON (one object; the pair changes stream
 * as an array, one pair at a time, however many there are).
 */
public final class ComparisonOutput {

    private ComparisonOutput() {
    }

    /** One pair change kept for the text tables. */
    private record Change(String a, String b, SnapshotComparison.PairStatus status, int sharedBefore, int sharedAfter,
            double jaccardBefore, double jaccardAfter, double qBefore, double qAfter) {
        double delta() {
            return jaccardAfter - jaccardBefore;
        }
    }

    /**
     * Prints the comparison as text.
     *
     * @param rows rows per table (the largest changes first)
     */
    public static void text(SnapshotComparison.Result r, int rows, PrintWriter out) {
        out.printf("Comparison of data set `%s` (earlier) with `%s` (later)%n", r.earlierDataset(), r.laterDataset());
        for (SnapshotComparison.Mapping m : r.mappings()) {
            out.printf("  %s is %s%s%n", m.earlier(), m.later(), m.note().isEmpty() ? "" : " (" + m.note() + ")");
        }
        out.printf("Processes added: %s; removed: %s%n", list(r.processesAdded()), list(r.processesRemoved()));
        out.printf("Themes new: %s; no longer addressed: %s%n", names(r, r.themesAdded()), names(r, r.themesRemoved()));
        out.println();
        out.println("Themes per process (gained / lost / kept):");
        List<SnapshotComparison.ProcessThemes> all = r.processThemes();
        // up to --rows processes, all of them in order when they fit, else those that changed most
        List<SnapshotComparison.ProcessThemes> shown = all.size() <= rows ? all : all.stream()
                .sorted(java.util.Comparator.comparingInt((SnapshotComparison.ProcessThemes p) -> -(p.gained().size()
                        + p.lost().size())).thenComparing(SnapshotComparison.ProcessThemes::process))
                .limit(rows).toList();
        for (SnapshotComparison.ProcessThemes p : shown) {
            out.printf("  %-10s +%d %s  -%d %s  =%d%n", p.process() + (p.earlier().equals(p.process()) ? ""
                    : " (" + p.earlier() + ")"), p.gained().size(), names(r, p.gained()), p.lost().size(), names(r, p.lost()),
                    p.kept().size());
        }
        if (shown.size() < all.size()) {
            out.printf(Locale.ROOT, "  … %,d more processes in both, %,d of them changed (the most changed first; --rows N"
                    + " shows more, --format json lists all)%n", all.size() - shown.size(), all.stream()
                            .filter(p -> !p.gained().isEmpty() || !p.lost().isEmpty()).count()
                            - shown.stream().filter(p -> !p.gained().isEmpty() || !p.lost().isEmpty()).count());
        }
        out.println();
        SnapshotComparison.PairCounts c = r.pairCounts();
        out.printf(Locale.ROOT, "Converging pairs: %,d appeared, %,d vanished, %,d kept; significant (q < %s): %,d became,"
                + " %,d no longer, %,d stayed%n", c.appeared(), c.vanished(), c.kept(), r.parameters().alpha(),
                c.becameSignificant(), c.lostSignificance(), c.staySignificant());
        List<Change> largest = largest(r, rows);
        if (!largest.isEmpty()) {
            out.println("  the largest changes of Jaccard first:");
            out.printf("  %-9s %-22s %-9s %-15s %s%n", "CHANGE", "PAIR", "SHARED", "JACCARD", "Q");
            for (Change ch : largest) {
                out.printf(Locale.ROOT, "  %-9s %-22s %-9s %-15s %s%n", ch.status().name().toLowerCase(Locale.ROOT),
                        ch.a() + "–" + ch.b(), ch.sharedBefore() + " → " + ch.sharedAfter(),
                        String.format(Locale.ROOT, "%.3f → %.3f", ch.jaccardBefore(), ch.jaccardAfter()),
                        q(ch.qBefore()) + " → " + q(ch.qAfter()));
            }
        }
        out.println();
        r.clusterFlows().ifPresentOrElse(f -> {
            out.printf(Locale.ROOT, "Process clusters: adjusted Rand index %.3f, normalised mutual information %.3f over"
                    + " %d processes in both; moved: %s%n", f.adjustedRand(), f.normalisedMutualInformation(),
                    f.processes(), list(f.moved()));
            // the largest flows, up to --rows, each listing its processes up to LISTED
            List<SnapshotComparison.Flow> flows = f.flows().size() <= rows ? f.flows() : f.flows().stream()
                    .sorted(java.util.Comparator.comparingInt((SnapshotComparison.Flow x) -> -x.processes().size())
                            .thenComparingInt(SnapshotComparison.Flow::before)
                            .thenComparingInt(SnapshotComparison.Flow::after)).limit(rows).toList();
            for (SnapshotComparison.Flow flow : flows) {
                out.printf("  cluster %d then → cluster %d now: %s%n", flow.before(), flow.after(),
                        list(flow.processes()));
            }
            if (flows.size() < f.flows().size()) {
                out.printf(Locale.ROOT, "  … %,d smaller flows (--rows N shows more, --format json lists all)%n",
                        f.flows().size() - flows.size());
            }
        }, () -> out.println("Process clusters: not computed in both snapshots"));
        List<SnapshotComparison.LinkChange> links = r.links();
        if (!links.isEmpty()) {
            out.println();
            out.println("Links (first shortest path):");
            for (SnapshotComparison.LinkChange l : links) {
                out.printf("  %s → %s: %s then, %s now%n", l.from(), l.to(), hops(l.hopsBefore(), names(r,
                        l.themesBefore())), hops(l.hopsAfter(), names(r, l.themesAfter())));
            }
        }
        out.println();
        out.printf("Bridge themes gained: %s; lost: %s%n", names(r, r.bridgesGained()), names(r, r.bridgesLost()));
        List<SnapshotComparison.Recommended> recs = r.recommendationsTakenUp();
        long taken = recs.stream().filter(SnapshotComparison.Recommended::takenUp).count();
        out.printf(Locale.ROOT, "Recommendations of `%s` taken up in `%s`: %d of %d%s%n", r.earlierDataset(),
                r.laterDataset(), taken, recs.size(), taken == 0 ? "" : ": " + list(recs.stream()
                        .filter(SnapshotComparison.Recommended::takenUp).map(x -> x.process() + " → " + r.themeName(x.theme()))
                        .toList()));
        out.flush();
    }

    /** Writes the comparison as one JSON object; the pair changes stream. */
    public static void json(SnapshotComparison.Result r, Writer writer) throws IOException {
        try (JsonGenerator g = ResultOutput.JSON.getFactory().createGenerator(writer)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            // the caller's writer stays open: a series writes several comparisons into one array
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("earlier", r.earlierDataset());
            g.writeStringField("later", r.laterDataset());
            g.writeNumberField("alpha", r.parameters().alpha());
            g.writeArrayFieldStart("processMap");
            for (SnapshotComparison.Mapping m : r.mappings()) {
                g.writeStartObject();
                g.writeStringField("earlier", m.earlier());
                g.writeStringField("later", m.later());
                g.writeStringField("note", m.note());
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "processesAdded", r.processesAdded());
            strings(g, "processesRemoved", r.processesRemoved());
            strings(g, "themesAdded", r.themesAdded());
            strings(g, "themesRemoved", r.themesRemoved());
            g.writeArrayFieldStart("processes");
            for (SnapshotComparison.ProcessThemes p : r.processThemes()) {
                g.writeStartObject();
                g.writeStringField("process", p.process());
                g.writeStringField("earlier", p.earlier());
                strings(g, "gained", p.gained());
                strings(g, "lost", p.lost());
                strings(g, "kept", p.kept());
                g.writeEndObject();
            }
            g.writeEndArray();
            SnapshotComparison.PairCounts c = r.pairCounts();
            g.writeObjectFieldStart("pairCounts");
            g.writeNumberField("appeared", c.appeared());
            g.writeNumberField("vanished", c.vanished());
            g.writeNumberField("kept", c.kept());
            g.writeNumberField("becameSignificant", c.becameSignificant());
            g.writeNumberField("lostSignificance", c.lostSignificance());
            g.writeNumberField("staySignificant", c.staySignificant());
            g.writeEndObject();
            g.writeArrayFieldStart("pairs");
            IOException[] failure = new IOException[1];
            r.forEachPairChange((a, b, status, sb, sa, jb, ja, qb, qa) -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    g.writeStartObject();
                    g.writeStringField("a", a);
                    g.writeStringField("b", b);
                    g.writeStringField("status", status.name().toLowerCase(Locale.ROOT));
                    g.writeNumberField("sharedBefore", sb);
                    g.writeNumberField("sharedAfter", sa);
                    g.writeNumberField("jaccardBefore", jb);
                    g.writeNumberField("jaccardAfter", ja);
                    number(g, "qBefore", qb);
                    number(g, "qAfter", qa);
                    g.writeEndObject();
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            g.writeEndArray();
            java.util.Optional<SnapshotComparison.ClusterFlows> flows = r.clusterFlows();
            if (flows.isPresent()) {
                SnapshotComparison.ClusterFlows f = flows.get();
                g.writeObjectFieldStart("clusters");
                g.writeNumberField("processes", f.processes());
                g.writeNumberField("adjustedRand", f.adjustedRand());
                g.writeNumberField("normalisedMutualInformation", f.normalisedMutualInformation());
                strings(g, "moved", f.moved());
                g.writeArrayFieldStart("flows");
                for (SnapshotComparison.Flow flow : f.flows()) {
                    g.writeStartObject();
                    g.writeNumberField("before", flow.before());
                    g.writeNumberField("after", flow.after());
                    strings(g, "processes", flow.processes());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeArrayFieldStart("links");
            for (SnapshotComparison.LinkChange l : r.links()) {
                g.writeStartObject();
                g.writeStringField("from", l.from());
                g.writeStringField("to", l.to());
                g.writeNumberField("hopsBefore", l.hopsBefore());
                g.writeNumberField("hopsAfter", l.hopsAfter());
                strings(g, "themesBefore", l.themesBefore());
                strings(g, "themesAfter", l.themesAfter());
                strings(g, "pathBefore", l.pathBefore());
                strings(g, "pathAfter", l.pathAfter());
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "bridgesGained", r.bridgesGained());
            strings(g, "bridgesLost", r.bridgesLost());
            g.writeArrayFieldStart("recommendations");
            for (SnapshotComparison.Recommended x : r.recommendationsTakenUp()) {
                g.writeStartObject();
                g.writeStringField("process", x.process());
                g.writeStringField("theme", x.theme());
                g.writeNumberField("score", x.score());
                g.writeBooleanField("takenUp", x.takenUp());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        writer.write(System.lineSeparator());
        writer.flush();
    }

    /** The {@code n} pair changes with the largest change of Jaccard, then by pair; O(pairs · log n). */
    private static List<Change> largest(SnapshotComparison.Result r, int n) {
        Comparator<Change> order = Comparator.comparingDouble((Change c) -> Math.abs(c.delta())).reversed()
                .thenComparing(Change::a).thenComparing(Change::b);
        PriorityQueue<Change> heap = new PriorityQueue<>(order.reversed());
        if (n > 0) {
            r.forEachPairChange((a, b, status, sb, sa, jb, ja, qb, qa) -> {
                Change c = new Change(a, b, status, sb, sa, jb, ja, qb, qa);
                if (heap.size() < n) {
                    heap.add(c);
                } else if (order.compare(c, heap.peek()) < 0) {
                    heap.poll();
                    heap.add(c);
                }
            });
        }
        List<Change> out = new ArrayList<>(heap);
        out.sort(order);
        return out;
    }

    private static String q(double q) {
        return Double.isNaN(q) ? "—" : String.format(Locale.ROOT, "%.3g", q);
    }

    private static String hops(int hops, String themes) {
        return hops < 0 ? "not linked" : hops + " steps via " + themes;
    }

    /** @return the themes' display names, or "none" */
    private static String names(SnapshotComparison.Result r, List<String> themes) {
        return list(themes.stream().map(r::themeName).toList());
    }

    /** Items listed in one line of text; the rest are counted (JSON lists all). */
    static final int LISTED = 20;

    private static String list(List<String> items) {
        if (items.isEmpty()) {
            return "none";
        }
        return items.size() <= LISTED ? String.join(", ", items) : String.join(", ", items.subList(0, LISTED))
                + String.format(Locale.ROOT, " and %,d more", items.size() - LISTED);
    }

    private static void strings(JsonGenerator g, String name, List<String> items) throws IOException {
        g.writeArrayFieldStart(name);
        for (String s : items) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isNaN(value)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
