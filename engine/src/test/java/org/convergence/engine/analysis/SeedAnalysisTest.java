package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analyses on the 2002 matrix: facts a planner can check by reading the matrix. */
class SeedAnalysisTest {

    private static TwoModeData data;
    private static ConvergenceAnalysis.Result report;

    @BeforeAll
    static void analyse() {
        data = SeedData.load();
        ConvergenceAnalysis.Parameters p = ConvergenceAnalysis.Parameters.defaults();
        report = ConvergenceAnalysis.run(data, new ConvergenceAnalysis.Parameters(p.overlap(), p.clusters(), true,
                List.of(new ConvergenceAnalysis.PathRequest("CSM", "PPP", 3)), true, ConvergenceAnalysis.BETWEENNESS_BUDGET, 3, 5),
                line -> { });
    }

    private static String id(int process) {
        return data.graph().process(process);
    }

    @Test
    void crmAndSoaAreTheMostConvergentPair() {
        OverlapPairs.Pair top = overlap(report).scores(0);
        assertThat(id(top.a()) + "-" + id(top.b())).isEqualTo("CRM-SOA");
        // CRM: 9 distinct themes, SOA: 13, shared 8 (7 areas of convergence + 3 action-plan themes, overlapping)
        assertThat(top.shared()).isEqualTo(8);
        assertThat(top.jaccard()).isCloseTo(8d / 14, within(1e-12));
        assertThat(top.overlap()).isCloseTo(8d / 9, within(1e-12));
        // 23 themes are addressed in all; P(X >= 8) for 9 and 13 of them drawn:
        // (C(9,8)·C(14,5) + C(9,9)·C(14,4)) / C(23,13) = (18018 + 1001) / 1144066
        assertThat(data.graph().themeCount()).isEqualTo(23);
        assertThat(overlap(report).pValue(0)).isCloseTo(19019d / 1144066, within(1e-12));
        assertThat(overlap(report).qValue(0)).isGreaterThanOrEqualTo(overlap(report).pValue(0));
    }

    @Test
    void anUnknownProcessInARequestedLinkFailsBeforeAnyAnalysis() {
        ConvergenceAnalysis.Parameters d = ConvergenceAnalysis.Parameters.defaults();
        List<String> progress = new java.util.ArrayList<>();
        assertThatThrownBy(() -> ConvergenceAnalysis.run(data, new ConvergenceAnalysis.Parameters(d.overlap(),
                d.clusters(), true, List.of(new ConvergenceAnalysis.PathRequest("CSM", "NOPE", 3)), true,
                d.betweennessBudget(), 3, 5), progress::add)).hasMessageContaining("Unknown process `NOPE`");
        assertThat(progress).isEmpty();
    }

    @Test
    void csmAndPppShareNoTheme() {
        OverlapAnalysis.Result pairs = overlap(report);
        assertThat(pairs.size()).isEqualTo(5);
        for (int rank = 0; rank < pairs.size(); rank++) {
            assertThat(id(pairs.a(rank)) + id(pairs.b(rank))).isNotEqualTo("CSMPPP");
        }
    }

    @Test
    void csmToPppLinkExistsAndIsExplained() {
        ConvergenceAnalysis.PathResult result = report.paths().get(0);
        ShortestLinks.Link shortest = result.shortest().get(0);
        assertThat(shortest.hops()).isEqualTo(4);
        assertThat(shortest.nodes().get(0).id()).isEqualTo("CSM");
        assertThat(shortest.nodes().get(4).id()).isEqualTo("PPP");
        assertThat(shortest.nodes().get(3).id()).isEqualTo("migration-statistics");
        assertThat(shortest.sentence()).startsWith("CSM is linked to PPP in 4 steps: CSM (stated purpose) and ")
                .contains("PPP (area of convergence) both address \u201cMigration statistics information systems\u201d");
        assertThat(result.shortest()).hasSize(3).allSatisfy(l -> assertThat(l.hops()).isEqualTo(4));
        assertThat(result.weighted()).isNotNull();
        assertThat(result.weighted().nodes().get(0).id()).isEqualTo("CSM");
    }

    @Test
    void migrationStatisticsIsTheBridgeToPpp() {
        Centrality.Score stats = report.centrality().themes().get(0);
        assertThat(stats.id()).isEqualTo("migration-statistics");
        // removing it cuts PPP off from CRM, SOA and CSM
        assertThat(stats.disconnectedProcessPairs()).isEqualTo(3);
        assertThat(report.centrality().bridgeThemes()).extracting(Centrality.Score::id)
                .containsExactly("migration-statistics");
        assertThat(report.centrality().themes()).allSatisfy(s -> assertThat(s.betweenness()).isBetween(0.0, 1.0));
    }

    @Test
    void recommendationsComeFromSimilarProcesses() {
        List<Recommendations.Recommendation> crm = report.recommendations().get("CRM");
        assertThat(crm).isNotEmpty();
        assertThat(crm).allSatisfy(r -> assertThat(r.supporters()).isNotEmpty());
        assertThat(crm).extracting(Recommendations.Recommendation::theme).doesNotContain("remittances")
                .contains("hemispheric-security", "trafficking-in-persons");
    }

    @Test
    void clustersCoverEveryNodeOnce() {
        ConvergenceAnalysis.ClusterSet co = report.clusters(ClusterKind.CO).orElseThrow();
        assertThat(co.clusters().stream().mapToInt(c -> c.processes().size()).sum()).isEqualTo(4);
        assertThat(co.clusters().stream().mapToInt(c -> c.themes().size()).sum()).isEqualTo(data.graph().themeCount());
        assertThat(co.modularity()).isBetween(-0.5, 1.0);
        assertThat(report.clusters(ClusterKind.PROCESS)).isPresent();
        assertThat(report.clusters(ClusterKind.THEME)).isPresent();
    }

    @Test
    void unknownProcessListsCloseMatches() {
        ShortestLinks links = new ShortestLinks(data);
        assertThatThrownBy(() -> links.shortest("CMS", "PPP", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown process `CMS`; did you mean CRM, CSM?");
        assertThatThrownBy(() -> links.shortest("Summit", "PPP", 1)).hasMessageContaining("known processes include");
    }

    @Test
    void largeInputsSkipOrApproximateWithANote() {
        List<String> progress = new java.util.ArrayList<>();
        ConvergenceAnalysis.Result limited = ConvergenceAnalysis.run(data, ConvergenceAnalysis.Parameters.defaults(),
                progress::add, 10, 5);
        // an estimate never uses fewer than 64 sources: on the seed's few nodes it is the exact value
        assertThat(limited.centrality().exact()).isTrue();
        assertThat(limited.centrality().themes()).isEqualTo(report.centrality().themes());
        assertThat(limited.notes()).hasSize(1);
        assertThat(limited.notes().get(0)).startsWith("Themes clustered on their 10 strongest co-occurrences");
        assertThat(limited.clusters(ClusterKind.THEME)).isPresent();
        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("note: Themes clustered"));
        assertThat(report.notes()).isEmpty();
    }

    @Test
    void sameSeedSameClusters() {
        ConvergenceAnalysis.Result again = ConvergenceAnalysis.run(data, ConvergenceAnalysis.Parameters.defaults(),
                line -> { });
        assertThat(again.clusterSets()).isEqualTo(report.clusterSets());
    }

    /** The pairs of a result computed in memory: the analysis's columns, ranked. */
    private static OverlapAnalysis.Result overlap(ConvergenceAnalysis.Result result) {
        return (OverlapAnalysis.Result) result.pairs();
    }
}
