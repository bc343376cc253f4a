package org.convergence.loader.seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.loader.LoadException;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.NodeKind;
import org.convergence.loader.RelKind;
import org.convergence.loader.SourceText;
import org.convergence.loader.ThemeResolver;
import org.convergence.loader.taxonomy.Labels;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * Parses a convergence matrix document (the 2002 Antigua matrix is the built-in one) into a
 * {@link LoadPlan}: processes, their attributes, the themes of each theme row, footnotes,
 * countries, organisations, the proposed joint activities and the document as provenance.
 *
 * <h2>Format</h2>
 * A preamble (title lines, a line starting "Preparado por", the place, the dates and the table
 * heading), then a table written as text: a line that starts with a tab opens a cell, a line without
 * one continues the cell above; a blank line followed by a tab line starts a new row. The header row
 * has an empty first cell and one cell per process ("Name (CODE)"); every other row has its label and
 * one cell per process. Lines starting with asterisks are footnotes; a footnote of the form
 * "La NAME (CODE), que se inició en YEAR ..., constituye ... para PURPOSES. Los países participantes
 * son: COUNTRIES. ..." describes one more process. Rows are recognised by label (see {@link Row}); an
 * unknown label, a short row or a malformed header cell is an error naming its line.
 */
public final class SeedMatrixParser {

    /** The built-in seed on the class path (a verbatim copy of {@code shared/seed/000_d0817203a57a5ef9.txt}). */
    public static final String BUILT_IN = "/org/convergence/loader/matriz-convergencia-antigua-2002.txt";

    /** The data set name the built-in seed is loaded as. */
    public static final String SEED_DATASET = "seed";

    private static final Pattern BULLET = Pattern.compile("^[\\u00B7\\u2022\\-]\\s*(.+)$");
    private static final Pattern FOOTNOTE = Pattern.compile("^\\s*(\\*+)\\s*(\\S.*)$");
    private static final Pattern TRAILING_MARKER = Pattern.compile("^(.*?\\S)\\s*(\\*+)$");
    private static final Pattern PROCESS_HEADER = Pattern.compile("^(.+?)\\s*\\((\\p{Lu}{2,})\\)$");
    private static final Pattern START = Pattern.compile("^(.+?)\\s*,\\s*(\\d{4})$");
    private static final Pattern DATES = Pattern.compile("^(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s+de\\s+(\\p{L}+)\\s*,\\s*(\\d{4})$");
    private static final Pattern PREPARED = Pattern.compile("^Preparado por (.+?)(?: con la asistencia de (.+))?$");
    private static final Pattern FOOTNOTE_PROCESS = Pattern.compile(
            "^La (.+?) \\((\\p{Lu}{2,})\\), que se inici[oó] en (\\d{4})(.*?), constituye (.+?) para (.+?)\\."
                    + "\\s+Los pa[ií]ses participantes son:\\s*(.+?)\\.\\s*(.*)$");
    private static final Pattern PURPOSE_SPLIT = Pattern.compile(",\\s+|\\s+y\\s+(?=\\p{L}+(?:ar|er|ir)\\b)");
    private static final Pattern LIST_SPLIT = Pattern.compile(",\\s*|\\s+y\\s+");
    private static final List<String> MONTHS = List.of("enero", "febrero", "marzo", "abril", "mayo", "junio",
            "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre");

    /** The rows a matrix may have, recognised by the match key of their label. */
    enum Row {
        START("pais y ano de inicio"),
        OBJECTIVES("objetivos"),
        PARTICIPATION("participacion"),
        GEOGRAPHY("areas geograficas"),
        ACTION_PLAN("plan de accion"),
        CONVERGENCE_AREA("areas de convergencia de temas y o proyectos"),
        JOINT_ACTIVITIES("convergencia de posibles actividades");

        private final String key;

        Row(String key) {
            this.key = key;
        }

        static Row of(String label) {
            String key = Labels.key(label);
            for (Row row : values()) {
                if (row.key.equals(key)) {
                    return row;
                }
            }
            return null;
        }
    }

    private record Line(int number, String text) {
    }

    private record Cell(int line, List<Line> lines) {
        String text() {
            return String.join(" ", lines.stream().map(Line::text).toList()).replaceAll("\\s+", " ").strip();
        }
    }

    private record TableRow(int line, List<Cell> cells) {
    }

    private record Footnote(String id, int line, String marker, String text) {
    }

    private record Anchor(String marker, String themeId, String process, String relation) {
    }

    private final Taxonomy taxonomy;
    private final Organisations organisations;

    public SeedMatrixParser(Taxonomy taxonomy, Organisations organisations) {
        this.taxonomy = taxonomy;
        this.organisations = organisations;
    }

    /** @return the source text of the built-in seed */
    public static SourceText builtInSource() {
        try (InputStream in = SeedMatrixParser.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("Built-in seed " + BUILT_IN + " is missing from the class path");
            }
            return SourceText.decode("seed:matriz-convergencia-antigua-2002.txt", in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Built-in seed " + BUILT_IN + " cannot be read", e);
        }
    }

    /**
     * Parses a matrix document.
     *
     * @param source the decoded document
     * @return everything to write, validated
     * @throws LoadException naming the source, line and problem
     */
    public LoadPlan parse(SourceText source) {
        List<String> lines = source.lines();
        int tableStart = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("\t")) {
                tableStart = i;
                break;
            }
        }
        if (tableStart < 0) {
            throw new LoadException(source.name(), null, "no table found: no line starts with a tab");
        }
        String documentId = Labels.slug(baseName(source.name()));
        LoadPlan.Builder plan = new LoadPlan.Builder();
        ThemeResolver themes = new ThemeResolver(taxonomy, plan, documentId);

        List<Line> preamble = new ArrayList<>();
        for (int i = 0; i < tableStart; i++) {
            if (!lines.get(i).isBlank()) {
                preamble.add(new Line(i + 1, lines.get(i).strip()));
            }
        }
        String headingMarker = parsePreamble(source, preamble, documentId, plan);

        List<TableRow> rows = new ArrayList<>();
        List<Footnote> footnotes = new ArrayList<>();
        tokenise(source, lines, tableStart, rows, footnotes);

        TableRow header = rows.get(0);
        if (!header.cells().get(0).lines().isEmpty()) {
            throw new LoadException(source.name(), header.line(), "the first table row must be the header, with an"
                    + " empty first cell, but it starts with `" + header.cells().get(0).text() + "`");
        }
        List<String> codes = new ArrayList<>();
        for (int c = 1; c < header.cells().size(); c++) {
            Cell cell = header.cells().get(c);
            Matcher m = PROCESS_HEADER.matcher(cell.text());
            if (!m.matches()) {
                throw new LoadException(source.name(), cell.line(), "process header `" + cell.text()
                        + "` must be a name followed by its code in parentheses, e.g. `Plan Puebla – Panamá (PPP)`");
            }
            String code = m.group(2);
            codes.add(code);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", code);
            props.put("name", m.group(1));
            props.put("column", c);
            props.put("document", documentId);
            props.put("sourceLine", cell.line());
            plan.node(NodeKind.PROCESS, code, props);
            plan.rel(RelKind.DESCRIBED_IN, code, documentId, Map.of("as", "column " + c, "line", cell.line()));
        }
        if (codes.isEmpty()) {
            throw new LoadException(source.name(), header.line(), "the header row names no process");
        }

        List<Anchor> anchors = new ArrayList<>();
        for (TableRow row : rows.subList(1, rows.size())) {
            Cell labelCell = row.cells().get(0);
            Row kind = Row.of(labelCell.text());
            if (kind == null) {
                throw new LoadException(source.name(), row.line(), "unknown row `" + labelCell.text()
                        + "`; known rows: País y Año de Inicio, Objetivos, Participación, Areas Geográficas, Plan de"
                        + " Acción, Areas de convergencia de temas y/o proyectos, Convergencia de posibles actividades");
            }
            if (row.cells().size() != codes.size() + 1) {
                throw new LoadException(source.name(), row.line(), "row `" + labelCell.text() + "` has "
                        + (row.cells().size() - 1) + " cells, expected " + codes.size() + " (one per process: "
                        + String.join(", ", codes) + ")");
            }
            for (int c = 1; c < row.cells().size(); c++) {
                readCell(source, kind, labelCell.text(), codes.get(c - 1), c, row.cells().get(c), documentId, plan,
                        themes, anchors);
            }
        }
        readFootnotes(source, footnotes, headingMarker, anchors, codes, documentId, plan, themes);
        return plan.build(new LoadPlan.Source("seed-matrix", source.name(), source.sha256(), documentId,
                taxonomy.version(), taxonomy.fingerprint()));
    }

    private String parsePreamble(SourceText source, List<Line> preamble, String documentId, LoadPlan.Builder plan) {
        int prepared = -1;
        for (int i = 0; i < preamble.size(); i++) {
            if (preamble.get(i).text().startsWith("Preparado por")) {
                prepared = i;
                break;
            }
        }
        if (prepared < 1 || preamble.size() < prepared + 4) {
            throw new LoadException(source.name(), preamble.isEmpty() ? 1 : preamble.get(0).number(),
                    "the preamble must be: title line(s), `Preparado por ...`, place, dates, table heading");
        }
        String title = join(preamble.subList(0, prepared));
        Line preparedLine = preamble.get(prepared);
        Line place = preamble.get(prepared + 1);
        Line dates = preamble.get(prepared + 2);
        String heading = join(preamble.subList(prepared + 3, preamble.size()));
        String headingMarker = null;
        Matcher marker = TRAILING_MARKER.matcher(heading);
        if (marker.matches()) {
            heading = marker.group(1);
            headingMarker = marker.group(2);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("title", title);
        props.put("name", title);
        props.put("tableTitle", heading);
        props.put("preparedBy", preparedLine.text());
        props.put("place", place.text());
        String dateText = dates.text().replaceAll("\\s+", " ");
        props.put("dates", dateText);
        Matcher d = DATES.matcher(dateText);
        if (d.matches()) {
            int month = MONTHS.indexOf(Labels.key(d.group(3))) + 1;
            if (month == 0) {
                throw new LoadException(source.name(), dates.number(), "unknown month `" + d.group(3) + "`");
            }
            props.put("dateFrom", java.time.LocalDate.of(Integer.parseInt(d.group(4)), month,
                    Integer.parseInt(d.group(1))));
            props.put("dateTo", java.time.LocalDate.of(Integer.parseInt(d.group(4)), month,
                    Integer.parseInt(d.group(2))));
        } else if (!dateText.matches(".*\\b\\d{4}\\b.*")) {
            throw new LoadException(source.name(), dates.number(), "expected the meeting dates, e.g. `28-29 de Mayo,"
                    + " 2002`, but found `" + dateText + "`");
        }
        props.put("source", source.name());
        props.put("sourceSha256", source.sha256());
        plan.node(NodeKind.DOCUMENT, documentId, props);

        Matcher p = PREPARED.matcher(preparedLine.text());
        if (p.matches()) {
            linkOrganisations(p.group(1), RelKind.PREPARED_BY, documentId, preparedLine.number(), plan);
            if (p.group(2) != null) {
                linkOrganisations(p.group(2), RelKind.ASSISTED_BY, documentId, preparedLine.number(), plan);
            }
        }
        return headingMarker;
    }

    private void linkOrganisations(String text, RelKind kind, String from, int line, LoadPlan.Builder plan) {
        for (Organisations.Organisation org : organisations.mentionedIn(text)) {
            addOrganisation(org, plan);
            plan.rel(kind, from, org.id(), Map.of("line", line));
        }
    }

    private void addOrganisation(Organisations.Organisation org, LoadPlan.Builder plan) {
        if (plan.hasNode(NodeKind.ORGANISATION, org.id())) {
            return;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", org.name());
        props.put("nameEn", org.nameEn());
        props.put("acronym", org.acronym());
        props.put("note", org.note());
        plan.node(NodeKind.ORGANISATION, org.id(), props);
        if (org.partOf() != null) {
            organisations.all().stream().filter(o -> o.id().equals(org.partOf())).findFirst().ifPresent(parent -> {
                addOrganisation(parent, plan);
                plan.rel(RelKind.PART_OF, org.id(), parent.id(), Map.of("source", "organisations registry"));
            });
        }
    }

    private static void tokenise(SourceText source, List<String> lines, int start, List<TableRow> rows,
            List<Footnote> footnotes) {
        TableRow row = null;
        List<Line> cell = null;
        boolean afterBlank = true;
        for (int i = start; i < lines.size(); i++) {
            String raw = lines.get(i);
            int number = i + 1;
            if (raw.startsWith("\t")) {
                String text = raw.substring(1).strip();
                if (row == null || afterBlank) {
                    row = new TableRow(number, new ArrayList<>());
                    rows.add(row);
                }
                cell = new ArrayList<>();
                if (!text.isEmpty()) {
                    cell.add(new Line(number, text));
                }
                row.cells().add(new Cell(number, cell));
                afterBlank = false;
            } else if (raw.isBlank()) {
                afterBlank = true;
            } else {
                Matcher f = FOOTNOTE.matcher(raw);
                if (f.matches()) {
                    footnotes.add(new Footnote("fn-" + (footnotes.size() + 1), number, f.group(1),
                            f.group(2).strip().replaceAll("\\s+", " ")));
                    row = null;
                    cell = null;
                } else if (cell == null) {
                    throw new LoadException(source.name(), number, "text outside any table cell: `" + raw.strip()
                            + "` (a cell starts with a tab)");
                } else {
                    cell.add(new Line(number, raw.strip()));
                }
                afterBlank = false;
            }
        }
        if (rows.isEmpty()) {
            throw new LoadException(source.name(), start + 1, "the table has no rows");
        }
    }

    private void readCell(SourceText source, Row kind, String rowLabel, String code, int column, Cell cell,
            String documentId, LoadPlan.Builder plan, ThemeResolver themes, List<Anchor> anchors) {
        Map<String, Object> props = new LinkedHashMap<>();
        switch (kind) {
            case START -> {
                Matcher m = START.matcher(cell.text());
                if (!m.matches()) {
                    throw new LoadException(source.name(), cell.line(), "`" + rowLabel + "` of " + code
                            + " must be `Country, YEAR`, found `" + cell.text() + "`");
                }
                String country = m.group(1).strip();
                int year = Integer.parseInt(m.group(2));
                props.put("startCountry", country);
                props.put("startYear", year);
                addCountry(country, plan);
                plan.rel(RelKind.STARTED_IN, code, Labels.slug(country), Map.of("year", year, "line", cell.line(),
                        "document", documentId));
            }
            case OBJECTIVES -> props.put("objectives", cell.text());
            case PARTICIPATION -> props.put("participation", cell.text());
            case GEOGRAPHY -> props.put("geographicArea", cell.text());
            case ACTION_PLAN, CONVERGENCE_AREA -> {
                List<String> notes = new ArrayList<>();
                for (Line line : cell.lines()) {
                    Matcher bullet = BULLET.matcher(line.text());
                    if (!bullet.matches()) {
                        notes.add(line.text());
                        continue;
                    }
                    String item = bullet.group(1).strip();
                    String marker = null;
                    Matcher tm = TRAILING_MARKER.matcher(item);
                    String label = item;
                    if (tm.matches()) {
                        label = tm.group(1);
                        marker = tm.group(2);
                    }
                    String themeId = themes.resolve(label, line.number());
                    addThemeEdge(plan, code, themeId, kind.name(), rowLabel, item, line.number(), documentId, marker);
                    if (marker != null) {
                        anchors.add(new Anchor(marker, themeId, code, kind.name()));
                    }
                }
                if (!notes.isEmpty()) {
                    props.put(kind == Row.ACTION_PLAN ? "actionPlanNote" : "convergenceAreaNote",
                            String.join(" ", notes));
                }
            }
            case JOINT_ACTIVITIES -> {
                String id = "activity-" + column;
                Map<String, Object> activity = new LinkedHashMap<>();
                activity.put("name", cell.text());
                activity.put("column", column);
                activity.put("row", rowLabel);
                activity.put("document", documentId);
                activity.put("sourceLine", cell.line());
                plan.node(NodeKind.JOINT_ACTIVITY, id, activity);
                plan.rel(RelKind.PROPOSED_IN, id, documentId, Map.of("line", cell.line()));
                plan.rel(RelKind.LISTED_UNDER, id, code, Map.of("column", column));
                for (Organisations.Organisation org : organisations.mentionedIn(cell.text())) {
                    addOrganisation(org, plan);
                    plan.rel(RelKind.ACTIVITY_MENTIONS, id, org.id(), Map.of("line", cell.line()));
                }
                for (Taxonomy.Theme theme : taxonomy.themes()) {
                    boolean concerned = theme.aliases().stream().anyMatch(a -> Labels.mentions(cell.text(), a));
                    if (concerned) {
                        plan.rel(RelKind.CONCERNS, id, themes.canonical(theme.id()),
                                Map.of("basis", "taxonomy alias in the activity's name"));
                    }
                }
            }
            default -> throw new IllegalStateException("Unhandled row " + kind);
        }
        plan.node(NodeKind.PROCESS, code, props);
    }

    private static void addThemeEdge(LoadPlan.Builder plan, String process, String themeId, String relation,
            String rowLabel, String rawLabel, int line, String documentId, String marker) {
        Map<String, Object> edge = plan.rel(RelKind.ADDRESSES, process, themeId,
                Map.of("relation", relation, "row", rowLabel, "document", documentId));
        @SuppressWarnings("unchecked")
        List<String> raw = (List<String>) edge.computeIfAbsent("rawLabels", k -> new ArrayList<String>());
        raw.add(rawLabel);
        @SuppressWarnings("unchecked")
        List<Integer> lines = (List<Integer>) edge.computeIfAbsent("sourceLines", k -> new ArrayList<Integer>());
        lines.add(line);
        if (marker != null) {
            edge.put("footnoteMarker", marker);
        }
    }

    private static void addCountry(String name, LoadPlan.Builder plan) {
        plan.node(NodeKind.COUNTRY, Labels.slug(name), Map.of("name", name));
    }

    private void readFootnotes(SourceText source, List<Footnote> footnotes, String headingMarker,
            List<Anchor> anchors, List<String> codes, String documentId, LoadPlan.Builder plan,
            ThemeResolver themes) {
        List<String> pending = new ArrayList<>();
        if (headingMarker != null) {
            pending.add(headingMarker);
        }
        List<Anchor> openAnchors = new ArrayList<>(anchors);
        List<String> allCodes = new ArrayList<>(codes);
        for (Footnote fn : footnotes) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("marker", fn.marker());
            props.put("text", fn.text());
            props.put("name", fn.marker() + " " + abbreviate(fn.text(), 40));
            props.put("document", documentId);
            props.put("sourceLine", fn.line());
            plan.node(NodeKind.FOOTNOTE, fn.id(), props);
            Map<String, Object> of = new LinkedHashMap<>();
            of.put("line", fn.line());
            if (pending.remove(fn.marker())) {
                of.put("anchor", "table heading");
            }
            plan.rel(RelKind.FOOTNOTE_OF, fn.id(), documentId, of);
            for (Anchor anchor : List.copyOf(openAnchors)) {
                if (anchor.marker().equals(fn.marker())) {
                    plan.rel(RelKind.ANNOTATES_THEME, fn.id(), anchor.themeId(),
                            Map.of("process", anchor.process(), "relation", anchor.relation()));
                    openAnchors.remove(anchor);
                }
            }
            Matcher m = FOOTNOTE_PROCESS.matcher(fn.text());
            if (m.matches()) {
                String code = m.group(2);
                readFootnoteProcess(m, fn, documentId, plan, themes);
                allCodes.add(code);
            }
            for (String code : allCodes) {
                if (Labels.mentions(fn.text(), code)) {
                    plan.rel(RelKind.ANNOTATES_PROCESS, fn.id(), code, Map.of("line", fn.line()));
                }
            }
            for (Organisations.Organisation org : organisations.mentionedIn(fn.text())) {
                addOrganisation(org, plan);
                plan.rel(RelKind.FOOTNOTE_MENTIONS, fn.id(), org.id(), Map.of("line", fn.line()));
            }
        }
        for (Footnote fn : footnotes) {
            // A process described in a footnote gets the later footnotes about its action plan.
            for (String code : allCodes.subList(codes.size(), allCodes.size())) {
                if (Labels.mentions(fn.text(), code) && Labels.key(fn.text()).contains("plan de accion")
                        && !FOOTNOTE_PROCESS.matcher(fn.text()).matches()) {
                    plan.node(NodeKind.PROCESS, code, Map.of("actionPlanStatus", fn.text()));
                }
            }
        }
        if (!openAnchors.isEmpty()) {
            Anchor a = openAnchors.get(0);
            throw new LoadException(source.name(), null, "footnote marker `" + a.marker() + "` on theme `"
                    + a.themeId() + "` of " + a.process() + " has no footnote text");
        }
    }

    private void readFootnoteProcess(Matcher m, Footnote fn, String documentId, LoadPlan.Builder plan,
            ThemeResolver themes) {
        String code = m.group(2);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("code", code);
        props.put("name", m.group(1));
        props.put("startYear", Integer.parseInt(m.group(3)));
        String meeting = m.group(4).replaceFirst("^\\s*y\\s+", "").strip();
        if (!meeting.isEmpty()) {
            props.put("meetings", meeting);
        }
        props.put("objectives", m.group(5) + " para " + m.group(6));
        props.put("participation", "Países participantes: " + m.group(7));
        props.put("describedIn", "footnote " + fn.marker());
        props.put("document", documentId);
        props.put("sourceLine", fn.line());
        if (!m.group(8).isBlank()) {
            props.put("note", m.group(8).strip());
        }
        plan.node(NodeKind.PROCESS, code, props);
        plan.rel(RelKind.DESCRIBED_IN, code, documentId, Map.of("as", "footnote " + fn.marker(), "line", fn.line()));
        for (String purpose : PURPOSE_SPLIT.split(m.group(6))) {
            String label = purpose.strip();
            String themeId = themes.resolve(label, fn.line());
            addThemeEdge(plan, code, themeId, "STATED_PURPOSE", "footnote " + fn.marker(), label, fn.line(),
                    documentId, null);
        }
        for (String country : LIST_SPLIT.split(m.group(7))) {
            String name = country.strip();
            if (!name.isEmpty()) {
                addCountry(name, plan);
                plan.rel(RelKind.PARTICIPATES_IN, Labels.slug(name), code, Map.of("line", fn.line(),
                        "document", documentId));
            }
        }
    }

    private static String join(List<Line> lines) {
        return String.join(" ", lines.stream().map(Line::text).toList()).replaceAll("\\s+", " ").strip();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }

    private static String baseName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
        int dot = base.lastIndexOf('.');
        return (dot > 0 ? base.substring(0, dot) : base).toLowerCase(Locale.ROOT);
    }
}
