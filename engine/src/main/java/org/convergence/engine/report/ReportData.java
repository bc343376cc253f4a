package org.convergence.engine.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report shows: one data set and one complete analysis run, as stored. Knows nothing of where
 * it was read from. Everything that grows with the data is either bounded here (the pairs are kept in
 * full only up to {@link #PAIR_GRID_LIMIT} processes, else summarised by cluster) or held in primitive
 * columns (the bipartite edges).
 *
 * @param provenance where the data and results came from
 * @param processes every process, in the data set's order (matrix column, then id)
 * @param themes every theme, by id
 * @param edges the bipartite edges as columns
 * @param pairs the converging pairs: all of them, or a summary above {@link #PAIR_GRID_LIMIT} processes
 * @param links the run's requested links, as stored
 * @param recommendations per process (in {@code processes} order), its recommendations by rank
 * @param footnotes the source document's footnotes, in document order (empty for CSV data)
 * @param notes what the run skipped or approximated, as stored with it
 */
public record ReportData(Provenance provenance, List<Process> processes, List<Theme> themes, Edges edges,
        Pairs pairs, List<Link> links, Map<String, List<Recommendation>> recommendations, List<Footnote> footnotes,
        List<String> notes) {

    /** Up to this many processes the report holds every pair and draws the whole grid. */
    public static final int PAIR_GRID_LIMIT = 300;

    /** Strongest pairs kept when the grid is summarised. */
    public static final int TOP_PAIRS = 50;

    public ReportData {
        Objects.requireNonNull(provenance, "provenance");
        processes = List.copyOf(processes);
        themes = List.copyOf(themes);
        Objects.requireNonNull(edges, "edges");
        Objects.requireNonNull(pairs, "pairs");
        links = List.copyOf(links);
        recommendations = Map.copyOf(recommendations);
        footnotes = List.copyOf(footnotes);
        notes = List.copyOf(notes);
    }

    /**
     * Where the data and results came from.
     *
     * @param dataset data set name
     * @param kind {@code seed-matrix} (a matrix document) or {@code csv}
     * @param source the file or resource loaded
     * @param sourceSha256 SHA-256 of the source's bytes
     * @param taxonomyVersion version of the taxonomy that normalised the theme labels, or {@code none}
     * @param loadedAt when the data set was loaded (ISO-8601)
     * @param document title, table title, preparer, place and dates of a matrix document (empty for CSV)
     * @param run the run's id
     * @param parameters the run's parameters as JSON
     * @param engineVersion the engine version that wrote the run
     * @param finishedAt when the run was written (ISO-8601)
     * @param inputFingerprint fingerprint of the analysis input
     * @param pairCount converging pairs the run stored
     * @param relations the matrix rows (relation kinds) the run analysed, empty for all
     * @param matrix whether the data set came from a matrix document (text, workbook or ;-CSV), which the
     *     report lays out as the document does; else from edges, shown as an incidence table
     * @param modularity the modularity of the clusters of processes and themes together, or NaN when the run
     *     stored none
     */
    public record Provenance(String dataset, String kind, String source, String sourceSha256, String taxonomyVersion,
            String loadedAt, Map<String, String> document, String run, String parameters, String engineVersion,
            String finishedAt, String inputFingerprint, long pairCount, List<String> relations, boolean matrix,
            double modularity) {
        public Provenance {
            document = Map.copyOf(document);
            relations = List.copyOf(relations);
        }

        /** @return whether the run analysed edges of this relation kind */
        public boolean analysed(String relation) {
            return relations.isEmpty() || relations.contains(relation);
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
     * @param coCluster its cluster among processes and themes together, or -1
     * @param cluster its cluster among processes, or -1
     * @param betweenness its two-mode betweenness, or NaN when not computed
     */
    public record Process(String id, String code, String name, int column, Map<String, String> attributes,
            List<String> activities, int coCluster, int cluster, double betweenness) {
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
     * @param coCluster its cluster among processes and themes together, or -1
     * @param cluster its cluster among themes, or -1
     * @param betweenness its two-mode betweenness, or NaN
     * @param degree processes addressing it
     * @param disconnectedPairs process pairs that lose every link without it
     * @param bridge whether some process pair loses every link without it
     */
    public record Theme(String id, String name, String nameEn, String nameEs, boolean unmapped, int coCluster,
            int cluster, double betweenness, int degree, long disconnectedPairs, boolean bridge) {

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
     * Converging pairs. With {@code complete}, columns {@code a..q} hold every pair; otherwise they hold
     * the {@link #TOP_PAIRS} strongest by Jaccard and {@code blocks} summarises all of them by process
     * cluster.
     *
     * @param complete whether every pair is here
     * @param total number of converging pairs stored
     * @param a first process index per pair
     * @param b second process index per pair
     * @param shared shared themes per pair
     * @param jaccard Jaccard per pair
     * @param overlap overlap coefficient per pair
     * @param cosine cosine (Salton) per pair
     * @param p hypergeometric p-value per pair
     * @param q Benjamini–Hochberg q-value per pair
     * @param blocks cluster × cluster summary, or null when complete
     */
    public record Pairs(boolean complete, long total, int[] a, int[] b, int[] shared, double[] jaccard,
            double[] overlap, double[] cosine, double[] p, double[] q, Blocks blocks) {

        /** @return the number of pairs held */
        public int size() {
            return a.length;
        }
    }

    /**
     * Pairs summarised by process cluster: for clusters {@code i <= j}, cell {@code i * k + j} counts the
     * converging pairs between them and sums their scores; {@code sizes[i]} is a cluster's process count.
     *
     * @param clusters the clusters kept (largest first), at most {@code k}
     * @param sizes processes per kept cluster
     * @param pairs converging pairs per cell
     * @param jaccardSum summed Jaccard per cell
     * @param overlapSum summed overlap per cell
     * @param cosineSum summed cosine per cell
     * @param minQ smallest q-value per cell (1 when no pair)
     */
    public record Blocks(int[] clusters, int[] sizes, long[] pairs, double[] jaccardSum, double[] overlapSum,
            double[] cosineSum, double[] minQ) {

        /** @return the number of clusters kept */
        public int k() {
            return clusters.length;
        }
    }

    /**
     * A requested link between two processes.
     *
     * @param from process id
     * @param to process id
     * @param paths the shortest paths, each its nodes and sentence
     * @param weighted the cheapest path on the projection, or null
     */
    public record Link(String from, String to, List<Path> paths, Path weighted) {
        public Link {
            paths = List.copyOf(paths);
        }
    }

    /**
     * One path.
     *
     * @param nodes process and theme nodes alternating
     * @param steps process–theme–process steps with the matrix rows on each side
     * @param sentence the path in plain language, in English, as the analysis wrote it
     * @param hops edges in the bipartite graph
     * @param cost the cost on the projection for the cheapest path, else the hop count
     */
    public record Path(List<PathNode> nodes, List<Step> steps, String sentence, int hops, double cost) {
        public Path {
            nodes = List.copyOf(nodes);
            steps = List.copyOf(steps);
        }
    }

    /** One hop through a theme: two processes and the matrix rows through which each addresses it. */
    public record Step(String from, List<String> fromRelations, String theme, String to, List<String> toRelations) {
        public Step {
            fromRelations = List.copyOf(fromRelations);
            toRelations = List.copyOf(toRelations);
        }
    }

    /** A node on a path: {@code process} or {@code theme}, its id and name. */
    public record PathNode(String kind, String id, String name) {
    }

    /** A theme recommended to a process, its score and the processes behind it. */
    public record Recommendation(String theme, int rank, double score, List<String> supporters) {
        public Recommendation {
            supporters = List.copyOf(supporters);
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
