package org.convergence.loader.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.convergence.loader.LoadException;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.NodeKind;
import org.convergence.loader.RelKind;
import org.convergence.loader.SourceText;
import org.convergence.loader.ThemeResolver;
import org.convergence.loader.taxonomy.Labels;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * Parses two-mode data in long CSV form into a {@link LoadPlan}.
 *
 * <p>The edge file has the header {@code process,theme} and optionally {@code relation},
 * {@code weight} and {@code period} (one snapshot per period: {@link #parseSnapshots}), in any order; one
 * row per process-theme pair. Rows repeating the same process, theme and relation are merged (weights added) and reported. Optional attribute files have an
 * {@code id} column (a process id, or a theme label) and any other columns, stored as properties;
 * column names must be identifiers. Themes go through the taxonomy like the seed's. Every problem
 * (missing or unknown column, empty value, bad weight, wrong field count, invalid UTF-8) is an error
 * naming the file and line.
 */
public final class TwoModeCsvParser {

    /**
     * Which columns of an edge file beyond {@code process}, {@code theme}, {@code relation} and
     * {@code weight} a load keeps, as properties of each {@code ADDRESSES} relationship (a source, a
     * year, a note: provenance that should survive). A kept column's header (in lower case) is the
     * property's name: it must be an identifier and not one the loader writes itself
     * ({@link #RESERVED}); the relationship lists the kept names in {@code keptColumns}.
     *
     * @param all whether every extra column is kept
     * @param names the columns kept when not all, in lower case
     */
    public record KeepColumns(boolean all, java.util.Set<String> names) {

        /** No extra column: an unknown one is refused, naming how to keep it. */
        public static final KeepColumns NONE = new KeepColumns(false, java.util.Set.of());
        /** Every extra column. */
        public static final KeepColumns ALL = new KeepColumns(true, java.util.Set.of());

        public KeepColumns {
            names = java.util.Set.copyOf(names);
        }

        /**
         * @param list a comma-separated list of column names, or {@code all}
         * @return the columns to keep
         */
        public static KeepColumns parse(String list) {
            if (list == null || list.isBlank()) {
                return NONE;
            }
            if (list.strip().equalsIgnoreCase("all")) {
                return ALL;
            }
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            for (String n : list.split(",")) {
                if (!n.isBlank()) {
                    names.add(n.strip().toLowerCase(Locale.ROOT));
                }
            }
            return new KeepColumns(false, names);
        }

        boolean keeps(String column) {
            return all || names.contains(column);
        }

        /** @return how the kept columns enter the load's fingerprint: another choice is another load */
        String describe() {
            return all ? "all" : String.join(",", new java.util.TreeSet<>(names));
        }
    }

    /** Property names the loader writes on an {@code ADDRESSES} relationship itself: no kept column may take one. */
    static final Set<String> RESERVED = Set.of("process", "theme", "relation", "weight", "dataset", "document",
            "rawlabels", "sourceline", "sourcelines", "sourcecell", "sourcesheet", "sourceitems", "labelmatch",
            "labelmatchscore", "labelmatchevidence", "keptcolumns", "run", "write", "row", "footnotemarker", "id");

    /** Relation kind given to edges when the file has no {@code relation} column or leaves it empty. */
    public static final String DEFAULT_RELATION = "LISTED";

    private static final Set<String> EDGE_COLUMNS = Set.of("process", "theme", "relation", "weight", "period");

    /** The column that splits a long CSV into one snapshot per period ({@link #parsePeriods}). */
    public static final String PERIOD = "period";
    /** The field separators a header line may use, in the order a tie is decided. */
    private static final String SEPARATORS = ",;\t";

    private final Taxonomy taxonomy;

    public TwoModeCsvParser(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * Parses an edge file and optional attribute files.
     *
     * @param edges the edge file
     * @param processAttributes process attribute file, or null
     * @param themeAttributes theme attribute file, or null
     * @return the validated plan
     * @throws LoadException naming file, line and problem
     */
    public LoadPlan parse(SourceText edges, SourceText processAttributes, SourceText themeAttributes) {
        return parse(edges, processAttributes, themeAttributes, KeepColumns.NONE);
    }

    /**
     * As {@link #parse(SourceText, SourceText, SourceText)}, keeping extra columns of the edge file.
     *
     * @param keep the extra columns to keep on each relationship
     * @return the validated plan
     * @throws LoadException naming file, line and problem (an extra column not kept, or one whose name
     *     cannot be a property)
     */
    public LoadPlan parse(SourceText edges, SourceText processAttributes, SourceText themeAttributes,
            KeepColumns keep) {
        Table table = Table.read(edges);
        if (table.column(PERIOD) >= 0) {
            throw new LoadException(edges.name(), 1, "the file has a `period` column: it holds one snapshot per period;"
                    + " load it as a series (load FILE --series NAME, or a job's data set with `series`), which makes one"
                    + " data set per period");
        }
        return parse(edges, table, table.rows(), null, processAttributes, themeAttributes, keep);
    }

    /**
     * Parses an edge file with a {@code period} column into one plan per period: the rows of each period, and
     * the attribute files' rows for the processes that period holds. Every row's period is checked first, so a
     * bad one anywhere is refused before any plan is made.
     *
     * @param periodProblem a period value to what is wrong with it, or null when it is a period
     * @return the plans by period, in period order (text order, which is time order for ISO dates)
     * @throws LoadException naming file, line and problem; for a file without a {@code period} column too
     */
    public java.util.SortedMap<String, LoadPlan> parsePeriods(SourceText edges, SourceText processAttributes,
            SourceText themeAttributes, KeepColumns keep, java.util.function.UnaryOperator<String> periodProblem) {
        Table table = Table.read(edges);
        if (table.column(PERIOD) < 0) {
            throw new LoadException(edges.name(), 1, "the file has no `period` column, so it holds one snapshot: give its"
                    + " period with --period (and --series), or add a `period` column to load one snapshot per period");
        }
        return parsePeriods(edges, table, processAttributes, themeAttributes, keep, periodProblem);
    }

    /**
     * What an edge file holds: one snapshot, or with a {@code period} column one per period.
     *
     * @param plan the plan of a file without a {@code period} column, else null
     * @param byPeriod the plans by period of a file with one, else null
     */
    public record Snapshots(LoadPlan plan, java.util.SortedMap<String, LoadPlan> byPeriod) {

        /** @return every plan, in period order */
        public List<LoadPlan> plans() {
            return plan != null ? List.of(plan) : List.copyOf(byPeriod.values());
        }
    }

    /**
     * {@link #parse(SourceText, SourceText, SourceText, KeepColumns)} for a file without a {@code period}
     * column, {@link #parsePeriods} for one with it, reading the file once.
     */
    public Snapshots parseSnapshots(SourceText edges, SourceText processAttributes, SourceText themeAttributes,
            KeepColumns keep, java.util.function.UnaryOperator<String> periodProblem) {
        Table table = Table.read(edges);
        if (table.column(PERIOD) < 0) {
            return new Snapshots(parse(edges, table, table.rows(), null, processAttributes, themeAttributes, keep), null);
        }
        return new Snapshots(null, parsePeriods(edges, table, processAttributes, themeAttributes, keep, periodProblem));
    }

    private java.util.SortedMap<String, LoadPlan> parsePeriods(SourceText edges, Table table,
            SourceText processAttributes, SourceText themeAttributes, KeepColumns keep,
            java.util.function.UnaryOperator<String> periodProblem) {
        int column = table.column(PERIOD);
        java.util.TreeMap<String, List<Table.Row>> byPeriod = new java.util.TreeMap<>();
        for (Table.Row row : table.rows()) {
            String period = row.required(column, PERIOD);
            String problem = periodProblem.apply(period);
            if (problem != null) {
                throw new LoadException(edges.name(), row.line(), "period `" + period + "`: " + problem);
            }
            byPeriod.computeIfAbsent(period, k -> new ArrayList<>()).add(row);
        }
        if (byPeriod.isEmpty()) {
            throw new LoadException(edges.name(), 1, "the file has a header but no rows");
        }
        java.util.TreeMap<String, LoadPlan> plans = new java.util.TreeMap<>();
        byPeriod.forEach((period, rows) -> plans.put(period, parse(edges, table, rows, period, processAttributes,
                themeAttributes, keep)));
        return plans;
    }

    /** The plan of some rows of an edge file: all of them, or one period's. */
    private LoadPlan parse(SourceText edges, Table table, List<Table.Row> rows, String period,
            SourceText processAttributes, SourceText themeAttributes, KeepColumns keep) {
        String documentId = Labels.slug(fileName(edges.name()));
        if (documentId.isEmpty()) {
            documentId = "csv";
        }
        LoadPlan.Builder plan = new LoadPlan.Builder();
        ThemeResolver themes = new ThemeResolver(taxonomy, plan, documentId);

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", fileName(edges.name()));
        doc.put("title", fileName(edges.name()));
        doc.put("source", edges.name());
        doc.put("sourceSha256", edges.sha256());
        doc.put("format", "two-mode long CSV");
        if (period != null) {
            doc.put("period", period);
        }
        plan.node(NodeKind.DOCUMENT, documentId, doc);

        table.noteReading(plan);
        List<String> kept = keptColumns(table, keep);
        int process = table.column("process");
        int theme = table.column("theme");
        int relation = table.column("relation");
        int weight = table.column("weight");
        int merged = 0;
        for (Table.Row row : rows) {
            String p = row.required(process, "process");
            String t = row.required(theme, "theme");
            String r = relation < 0 || row.value(relation).isEmpty() ? DEFAULT_RELATION : relationKind(row, relation);
            Double w = weight < 0 ? null : row.weight(weight);
            if (!plan.hasNode(NodeKind.PROCESS, p)) {
                plan.node(NodeKind.PROCESS, p, Map.of("name", p, "document", documentId, "sourceLine", row.line()));
                plan.rel(RelKind.DESCRIBED_IN, p, documentId, Map.of("as", "row", "line", row.line()));
            }
            String themeId = themes.resolve(t, row.line());
            Map<String, Object> edge = plan.rel(RelKind.ADDRESSES, p, themeId,
                    Map.of("relation", r, "document", documentId));
            // the plan keeps one relationship per process, theme and relation; its first row gave it a line
            if (edge.containsKey("sourceLine")) {
                merged++;
                if (w != null) {
                    edge.put("weight", (Double) edge.get("weight") + w);
                }
            } else {
                edge.put("sourceLine", row.line());
                if (w != null) {
                    edge.put("weight", w);
                }
            }
            @SuppressWarnings("unchecked")
            List<String> raw = (List<String>) edge.computeIfAbsent("rawLabels", k -> new ArrayList<String>());
            if (!raw.contains(t)) {
                raw.add(t);
                edge.putAll(themes.matchProvenance(t));
            }
            for (String column : kept) {
                String v = row.value(table.column(column));
                Object had = edge.get(column);
                if (!v.isEmpty() && had == null) {
                    edge.put(column, v);
                } else if (!v.isEmpty() && !List.of(((String) had).split(" \\| ")).contains(v)) {
                    edge.put(column, had + " | " + v); // rows merged into one relationship keep every value
                }
            }
            if (!kept.isEmpty()) {
                edge.put("keptColumns", kept);
            }
        }
        if (rows.isEmpty()) {
            throw new LoadException(edges.name(), 1, "the file has a header but no rows");
        }
        if (merged > 0) {
            plan.note(merged + " row(s) of " + edges.name() + " repeat a process, theme and relation of an earlier row"
                    + " (the same label, or one the taxonomy maps to the same theme): merged into the first, the labels"
                    + " kept in rawLabels" + (weight >= 0 ? ", the weights added" : ""));
        }
        if (!kept.isEmpty()) {
            plan.note("kept column(s) " + String.join(", ", kept) + " of " + edges.name() + " as properties of each"
                    + " relationship");
        }
        // one period of a file is its own source: its rows decide whether it changed, not the other periods'
        List<String> hashes = new ArrayList<>(List.of(period == null ? edges.sha256() : rowsSha256(table, rows, period)));
        if (!kept.isEmpty()) {
            hashes.add("keep:" + keep.describe());
        }
        if (processAttributes != null) {
            readAttributes(processAttributes, plan, NodeKind.PROCESS, id -> id, period != null);
            hashes.add(processAttributes.sha256());
        }
        if (themeAttributes != null) {
            readAttributes(themeAttributes, plan, NodeKind.THEME, label -> themes.resolve(label, 0), false);
            hashes.add(themeAttributes.sha256());
        }
        String sha = hashes.size() == 1 ? hashes.get(0)
                : SourceText.sha256(String.join(",", hashes).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return plan.build(new LoadPlan.Source("csv", edges.name(), sha, documentId, taxonomy.version(), taxonomy.fingerprint()));
    }

    /**
     * Checks the edge file's header: the required columns, no repeats, and every extra column kept (or
     * refused, naming how to keep it) with a name that can be a property.
     *
     * @return the kept columns, in file order
     */
    private static List<String> keptColumns(Table table, KeepColumns keep) {
        table.requireColumns(List.of("process", "theme"), null);
        List<String> kept = new ArrayList<>();
        for (String column : table.header()) {
            if (EDGE_COLUMNS.contains(column)) {
                continue;
            }
            if (!keep.keeps(column)) {
                throw new LoadException(table.file(), 1, "unknown column `" + column + "`; the columns read are"
                        + " process, theme, relation, weight, period; to keep `" + column + "` on each relationship, give"
                        + " --keep-columns " + column + " (or --keep-columns all; in a job file, keepColumns)");
            }
            if (!column.matches("[a-z_][a-z0-9_]*") || RESERVED.contains(column)) {
                throw new LoadException(table.file(), 1, "column `" + column + "` cannot be kept: a kept column's"
                        + " header becomes a property name, so it must be letters, digits and `_`, not starting"
                        + " with a digit, and none of " + String.join(", ", new java.util.TreeSet<>(RESERVED)));
            }
            kept.add(column);
        }
        for (String name : keep.names()) {
            if (!table.header().contains(name)) {
                throw new LoadException(table.file(), 1, "--keep-columns names `" + name + "`, which is not a column"
                        + " of the header `" + String.join(",", table.header()) + "`");
            }
        }
        return kept;
    }

    /** A digest of one period's rows, header included, as their fields read. */
    private static String rowsSha256(Table table, List<Table.Row> rows, String period) {
        StringBuilder text = new StringBuilder("period ").append(period).append('\n')
                .append(String.join("\u001f", table.header())).append('\n');
        for (Table.Row row : rows) {
            text.append(String.join("\u001f", row.values())).append('\n');
        }
        return SourceText.sha256(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * @param onlyPresent whether rows for processes the plan does not hold are passed over (one period's
     *     plan: a process absent from the period is not part of that snapshot)
     */
    private static void readAttributes(SourceText file, LoadPlan.Builder plan, NodeKind kind,
            java.util.function.UnaryOperator<String> idOf, boolean onlyPresent) {
        Table table = Table.read(file);
        table.noteReading(plan);
        table.requireColumns(List.of("id"), null);
        int id = table.column("id");
        for (int c = 0; c < table.header().size(); c++) {
            String name = table.header().get(c);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new LoadException(file.name(), 1, "column `" + name + "` is not a valid property name"
                        + " (letters, digits and `_`, not starting with a digit)");
            }
            if (Set.of("dataset", "unmapped").contains(name)) {
                throw new LoadException(file.name(), 1, "column `" + name + "` is reserved by the loader");
            }
        }
        for (Table.Row row : table.rows()) {
            String key = row.required(id, "id");
            String nodeId = idOf.apply(key);
            if (kind == NodeKind.PROCESS && !plan.hasNode(kind, nodeId) && onlyPresent) {
                continue;
            }
            if (kind == NodeKind.PROCESS && !plan.hasNode(kind, nodeId)) {
                plan.note("process `" + key + "` of " + file.name() + " line " + row.line()
                        + " has attributes but no themes");
            }
            Map<String, Object> props = new LinkedHashMap<>();
            for (int c = 0; c < table.header().size(); c++) {
                if (c != id && !row.value(c).isEmpty()) {
                    props.put(table.header().get(c), row.value(c));
                }
            }
            plan.node(kind, nodeId, props);
        }
    }

    private static String relationKind(Table.Row row, int column) {
        String key = Labels.key(row.value(column));
        if (key.isEmpty()) {
            throw new LoadException(row.file(), row.line(), "relation `" + row.value(column)
                    + "` has no letters or digits");
        }
        return key.replace(' ', '_').toUpperCase(Locale.ROOT);
    }

    private static String fileName(String path) {
        String name = Path.of(path).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Longest process id, theme label or relation: ids are index keys, and Neo4j's have a size limit. */
    static final int MAX_ID_LENGTH = 1_000;

    /** A number as spreadsheets and people write it: digits, an optional fraction and exponent. */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * The field separator of a CSV file: of {@code ,}, {@code ;} and tab, the one its header line holds
     * most often outside quotes (a Spanish-locale spreadsheet program saves CSV with {@code ;}); {@code ,}
     * when it holds none.
     */
    static char separatorOf(String text) {
        int[] counts = new int[SEPARATORS.length()];
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                break;
            } else if (!quoted && SEPARATORS.indexOf(ch) >= 0) {
                counts[SEPARATORS.indexOf(ch)]++;
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return SEPARATORS.charAt(best);
    }

    /** A CSV file read into header and rows, each row with its line number. */
    record Table(String file, List<String> header, List<Row> rows, String encoding, char separator) {

        /** Notes how the file was read when it is not plain comma-separated UTF-8, for the load's summary. */
        void noteReading(LoadPlan.Builder plan) {
            if (separator != ',' || !encoding.equals("UTF-8")) {
                plan.note(file + " read as " + encoding + " text with " + (separator == '\t' ? "tabs"
                        : "`" + separator + "`") + " between fields");
            }
        }

        record Row(String file, int line, String[] values) {
            /**
             * @return the cell, in Unicode NFC: what prints the same is the same value
             * @throws LoadException for control characters (NUL, escape sequences that would drive a terminal)
             *     and bidirectional overrides (which make text print in another order than it is stored)
             */
            String value(int column) {
                String v = values[column];
                for (int i = 0; i < v.length(); i++) {
                    char c = v.charAt(i);
                    if ((Character.isISOControl(c) && c != '\t') || (c >= '\u202a' && c <= '\u202e')
                            || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f' || c == '\u061c') {
                        throw new LoadException(file, line, String.format(Locale.ROOT, "column %d holds the control"
                                + " or direction character U+%04X at position %d; remove it", column + 1, (int) c, i + 1));
                    }
                }
                return java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFC);
            }

            String required(int column, String name) {
                String v = value(column);
                if (v.isEmpty()) {
                    throw new LoadException(file, line, "empty `" + name + "`");
                }
                if (v.length() > MAX_ID_LENGTH) {
                    throw new LoadException(file, line, String.format(Locale.ROOT, "`%s` is %,d characters long, but"
                            + " may have at most %,d (it becomes an indexed id in Neo4j)", name, v.length(), MAX_ID_LENGTH));
                }
                return v;
            }

            double weight(int column) {
                String v = values[column];
                double w;
                try {
                    // plain decimal notation only: Java's literal forms (1d, 2f, 0x1p3, Infinity) are no weights
                    if (!DECIMAL.matcher(v.strip()).matches()) {
                        throw new NumberFormatException(v);
                    }
                    w = Double.parseDouble(v.strip());
                } catch (NumberFormatException e) {
                    throw new LoadException(file, line, "weight `" + v + "` is not a number (expected a finite"
                            + " number > 0, e.g. 1 or 0.5)");
                }
                if (!Double.isFinite(w) || w <= 0) {
                    throw new LoadException(file, line, "weight `" + v + "` is out of range (expected a finite"
                            + " number > 0)");
                }
                return w;
            }
        }

        static Table read(SourceText source) {
            int[] lineStarts = lineStarts(source.text());
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            char separator = separatorOf(source.text());
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setTrim(true).get();
            try (CSVParser parser = CSVParser.parse(new StringReader(source.text()), format)) {
                for (CSVRecord record : parser) {
                    int line = lineOf(lineStarts, record.getCharacterPosition());
                    String[] values = record.values();
                    if (header == null) {
                        header = Arrays.stream(values).map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
                        continue;
                    }
                    if (values.length == 1 && values[0].isEmpty()) {
                        continue;
                    }
                    if (values.length != header.size()) {
                        throw new LoadException(source.name(), line, "row has " + values.length
                                + " field(s), the header has " + header.size() + " (" + String.join(",", header) + ")");
                    }
                    rows.add(new Row(source.name(), line, values));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalStateException | java.io.UncheckedIOException e) {
                throw malformed(source.name(), e);
            }
            if (header == null) {
                throw new LoadException(source.name(), 1, "the file is empty; expected a header line");
            }
            return new Table(source.name(), header, rows, source.encoding(), separator);
        }

        /**
         * The parser's complaint as a person can read it: the line it names ("(startline N)"), its own words
         * without exception class names, and what an unterminated quote means.
         */
        private static LoadException malformed(String file, RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? "unreadable" : root.getMessage();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(startline (\\d+)\\)\\s*").matcher(message);
            Integer line = null;
            if (m.find()) {
                line = Integer.parseInt(m.group(1));
                message = m.replaceFirst("");
            }
            java.util.regex.Matcher at = java.util.regex.Pattern.compile(" at line: (\\d+), position: (\\d+)").matcher(message);
            if (at.find()) {
                line = line != null ? line : Integer.parseInt(at.group(1));
                message = at.replaceFirst("") + " (character " + at.group(2) + " of the file)";
            }
            if (line == null) {
                line = 1; // the parser named no line: the file as a whole, from its first line
            }
            if (message.contains("EOF reached before encapsulated token finished")) {
                message = "a quoted field opened here is never closed (a missing \" before the end of the file)";
            }
            return new LoadException(file, line, "malformed CSV: " + message, e);
        }

        void requireColumns(List<String> required, Set<String> allowed) {
            Set<String> seen = new java.util.HashSet<>();
            for (String column : header) {
                if (!seen.add(column)) {
                    throw new LoadException(file, 1, "column `" + column + "` appears twice in the header");
                }
                if (allowed != null && !allowed.contains(column)) {
                    throw new LoadException(file, 1, "unknown column `" + column + "`; allowed columns: "
                            + "process, theme, relation, weight");
                }
            }
            for (String column : required) {
                if (!header.contains(column)) {
                    throw new LoadException(file, 1, "missing column `" + column + "` in header `"
                            + String.join(",", header) + "`; expected at least " + String.join(",", required));
                }
            }
        }

        int column(String name) {
            return header.indexOf(name);
        }

        private static int[] lineStarts(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }

        private static int lineOf(int[] starts, long position) {
            int index = Arrays.binarySearch(starts, (int) position);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }
}
