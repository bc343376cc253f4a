package org.convergence.engine.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.loader.LoadException;

/**
 * A process map file: which process of an earlier snapshot became which process of a later one, one per
 * line as {@code EARLIER,LATER[,note]} (e.g. {@code PPP,PM,succeeded by Proyecto Mesoamérica in 2008}).
 * Blank lines and lines starting with {@code #} are skipped; a note may hold commas.
 *
 * @param file the file, for messages
 * @param mappings the mappings with the line each was read from
 */
public record ProcessMap(String file, List<Line> mappings) {

    /** One mapping and the line it was read from. */
    public record Line(int line, SnapshotComparison.Mapping mapping) {
    }

    /** @return no mapping */
    public static ProcessMap none() {
        return new ProcessMap(null, List.of());
    }

    /**
     * Reads and checks a process map; each problem names the file and line.
     *
     * @throws LoadException naming the file, the line and the problem
     */
    public static ProcessMap read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LoadException(file.toString(), null, "file not found");
        } catch (IOException e) {
            throw new LoadException(file.toString(), null, "cannot be read: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /** Parses the text of a process map; see {@link #read}. */
    public static ProcessMap parse(String source, String text) {
        List<Line> out = new ArrayList<>();
        Map<String, Integer> earlier = new HashMap<>();
        Map<String, Integer> later = new HashMap<>();
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\\R", -1) : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", 3);
            if (cells.length < 2) {
                throw new LoadException(source, n, "`" + line + "` is not EARLIER,LATER[,note]: a comma is missing");
            }
            String from = cells[0].strip();
            String to = cells[1].strip();
            if (from.isEmpty() || to.isEmpty()) {
                throw new LoadException(source, n, "`" + line + "` names an empty process; each line is"
                        + " EARLIER,LATER[,note]");
            }
            if (from.equals(to)) {
                throw new LoadException(source, n, "`" + from + "` is mapped to itself; processes of the same id match"
                        + " without a line");
            }
            Integer before = earlier.put(from, n);
            if (before != null) {
                throw new LoadException(source, n, "`" + from + "` is mapped twice (also on line " + before + ")");
            }
            Integer taken = later.put(to, n);
            if (taken != null) {
                throw new LoadException(source, n, "`" + to + "` is the later process of two lines (also line " + taken
                        + ")");
            }
            out.add(new Line(n, new SnapshotComparison.Mapping(from, to, cells.length > 2 ? cells[2].strip() : "")));
        }
        return new ProcessMap(source, List.copyOf(out));
    }

    /** @return the mappings alone */
    public List<SnapshotComparison.Mapping> list() {
        return mappings.stream().map(Line::mapping).toList();
    }

    /**
     * Checks the map against the processes of the two snapshots.
     *
     * @throws LoadException naming the file, the line and the process a snapshot does not hold
     */
    public void check(String earlierDataset, Set<String> earlierProcesses, String laterDataset,
            Set<String> laterProcesses) {
        for (Line l : mappings) {
            if (!earlierProcesses.contains(l.mapping().earlier())) {
                throw new LoadException(file, l.line(), "process `" + l.mapping().earlier() + "` is not in data set `"
                        + earlierDataset + "`");
            }
            if (!laterProcesses.contains(l.mapping().later())) {
                throw new LoadException(file, l.line(), "process `" + l.mapping().later() + "` is not in data set `"
                        + laterDataset + "`");
            }
        }
    }

    /** @return the map the other way round, for comparing the later snapshot with the earlier one */
    public ProcessMap inverse() {
        return new ProcessMap(file, mappings.stream().map(l -> new Line(l.line(), new SnapshotComparison.Mapping(
                l.mapping().later(), l.mapping().earlier(), l.mapping().note()))).toList());
    }
}
