package org.convergence.engine.output.html;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.engine.dataset.DatasetView;

/**
 * Renders a comparison of two snapshots ({@link SnapshotComparison.Result}) as one self-contained HTML
 * file, drawn like {@link HtmlReport} (Mustache template {@code comparison.mustache}, the report's styles,
 * Apache ECharts inlined, nothing fetched): the later matrix with each theme marked new, kept or dropped per
 * process; a slope chart of the pair scores then and now; an alluvial (Sankey) diagram of the process
 * clusters' flows with the adjusted Rand index and normalised mutual information; each requested link then
 * and now side by side; bridge themes gained and lost; the earlier recommendations the later snapshot took
 * up. Labels in English or Spanish ({@code messages_en/es.properties}, keys {@code cmp.*}); theme names in
 * that language from the taxonomy. The output is a function of the comparison, the language and the
 * generation time only.
 *
 * <p>What grows with the data is bounded: the pair changes stream through {@link
 * SnapshotComparison.Result#forEachPairChange} into a heap of the {@link #SLOPE_PAIRS} largest changes; the
 * change table of a data set that is not a matrix document shows at most {@link #CHANGE_LIMIT} processes
 * and themes, the most changed.
 */
public final class ComparisonReport {

    /** Pairs drawn in the slope chart and listed under it: the largest changes of Jaccard. */
    static final int SLOPE_PAIRS = 30;

    /** Processes and themes shown in the change table of a data set that is not a matrix document. */
    static final int CHANGE_LIMIT = 40;

    /** Recommendations listed; the share taken up counts them all. */
    static final int RECOMMENDATIONS_LISTED = 60;

    /** Status of a theme for a process, as the page marks it. */
    static final String NEW = "new";
    static final String KEPT = "kept";
    static final String DROPPED = "dropped";

    private final String lang;
    private final Map<String, String> messages;
    private final HtmlReport report;

    /**
     * One snapshot as the page names it.
     *
     * @param view its data set as stored
     * @param label how the page names it: its period, or the data set's name when it has none
     * @param run the analysis run compared
     */
    public record Side(DatasetView view, String label, String run) {
    }

    /**
     * @param lang {@code en} or {@code es}
     * @throws IllegalArgumentException for another language
     */
    public ComparisonReport(String lang) {
        this.report = new HtmlReport(lang);
        this.lang = lang;
        this.messages = HtmlReport.messages(lang);
    }

    /**
     * Writes the page.
     *
     * @param r the comparison
     * @param id the stored comparison's id, or null when it was not written to Neo4j
     * @param earlier the earlier snapshot
     * @param later the later snapshot
     * @param engineVersion the engine's version (in the page's generator tag)
     * @param generatedAt when the page is generated (shown under provenance)
     * @param out where the HTML goes; not closed
     */
    public void write(SnapshotComparison.Result r, String id, Side earlier, Side later, String engineVersion,
            String generatedAt, Writer out) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("lang", lang);
        Map<String, String> t = new HashMap<>();
        messages.forEach((k, v) -> t.put(k.replace('.', '_'), v));
        view.put("t", t);
        view.put("subtitle", report.format("cmp.subtitle", r.earlierDataset(), earlier.label(), r.laterDataset(),
                later.label()));
        view.put("engineVersion", engineVersion);
        Names names = new Names(earlier.view(), later.view(), r);
        List<SnapshotComparison.ProcessThemes> themes = r.processThemes();
        view.put("summary", summary(r, themes, names));
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("decimalMark", String.valueOf(java.text.DecimalFormatSymbols.getInstance(
                java.util.Locale.forLanguageTag(lang)).getDecimalSeparator()));
        charts.put("labels", Map.of("earlier", earlier.label(), "later", later.label(), "jaccard",
                messages.get("score.jaccard"), "processes", messages.get("cmp.processes"), "appeared",
                messages.get("cmp.status.APPEARED"), "vanished", messages.get("cmp.status.VANISHED"), "kept",
                messages.get("cmp.status.KEPT")));
        Map<String, Object> matrix = later.view().provenance().matrix() ? markedMatrix(r, themes, later.view(), names)
                : null;
        view.put("matrix", matrix);
        view.put("changes", matrix == null ? changeTable(r, themes, names) : null);
        view.put("pairs", pairs(r, charts));
        view.put("flows", flows(r, earlier, later, charts));
        view.put("links", links(r, names));
        view.put("bridges", bridges(r, names));
        view.put("recommendations", recommendations(r, names));
        view.put("provenance", provenance(r, id, earlier, later, generatedAt));
        view.put("chartData", HtmlReport.safeJson(charts));
        view.put("style", HtmlReport.resource("report.css"));
        view.put("script", HtmlReport.resource("comparison.js"));
        view.put("echarts", HtmlReport.library());
        Mustache template = new DefaultMustacheFactory("org/convergence/engine/output/html").compile(
                "comparison.mustache");
        template.execute(out, view);
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Theme names in the page's language (the later snapshot's where both name a theme), process names. */
    private final class Names {
        private final Map<String, String> themes = new HashMap<>();
        private final Map<String, String> processes = new HashMap<>();
        private final Set<String> unmapped = new HashSet<>();
        private final SnapshotComparison.Result r;

        Names(DatasetView earlier, DatasetView later, SnapshotComparison.Result r) {
            this.r = r;
            for (DatasetView v : List.of(earlier, later)) {
                v.themes().forEach(x -> {
                    themes.put(x.id(), x.name(lang));
                    if (x.unmapped()) {
                        unmapped.add(x.id());
                    }
                });
                v.processes().forEach(p -> processes.put(p.code(), p.name()));
            }
        }

        String theme(String id) {
            String n = themes.get(id);
            return n != null ? n : r.themeName(id);
        }

        /** @return its name, saying so when its label matched no taxonomy entry (it stands for itself) */
        String listed(String id) {
            return unmapped.contains(id) ? report.format("cmp.unmapped", theme(id)) : theme(id);
        }

        String process(String code) {
            String n = processes.get(code);
            return n == null || n.isBlank() ? code : n;
        }
    }

    // ------------------------------------------------------------ summary

    private List<Map<String, Object>> summary(SnapshotComparison.Result r, List<SnapshotComparison.ProcessThemes> themes,
            Names names) {
        List<Map<String, Object>> out = new ArrayList<>();
        SnapshotComparison.PairCounts c = r.pairCounts();
        int gained = themes.stream().mapToInt(p -> p.gained().size()).sum();
        int lost = themes.stream().mapToInt(p -> p.lost().size()).sum();
        int kept = themes.stream().mapToInt(p -> p.kept().size()).sum();
        out.add(entry("cmp.sum.processes", report.format("cmp.sum.processesValue", themes.size(),
                list(r.processesAdded()), list(r.processesRemoved()))));
        for (SnapshotComparison.Mapping m : r.mappings()) {
            out.add(entry("cmp.sum.mapped", m.earlier() + " → " + m.later() + (m.note().isEmpty() ? "" : " (" + m.note()
                    + ")")));
        }
        out.add(entry("cmp.sum.themes", report.format("cmp.sum.themesValue", gained, lost, kept)));
        out.add(entry("cmp.sum.newThemes", list(r.themesAdded().stream().map(names::listed).toList())));
        out.add(entry("cmp.sum.goneThemes", list(r.themesRemoved().stream().map(names::listed).toList())));
        out.add(entry("cmp.sum.pairs", report.format("cmp.sum.pairsValue", c.appeared(), c.vanished(), c.kept())));
        out.add(entry("cmp.sum.significance", report.format("cmp.sum.significanceValue", c.becameSignificant(),
                c.lostSignificance(), c.staySignificant(), report.decimal(r.parameters().alpha()))));
        r.clusterFlows().ifPresent(f -> out.add(entry("cmp.sum.clusters", report.format("cmp.sum.clustersValue",
                report.decimal(f.adjustedRand()), report.decimal(f.normalisedMutualInformation()), f.moved().size(),
                f.processes()))));
        return out;
    }

    private String list(List<String> items) {
        return items.isEmpty() ? messages.get("cmp.none") : String.join(", ", items);
    }

    private Map<String, Object> entry(String key, String value) {
        return Map.of("key", messages.get(key), "value", value);
    }

    // ------------------------------------------------------------ the later matrix, marked

    private Map<String, Object> markedMatrix(SnapshotComparison.Result r, List<SnapshotComparison.ProcessThemes> themes,
            DatasetView later, Names names) {
        Map<String, SnapshotComparison.ProcessThemes> byProcess = new HashMap<>();
        themes.forEach(p -> byProcess.put(p.process(), p));
        Map<String, Object> m = report.matrix(later, (process, theme) -> {
            SnapshotComparison.ProcessThemes p = byProcess.get(process.code());
            return p == null || p.gained().contains(theme) ? NEW : KEPT;
        });
        // one row more: the themes each process addressed then and no longer does
        List<Map<String, Object>> cells = new ArrayList<>();
        boolean any = false;
        for (DatasetView.Process p : later.processes()) {
            SnapshotComparison.ProcessThemes pt = byProcess.get(p.code());
            List<Map<String, Object>> items = new ArrayList<>();
            for (String theme : pt == null ? List.<String>of() : pt.lost()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("label", names.theme(theme));
                item.put("theme", names.theme(theme));
                item.put("themeId", theme);
                item.put("status", DROPPED);
                items.add(item);
            }
            any |= !items.isEmpty();
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("list", items.isEmpty() ? null : Map.of("items", items));
            cell.put("notes", pt == null ? List.of(messages.get("cmp.newProcess"))
                    : pt.earlier().equals(pt.process()) ? List.of()
                    : List.of(report.format("cmp.wasProcess", pt.earlier())));
            cells.add(cell);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = new ArrayList<>((List<Map<String, Object>>) m.get("rows"));
        Map<String, Object> dropped = report.row("DROPPED", cells);
        dropped.put("label", messages.get("cmp.droppedRow"));
        rows.add(dropped);
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.put("rows", rows);
        out.put("anyDropped", any);
        return out;
    }

    /**
     * For a data set that is not a matrix document: processes × themes, the most changed of each, marked
     * new (+), kept (●) or dropped (−).
     */
    private Map<String, Object> changeTable(SnapshotComparison.Result r, List<SnapshotComparison.ProcessThemes> themes,
            Names names) {
        Map<String, Integer> themeChanges = new HashMap<>();
        for (SnapshotComparison.ProcessThemes p : themes) {
            p.gained().forEach(t -> themeChanges.merge(t, 1, Integer::sum));
            p.lost().forEach(t -> themeChanges.merge(t, 1, Integer::sum));
        }
        List<SnapshotComparison.ProcessThemes> ps = themes.stream()
                .filter(p -> p.gained().size() + p.lost().size() > 0)
                .sorted(Comparator.<SnapshotComparison.ProcessThemes>comparingInt(p -> -(p.gained().size()
                        + p.lost().size())).thenComparing(SnapshotComparison.ProcessThemes::process))
                .limit(CHANGE_LIMIT).sorted(Comparator.comparing(SnapshotComparison.ProcessThemes::process)).toList();
        List<String> ts = themeChanges.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(CHANGE_LIMIT).map(Map.Entry::getKey).sorted(Comparator.comparing(names::theme)).toList();
        long changedProcesses = themes.stream().filter(p -> p.gained().size() + p.lost().size() > 0).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("themes", ts.stream().map(names::theme).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SnapshotComparison.ProcessThemes p : ps) {
            Set<String> gained = new HashSet<>(p.gained());
            Set<String> lost = new HashSet<>(p.lost());
            Set<String> kept = new HashSet<>(p.kept());
            List<Map<String, Object>> marks = new ArrayList<>();
            for (String t : ts) {
                String status = gained.contains(t) ? NEW : lost.contains(t) ? DROPPED : kept.contains(t) ? KEPT : null;
                Map<String, Object> mark = new LinkedHashMap<>();
                mark.put("status", status);
                mark.put("symbol", status == null ? "" : status.equals(NEW) ? "+" : status.equals(DROPPED) ? "−" : "●");
                mark.put("title", status == null ? null : messages.get("cmp.mark." + status));
                marks.add(mark);
            }
            rows.add(Map.of("process", p.process(), "marks", marks));
        }
        m.put("rows", rows);
        m.put("summary", ps.size() < changedProcesses || ts.size() < themeChanges.size()
                ? report.format("cmp.changesSummary", ps.size(), ts.size(), changedProcesses, themeChanges.size())
                : null);
        return rows.isEmpty() ? null : m;
    }

    // ------------------------------------------------------------ pairs: slope chart and table

    private Map<String, Object> pairs(SnapshotComparison.Result r, Map<String, Object> charts) {
        // the largest changes of Jaccard, streamed through a bounded heap (smallest change on top)
        record Change(String a, String b, SnapshotComparison.PairStatus status, int sb, int sa, double jb, double ja,
                double qb, double qa) {
            double delta() {
                return Math.abs(ja - jb);
            }
        }
        Comparator<Change> order = Comparator.comparingDouble(Change::delta).thenComparing(Change::a,
                Comparator.reverseOrder()).thenComparing(Change::b, Comparator.reverseOrder());
        PriorityQueue<Change> top = new PriorityQueue<>(order);
        r.forEachPairChange((a, b, status, sb, sa, jb, ja, qb, qa) -> {
            Change c = new Change(a, b, status, sb, sa, jb, ja, qb, qa);
            if (top.size() < SLOPE_PAIRS) {
                top.add(c);
            } else if (order.compare(c, top.peek()) > 0) {
                top.poll();
                top.add(c);
            }
        });
        List<Change> shown = new ArrayList<>(top);
        shown.sort(order.reversed());
        List<Map<String, Object>> slope = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Change c : shown) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("pair", c.a() + " – " + c.b());
            s.put("status", c.status().name());
            s.put("before", c.jb());
            s.put("after", c.ja());
            slope.add(s);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pair", c.a() + " – " + c.b());
            row.put("status", messages.get("cmp.status." + c.status().name()));
            row.put("statusKey", c.status().name().toLowerCase(java.util.Locale.ROOT));
            row.put("sharedBefore", c.sb());
            row.put("sharedAfter", c.sa());
            row.put("jaccardBefore", report.decimal(c.jb()));
            row.put("jaccardAfter", report.decimal(c.ja()));
            double d = c.ja() - c.jb();
            row.put("delta", (d > 0 ? "+" : d < 0 ? "−" : "±") + report.decimal(Math.abs(d)));
            row.put("qBefore", Double.isNaN(c.qb()) ? "–" : report.scientific(c.qb()));
            row.put("qAfter", Double.isNaN(c.qa()) ? "–" : report.scientific(c.qa()));
            rows.add(row);
        }
        charts.put("slope", slope);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        SnapshotComparison.PairCounts c = r.pairCounts();
        long all = c.appeared() + c.vanished() + c.kept();
        m.put("intro", report.format("cmp.pairsIntro", rows.size(), all));
        return m;
    }

    // ------------------------------------------------------------ cluster flows

    private Map<String, Object> flows(SnapshotComparison.Result r, Side earlier, Side later, Map<String, Object> charts) {
        if (r.clusterFlows().isEmpty()) {
            charts.put("sankey", null);
            return null;
        }
        SnapshotComparison.ClusterFlows f = r.clusterFlows().get();
        // node names carry the snapshot: the same cluster number then and now is two nodes
        TreeMap<Integer, Integer> before = new TreeMap<>();
        TreeMap<Integer, Integer> after = new TreeMap<>();
        for (SnapshotComparison.Flow x : f.flows()) {
            before.merge(x.before(), x.processes().size(), Integer::sum);
            after.merge(x.after(), x.processes().size(), Integer::sum);
        }
        List<Map<String, Object>> nodes = new ArrayList<>();
        before.forEach((c, n) -> nodes.add(Map.of("name", earlier.label() + " · C" + c, "depth", 0)));
        after.forEach((c, n) -> nodes.add(Map.of("name", later.label() + " · C" + c, "depth", 1)));
        List<Map<String, Object>> links = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> moved = new TreeSet<>(f.moved());
        for (SnapshotComparison.Flow x : f.flows()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("source", earlier.label() + " · C" + x.before());
            l.put("target", later.label() + " · C" + x.after());
            l.put("value", x.processes().size());
            l.put("processes", x.processes());
            links.add(l);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("from", "C" + x.before());
            row.put("to", "C" + x.after());
            row.put("count", x.processes().size());
            row.put("processes", String.join(", ", x.processes()));
            row.put("moved", x.processes().stream().anyMatch(moved::contains));
            rows.add(row);
        }
        charts.put("sankey", Map.of("nodes", nodes, "links", links));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("intro", report.format("cmp.flowsIntro", report.decimal(f.adjustedRand()),
                report.decimal(f.normalisedMutualInformation()), f.processes()));
        m.put("moved", f.moved().isEmpty() ? messages.get("cmp.movedNone")
                : report.format("cmp.moved", String.join(", ", f.moved())));
        return m;
    }

    // ------------------------------------------------------------ links then and now

    private List<Map<String, Object>> links(SnapshotComparison.Result r, Names names) {
        Map<String, String> toEarlier = new HashMap<>();
        r.mappings().forEach(m -> toEarlier.put(m.later(), m.earlier()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (SnapshotComparison.LinkChange l : r.links()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", l.from());
            m.put("to", l.to());
            m.put("before", side(toEarlier.getOrDefault(l.from(), l.from()), toEarlier.getOrDefault(l.to(), l.to()),
                    l.hopsBefore(), l.pathBefore(), names));
            m.put("after", side(l.from(), l.to(), l.hopsAfter(), l.pathAfter(), names));
            String change = l.hopsBefore() < 0 && l.hopsAfter() < 0 ? "cmp.link.none"
                    : l.hopsBefore() < 0 ? "cmp.link.new" : l.hopsAfter() < 0 ? "cmp.link.gone"
                    : l.hopsAfter() < l.hopsBefore() ? "cmp.link.shorter" : l.hopsAfter() > l.hopsBefore()
                    ? "cmp.link.longer" : "cmp.link.same";
            m.put("change", report.format(change, l.hopsBefore(), l.hopsAfter()));
            out.add(m);
        }
        return out;
    }

    /** One side of a link: its path drawn as a chain, processes at even positions, themes at odd ones. */
    private Map<String, Object> side(String from, String to, int hops, List<String> path, Names names) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (hops < 0) {
            m.put("none", report.format("cmp.linkNone", from, to));
            return m;
        }
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            String id = path.get(i);
            nodes.add(i % 2 == 0 ? Map.of("label", id, "process", true, "title", names.process(id))
                    : Map.of("label", names.theme(id), "process", false, "title", id));
        }
        m.put("nodes", nodes);
        m.put("chain", true);
        m.put("hops", report.format("cmp.hops", hops));
        return m;
    }

    // ------------------------------------------------------------ bridges and recommendations

    private Map<String, Object> bridges(SnapshotComparison.Result r, Names names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gained", r.bridgesGained().stream().map(names::theme).toList());
        m.put("lost", r.bridgesLost().stream().map(names::theme).toList());
        return m;
    }

    private Map<String, Object> recommendations(SnapshotComparison.Result r, Names names) {
        List<SnapshotComparison.Recommended> all = r.recommendationsTakenUp();
        long taken = all.stream().filter(SnapshotComparison.Recommended::takenUp).count();
        List<Map<String, Object>> rows = new ArrayList<>();
        // taken up first, then by process and score as listed
        all.stream().sorted(Comparator.comparing((SnapshotComparison.Recommended x) -> !x.takenUp()))
                .limit(RECOMMENDATIONS_LISTED).forEach(x -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("process", x.process());
                    row.put("theme", names.theme(x.theme()));
                    row.put("score", report.decimal(x.score()));
                    row.put("taken", x.takenUp());
                    row.put("takenText", messages.get(x.takenUp() ? "cmp.yes" : "cmp.no"));
                    rows.add(row);
                });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("hasRows", !rows.isEmpty());
        m.put("intro", all.isEmpty() ? messages.get("cmp.recommendationsNone")
                : report.format("cmp.recommendationsIntro", taken, all.size()));
        m.put("more", all.size() > rows.size() ? report.format("cmp.more", rows.size(), all.size()) : null);
        return m;
    }

    // ------------------------------------------------------------ provenance

    private List<Map<String, Object>> provenance(SnapshotComparison.Result r, String id, Side earlier, Side later,
            String generatedAt) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(entry("cmp.prov.id", id == null ? messages.get("cmp.notStored") : id));
        out.add(entry("cmp.prov.earlier", report.format("cmp.prov.snapshot", r.earlierDataset(), earlier.label(),
                earlier.run(), earlier.view().provenance().source())));
        out.add(entry("cmp.prov.later", report.format("cmp.prov.snapshot", r.laterDataset(), later.label(),
                later.run(), later.view().provenance().source())));
        out.add(entry("cmp.prov.alpha", report.decimal(r.parameters().alpha())));
        out.add(entry("cmp.prov.generated", HtmlReport.time(generatedAt)));
        return out;
    }
}
