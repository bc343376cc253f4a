package org.convergence.loader.matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.loader.LoadException;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.Location;
import org.convergence.loader.NodeKind;
import org.convergence.loader.RelKind;
import org.convergence.loader.ThemeResolver;
import org.convergence.loader.taxonomy.Labels;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * Turns a {@link MatrixDocument}, in whatever format it was written, into a {@link LoadPlan}:
 * processes and their attributes, the themes of each theme row, footnotes, countries, organisations,
 * the proposed joint activities, and the document as provenance.
 *
 * <p>The preamble is: title line(s), a line starting {@code Preparado por}, the place, the dates
 * ({@code 28-29 de Mayo, 2002}) and the table heading. Each header cell is {@code Name (CODE)}; every
 * other row has a label naming a {@link RowKind} and one cell per process; a start cell is
 * {@code Country, YEAR}, or empty when the matrix does not say. A footnote of the form
 * "La NAME (CODE), que se inició en YEAR ..., constituye ... para PURPOSES. Los países participantes
 * son: COUNTRIES. ..." describes one more process. Every problem is a {@link LoadException} naming the
 * file and the location (line, or sheet and cell) of the piece at fault. Provenance properties follow
 * the location's kind ({@link Location}): {@code sourceLine} for text lines, {@code sourceSheet} and
 * {@code sourceCell} for workbook cells, and so on. Linear in the size of the document (times the
 * taxonomy's size for joint activities).
 */
public final class MatrixParser {

    private static final Pattern START = Pattern.compile("^(.+?)\\s*,\\s*(\\d{4})$");
    private static final Pattern DATES = Pattern.compile("^(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s+de\\s+(\\p{L}+)\\s*,\\s*(\\d{4})$");
    private static final Pattern TRAILING_MARKER = Pattern.compile("^(.*?\\S)\\s*(\\*+)$");
    private static final Pattern PREPARED = Pattern.compile("^Preparado por (.+?)(?: con la asistencia de (.+))?$");
    private static final Pattern FOOTNOTE_PROCESS = Pattern.compile(
            "^La (.+?) \\((\\p{Lu}{2,})\\), que se inici[oó] en (\\d{4})(.*?), constituye (.+?) para (.+?)\\."
                    + "\\s+Los pa[ií]ses participantes son:\\s*(.+?)\\.\\s*(.*)$");
    private static final Pattern PURPOSE_SPLIT = Pattern.compile(",\\s+|\\s+y\\s+(?=\\p{L}+(?:ar|er|ir)\\b)");
    private static final Pattern LIST_SPLIT = Pattern.compile(",\\s*|\\s+y\\s+");
    private static final List<String> MONTHS = List.of("enero", "febrero", "marzo", "abril", "mayo", "junio",
            "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre");

    private record Anchor(String marker, String themeId, String process, String relation, Location location,
            String rawLabel) {
    }

    private final Taxonomy taxonomy;
    private final Organisations organisations;

    public MatrixParser(Taxonomy taxonomy, Organisations organisations) {
        this.taxonomy = taxonomy;
        this.organisations = organisations;
    }

    /**
     * @param document a matrix document as laid out in its file
     * @return everything to write, validated
     * @throws LoadException naming the file, the location and the problem
     */
    public LoadPlan parse(MatrixDocument document) {
        String name = document.origin().name();
        String documentId = Labels.slug(baseName(name));
        LoadPlan.Builder plan = new LoadPlan.Builder();
        ThemeResolver themes = new ThemeResolver(taxonomy, plan, documentId);
        String headingMarker = parsePreamble(document, documentId, plan);

        MatrixDocument.Row header = document.header();
        if (!header.label().isEmpty()) {
            throw LoadException.at(name, header.location(), "the first table row must be the header, with an"
                    + " empty first cell, but it starts with `" + header.labelText() + "`");
        }
        List<String> codes = new ArrayList<>();
        for (MatrixDocument.ProcessColumn column : document.processColumns()) {
            String code = column.code();
            Location at = column.cell().location();
            codes.add(code);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", code);
            props.put("name", column.name());
            props.put("column", column.column());
            props.put("document", documentId);
            props.putAll(at.nodeProvenance());
            plan.node(NodeKind.PROCESS, code, props);
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("as", "column " + column.column());
            described.putAll(at.relProvenance());
            plan.rel(RelKind.DESCRIBED_IN, code, documentId, described);
        }
        if (codes.isEmpty()) {
            throw LoadException.at(name, header.location(), "the header row names no process");
        }

        List<Anchor> anchors = new ArrayList<>();
        for (MatrixDocument.Row row : document.rows()) {
            RowKind kind = row.kind().orElseThrow(() -> LoadException.at(name, row.location(), "unknown row `"
                    + row.labelText() + "`; known rows: " + RowKind.known()));
            if (row.cells().size() != codes.size()) {
                Location at = row.cells().size() > codes.size() ? row.cells().get(codes.size()).location()
                        : row.location();
                throw LoadException.at(name, at, "row `" + row.labelText() + "` has " + row.cells().size()
                        + " cells, expected " + codes.size() + " (one per process: " + String.join(", ", codes) + ")");
            }
            for (int c = 0; c < codes.size(); c++) {
                readCell(name, kind, row.labelText(), codes.get(c), c + 1, row.cells().get(c), documentId, plan,
                        themes, anchors);
            }
        }
        readFootnotes(document, headingMarker, anchors, codes, documentId, plan, themes);
        MatrixDocument.Origin origin = document.origin();
        if (origin.reading() != null) {
            plan.note(name + " read as " + origin.reading());
        }
        return plan.build(new LoadPlan.Source(origin.format().kind(), name, origin.sha256(), documentId,
                taxonomy.version(), taxonomy.fingerprint()));
    }

    private String parsePreamble(MatrixDocument document, String documentId, LoadPlan.Builder plan) {
        String name = document.origin().name();
        List<MatrixDocument.Line> preamble = document.preamble();
        int prepared = -1;
        for (int i = 0; i < preamble.size(); i++) {
            if (preamble.get(i).text().startsWith("Preparado por")) {
                prepared = i;
                break;
            }
        }
        if (prepared < 1 || preamble.size() < prepared + 4) {
            throw LoadException.at(name, preamble.isEmpty() ? document.header().location()
                    : preamble.get(0).location(),
                    "the preamble must be: title line(s), `Preparado por ...`, place, dates, table heading");
        }
        String title = join(preamble.subList(0, prepared));
        MatrixDocument.Line preparedLine = preamble.get(prepared);
        MatrixDocument.Line place = preamble.get(prepared + 1);
        MatrixDocument.Line dates = preamble.get(prepared + 2);
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
                throw LoadException.at(name, dates.location(), "unknown month `" + d.group(3) + "`");
            }
            try {
                props.put("dateFrom", java.time.LocalDate.of(Integer.parseInt(d.group(4)), month,
                        Integer.parseInt(d.group(1))));
                props.put("dateTo", java.time.LocalDate.of(Integer.parseInt(d.group(4)), month,
                        Integer.parseInt(d.group(2))));
            } catch (java.time.DateTimeException e) {
                throw LoadException.at(name, dates.location(), "no such date in `" + dateText + "`: " + e.getMessage());
            }
        } else if (!dateText.matches(".*\\b\\d{4}\\b.*")) {
            throw LoadException.at(name, dates.location(), "expected the meeting dates, e.g. `28-29 de Mayo,"
                    + " 2002`, but found `" + dateText + "`");
        }
        props.put("source", name);
        props.put("sourceSha256", document.origin().sha256());
        plan.node(NodeKind.DOCUMENT, documentId, props);

        Matcher p = PREPARED.matcher(preparedLine.text());
        if (p.matches()) {
            linkOrganisations(p.group(1), RelKind.PREPARED_BY, documentId, preparedLine.location(), plan);
            if (p.group(2) != null) {
                linkOrganisations(p.group(2), RelKind.ASSISTED_BY, documentId, preparedLine.location(), plan);
            }
        }
        return headingMarker;
    }

    private void linkOrganisations(String text, RelKind kind, String from, Location at, LoadPlan.Builder plan) {
        for (Organisations.Organisation org : organisations.mentionedIn(text)) {
            addOrganisation(org, plan);
            plan.rel(kind, from, org.id(), at.relProvenance());
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

    private void readCell(String name, RowKind kind, String rowLabel, String code, int column,
            MatrixDocument.Cell cell, String documentId, LoadPlan.Builder plan, ThemeResolver themes,
            List<Anchor> anchors) {
        Map<String, Object> props = new LinkedHashMap<>();
        Location at = cell.location();
        switch (kind) {
            case START -> {
                if (cell.isEmpty()) {
                    break; // a process whose start the matrix does not give
                }
                Matcher m = START.matcher(cell.text());
                if (!m.matches()) {
                    throw LoadException.at(name, at, "`" + rowLabel + "` of " + code
                            + " must be `Country, YEAR`, found `" + cell.text() + "`");
                }
                String country = m.group(1).strip();
                int year = Integer.parseInt(m.group(2));
                props.put("startCountry", country);
                props.put("startYear", year);
                addCountry(country, plan);
                Map<String, Object> started = new LinkedHashMap<>();
                started.put("year", year);
                started.putAll(at.relProvenance());
                started.put("document", documentId);
                plan.rel(RelKind.STARTED_IN, code, Labels.slug(country), started);
            }
            // an empty cell sets nothing, so that a process without the attribute stays without it
            case OBJECTIVES -> props.put("objectives", cell.isEmpty() ? null : cell.text());
            case PARTICIPATION -> props.put("participation", cell.isEmpty() ? null : cell.text());
            case GEOGRAPHY -> props.put("geographicArea", cell.isEmpty() ? null : cell.text());
            case ACTION_PLAN, CONVERGENCE_AREA -> {
                for (MatrixDocument.Item item : cell.items()) {
                    String themeId = themes.resolve(item.label(), item.location());
                    addThemeEdge(plan, code, themeId, kind.name(), rowLabel, item.rawLabel(), item.location(),
                            item.position(), documentId, item.marker()).putAll(themes.matchProvenance(item.label()));
                    if (item.marker() != null) {
                        anchors.add(new Anchor(item.marker(), themeId, code, kind.name(), item.location(),
                                item.rawLabel()));
                    }
                }
                List<MatrixDocument.Line> notes = cell.notes();
                if (!notes.isEmpty()) {
                    props.put(kind == RowKind.ACTION_PLAN ? "actionPlanNote" : "convergenceAreaNote",
                            String.join(" ", notes.stream().map(MatrixDocument.Line::text).toList()));
                }
            }
            case JOINT_ACTIVITIES -> {
                String id = "activity-" + column;
                Map<String, Object> activity = new LinkedHashMap<>();
                activity.put("name", cell.text());
                activity.put("column", column);
                activity.put("row", rowLabel);
                activity.put("document", documentId);
                activity.putAll(at.nodeProvenance());
                plan.node(NodeKind.JOINT_ACTIVITY, id, activity);
                plan.rel(RelKind.PROPOSED_IN, id, documentId, at.relProvenance());
                plan.rel(RelKind.LISTED_UNDER, id, code, Map.of("column", column));
                for (Organisations.Organisation org : organisations.mentionedIn(cell.text())) {
                    addOrganisation(org, plan);
                    plan.rel(RelKind.ACTIVITY_MENTIONS, id, org.id(), at.relProvenance());
                }
                for (Taxonomy.Theme theme : taxonomy.themes()) {
                    boolean concerned = theme.labels().stream().anyMatch(a -> Labels.mentions(cell.text(), a));
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

    private static Map<String, Object> addThemeEdge(LoadPlan.Builder plan, String process, String themeId,
            String relation, String rowLabel, String rawLabel, Location at, int position, String documentId,
            String marker) {
        Map<String, Object> edge = plan.rel(RelKind.ADDRESSES, process, themeId,
                Map.of("relation", relation, "row", rowLabel, "document", documentId));
        @SuppressWarnings("unchecked")
        List<String> raw = (List<String>) edge.computeIfAbsent("rawLabels", k -> new ArrayList<String>());
        raw.add(rawLabel);
        at.addItemProvenance(edge, position);
        if (marker != null) {
            edge.put("footnoteMarker", marker);
        }
        return edge;
    }

    private static void addCountry(String name, LoadPlan.Builder plan) {
        plan.node(NodeKind.COUNTRY, Labels.slug(name), Map.of("name", name));
    }

    private void readFootnotes(MatrixDocument document, String headingMarker, List<Anchor> anchors,
            List<String> codes, String documentId, LoadPlan.Builder plan, ThemeResolver themes) {
        String name = document.origin().name();
        List<MatrixDocument.Footnote> footnotes = document.footnotes();
        List<String> pending = new ArrayList<>();
        if (headingMarker != null) {
            pending.add(headingMarker);
        }
        List<Anchor> openAnchors = new ArrayList<>(anchors);
        List<String> allCodes = new ArrayList<>(codes);
        int number = 0;
        for (MatrixDocument.Footnote fn : footnotes) {
            String id = "fn-" + ++number;
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("marker", fn.marker());
            props.put("text", fn.text());
            props.put("name", fn.marker() + " " + abbreviate(fn.text(), 40));
            props.put("document", documentId);
            props.putAll(fn.location().nodeProvenance());
            plan.node(NodeKind.FOOTNOTE, id, props);
            Map<String, Object> of = new LinkedHashMap<>(fn.location().relProvenance());
            if (pending.remove(fn.marker())) {
                of.put("anchor", "table heading");
            }
            plan.rel(RelKind.FOOTNOTE_OF, id, documentId, of);
            for (Anchor anchor : List.copyOf(openAnchors)) {
                if (anchor.marker().equals(fn.marker())) {
                    plan.rel(RelKind.ANNOTATES_THEME, id, anchor.themeId(),
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
                    plan.rel(RelKind.ANNOTATES_PROCESS, id, code, fn.location().relProvenance());
                }
            }
            for (Organisations.Organisation org : organisations.mentionedIn(fn.text())) {
                addOrganisation(org, plan);
                plan.rel(RelKind.FOOTNOTE_MENTIONS, id, org.id(), fn.location().relProvenance());
            }
        }
        for (MatrixDocument.Footnote fn : footnotes) {
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
            throw LoadException.at(name, a.location(), "footnote marker `" + a.marker() + "` on `"
                    + a.rawLabel() + "` of " + a.process() + " has no footnote text (no footnote starts with `"
                    + a.marker() + "`); " + whereFootnotesGo(document.origin().format(), a.marker()));
        }
    }

    /** @return how to add a footnote in a file of this format, for messages */
    static String whereFootnotesGo(MatrixDocument.Format format, String marker) {
        return switch (format) {
            case CSV -> "in a CSV file footnotes go in a last column headed `Notas`, one per cell from the first"
                    + " table row down, each starting with its marker (`" + marker + " text`); a workbook's `Notas`"
                    + " sheet is not saved with its first sheet as CSV, so copy its footnotes into that column";
            case XLSX -> "add it in a sheet named `Notas` (one footnote per cell of column A) or in a last column"
                    + " headed `Notas`, starting with its marker (`" + marker + " text`)";
            case TEXT -> "add it after the table, on a line starting with its marker (`" + marker + " text`)";
        };
    }

    private void readFootnoteProcess(Matcher m, MatrixDocument.Footnote fn, String documentId,
            LoadPlan.Builder plan, ThemeResolver themes) {
        String code = m.group(2);
        Location at = fn.location();
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
        props.putAll(at.nodeProvenance());
        if (!m.group(8).isBlank()) {
            props.put("note", m.group(8).strip());
        }
        plan.node(NodeKind.PROCESS, code, props);
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("as", "footnote " + fn.marker());
        described.putAll(at.relProvenance());
        plan.rel(RelKind.DESCRIBED_IN, code, documentId, described);
        int position = 0;
        for (String purpose : PURPOSE_SPLIT.split(m.group(6))) {
            String label = purpose.strip();
            String themeId = themes.resolve(label, at);
            addThemeEdge(plan, code, themeId, "STATED_PURPOSE", "footnote " + fn.marker(), label, at, ++position,
                    documentId, null).putAll(themes.matchProvenance(label));
        }
        for (String country : LIST_SPLIT.split(m.group(7))) {
            String countryName = country.strip();
            if (!countryName.isEmpty()) {
                addCountry(countryName, plan);
                Map<String, Object> member = new LinkedHashMap<>(at.relProvenance());
                member.put("document", documentId);
                plan.rel(RelKind.PARTICIPATES_IN, Labels.slug(countryName), code, member);
            }
        }
    }

    private static String join(List<MatrixDocument.Line> lines) {
        return String.join(" ", lines.stream().map(MatrixDocument.Line::text).toList()).replaceAll("\\s+", " ").strip();
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
