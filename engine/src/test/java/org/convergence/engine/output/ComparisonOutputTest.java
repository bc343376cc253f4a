package org.convergence.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.HandBuiltSnapshots;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.engine.analysis.TwoModeData;
import org.junit.jupiter.api.Test;

/** The text of a comparison stays as long as --rows says, however many processes changed. */
class ComparisonOutputTest {

    private static SnapshotComparison.Snapshot snapshot(String name, List<String> edges) {
        TwoModeData data = HandBuiltSnapshots.data(edges.toArray(String[]::new));
        return new SnapshotComparison.Snapshot(name, data, ConvergenceAnalysis.run(data,
                ConvergenceAnalysis.Parameters.of(Setting.Values.defaults(), List.of()), line -> { }));
    }

    private static String text(SnapshotComparison.Result r, int rows) {
        StringWriter out = new StringWriter();
        ComparisonOutput.text(r, rows, new PrintWriter(out));
        return out.toString();
    }

    @Test
    void longListsAreCountedAndTablesKeepToRows() {
        // 30 processes added to one that stays: B gains three themes, C one, A none
        List<String> before = List.of("A-t1", "A-t2", "B-t1", "C-t2");
        List<String> after = new ArrayList<>(List.of("A-t1", "A-t2", "B-t1", "B-t3", "B-t4", "B-t5", "C-t2", "C-t6"));
        for (int i = 10; i < 40; i++) {
            after.add("N" + i + "-t1");
        }
        SnapshotComparison.Result r = SnapshotComparison.compare(snapshot("early", before), snapshot("late", after),
                List.of(), new SnapshotComparison.Parameters(0.05));
        String one = text(r, 1);
        assertThat(one).contains("Processes added: N10, N11, N12, N13, N14, N15, N16, N17, N18, N19, N20, N21, N22, N23,"
                + " N24, N25, N26, N27, N28, N29 and 10 more; removed: none");
        // the one row shown is the process that changed most; the others are counted
        assertThat(one).containsPattern("\\n  B +\\+3 ").doesNotContainPattern("\\n  C +\\+1 ")
                .contains("… 2 more processes in both, 1 of them changed");
        String all = text(r, 20);
        assertThat(all).containsPattern("\\n  A +\\+0 ").containsPattern("\\n  B +\\+3 ")
                .containsPattern("\\n  C +\\+1 ").doesNotContain("more processes in both");
    }
}
