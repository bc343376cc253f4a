package org.convergence.engine.dataset;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a data set holds as stored, as reports show it: where it came from, its processes with their document
 * attributes, its themes with their names, its process-theme edges (with the labels as the source wrote them,
 * where they stand and how they matched) and the source document's footnotes. The analysis results shown
 * beside it are a {@link org.convergence.engine.analysis.ConvergenceAnalysis.Result}. Everything that grows
 * with the data is held in primitive columns (the edges); the labels only up to a bound.
 *
 * @param provenance where the data came from
 * @param processes every process, in the data set's order (matrix column, then id)
 * @param themes every theme, by id
 * @param edges the bipartite edges as columns
 * @param footnotes the source document's footnotes, in document order (empty for CSV data)
 */
public record DatasetView(Provenance provenance, List<Process> processes, List<Theme> themes, Edges edges,
        List<Footnote> footnotes) {

    public DatasetView {
        Objects.requireNonNull(provenance, "provenance");
        processes = List.copyOf(processes);
        themes = List.copyOf(themes);
        Objects.requireNonNull(edges, "edges");
        footnotes = List.copyOf(footnotes);
    }

    /**
     * Where the data came from.
     *
     * @param dataset data set name
     * @param kind {@code seed-matrix} (a matrix document), {@code csv} and the other load kinds
     * @param source the file or resource loaded
     * @param sourceSha256 SHA-256 of the source's bytes
     * @param taxonomyVersion version of the taxonomy that normalised the theme labels, or {@code none}
     * @param loadedAt when the data set was loaded (ISO-8601)
     * @param document title, table title, preparer, place and dates of a matrix document (empty for CSV)
     * @param matrix whether the data set came from a matrix document (text, workbook or ;-CSV), which the
     *     report lays out as the document does; else from edges, shown as an incidence table
     */
    public record Provenance(String dataset, String kind, String source, String sourceSha256, String taxonomyVersion,
            String loadedAt, Map<String, String> document, boolean matrix) {
        public Provenance {
            document = Map.copyOf(document);
        }
    }

    /**
     * A process.
     *
     * @param id its id
     * @param code its code (the id for CSV data)
     * @param name its name
     * @param column its column in the matrix document, or 0 when the document describes it elsewhere
     * @param attributes document attributes (start, objectives, participation, geographic area, notes), by
     *     property name
     * @param activities joint activities listed under it
     */
    public record Process(String id, String code, String name, int column, Map<String, String> attributes,
            List<String> activities) {
        public Process {
            attributes = Map.copyOf(attributes);
            activities = List.copyOf(activities);
        }
    }

    /**
     * A theme.
     *
     * @param id its id
     * @param name its name as stored
     * @param nameEn English name from the taxonomy, or null
     * @param nameEs Spanish name from the taxonomy, or null
     * @param unmapped whether its label matched no taxonomy entry
     */
    public record Theme(String id, String name, String nameEn, String nameEs, boolean unmapped) {

        /** @return the name in a language ({@code en} or {@code es}), falling back to the stored name */
        public String name(String lang) {
            String n = "es".equals(lang) ? nameEs : nameEn;
            return n == null || n.isBlank() ? name : n;
        }
    }

    /**
     * The bipartite edges as columns: edge {@code i} joins {@code processes().get(process[i])} and
     * {@code themes().get(theme[i])} through matrix row {@code relations.get(relation[i])}.
     *
     * @param process process index per edge
     * @param theme theme index per edge
     * @param relation relation index per edge
     * @param relations the relation kinds (e.g. {@code ACTION_PLAN}), indexed by {@code relation}
     * @param rawLabels per edge, the labels as written in the source, or null when not kept (large data)
     * @param markers per edge, the footnote marker written after the label, or null
     * @param sources per edge, where in the source file its label stands, or null when not kept (large data)
     */
    public record Edges(int[] process, int[] theme, int[] relation, List<String> relations, List<List<String>> rawLabels,
            List<String> markers, List<Source> sources) {

        /** @return the number of edges */
        public int size() {
            return process.length;
        }
    }

    /**
     * Where in its source file an edge's label stands: a workbook's sheet and cell, a text or CSV file's
     * line (and the cell of a CSV matrix); null parts are not known. And how the label matched its theme.
     *
     * @param sheet the sheet of a workbook, or null
     * @param cell the cell (e.g. {@code C12}), or null
     * @param line the 1-based line of a text or CSV file, or null
     * @param proposed whether the label matched its theme through a proposal of {@code themes suggest}
     *     (accepted by {@code load --match suggested} or kept in a taxonomy file), not a curated entry
     * @param score the proposal's score, or null
     * @param evidence the proposal's evidence, or null
     * @param columns the source's columns a load kept on the relationship ({@code load --keep-columns})
     */
    public record Source(String sheet, String cell, Integer line, boolean proposed, Double score, String evidence,
            Map<String, String> columns) {

        public Source {
            columns = columns == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(columns));
        }

        /** Where a label stands, matched by a curated entry or not at all, with no kept columns. */
        public Source(String sheet, String cell, Integer line) {
            this(sheet, cell, line, false, null, null, Map.of());
        }
    }

    /** A footnote of the source document. */
    public record Footnote(String marker, String text) {
    }
}
