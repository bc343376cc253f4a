package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The comparison of {@link HandBuiltSnapshots}, whose changes are listed by hand there. */
class SnapshotComparisonTest {

    private static final TwoModeData EARLIER = HandBuiltSnapshots.EARLIER;
    private static final TwoModeData LATER = HandBuiltSnapshots.LATER;

    private static TwoModeData data(String... edges) {
        return HandBuiltSnapshots.data(edges);
    }

    private static SnapshotComparison.Snapshot analysed(String name, TwoModeData data, String from, String to) {
        return HandBuiltSnapshots.analysed(name, data, from, to);
    }

    private static SnapshotComparison.Result earlierToLater() {
        return HandBuiltSnapshots.compared("2002", "2010");
    }

    /** pair key to status and shared counts then and now */
    private static Map<String, String> changes(SnapshotComparison.Result r) {
        Map<String, String> out = new TreeMap<>();
        r.forEachPairChange((a, b, status, sb, sa, jb, ja, qb, qa) -> out.put(a + "-" + b, status + " " + sb + ">" + sa));
        return out;
    }

    @Test
    void processesThemesAndPairsAsListedByHand() {
        SnapshotComparison.Result r = earlierToLater();
        assertThat(r.processesAdded()).containsExactly("D");
        assertThat(r.processesRemoved()).isEmpty();
        assertThat(r.themesAdded()).containsExactly("t10", "t9");
        assertThat(r.themesRemoved()).isEmpty();
        assertThat(r.processThemes()).extracting(SnapshotComparison.ProcessThemes::process,
                SnapshotComparison.ProcessThemes::earlier, SnapshotComparison.ProcessThemes::gained,
                SnapshotComparison.ProcessThemes::lost, SnapshotComparison.ProcessThemes::kept).containsExactly(
                tuple("A", "A", List.of("t4"), List.of(), List.of("t1", "t2", "t3")),
                tuple("B", "B", List.of("t10", "t9"), List.of("t1", "t2", "t4"), List.of()),
                tuple("C", "C", List.of("t1"), List.of(), List.of("t5", "t6")),
                tuple("Q", "P", List.of(), List.of(), List.of("t5", "t6", "t7")));
        assertThat(changes(r)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "A-B", "VANISHED 2>0", "C-Q", "KEPT 2>2", "A-C", "APPEARED 0>1", "A-D", "APPEARED 0>1",
                "B-D", "APPEARED 0>1")));
        SnapshotComparison.PairCounts c = r.pairCounts();
        assertThat(new long[] {c.appeared(), c.vanished(), c.kept()}).containsExactly(3, 1, 1);
    }

    @Test
    void linksBridgesAndRecommendations() {
        SnapshotComparison.Result r = earlierToLater();
        // A and P were in separate components; now A –t1– C –t5|t6– Q
        assertThat(r.links()).singleElement().satisfies(l -> {
            assertThat(l.from()).isEqualTo("A");
            assertThat(l.to()).isEqualTo("Q");
            assertThat(l.hopsBefore()).isEqualTo(-1);
            assertThat(l.hopsAfter()).isEqualTo(4);
            assertThat(l.themesAfter()).hasSize(2).startsWith("t1");
        });
        // no theme cut a pair apart then; now t1 (A from C), t2 (A from D) and t9 (B from D) do
        assertThat(r.bridgesLost()).isEmpty();
        assertThat(r.bridgesGained()).containsExactly("t1", "t2", "t9");
        // A was recommended t4 (B's) and took it up; B was recommended t3 (A's), C t7 (P's): not taken up
        assertThat(r.recommendationsTakenUp()).extracting(SnapshotComparison.Recommended::process,
                SnapshotComparison.Recommended::theme, SnapshotComparison.Recommended::takenUp)
                .contains(tuple("A", "t4", true), tuple("B", "t3", false), tuple("C", "t7", false));
    }

    @Test
    void clustersAgreeWithPartitionsOverTheProcessesInBoth() {
        SnapshotComparison.ClusterFlows f = earlierToLater().clusterFlows().orElseThrow();
        assertThat(f.processes()).isEqualTo(4);
        int[] before = new int[4];
        int[] after = new int[4];
        List<String> order = List.of("A", "B", "C", "Q");
        for (SnapshotComparison.Flow flow : f.flows()) {
            for (String p : flow.processes()) {
                before[order.indexOf(p)] = flow.before();
                after[order.indexOf(p)] = flow.after();
            }
        }
        assertThat(f.adjustedRand()).isEqualTo(Partitions.adjustedRand(before, after));
        assertThat(f.normalisedMutualInformation()).isEqualTo(Partitions.normalisedMutualInformation(before, after));
    }

    @Test
    void aSnapshotComparedWithItselfHasNoChange() {
        SnapshotComparison.Snapshot s = analysed("2002", EARLIER, "A", "P");
        SnapshotComparison.Result r = SnapshotComparison.compare(s, s, List.of(), new SnapshotComparison.Parameters(0.05));
        assertThat(r.processesAdded()).isEmpty();
        assertThat(r.processesRemoved()).isEmpty();
        assertThat(r.themesAdded()).isEmpty();
        assertThat(r.processThemes()).allSatisfy(p -> {
            assertThat(p.gained()).isEmpty();
            assertThat(p.lost()).isEmpty();
        });
        assertThat(changes(r).values()).allMatch(v -> v.startsWith("KEPT")).hasSize(2);
        assertThat(r.bridgesGained()).isEmpty();
        assertThat(r.bridgesLost()).isEmpty();
        SnapshotComparison.ClusterFlows f = r.clusterFlows().orElseThrow();
        assertThat(f.adjustedRand()).isEqualTo(1.0);
        assertThat(f.normalisedMutualInformation()).isEqualTo(1.0);
        assertThat(f.moved()).isEmpty();
        assertThat(r.links()).singleElement().satisfies(l -> assertThat(l.hopsBefore()).isEqualTo(l.hopsAfter()));
    }

    @Test
    void laterToEarlierIsTheInverse() {
        SnapshotComparison.Result forward = earlierToLater();
        SnapshotComparison.Result backward = SnapshotComparison.compare(analysed("2010", LATER, "A", "Q"),
                analysed("2002", EARLIER, "A", "P"), List.of(new SnapshotComparison.Mapping("Q", "P", "renamed")),
                new SnapshotComparison.Parameters(0.05));
        assertThat(backward.processesRemoved()).isEqualTo(forward.processesAdded());
        assertThat(backward.processesAdded()).isEqualTo(forward.processesRemoved());
        assertThat(backward.themesRemoved()).isEqualTo(forward.themesAdded());
        for (SnapshotComparison.ProcessThemes p : forward.processThemes()) {
            SnapshotComparison.ProcessThemes q = backward.processThemes().stream()
                    .filter(x -> x.process().equals(p.earlier())).findFirst().orElseThrow();
            assertThat(q.gained()).isEqualTo(p.lost());
            assertThat(q.lost()).isEqualTo(p.gained());
            assertThat(q.kept()).isEqualTo(p.kept());
        }
        Map<String, String> there = changes(forward);
        Map<String, String> back = new TreeMap<>();
        changes(backward).forEach((k, v) -> back.put(k.replace("P", "Q"), v));
        assertThat(back.keySet()).isEqualTo(there.keySet());
        there.forEach((pair, v) -> {
            String[] f = v.split("[ >]");
            String[] b = back.get(pair).split("[ >]");
            String inverse = f[0].equals("APPEARED") ? "VANISHED" : f[0].equals("VANISHED") ? "APPEARED" : "KEPT";
            assertThat(b).as(pair).containsExactly(inverse, f[2], f[1]);
        });
        assertThat(backward.bridgesLost()).isEqualTo(forward.bridgesGained());
        SnapshotComparison.ClusterFlows f = forward.clusterFlows().orElseThrow();
        SnapshotComparison.ClusterFlows b = backward.clusterFlows().orElseThrow();
        assertThat(b.adjustedRand()).isEqualTo(f.adjustedRand());
        assertThat(b.normalisedMutualInformation()).isEqualTo(f.normalisedMutualInformation());
    }

    @Test
    void mappingsNamingAbsentProcessesAndSnapshotsSharingNothingAreRefused() {
        SnapshotComparison.Snapshot earlier = analysed("2002", EARLIER, "A", "P");
        SnapshotComparison.Snapshot later = analysed("2010", LATER, "A", "Q");
        SnapshotComparison.Parameters p = new SnapshotComparison.Parameters(0.05);
        assertThatThrownBy(() -> SnapshotComparison.compare(earlier, later,
                List.of(new SnapshotComparison.Mapping("PPP", "Q", "")), p))
                .hasMessageContaining("`PPP`").hasMessageContaining("`2002`");
        assertThatThrownBy(() -> SnapshotComparison.compare(earlier, later,
                List.of(new SnapshotComparison.Mapping("P", "PM", "")), p))
                .hasMessageContaining("`PM`").hasMessageContaining("`2010`");
        SnapshotComparison.Snapshot other = new SnapshotComparison.Snapshot("other", data("X-t1", "Y-t1"),
                ConvergenceAnalysis.run(data("X-t1", "Y-t1"), ConvergenceAnalysis.Parameters.of(
                        Setting.Values.defaults(), List.of()), line -> { }));
        assertThatThrownBy(() -> SnapshotComparison.compare(earlier, other, List.of(), p))
                .hasMessageContaining("share no process").hasMessageContaining("--process-map");
        assertThatThrownBy(() -> new SnapshotComparison.Parameters(1.5)).hasMessageContaining("`alpha`");
    }
}
