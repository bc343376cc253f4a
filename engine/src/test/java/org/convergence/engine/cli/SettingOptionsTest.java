package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.app.AnalysisJob;
import org.convergence.engine.app.Job;
import org.convergence.engine.app.JobSettings;
import org.junit.jupiter.api.Test;

/** The one definition of the analysis settings, and what is derived from it. */
class SettingOptionsTest {

    private static JsonNode yaml(String text) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void theBuiltInJobSpellsOutExactlyTheDefaults() throws IOException {
        JsonNode job;
        try (InputStream in = Job.class.getResourceAsStream(Job.DEFAULT)) {
            job = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        Setting.Values fromJob = JobSettings.values(job.get("analyses"), "default-job.yaml");
        Setting.Values defaults = JobSettings.values(yaml("{}"), "empty");
        assertThat(fromJob).isEqualTo(defaults);
        // every setting but threads is written out in the built-in job, so it documents them all
        for (Setting<?> s : Setting.all()) {
            if (s != Setting.THREADS) {
                assertThat(job.get("analyses").at("/" + s.jobKey().replace('.', '/')).isMissingNode()).as(s.jobKey())
                        .isFalse();
            }
        }
        assertThat(defaults.get(Setting.BETWEENNESS_BUDGET)).isEqualTo(ConvergenceAnalysis.BETWEENNESS_BUDGET);
    }

    @Test
    void defaultsGiveTheRunIdDescriptionOfEarlierVersions() {
        Setting.Values defaults = JobSettings.values(com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode(), "empty");
        Map<String, Object> d = Setting.describe(null, ConvergenceAnalysis.Parameters.of(defaults, List.of()));
        assertThat(AnalysisJob.canonicalJson(d)).isEqualTo("{\"relations\":\"all\",\"minShared\":1,\"topK\":0,"
                + "\"metric\":\"jaccard\",\"algorithm\":\"leiden\",\"resolution\":1.0,\"iterations\":10,\"seed\":42,"
                + "\"themeClusters\":true,\"centrality\":true,\"neighbours\":3,\"recommend\":5,\"paths\":[]}");
    }

    @Test
    void jobValuesAreCheckedUnderTheirKeysAndUnknownKeysRefused() throws IOException {
        Setting.Values v = JobSettings.values(yaml("relations: [action-plan, CONVERGENCE_AREA]\n"
                + "topK: 10\nclusters: {algorithm: label-propagation, themes: false}\n"), "job.yaml");
        assertThat(v.get(Setting.RELATIONS)).containsExactly("ACTION_PLAN", "CONVERGENCE_AREA");
        assertThat(v.get(Setting.TOP_K)).isEqualTo(10);
        assertThat(v.get(Setting.THEME_CLUSTERS)).isEqualTo(false);
        assertThatThrownBy(() -> JobSettings.values(yaml("clusters: {resolution: -1}"), "job.yaml"))
                .hasMessage("Value for `analyses.clusters.resolution` was `-1`, but must be a finite number > 0");
        assertThatThrownBy(() -> JobSettings.values(yaml("topk: 3\nclusters: {seeds: 1}"), "job.yaml"))
                .hasMessageContaining("Unknown key(s) in `analyses` of job.yaml: [topk, clusters.seeds]");
        assertThatThrownBy(() -> JobSettings.values(yaml("centrality: maybe"), "job.yaml"))
                .hasMessageContaining("must be true or false");
    }

    @Test
    void optionHelpComesFromTheDefinition() {
        assertThat(SettingOptions.optionSpec(Setting.MIN_SHARED).description()[0])
                .isEqualTo("List pairs sharing at least N themes (default: 1).");
        assertThat(SettingOptions.optionSpec(Setting.RECOMMEND).names()).containsExactly("--recommend");
        assertThat(SettingOptions.optionSpec(Setting.RECOMMEND, true).names()).containsExactlyInAnyOrder("--recommend", "--limit");
        // the settings come before -h and -V in the help, not after them
        for (String command : List.of("analyze", "path", "recommend")) {
            var options = ConvergenceCli.newCommandLine(Map.of()).getSubcommands().get(command).getCommandSpec().options();
            assertThat(options.subList(options.size() - 2, options.size())).as(command)
                    .extracting(o -> o.shortestName()).containsExactly("-h", "-V");
        }
    }

    @Test
    void aStoredRunIsListedWithTheOptionsThatDifferFromTheDefaults() throws IOException {
        Setting.Values defaults = JobSettings.values(yaml("{}"), "empty");
        String plain = AnalysisJob.canonicalJson(Setting.describe(null,
                ConvergenceAnalysis.Parameters.of(defaults, List.of())));
        assertThat(SettingOptions.optionsOf(plain)).isEqualTo("default parameters");
        Setting.Values v = JobSettings.values(yaml("relations: [action-plan, CONVERGENCE_AREA]\n"
                + "minShared: 2\ntopK: 10\nmetric: cosine\nclusters: {resolution: 0.5, seed: 7, themes: false}\n"
                + "centrality: false\n"), "job.yaml");
        String stored = AnalysisJob.canonicalJson(Setting.describe(v.get(Setting.RELATIONS),
                ConvergenceAnalysis.Parameters.of(v, List.of(new ConvergenceAnalysis.PathRequest("CSM", "PPP", 3)))));
        assertThat(SettingOptions.optionsOf(stored)).isEqualTo("--relations ACTION_PLAN,CONVERGENCE_AREA"
                + " --min-shared 2 --top-k 10 --metric cosine --resolution 0.5 --random-seed 7 --no-theme-clusters"
                + " --no-centrality --path CSM:PPP");
        // a seed read back from JSON is an int, the default a long: equal values are not listed
        assertThat(SettingOptions.optionsOf(plain.replace("\"seed\":42", "\"seed\":42.0")))
                .isEqualTo("default parameters");
        assertThat(SettingOptions.optionsOf("{not json")).isEqualTo("parameters not readable");
    }
}
