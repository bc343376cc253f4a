package org.convergence.engine.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.engine.output.ComparisonOutput;
import org.convergence.engine.output.AtomicFile;
import org.convergence.engine.output.ResultOutput;
import org.convergence.engine.output.RunOutcome;
import org.convergence.engine.store.DatasetReader;
import org.convergence.engine.store.GraphReader;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.LoadException;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.suggest.ThemeSuggester;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * The use case of {@code convergence run}: a job file parsed and every part of it checked (sources,
 * taxonomies, settings, links, where outputs go) before anything touches the database, then each data set
 * loaded, analysed, written back and reported.
 */
public final class JobRun {

    /**
     * A job whose every part was checked.
     *
     * @param job the job as written
     * @param base the folder its relative paths start from
     * @param source the job file, or "built-in job", for messages
     * @param loads the data sets to load, in order: one per data set of the job, or one per period of a long
     *     CSV with a {@code period} column
     * @param parameters the analyses' parameters, or null when the job runs no analysis
     * @param relations the relation kinds the analyses read, or null for all
     * @param output what the job writes
     * @param writeBack whether results go back into Neo4j
     * @param reportPattern the HTML report's path pattern, or null for none
     * @param comparisons the comparisons made after every data set is analysed
     */
    public record Checked(Job job, Path base, String source, List<Load> loads,
            ConvergenceAnalysis.Parameters parameters, List<String> relations, Job.Output output, boolean writeBack,
            String reportPattern, List<Comparing> comparisons) {
    }

    /**
     * One data set a job loads.
     *
     * @param spec the job's entry it comes from
     * @param dataset its name: the entry's, or {@code NAME-PERIOD} for one period of a long CSV
     * @param plan what will be written
     * @param snapshot the series and period it describes, or null
     */
    public record Load(Job.DatasetSpec spec, String dataset, LoadPlan plan, SeriesPeriod snapshot) {
    }

    private JobRun() {
    }

    /**
     * Reads and checks a job; nothing is opened or written.
     *
     * @param jobFile the job file, or null for the built-in job
     * @param err where the label matching reports progress
     * @throws LoadException naming the job file and the problem
     */
    public static Checked check(Path jobFile, PrintWriter err) {
        Job job = jobFile == null ? Job.builtIn() : Job.load(jobFile);
        Path base = jobFile == null ? Path.of(".") : jobFile.toAbsolutePath().getParent();
        String source = jobFile == null ? "built-in job" : jobFile.toString();
        List<Load> loads = new ArrayList<>();
        for (Job.DatasetSpec d : job.datasets()) {
            GraphWriter.requireValidName(d.name());
            Taxonomy taxonomy = d.taxonomy() == null || d.taxonomy().equals("builtin") ? Taxonomy.builtIn()
                    : d.taxonomy().equals("none") ? Taxonomy.none() : Taxonomy.load(base.resolve(d.taxonomy()));
            Loading.Match match;
            try {
                match = d.match() == null ? Loading.Match.CURATED : Loading.Match.parse("datasets.match", d.match());
                if (d.csv() == null || d.period() != null) {
                    SeriesPeriod.of(d.series(), d.period(), d.csv() == null && d.matrix() == null);
                } else if (d.series() != null) {
                    SeriesPeriod.requireSeries(d.series());
                }
            } catch (UsageException e) {
                throw jobError(source, e);
            }
            org.convergence.loader.csv.TwoModeCsvParser.Snapshots parsed = Loading.matchedSnapshots(t -> d.csv() != null
                    ? Loading.csvSnapshots(base.resolve(d.csv()), d.processes() == null ? null
                            : base.resolve(d.processes()), d.themes() == null ? null : base.resolve(d.themes()), t,
                            org.convergence.loader.csv.TwoModeCsvParser.KeepColumns.parse(d.keepColumns()))
                    : new org.convergence.loader.csv.TwoModeCsvParser.Snapshots(Loading.matrixPlan(d.matrix() == null
                            ? null : base.resolve(d.matrix()), t), null), taxonomy, match,
                    ThemeSuggester.Parameters.DEFAULT_THRESHOLD, err);
            try {
                if (parsed.byPeriod() == null) {
                    loads.add(new Load(d, d.name(), parsed.plan(), SeriesPeriod.of(d.series(), d.period(),
                            d.csv() == null && d.matrix() == null)));
                    continue;
                }
                if (d.period() != null) {
                    throw new UsageException("`period` names one period, but " + d.csv() + " has a `period` column that"
                            + " gives each row's: leave `period` out to load one data set per period");
                }
                SeriesPeriod.perPeriod(d.name(), d.series(), parsed.byPeriod().keySet(), "`datasets.name` `"
                        + d.name() + "`").forEach((name, snapshot) -> loads.add(new Load(d, name,
                                parsed.byPeriod().get(snapshot.period()), snapshot)));
            } catch (UsageException e) {
                throw jobError(source, e);
            }
        }
        Job.Output o = job.output() == null ? new Job.Output() : job.output();
        boolean writeBack = o.writeBack() == null || o.writeBack();
        String reportPattern = parameters(job) && writeBack ? o.reportPattern() : null;
        if (reportPattern != null) {
            if (!org.convergence.engine.output.html.HtmlReport.LANGUAGES.contains(o.reportLang())) {
                throw new LoadException(source, null, "`output.lang` was `" + o.reportLang() + "`, but must be one of"
                        + " en, es");
            }
            for (Load d : loads) {
                try {
                    HtmlReports.requireWritable(HtmlReports.path(base, reportPattern, d.dataset(), o.reportLang()),
                            "`output.report`", true);
                } catch (UsageException e) {
                    throw new LoadException(source, null, e.getMessage(), e);
                }
            }
        }
        ConvergenceAnalysis.Parameters parameters = null;
        List<String> relations = null;
        if (job.analyses() != null && !job.analyses().isNull()) {
            try {
                JobSettings.Checked checked = JobSettings.check(job.analyses(), source);
                relations = checked.values().get(Setting.RELATIONS);
                parameters = checked.parameters();
            } catch (IllegalArgumentException e) {
                throw new LoadException(source, null, "invalid analyses: " + e.getMessage(), e);
            }
        }
        if (parameters != null && o.json() != null) {
            // where the JSON reports go must be writable before anything runs, not after the analysis
            for (Load d : loads) {
                Path json = base.resolve(o.json().replace("{dataset}", d.dataset())).toAbsolutePath();
                Path dir = json.getParent();
                if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
                    throw new LoadException(source, null, "`output.json` is " + json + ", but its folder " + dir
                            + (dir != null && Files.isDirectory(dir) ? " is not writable" : " does not exist"));
                }
            }
        }
        List<Comparing> comparisons = comparisons(job, base, source, parameters, relations, writeBack);
        if (reportPattern != null) {
            for (Comparing c : comparisons) {
                try {
                    HtmlReports.requireWritable(ComparisonReports.path(base, o.comparisonPattern(), c.earlier(),
                            c.later(), o.reportLang()), "`output.comparisonReport`", true);
                } catch (UsageException e) {
                    throw new LoadException(source, null, e.getMessage(), e);
                }
            }
        }
        return new Checked(job, base, source, loads, parameters, relations, o, writeBack, reportPattern,
                comparisons);
    }

    /** The job's comparisons, each checked as {@code compare} checks its options; the process maps read. */
    private static List<Comparing> comparisons(Job job, Path base, String source,
            ConvergenceAnalysis.Parameters parameters, List<String> relations, boolean writeBack) {
        List<Comparing> out = new ArrayList<>();
        if (job.comparisons() == null || job.comparisons().isEmpty()) {
            return out;
        }
        if (parameters == null) {
            throw new LoadException(source, null, "`comparisons` compare analyses: the job needs an `analyses` section");
        }
        for (Job.ComparisonSpec c : job.comparisons()) {
            ProcessMap map = c.processMap() == null ? ProcessMap.none() : ProcessMap.read(base.resolve(c.processMap()));
            try {
                SnapshotComparison.Parameters p = new SnapshotComparison.Parameters(c.alpha() == null
                        ? SnapshotComparison.Parameters.DEFAULT_ALPHA : c.alpha());
                List<ConvergenceAnalysis.PathRequest> paths = JobSettings.paths(c.paths());
                ConvergenceAnalysis.Parameters withPaths = new ConvergenceAnalysis.Parameters(parameters.overlap(),
                        parameters.clusters(), parameters.themeClusters(), paths, parameters.centrality(),
                        parameters.betweennessBudget(), parameters.recommendNeighbours(), parameters.recommendLimit());
                out.add(new Comparing(c.earlier(), c.later(), null, map, relations, withPaths, p, writeBack));
            } catch (IllegalArgumentException e) {
                throw new LoadException(source, null, "invalid comparison of `" + c.earlier() + "` and `" + c.later()
                        + "`: " + e.getMessage().replace("`alpha`", "`comparisons.alpha`").replace("`analyses.paths`",
                                "`comparisons.paths`"), e);
            }
        }
        return out;
    }

    /**
     * Runs a checked job: per data set, load, then (if the job has analyses) analyse, write back, print
     * the short report and write the JSON and HTML reports.
     */
    public static void execute(Neo4jConnection neo4j, Checked c, PrintWriter out, PrintWriter err) throws IOException {
        List<Path> reports = new ArrayList<>();
        Map<String, Comparing.Analysed> analysed = new HashMap<>();
        out.println("Convergence " + Version.of() + " on " + neo4j.description() + " (" + c.source() + ")");
        for (Load load : c.loads()) {
            Job.DatasetSpec spec = load.spec();
            String name = load.dataset();
            Loading.write(neo4j, name, load.plan(), mode(spec.reload(), c.source()), out, err);
            if (load.snapshot() != null) {
                // the seed's built-in label goes unsaid; a series named or a period of a CSV is announced
                Loading.label(neo4j, name, load.snapshot(), spec.series() != null || !name.equals(spec.name()) ? out
                        : null);
            }
            out.println();
            if (c.parameters() != null) {
                long t0 = System.nanoTime();
                err.println("reading data set `" + name + "` from Neo4j");
                err.flush();
                GraphReader.Snapshot graph = new GraphReader(neo4j.driver()).snapshot(name, c.relations());
                RunOutcome outcome = AnalysisJob.run(neo4j, name, graph, c.relations(), c.parameters(),
                        c.writeBack(), err, (System.nanoTime() - t0) / 1_000_000);
                if (!c.comparisons().isEmpty()) {
                    analysed.put(name, new Comparing.Analysed(graph, c.relations(), c.parameters(), outcome));
                }
                ResultOutput.text(outcome, c.output().rows() == null ? 5 : c.output().rows(), out);
                if (c.output().json() != null) {
                    Path json = c.base().resolve(c.output().json().replace("{dataset}", name));
                    AtomicFile.writeText(json, writer -> ResultOutput.json(outcome, writer));
                    out.println("Full report written to " + json);
                }
                if (c.reportPattern() != null) {
                    Path html = HtmlReports.path(c.base(), c.reportPattern(), name, c.output().reportLang());
                    err.println("writing the HTML report of `" + name + "`");
                    err.flush();
                    // drawn from the result just computed, with the data set as stored: no round trip
                    HtmlReports.write(new DatasetReader(neo4j.driver()).view(name), outcome.result(),
                            c.output().reportLang(), html);
                    reports.add(html);
                }
                out.println();
            }
        }
        for (Comparing request : c.comparisons()) {
            for (Comparing.Pair pair : request.pairs(neo4j)) {
                Comparing.Compared compared = request.compare(neo4j, pair, err, analysed);
                ComparisonOutput.text(compared.result(), c.output().rows() == null ? 5 : c.output().rows(), out);
                if (c.reportPattern() != null) {
                    Path html = ComparisonReports.path(c.base(), c.output().comparisonPattern(), pair.earlier(),
                            pair.later(), c.output().reportLang());
                    err.println("writing the HTML page of the comparison of `" + pair.earlier() + "` and `"
                            + pair.later() + "`");
                    err.flush();
                    ComparisonReports.write(ComparisonReports.of(neo4j, compared.result(), compared.id(),
                            compared.earlierRun(), compared.laterRun()), c.output().reportLang(), html);
                    reports.add(html);
                }
                out.println();
            }
        }
        out.println("Look at it in Neo4j Browser: ./convergence serve, then open"
                + " http://localhost:7474/browser/?preselectAuthMethod=NO_AUTH");
        for (Path html : reports) {
            out.println("Report written to " + html);
        }
    }

    private static LoadException jobError(String source, UsageException e) {
        return new LoadException(source, null, e.getMessage().replace("`--series`", "`datasets.series`")
                .replace("`--period`", "`datasets.period`").replace("--series and --period", "`series` and `period`"), e);
    }

    private static boolean parameters(Job job) {
        return job.analyses() != null && !job.analyses().isNull();
    }

    private static GraphWriter.Mode mode(String reload, String source) {
        if (reload == null || reload.equals("if-changed")) {
            return GraphWriter.Mode.REPLACE_IF_CHANGED;
        }
        return switch (reload) {
            case "always" -> GraphWriter.Mode.REPLACE;
            case "never" -> GraphWriter.Mode.MERGE;
            default -> throw new LoadException(source, null, "`reload` was `" + reload
                    + "`, but must be one of if-changed, always, never");
        };
    }
}
