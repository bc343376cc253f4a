package org.convergence.engine.output.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convergence.engine.analysis.ClusterKind;
import org.convergence.engine.analysis.OverlapAnalysis.PairField;
import org.convergence.engine.analysis.Side;
import org.convergence.engine.output.AtomicFile;

/**
 * Writes a run's processes and converging pairs as a VOSviewer map file and network file, which
 * VOSviewer opens as they are ("Create a map based on network data", then both files). Formats, from
 * the VOSviewer documentation, "VOSviewer map and network files"
 * (<a href="https://app.vosviewer.com/docs/file-types/map-and-network-file-type">app.vosviewer.com/docs</a>;
 * the VOSviewer Manual 1.6.x, section "Map and network files", says the same):
 *
 * <ul>
 *   <li>{@code PREFIX-vosviewer-map.txt}: tab-separated with a header line naming each column's
 *       attribute; one line per item (here: per process of the run's graph, in id order). Columns:
 *       {@code id} (1, 2, ...: the numbers the network file links), {@code label} (the process id),
 *       {@code description} (its name, HTML-escaped), {@code cluster} (the run's process clustering,
 *       index + 1, since VOSviewer clusters are integers from 1 to 1000; left out when the run has no
 *       process clustering or more than 1000 process clusters), {@code weight<Links>} (its converging
 *       pairs), {@code weight<Total link strength>} (the sum of their shared themes),
 *       {@code weight<Themes>} and {@code score<Betweenness>} (its degree and two-mode betweenness; left
 *       out for a run without centrality). A label or description with a comma, semicolon or double
 *       quote is enclosed in double quotes, as the documentation asks (inner quotes doubled); tabs and
 *       line breaks in them become spaces.</li>
 *   <li>{@code PREFIX-vosviewer-network.txt}: no header; one line per link with three tab-separated
 *       columns: the ids of the two items and the link's strength, here the number of themes the two
 *       processes share (VOSviewer normalises such co-occurrence counts itself, by association strength
 *       unless told otherwise; the scores are in the CSV export).</li>
 * </ul>
 *
 * <p>The map holds processes only: VOSviewer lays out and clusters one kind of item linked by
 * similarity, which the pairs are; themes are the reason for the links, not items beside them. The
 * network is written as the pairs are read; only per-process sums are kept.
 */
final class VosviewerExport {

    /** VOSviewer's largest cluster number. */
    static final int MAX_CLUSTERS = 1000;

    private VosviewerExport() {
    }

    /** Writes both files; see the class comment. */
    static List<WrittenFile> write(ExportSource source, ExportFiles files) throws IOException {
        List<Member> processes = source.members().get().stream()
                .filter(m -> m.side() == Side.PROCESS).toList();
        Map<String, Integer> index = new HashMap<>();
        for (Member p : processes) {
            index.put(p.id(), index.size());
        }
        long[] links = new long[processes.size()];
        long[] strength = new long[processes.size()];
        try (AtomicFile mapFile = AtomicFile.of(files.file("vosviewer-map.txt"));
                AtomicFile networkFile = AtomicFile.of(files.file("vosviewer-network.txt"))) {
            long pairs;
            try (BufferedWriter out = networkFile.writer()) {
                List<PairField> fields = source.result().pairs().fields();
                pairs = TextPairSink.stream(source, new TextPairSink(fields) {
                    private final int shared = position(PairField.SHARED);

                    @Override
                    void pair(String a, String b, String[] text, double[] numbers) throws IOException {
                        int i = item(index, a, source);
                        int j = item(index, b, source);
                        out.write(Integer.toString(i + 1));
                        out.write('\t');
                        out.write(Integer.toString(j + 1));
                        out.write('\t');
                        out.write(text[shared]);
                        out.write('\n');
                        long s = (long) numbers[shared];
                        links[i]++;
                        links[j]++;
                        strength[i] += s;
                        strength[j] += s;
                    }
                });
            }
            List<String> notes = new ArrayList<>();
            boolean clusters = processes.stream().allMatch(p -> p.cluster(ClusterKind.PROCESS).isPresent()
                    && p.cluster(ClusterKind.PROCESS).getAsInt() < MAX_CLUSTERS);
            if (!clusters && !processes.isEmpty()) {
                notes.add("no cluster column: the run has no process clustering or more than " + MAX_CLUSTERS
                        + " process clusters");
            }
            boolean scores = !processes.isEmpty() && processes.stream().allMatch(p -> p.scores().isPresent());
            try (BufferedWriter out = mapFile.writer()) {
                List<String> header = new ArrayList<>(List.of("id", "label", "description"));
                if (clusters) {
                    header.add("cluster");
                }
                header.add("weight<Links>");
                header.add("weight<Total link strength>");
                if (scores) {
                    header.add("weight<Themes>");
                    header.add("score<Betweenness>");
                }
                line(out, header);
                for (int i = 0; i < processes.size(); i++) {
                    Member p = processes.get(i);
                    List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1), text(p.id()),
                            text(html(p.name()))));
                    if (clusters) {
                        row.add(Integer.toString(p.cluster(ClusterKind.PROCESS).getAsInt() + 1));
                    }
                    row.add(Long.toString(links[i]));
                    row.add(Long.toString(strength[i]));
                    if (scores) {
                        row.add(Long.toString(p.scores().get().degree()));
                        row.add(Double.toString(p.scores().get().betweenness()));
                    }
                    line(out, row);
                }
            }
            networkFile.commit();
            mapFile.commit();
            notes.add(0, "items = processes; labels = process ids");
            return List.of(
                    new WrittenFile(mapFile.target(), List.of(new WrittenFile.Count(processes.size(), "items")),
                            Optional.of(String.join("; ", notes))),
                    new WrittenFile(networkFile.target(), List.of(new WrittenFile.Count(pairs, "links")),
                            Optional.of("link strength = shared themes")));
        }
    }

    private static int item(Map<String, Integer> index, String process, ExportSource source) {
        Integer i = index.get(process);
        if (i == null) {
            throw new IllegalStateException("A pair of run " + source.run().run() + " names process `" + process
                    + "`, which is not among the run's members");
        }
        return i;
    }

    private static void line(BufferedWriter out, List<String> cells) throws IOException {
        out.write(String.join("\t", cells));
        out.write('\n');
    }

    /** A label or description as VOSviewer reads it: one line, quoted if it holds a comma, semicolon or quote. */
    static String text(String s) {
        String line = s.replaceAll("[\\t\\r\\n]+", " ");
        return line.matches("(?s).*[,;\"].*") ? "\"" + line.replace("\"", "\"\"") + "\"" : line;
    }

    /** Escapes what a description, which may hold HTML, must not hold as text. */
    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
