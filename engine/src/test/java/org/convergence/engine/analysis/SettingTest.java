package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings' one declaration, and the parameter records that take their defaults and checks from it. */
class SettingTest {

    @Test
    void textIsParsedTypedAndCheckedUnderTheNameTheUserWrote() {
        int minShared = Setting.MIN_SHARED.parse("--min-shared", " 2 ");
        assertThat(minShared).isEqualTo(2);
        SimilarityMetric metric = Setting.METRIC.parse("metric", "Cosine");
        assertThat(metric).isEqualTo(SimilarityMetric.COSINE);
        assertThat(Setting.RELATIONS.parse("--relations", "action-plan,convergence area,ACTION_PLAN"))
                .containsExactly("ACTION_PLAN", "CONVERGENCE_AREA");
        assertThat(Setting.RELATIONS.parse("--relations", "all")).isNull();
        assertThatThrownBy(() -> Setting.MIN_SHARED.parse("--min-shared", "0"))
                .hasMessage("Value for `--min-shared` was `0`, but must be within the range [1, 2147483647]");
        assertThatThrownBy(() -> Setting.ITERATIONS.parse("analyses.clusters.iterations", "1.5"))
                .hasMessage("Value for `analyses.clusters.iterations` was `1.5`, but must be a whole number");
        assertThatThrownBy(() -> Setting.BETWEENNESS_BUDGET.parse("--betweenness-budget", "0.5"))
                .hasMessage("Value for `--betweenness-budget` was `0.5`, but must be a finite number >= 1");
        assertThatThrownBy(() -> Setting.RESOLUTION.parse("--resolution", "NaN"))
                .hasMessage("Value for `--resolution` was `NaN`, but must be a finite number > 0");
        assertThatThrownBy(() -> Setting.ALGORITHM.parse("--algorithm", "spectral"))
                .hasMessage("Value for `--algorithm` was `spectral`, but must be one of leiden, louvain, label-propagation");
    }

    @Test
    void theParameterRecordsTakeTheirDefaultsFromTheDeclarations() {
        OverlapAnalysis.Parameters overlap = OverlapAnalysis.Parameters.defaults();
        assertThat(List.of(overlap.minShared(), overlap.topK(), overlap.threads()))
                .containsExactly(Setting.MIN_SHARED.defaultValue(), Setting.TOP_K.defaultValue(),
                        Runtime.getRuntime().availableProcessors());
        assertThat(overlap.metric()).isEqualTo(Setting.METRIC.defaultValue());
        assertThat(Clusters.Parameters.defaults()).isEqualTo(new Clusters.Parameters(Setting.ALGORITHM.defaultValue(),
                Setting.RESOLUTION.defaultValue(), Setting.ITERATIONS.defaultValue(), Setting.SEED.defaultValue()));
        assertThat(Centrality.Parameters.defaults().exactLimit()).isEqualTo(Setting.BETWEENNESS_BUDGET.defaultValue());
        ConvergenceAnalysis.Parameters all = ConvergenceAnalysis.Parameters.defaults();
        assertThat(all.recommendNeighbours()).isEqualTo(Setting.NEIGHBOURS.defaultValue());
        assertThat(all.recommendLimit()).isEqualTo(Setting.RECOMMEND.defaultValue());
        assertThat(all.themeClusters()).isEqualTo(Setting.THEME_CLUSTERS.defaultValue());
        assertThat(all.centrality()).isEqualTo(Setting.CENTRALITY.defaultValue());
    }

    @Test
    void theParameterRecordsRefuseWhatTheDeclarationsRefuseNamingTheirComponents() {
        assertThatThrownBy(() -> new OverlapAnalysis.Parameters(1, -1, SimilarityMetric.JACCARD, 1))
                .hasMessage("Value for `topK` was `-1`, but must be within the range [0, 2147483647]");
        assertThatThrownBy(() -> new OverlapKernel.Parameters(1, 1025))
                .hasMessage("Value for `threads` was `1025`, but must be within the range [1, " + Setting.THREADS.max() + "]");
        assertThatThrownBy(() -> new Centrality.Parameters(1, 42, 0))
                .hasMessage("Value for `threads` was `0`, but must be within the range [1, 1024]");
        assertThatThrownBy(() -> new Clusters.Parameters(Clusters.Algorithm.LEIDEN, 1.0, 10_001, 42))
                .hasMessage("Value for `iterations` was `10001`, but must be within the range [1, "
                        + Setting.ITERATIONS.max() + "]");
        assertThatThrownBy(() -> new Centrality.Parameters(0.5, 42, 1))
                .hasMessage("Value for `exactLimit` was `0.5`, but must be a finite number >= 1");
        assertThatThrownBy(() -> new ConvergenceAnalysis.PathRequest("CSM", "PPP", 0))
                .hasMessage("Value for `k` was `0`, but must be within the range [1, 1000]");
        assertThatThrownBy(() -> new ConvergenceAnalysis.Parameters(OverlapAnalysis.Parameters.defaults(), null, false,
                List.of(), false, 5e8, 0, 0))
                .hasMessage("Value for `recommendLimit` was `0`, but must be within the range [1, 100000]");
    }

    @Test
    void withoutClusteringSampledBetweennessKeepsTheDefaultSeed() {
        ConvergenceAnalysis.Parameters noClusters = new ConvergenceAnalysis.Parameters(
                OverlapAnalysis.Parameters.defaults(), null, false, List.of(), true, 5e8, 0, 1);
        assertThat(noClusters.seed()).isEqualTo(Setting.SEED.defaultValue());
    }

    @Test
    void valuesAreTypedAndEveryJobSettingHasOne() {
        Setting.Values values = Setting.Values.defaults().set(Setting.TOP_K, 10);
        int topK = values.get(Setting.TOP_K);
        assertThat(topK).isEqualTo(10);
        for (Setting<?> s : Setting.all()) {
            assertThat(s.jobKey()).isNotBlank();
            assertThat(s.option()).startsWith("--");
            assertThat(s.description()).isNotBlank();
        }
        assertThat(Setting.all()).doesNotContain(Setting.K);
    }
}
