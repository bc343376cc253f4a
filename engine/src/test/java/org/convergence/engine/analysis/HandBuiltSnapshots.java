package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Two hand-built snapshots whose changes can be listed by hand, for the tests of a comparison and of its
 * outputs: a pair that vanishes, three that appear, one kept across a renamed process, a new process, a
 * recommendation taken up and two not.
 *
 * <pre>
 *          earlier                later
 *   A      t1 t2 t3               t1 t2 t3 t4      (gains t4, which B's themes recommended to it)
 *   B      t1 t2 t4               t9 t10           (A–B vanishes)
 *   C      t5 t6                  t5 t6 t1         (A–C appears through t1)
 *   P → Q  t5 t6 t7               t5 t6 t7         (renamed: C–Q is C–P kept)
 *   D      —                      t2 t9            (new: A–D and B–D appear)
 * </pre>
 */
public final class HandBuiltSnapshots {

    /** The earlier snapshot's graph. */
    public static final TwoModeData EARLIER = data("A-t1", "A-t2", "A-t3", "B-t1", "B-t2", "B-t4", "C-t5", "C-t6",
            "P-t5", "P-t6", "P-t7");

    /** The later snapshot's graph. */
    public static final TwoModeData LATER = data("A-t1", "A-t2", "A-t3", "A-t4", "B-t9", "B-t10", "C-t5", "C-t6",
            "C-t1", "Q-t5", "Q-t6", "Q-t7", "D-t2", "D-t9");

    /** P became Q. */
    public static final List<SnapshotComparison.Mapping> P_IS_Q =
            List.of(new SnapshotComparison.Mapping("P", "Q", "renamed"));

    private HandBuiltSnapshots() {
    }

    /** @return a graph of edges written {@code process-theme}, relation {@code LISTED} */
    public static TwoModeData data(String... edges) {
        List<TwoModeData.Row> rows = new ArrayList<>();
        for (String e : edges) {
            String[] pt = e.split("-");
            rows.add(new TwoModeData.Row(pt[0], pt[0], pt[1], pt[1], "LISTED", null));
        }
        return TwoModeData.of(rows);
    }

    /** @return the graph analysed with the default settings and one link asked for */
    public static SnapshotComparison.Snapshot analysed(String name, TwoModeData data, String from, String to) {
        ConvergenceAnalysis.Parameters p = ConvergenceAnalysis.Parameters.of(Setting.Values.defaults(),
                List.of(new ConvergenceAnalysis.PathRequest(from, to, 1)));
        return new SnapshotComparison.Snapshot(name, data, ConvergenceAnalysis.run(data, p, line -> { }));
    }

    /** @return the earlier snapshot (data set {@code earlier}) compared with the later one, the link A → P/Q */
    public static SnapshotComparison.Result compared(String earlier, String later) {
        return SnapshotComparison.compare(analysed(earlier, EARLIER, "A", "P"), analysed(later, LATER, "A", "Q"),
                P_IS_Q, new SnapshotComparison.Parameters(0.05));
    }
}
