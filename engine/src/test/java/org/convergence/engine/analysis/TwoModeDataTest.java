package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.convergence.loader.SourceText;
import org.junit.jupiter.api.Test;

/** The analysis input built from edges: numbering, merged parallel edges, relation sets, fingerprint. */
class TwoModeDataTest {

    private static List<TwoModeData.Row> randomRows(long seed, boolean weighted) {
        Random random = new Random(seed);
        List<TwoModeData.Row> rows = new ArrayList<>();
        String[] relations = {"ACTION_PLAN", "CONVERGENCE_AREA", "STATED_PURPOSE"};
        for (int i = 0; i < 400; i++) {
            String p = "p" + random.nextInt(60);
            String t = "theme " + random.nextInt(90);
            rows.add(new TwoModeData.Row(p, "name of " + p, t, "Theme " + t, relations[random.nextInt(3)],
                    weighted ? 0.5 + random.nextInt(4) : null));
        }
        return rows;
    }

    /** The fingerprint as it was first defined: the sorted, joined lines of all rows. */
    private static String joinedLinesFingerprint(List<TwoModeData.Row> rows) {
        List<String> canonical = rows.stream().map(r -> r.process() + "\t" + r.theme() + "\t" + r.relation() + "\t"
                + r.weight()).sorted().toList();
        return SourceText.sha256(String.join("\n", canonical).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fingerprintIsTheDigestOfTheSortedEdgeLinesWhateverTheOrder() {
        for (long seed = 1; seed <= 4; seed++) {
            List<TwoModeData.Row> rows = randomRows(seed, seed % 2 == 0);
            String expected = joinedLinesFingerprint(rows);
            assertThat(TwoModeData.of(rows).fingerprint()).isEqualTo(expected);
            Collections.shuffle(rows, new Random(seed + 100));
            assertThat(TwoModeData.of(rows).fingerprint()).as("shuffled").isEqualTo(expected);
        }
    }

    @Test
    void fingerprintOfMoreBytesThanTheDigestBufferAndOfAnIdLongerThanIt() {
        // about 200 KiB of lines, a non-ASCII theme, and one process id of 70,000 characters: the lines
        // cross the 64 KiB buffer and the long id bypasses it
        Random random = new Random(31);
        List<TwoModeData.Row> rows = new ArrayList<>();
        String longId = "p".repeat(70_000);
        for (int i = 0; i < 4000; i++) {
            String p = i == 17 ? longId : "process number " + random.nextInt(900);
            String t = "théme número " + random.nextInt(700);
            rows.add(new TwoModeData.Row(p, p, t, t, "ACTION_PLAN", i % 3 == 0 ? null : random.nextDouble()));
        }
        // one edge stated many times, under every relation: its lines are ordered by relation
        String[] relations = {"STATED_PURPOSE", "ACTION_PLAN", "CONVERGENCE_AREA"};
        for (int i = 0; i < 30; i++) {
            rows.add(new TwoModeData.Row("process number 5", "p5", "théme número 9", "t9", relations[i % 3], null));
        }
        Collections.shuffle(rows, new Random(5));
        assertThat(TwoModeData.of(rows).fingerprint()).isEqualTo(joinedLinesFingerprint(rows));
    }

    @Test
    void fingerprintChangesWithAnyEdge() {
        List<TwoModeData.Row> rows = randomRows(9, true);
        String before = TwoModeData.of(rows).fingerprint();
        TwoModeData.Row r = rows.get(17);
        rows.set(17, new TwoModeData.Row(r.process(), r.processName(), r.theme(), r.themeName(), r.relation(),
                r.weight() + 1));
        assertThat(TwoModeData.of(rows).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void idsAreNumberedInSortedOrderAndParallelEdgesMergeTheirRelations() {
        TwoModeData d = TwoModeData.of(List.of(
                new TwoModeData.Row("SOA", "Summit", "remesas", "Remittances", "ACTION_PLAN", null),
                new TwoModeData.Row("CRM", "Conference", "remesas", "Remittances", "CONVERGENCE_AREA", null),
                new TwoModeData.Row("CRM", "Conference", "remesas", "Remittances", "ACTION_PLAN", null),
                new TwoModeData.Row("CRM", "Conference", "trata", "Trafficking", "ACTION_PLAN", null)));
        BipartiteGraph g = d.graph();
        assertThat(List.of(g.process(0), g.process(1))).containsExactly("CRM", "SOA");
        assertThat(List.of(g.theme(0), g.theme(1))).containsExactly("remesas", "trata");
        assertThat(g.edgeCount()).isEqualTo(3);
        assertThat(g.weighted()).isFalse();
        assertThat(d.processNames()).containsExactly("Conference", "Summit");
        assertThat(d.themeNames()).containsExactly("Remittances", "Trafficking");
        assertThat(d.relationsOf(0, 0)).containsExactly("ACTION_PLAN", "CONVERGENCE_AREA");
        assertThat(d.relationsOf(1, 0)).containsExactly("ACTION_PLAN");
        assertThat(g.themesOf(0)).containsExactly(0, 1);
        assertThat(g.processesOf(0)).containsExactly(0, 1);
    }

    @Test
    void aBadWeightIsRefusedNamingTheEdge() {
        assertThatThrownBy(() -> TwoModeData.of(List.of(new TwoModeData.Row("A", "A", "x", "x", "LISTED", -2.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A -> x").hasMessageContaining("-2.0");
    }

    @Test
    void parallelEdgesKeepTheLargestWeight() {
        TwoModeData d = TwoModeData.of(List.of(new TwoModeData.Row("A", "A", "x", "x", "ROW1", 2.0),
                new TwoModeData.Row("A", "A", "x", "x", "ROW2", 5.0), new TwoModeData.Row("B", "B", "x", "x", "ROW1", 1.0)));
        assertThat(d.graph().weighted()).isTrue();
        assertThat(d.graph().processWeight(0)).isEqualTo(5.0);
        assertThat(d.graph().edgeCount()).isEqualTo(2);
    }
}
