package org.convergence.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.app.AnalysisJob;
import org.convergence.engine.app.Job;
import org.convergence.engine.app.Loading;
import org.convergence.engine.app.Reports;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.app.Version;
import org.convergence.engine.output.ReportOutput;
import org.convergence.engine.output.RunOutcome;
import org.convergence.engine.store.DatasetReader;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.LoadException;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.suggest.ThemeSuggester;
import org.convergence.loader.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code convergence run [JOB.yaml]}: a repeatable analytics job. Without a file, the built-in job
 * loads the 2002 matrix into data set {@code seed} (reloading only when the seed or taxonomy changed),
 * runs every analysis, writes the results back to Neo4j and prints a short report.
 */
@Command(name = "run", description = {"Run an analytics job: load its data sets, run its analyses, write the results"
        + " back to Neo4j and print a short report.", "Without JOB.yaml the built-in job runs on the 2002 convergence"
        + " matrix (data set `seed`); see engine/src/main/resources/org/convergence/engine/default-job.yaml."})
final class RunCommand extends ConnectedCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB.yaml", description = "Job file (default: the built-in job).")
    Path jobFile;


    @Override
    public Integer call() throws IOException {
        PrintWriter out = out();
        PrintWriter err = err();
        Job job = jobFile == null ? Job.builtIn() : Job.load(jobFile);
        Path base = jobFile == null ? Path.of(".") : jobFile.toAbsolutePath().getParent();
        String source = jobFile == null ? "built-in job" : jobFile.toString();
        // Parse and check every source before touching the database.
        List<LoadPlan> plans = new ArrayList<>();
        for (Job.DatasetSpec d : job.datasets()) {
            GraphWriter.requireValidName(d.name());
            Taxonomy taxonomy = d.taxonomy() == null || d.taxonomy().equals("builtin") ? Taxonomy.builtIn()
                    : d.taxonomy().equals("none") ? Taxonomy.none() : Taxonomy.load(base.resolve(d.taxonomy()));
            Loading.Match match;
            try {
                match = d.match() == null ? Loading.Match.CURATED : Loading.Match.parse("datasets.match", d.match());
            } catch (UsageException e) {
                throw new LoadException(source, null, e.getMessage(), e);
            }
            plans.add(Loading.matched(t -> d.csv() != null
                    ? Loading.csvPlan(base.resolve(d.csv()), d.processes() == null ? null : base.resolve(d.processes()),
                            d.themes() == null ? null : base.resolve(d.themes()), t,
                            org.convergence.loader.csv.TwoModeCsvParser.KeepColumns.parse(d.keepColumns()))
                    : Loading.matrixPlan(d.matrix() == null ? null : base.resolve(d.matrix()), t), taxonomy, match,
                    ThemeSuggester.Parameters.DEFAULT_THRESHOLD, err));
        }
        Job.Output o = job.output() == null ? new Job.Output() : job.output();
        boolean writeBack = o.writeBack() == null || o.writeBack();
        String reportPattern = parameters(job) && writeBack ? o.reportPattern() : null;
        if (reportPattern != null) {
            if (!org.convergence.engine.output.html.HtmlReport.LANGUAGES.contains(o.reportLang())) {
                throw new LoadException(source, null, "`output.lang` was `" + o.reportLang() + "`, but must be one of"
                        + " en, es");
            }
            for (Job.DatasetSpec d : job.datasets()) {
                try {
                    Reports.requireWritable(Reports.path(base, reportPattern, d.name(), o.reportLang()),
                            "`output.report`", true);
                } catch (UsageException e) {
                    throw new LoadException(source, null, e.getMessage(), e);
                }
            }
        }
        List<Path> reports = new ArrayList<>();
        ConvergenceAnalysis.Parameters parameters = null;
        List<String> relations = null;
        if (job.analyses() != null && !job.analyses().isNull()) {
            try {
                Setting.Values values = SettingOptions.fromJob(job.analyses(), source);
                relations = values.get(Setting.RELATIONS);
                parameters = SettingOptions.parameters(values, paths(job.analyses().get("paths")));
            } catch (IllegalArgumentException e) {
                throw new LoadException(source, null, "invalid analyses: " + e.getMessage(), e);
            }
        }
        if (parameters != null && o.json() != null) {
            // where the JSON reports go must be writable before anything runs, not after the analysis
            for (Job.DatasetSpec d : job.datasets()) {
                Path json = base.resolve(o.json().replace("{dataset}", d.name())).toAbsolutePath();
                Path dir = json.getParent();
                if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
                    throw new LoadException(source, null, "`output.json` is " + json + ", but its folder " + dir
                            + (dir != null && Files.isDirectory(dir) ? " is not writable" : " does not exist"));
                }
            }
        }
        try (Neo4jConnection neo4j = openForWriting()) {
            out.println("Convergence " + Version.of() + " on " + neo4j.description() + " (" + source + ")");
            for (int i = 0; i < plans.size(); i++) {
                Job.DatasetSpec d = job.datasets().get(i);
                Loading.write(neo4j, d.name(), plans.get(i), mode(d.reload(), source), out, err);
                out.println();
                if (parameters != null) {
                    RunOutcome outcome = AnalysisJob.run(neo4j, d.name(), relations, parameters,
                            writeBack, err);
                    ReportOutput.text(outcome, o.rows() == null ? 5 : o.rows(), out);
                    if (o.json() != null) {
                        Path json = base.resolve(o.json().replace("{dataset}", d.name()));
                        try (var writer = Files.newBufferedWriter(json)) {
                            ReportOutput.json(outcome, writer);
                        }
                        out.println("Full report written to " + json);
                    }
                    if (reportPattern != null) {
                        Path html = Reports.path(base, reportPattern, d.name(), o.reportLang());
                        err.println("writing the HTML report of `" + d.name() + "`");
                        err.flush();
                        // drawn from the result just computed, with the data set as stored: no round trip
                        Reports.write(new DatasetReader(neo4j.driver()).view(d.name()), outcome.result(), o.reportLang(),
                                html);
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
        return 0;
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

    /** The links a job asks for, {@code [{from, to, k}]}; k defaults to 3. */
    private static List<ConvergenceAnalysis.PathRequest> paths(com.fasterxml.jackson.databind.JsonNode node) {
        List<ConvergenceAnalysis.PathRequest> paths = new ArrayList<>();
        if (node == null || node.isNull()) {
            return paths;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("Value for `analyses.paths` was `" + node + "`, but must be a list of"
                    + " {from, to, k}");
        }
        for (com.fasterxml.jackson.databind.JsonNode p : node) {
            Job.PathSpec spec = ReportOutput.JSON.convertValue(p, Job.PathSpec.class);
            int k = spec.k() == null ? Setting.K.defaultValue() : spec.k();
            if (spec.from() == null || spec.to() == null || k < Setting.K.min() || k > Setting.K.max()) {
                throw new IllegalArgumentException("Value for `analyses.paths` entry was `" + p + "`, but each needs"
                        + " `from` and `to`, and `k` within the range [" + Setting.K.min() + ", " + Setting.K.max() + "]");
            }
            paths.add(new ConvergenceAnalysis.PathRequest(spec.from(), spec.to(), k));
        }
        return paths;
    }
}
