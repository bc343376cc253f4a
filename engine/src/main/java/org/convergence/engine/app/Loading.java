package org.convergence.engine.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convergence.engine.store.DatasetStore;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.NodeKind;
import org.convergence.loader.RelKind;
import org.convergence.loader.SourceText;
import org.convergence.loader.csv.TwoModeCsvParser;
import org.convergence.loader.matrix.MatrixDocument;
import org.convergence.loader.matrix.MatrixFiles;
import org.convergence.loader.matrix.MatrixParser;
import org.convergence.loader.matrix.MatrixText;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.suggest.Embedder;
import org.convergence.loader.suggest.SuggestionsFile;
import org.convergence.loader.suggest.ThemeSuggester;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;

/** Parses a source, writes it with the {@link GraphWriter} and prints what was loaded. */
public final class Loading {

    private Loading() {
    }

    /**
     * @param matrixFile a convergence matrix in any of its layouts, or null for the built-in seed matrix
     * @return the plan of the matrix, in the layout its content says ({@code .xlsx}/{@code .xls}/{@code .ods}
     *     workbook, CSV, else the seed's text layout; see {@link MatrixFiles})
     */
    public static LoadPlan matrixPlan(Path matrixFile, Taxonomy taxonomy) {
        MatrixDocument document = matrixFile == null ? MatrixText.read(SeedMatrixParser.builtInSource())
                : MatrixFiles.read(matrixFile);
        return new MatrixParser(taxonomy, Organisations.builtIn()).parse(document);
    }

    /**
     * @return the plan of a long CSV with optional attribute files, each read as a spreadsheet program
     *     saves CSV (UTF-8 or Windows-1252, {@code ,} or {@code ;} between fields)
     */
    public static LoadPlan csvPlan(Path edges, Path processes, Path themes, Taxonomy taxonomy) {
        return csvPlan(edges, processes, themes, taxonomy, TwoModeCsvParser.KeepColumns.NONE);
    }

    /** As {@link #csvPlan(Path, Path, Path, Taxonomy)}, keeping extra columns of the edge file on each relationship. */
    public static LoadPlan csvPlan(Path edges, Path processes, Path themes, Taxonomy taxonomy,
            TwoModeCsvParser.KeepColumns keep) {
        return new TwoModeCsvParser(taxonomy).parse(SourceText.readSpreadsheetCsv(edges),
                processes == null ? null : SourceText.readSpreadsheetCsv(processes),
                themes == null ? null : SourceText.readSpreadsheetCsv(themes), keep);
    }

    /**
     * @return what a long CSV holds: one plan, or with a {@code period} column one per period (each period
     *     checked as {@link SeriesPeriod} does, the line of a bad one named)
     */
    public static TwoModeCsvParser.Snapshots csvSnapshots(Path edges, Path processes, Path themes, Taxonomy taxonomy,
            TwoModeCsvParser.KeepColumns keep) {
        return new TwoModeCsvParser(taxonomy).parseSnapshots(SourceText.readSpreadsheetCsv(edges),
                processes == null ? null : SourceText.readSpreadsheetCsv(processes),
                themes == null ? null : SourceText.readSpreadsheetCsv(themes), keep, SeriesPeriod::problem);
    }

    /** How theme labels are matched to the taxonomy at a load. */
    public enum Match {
        /** Curated entries only (aliases and names): a label that matches none is a theme of its own. */
        CURATED,
        /**
         * Curated entries, then the proposals of {@code themes suggest} above its threshold, accepted
         * without review: for a quick first look, said in the summary, the report and the Browser guide.
         */
        SUGGESTED;

        /** @return the name as typed, e.g. {@code suggested} */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Match parse(String where, String value) {
            for (Match m : values()) {
                if (m.key().equalsIgnoreCase(value.strip())) {
                    return m;
                }
            }
            throw new UsageException("Value for `" + where + "` was `" + value + "`, but must be one of curated,"
                    + " suggested");
        }
    }

    /**
     * A source's plan with its labels matched as {@code match} says: for {@link Match#SUGGESTED}, the labels
     * that match no curated entry are given to {@link ThemeSuggester}, its proposals above the threshold
     * join the taxonomy (marked proposed), and the source is planned again with it.
     *
     * @param plan the plan of the source with a taxonomy
     * @param taxonomy that taxonomy
     * @param match how to match
     * @param threshold the suggestions' threshold
     * @param err where to say what happens
     * @return the plan to write
     */
    public static LoadPlan matched(java.util.function.Function<Taxonomy, LoadPlan> plan, Taxonomy taxonomy, Match match,
            double threshold, PrintWriter err) {
        return matchedSnapshots(t -> new TwoModeCsvParser.Snapshots(plan.apply(t), null), taxonomy, match, threshold,
                err).plan();
    }

    /**
     * {@link #matched} for a source of one snapshot or one per period: the labels no entry matches in any
     * period are proposed for once, and every period is parsed again with the proposals.
     */
    public static TwoModeCsvParser.Snapshots matchedSnapshots(
            java.util.function.Function<Taxonomy, TwoModeCsvParser.Snapshots> plans, Taxonomy taxonomy, Match match,
            double threshold, PrintWriter err) {
        TwoModeCsvParser.Snapshots curated = plans.apply(taxonomy);
        java.util.LinkedHashSet<String> unmapped = new java.util.LinkedHashSet<>();
        curated.plans().forEach(p -> p.unmapped().forEach(u -> unmapped.add(u.label())));
        if (match == Match.CURATED || taxonomy.isNone() || unmapped.isEmpty()) {
            return curated;
        }
        err.printf(Locale.ROOT, "matching %,d label(s) that no taxonomy entry matches (--match suggested)%n",
                unmapped.size());
        err.flush();
        ThemeSuggester suggester = new ThemeSuggester(taxonomy, Embedder.builtIn(),
                new ThemeSuggester.Parameters(threshold, 10, 3_000));
        ThemeSuggester.Suggestions suggestions = suggester.suggest(List.copyOf(unmapped));
        String yaml = SuggestionsFile.write(taxonomy, suggestions, curated.plans().get(0).source().name(),
                suggester.describe());
        return plans.apply(Taxonomy.fromYaml(taxonomy.source() + " with the proposals of themes suggest",
                yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Marks a loaded data set as the snapshot of a series for a period.
     *
     * @param out where to say so, or null to say nothing (the seed's default label)
     */
    public static void label(Neo4jConnection neo4j, String dataset, SeriesPeriod snapshot, PrintWriter out) {
        new DatasetStore(neo4j.driver()).setSnapshot(dataset, snapshot.series(), snapshot.period());
        if (out != null) {
            out.printf(Locale.ROOT, "Data set `%s` is period %s of series `%s`%n", dataset, snapshot.period(),
                    snapshot.series());
        }
    }

    /** Writes a plan, with progress on {@code err}, and prints the summary of the stored data set on {@code out}. */
    public static GraphWriter.Result write(Neo4jConnection neo4j, String dataset, LoadPlan plan, GraphWriter.Mode mode,
            PrintWriter out, PrintWriter err) {
        GraphWriter writer = new GraphWriter(neo4j.driver(), 10_000, line -> {
            err.println(line);
            err.flush();
        });
        GraphWriter.Result result = writer.write(dataset, plan, mode);
        if (result.unchanged()) {
            out.printf(Locale.ROOT, "Data set `%s` already holds %s (%s, sha256 %s…, taxonomy %s), unchanged; nothing"
                    + " written%n", dataset, plan.source().name(), plan.source().kind(),
                    plan.source().sha256().substring(0, 12), plan.source().taxonomyVersion());
        } else {
            out.printf(Locale.ROOT, "%s data set `%s` from %s (%s, sha256 %s…, taxonomy %s) in %d ms%n",
                    result.replaced() ? "Reloaded" : "Loaded", dataset, plan.source().name(), plan.source().kind(),
                    plan.source().sha256().substring(0, 12), plan.source().taxonomyVersion(), result.millis());
        }
        printSummary(neo4j, dataset, plan, out);
        return result;
    }

    public static void printSummary(Neo4jConnection neo4j, String dataset, LoadPlan plan, PrintWriter out) {
        DatasetStore store = new DatasetStore(neo4j.driver());
        // the data set now holds exactly the plan (written whole, or found unchanged): its counts come from
        // the plan, and only the analysis runs stored beside it from the database, by their index (counting
        // every node and relationship of a data set scans them, seconds on large stores)
        long nodes = plan.nodes().values().stream().mapToLong(List::size).sum();
        long relationships = plan.relationships().values().stream().mapToLong(List::size).sum();
        DatasetStore.Summary s = new DatasetStore.Summary(dataset, plan.source().name(), plan.source().kind(),
                plan.count(NodeKind.PROCESS), plan.count(NodeKind.THEME), plan.unmapped().size(),
                plan.count(RelKind.ADDRESSES), nodes, relationships, store.completeRuns(dataset));
        out.println();
        out.printf(Locale.ROOT, "  %,d processes, %,d themes (%,d unmapped), %,d process-theme relations;"
                + " %,d nodes and %,d relationships in all%s%n", s.processes(), s.themes(), s.unmappedThemes(),
                s.addresses(), s.nodes(), s.relationships(), s.analysisRuns() == 0 ? ""
                        : String.format(Locale.ROOT, "; %,d analysis run(s) stored beside them", s.analysisRuns()));
        // one line per process for small data sets only (the overview counts every edge)
        var processes = s.processes() <= 50 ? store.processes(dataset) : List.<DatasetStore.ProcessOverview>of();
        if (!processes.isEmpty()) {
            out.println();
            // the id column as wide as the longest id (up to 30), so that long ids keep the columns apart
            int width = Math.min(30, Math.max(6, processes.stream().mapToInt(p -> p.id().length()).max().orElse(6)));
            String row = "  %-" + width + "s %-42s %-22s %s%n";
            out.printf(row, "id", "name", "started", "themes by matrix row");
            for (DatasetStore.ProcessOverview p : processes) {
                String started = p.startCountry() == null
                        ? (p.startYear() == null ? "" : String.valueOf(p.startYear()))
                        : p.startCountry() + ", " + p.startYear();
                // a CSV's process has its id as its name: said once
                out.printf(row, abbreviate(p.id(), width), p.name().equals(p.id()) ? "" : abbreviate(p.name(), 42),
                        started, describe(p.themesByRelation()));
            }
        }
        out.println();
        if ("none".equals(plan.source().taxonomyVersion())) {
            // no taxonomy asked for: every label is a theme as written, nothing to report label by label
            out.printf(Locale.ROOT, "  No taxonomy: %,d theme label(s) taken as written.%n",
                    plan.unmapped().size());
        } else if (plan.unmapped().isEmpty()) {
            out.println("  Every theme label matched the taxonomy.");
        } else {
            out.printf(Locale.ROOT, "  %,d label(s) matched no taxonomy theme and became themes of their own:%n",
                    plan.unmapped().size());
            plan.unmapped().stream().limit(20).forEach(u ->
                    out.printf("    %s: \"%s\"%n", u.where(), u.label()));
            if (plan.unmapped().size() > 20) {
                out.printf(Locale.ROOT, "    ... and %,d more%n", plan.unmapped().size() - 20);
            }
        }
        if (!plan.proposed().isEmpty()) {
            out.printf(Locale.ROOT, "  %,d label(s) matched automatically, through proposals of `themes suggest`, not"
                    + " curated entries (check them before relying on them):%n", plan.proposed().size());
            plan.proposed().stream().limit(20).forEach(m -> out.printf(Locale.ROOT, "    %s: \"%s\" -> %s%s%n", m.where(),
                    m.label(), m.themeId(), m.score() == null ? "" : String.format(Locale.ROOT, " (score %.2f)", m.score())));
            if (plan.proposed().size() > 20) {
                out.printf(Locale.ROOT, "    ... and %,d more%n", plan.proposed().size() - 20);
            }
        }
        if (!"none".equals(plan.source().taxonomyVersion()) && plan.unmapped().size() >= SUGGEST_FROM) {
            out.printf(Locale.ROOT, "  %,d labels matched no theme: `convergence themes suggest %s%s --out"
                    + " proposals.yaml` proposes themes for them, with evidence to check (or load with --match"
                    + " suggested for a first look).%n", plan.unmapped().size(), plan.source().kind().startsWith("matrix")
                            || plan.source().kind().equals("seed-matrix") ? "--matrix " : "", plan.source().name());
        }
        plan.notes().forEach(n -> out.println("  Note: " + n));
        out.flush();
    }

    /** Unmatched labels from which the summary points to {@code themes suggest}. */
    public static final int SUGGEST_FROM = 5;

    private static String describe(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(v).append(' ')
                .append(k.toLowerCase(Locale.ROOT).replace('_', ' ')));
        return b.toString();
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
