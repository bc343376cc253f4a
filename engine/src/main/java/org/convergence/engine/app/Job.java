package org.convergence.engine.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.convergence.loader.LoadException;

/**
 * An analytics job file: which data sets to load from which sources with which taxonomy, which
 * analyses to run with which parameters, and where outputs go. Unknown keys are errors naming the line.
 * The {@code analyses} section holds the {@link org.convergence.engine.analysis.Setting}s by their job keys, and {@code paths}.
 */
public record Job(@JsonProperty("datasets") List<DatasetSpec> datasets, @JsonProperty("analyses") JsonNode analyses,
        @JsonProperty("comparisons") List<ComparisonSpec> comparisons, @JsonProperty("output") Output output) {

    /** Built-in default job on the class path. */
    public static final String DEFAULT = "/org/convergence/engine/default-job.yaml";

    public record DatasetSpec(@JsonProperty("name") String name, @JsonProperty("seed") Boolean seed,
            @JsonProperty("csv") String csv, @JsonProperty("matrix") String matrix,
            @JsonProperty("processes") String processes, @JsonProperty("themes") String themes,
            @JsonProperty("taxonomy") String taxonomy, @JsonProperty("reload") String reload,
            @JsonProperty("match") String match, @JsonProperty("keepColumns") String keepColumns,
            @JsonProperty("series") String series, @JsonProperty("period") String period) {
    }

    /**
     * One comparison of two snapshots, under {@code comparisons}: made after every data set is loaded and
     * analysed, as {@code compare EARLIER LATER} makes it, with the job's analyses.
     *
     * @param earlier the earlier data set (of this job or already in the database)
     * @param later the later one
     * @param processMap a process map file (lines {@code EARLIER,LATER[,note]}), or null
     * @param alpha the significance level, or null for {@link
     *     org.convergence.engine.analysis.SnapshotComparison.Parameters#DEFAULT_ALPHA}
     * @param paths links to compare, {@code {from, to, k}} in the later snapshot's ids, or null
     */
    public record ComparisonSpec(@JsonProperty("earlier") String earlier, @JsonProperty("later") String later,
            @JsonProperty("processMap") String processMap, @JsonProperty("alpha") Double alpha,
            @JsonProperty("paths") JsonNode paths) {
    }

    /** One link to compute, under {@code analyses.paths}. */
    public record PathSpec(@JsonProperty("from") String from, @JsonProperty("to") String to, @JsonProperty("k") Integer k) {
    }

    /**
     * What a job writes.
     *
     * @param writeBack results into Neo4j (default true)
     * @param rows rows per table in the printed report (default 5)
     * @param json a file for the full JSON report per data set ({@code {dataset}} filled in), or null
     * @param report the HTML report per data set ({@code {dataset}}, {@code {lang}} filled in; default
     *     {@link HtmlReports#DEFAULT_OUT}), or {@code none}; needs write-back, since it shows what Neo4j holds
     * @param lang the report's language, {@code en} (default) or {@code es}
     * @param comparisonReport the HTML page per comparison ({@code {earlier}}, {@code {later}}, {@code {lang}}
     *     filled in; default {@link ComparisonReports#DEFAULT_OUT}); written when {@code report} is
     */
    public record Output(@JsonProperty("writeBack") Boolean writeBack, @JsonProperty("rows") Integer rows,
            @JsonProperty("json") String json, @JsonProperty("report") String report,
            @JsonProperty("lang") String lang, @JsonProperty("comparisonReport") String comparisonReport) {

        public Output() {
            this(true, 5, null, null, null, null);
        }

        /** @return the comparison pages' path pattern */
        public String comparisonPattern() {
            return comparisonReport == null ? ComparisonReports.DEFAULT_OUT : comparisonReport;
        }

        /** @return the report's path pattern, or null when the job writes none */
        public String reportPattern() {
            if (report != null && (report.isBlank() || report.equals("none") || report.equals("false"))) {
                return null;
            }
            return report == null ? HtmlReports.DEFAULT_OUT : report;
        }

        /** @return the report's language */
        public String reportLang() {
            return lang == null ? "en" : lang;
        }
    }

    public static Job builtIn() {
        try (InputStream in = Job.class.getResourceAsStream(DEFAULT)) {
            return parse("default-job.yaml (built in)", in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Built-in job " + DEFAULT + " cannot be read", e);
        }
    }

    public static Job load(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new LoadException(file.toString(), null, "job file does not exist");
        } catch (IOException e) {
            throw new LoadException(file.toString(), null, "cannot read job file: " + e.getMessage(), e);
        }
    }

    public static Job parse(String source, byte[] yaml) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Job job;
        try {
            job = mapper.readValue(yaml, Job.class);
        } catch (JsonProcessingException e) {
            throw new LoadException(source, org.convergence.loader.YamlErrors.line(yaml, e),
                    "invalid job: " + org.convergence.loader.YamlErrors.message(e), e);
        } catch (IOException e) {
            throw new LoadException(source, null, "cannot read job: " + e.getMessage(), e);
        }
        if (job == null || job.datasets() == null || job.datasets().isEmpty()) {
            throw new LoadException(source, null, "a job needs `datasets` with at least one entry");
        }
        for (ComparisonSpec c : job.comparisons() == null ? List.<ComparisonSpec>of() : job.comparisons()) {
            if (c == null || c.earlier() == null || c.later() == null) {
                throw new LoadException(source, null, "each comparison needs `earlier` and `later` data sets");
            }
        }
        for (DatasetSpec d : job.datasets()) {
            int sources = (Boolean.TRUE.equals(d.seed()) ? 1 : 0) + (d.csv() != null ? 1 : 0) + (d.matrix() != null ? 1 : 0);
            if (d.name() == null || sources != 1) {
                throw new LoadException(source, null, "each data set needs a `name` and exactly one of `seed: true`,"
                        + " `csv: FILE` or `matrix: FILE` (data set `" + d.name() + "`)");
            }
        }
        return job;
    }
}
